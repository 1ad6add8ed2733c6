// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';
import { searchPieceLength } from '../../src/match/quick-screen.ts';
import { firstReadLength, screenedForChange, TermScreen } from '../../src/page/term-screen.ts';

const matcher = createTermMatcher(glossary.terms);

/** Runs the screen to its verdict, counting its steps (each one a bounded piece of work). */
function screen(node: Node): { mayHoldTerms: boolean; steps: number } {
  const termScreen = new TermScreen(node, matcher);
  let steps = 0;
  while (termScreen.step()) steps++;
  return { mayHoldTerms: termScreen.mayHoldTerms, steps };
}

const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

describe('screening a page for terms before walking it', () => {
  it('turns away a long text with no term, over many small steps', () => {
    document.body.replaceChildren(paragraph('we slept well last night. '.repeat(40_000)));
    const verdict = screen(document.body);
    expect(verdict.mayHoldTerms).toBe(false);
    expect(verdict.steps).toBeGreaterThan(10); // 1 MB in pieces, not in one go
  });

  it('finds a term wherever it sits against the pieces the text is tested in, even split by a line break', () => {
    for (let at = 4 * searchPieceLength - 16; at <= 4 * searchPieceLength + 9; at++) {
      const before = `${'x'.repeat(at)} `;
      document.body.replaceChildren(paragraph(`${before}lactation consultant.`));
      expect(screen(document.body).mayHoldTerms, `term at ${at}`).toBe(true);
      const split = paragraph(`${before}lactation`);
      split.append(document.createElement('br'), 'consultant');
      document.body.replaceChildren(split);
      expect(screen(document.body).mayHoldTerms, `term split at ${at}`).toBe(true);
      document.body.replaceChildren(paragraph(`${before}lactation, then a consultant`));
      expect(screen(document.body).mayHoldTerms, `no term at ${at}`).toBe(false);
    }
  });

  it('finds a term early in a long page in its first read, and one split where that read stops', () => {
    /** 4 000 replies of 26 characters (104 000 in all), with `inserted` paragraphs put in at `at`. */
    const page = (at: number, ...inserted: string[]) => {
      const paragraphs = Array.from({ length: 4_000 }, () => paragraph('We slept well last night. '));
      paragraphs.splice(at, 0, ...inserted.map(paragraph));
      document.body.replaceChildren(...paragraphs);
    };
    page(3, 'Her prolactin was checked.');
    expect(screen(document.body)).toEqual({ mayHoldTerms: true, steps: 0 }); // decided in the first step
    // The first read stops just after "lactation" (315 × 26 + 9 characters); "consultant" comes next.
    page(Math.floor(firstReadLength / 26), 'lactation', 'consultant');
    expect(screen(document.body).mayHoldTerms).toBe(true);
    page(3_900, 'Her prolactin was checked.'); // far beyond the first read
    expect(screen(document.body).mayHoldTerms).toBe(true);
    page(3, 'lactation, then a consultant');
    expect(screen(document.body).mayHoldTerms).toBe(false);
  });

  it('reads the open shadow roots that textContent leaves out, nested ones too', () => {
    const outer = document.createElement('forum-post');
    document.body.replaceChildren(paragraph('Thread'), outer);
    const inner = document.createElement('post-body');
    outer.attachShadow({ mode: 'open' }).append(paragraph('Replies'), inner);
    inner.attachShadow({ mode: 'open' }).append(paragraph('We slept well.'));
    expect(screen(document.body).mayHoldTerms).toBe(false);
    inner.shadowRoot!.append(paragraph('My prolactin was low.'));
    expect(screen(document.body).mayHoldTerms).toBe(true);
    expect(screen(outer).mayHoldTerms).toBe(true); // a component added on its own
  });

  it('reads a shadow root on every kind of element that may host one, deep in lists and tables', () => {
    // Each host alone on a page whose light DOM holds no term, under elements the screen does not look at: the
    // DOM standard's list (less body, and span, whose shadow root is not read as an inline element) and custom
    // elements.
    const standardHosts = 'article aside blockquote div footer h1 h2 h3 h4 h5 h6 header main nav p section'.split(' ');
    const hosts = [...standardHosts, 'forum-post', 'x-reply-body'];
    const inside = (tag: string, child: Node) => {
      const parent = document.createElement(tag);
      parent.append(child);
      return parent;
    };
    for (const tag of hosts) {
      const host = document.createElement(tag);
      const list = inside('ul', inside('li', inside('table', inside('tr', inside('td', host)))));
      document.body.replaceChildren(paragraph('Thread'), list);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.append(paragraph('We slept well.'));
      expect(screen(document.body).mayHoldTerms, tag).toBe(false);
      shadow.append(paragraph('My prolactin was low.'));
      expect(screen(document.body).mayHoldTerms, tag).toBe(true);
    }
  });

  it('screens a change with the rest of its paragraph, but not with the whole page', () => {
    const post = paragraph('My IR is');
    const bold = post.appendChild(document.createElement('b'));
    bold.textContent = ' improving';
    const loose = document.createTextNode('12:00');
    document.body.replaceChildren(post, loose);
    expect(screenedForChange(bold.firstChild!)).toBe(post);
    expect(screenedForChange(bold)).toBe(post);
    expect(screenedForChange(post)).toBe(post);
    expect(screenedForChange(loose)).toBe(loose); // text right in the body: only itself
    const shadow = document.body.appendChild(document.createElement('x-post')).attachShadow({ mode: 'open' });
    expect(screenedForChange(shadow)).toBe(shadow);
  });
});
