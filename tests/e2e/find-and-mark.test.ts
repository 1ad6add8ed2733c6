import { describe, expect, it } from 'vitest';
import { setSettings } from './extension-pages.ts';
import { useExtensionSession } from './session.ts';
import { browserNames, launchWithExtension } from './launch.ts';
import { domSnapshot, highlightedRanges, openInFront, pageReportOf, waitForHighlights } from './page-state.ts';
import { neverShadowHostTags, shadowHostTags } from '../../src/page/collect-text-blocks.ts';

const underlinedInForumThread = [
  { text: 'PCOS', within: '' },
  { text: 'PCOS', within: 'post-1' },
  { text: 'milk supply', within: 'post-1' },
  { text: 'insulin resistance', within: 'post-1' },
  { text: 'IGT', within: 'post-1' },
  { text: 'insulin', within: 'post-1' },
  { text: 'prolactin', within: 'post-1' },
  { text: 'Prolactin', within: 'post-2' },
  { text: 'insulin', within: 'post-2' },
  { text: 'insulin resistance', within: 'post-2' },
  { text: 'gestational diabetes', within: 'post-2' },
  { text: 'milk supply', within: 'post-2' },
  { text: 'galactagogue', within: 'post-2' },
  { text: 'oestrogen', within: 'post-3' },
  { text: 'LAM', within: 'post-3' },
];

describe.each(browserNames)('finding and marking terms in %s', (name) => {
  const session = useExtensionSession(name);

  it('underlines the first occurrence of each term in each post of a forum thread', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await pageReportOf(session.ext, page); // the scanner is done: nothing more will be underlined
    expect(await highlightedRanges(page)).toEqual(underlinedInForumThread);
  });

  it('leaves form fields, editors, code, hidden text and look-alike words alone', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await waitForHighlights(page, underlinedInForumThread.length);
    const texts = (await highlightedRanges(page)).map((r) => r.text.toLowerCase());
    expect(texts).not.toContain('cortisol'); // hidden paragraph
    expect(texts).not.toContain('colostrum'); // contenteditable draft
    expect(texts.filter((t) => t === 'prolactin')).toHaveLength(2); // not "prolactinoma", not the textarea or input
  });

  it('reports every occurrence to the popup, whatever the density', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await waitForHighlights(page, underlinedInForumThread.length);
    const report = await pageReportOf(session.ext, page);
    expect(report.terms).toContainEqual({ termId: 'gestational-diabetes', count: 2 });
    expect(report.terms).toContainEqual({ termId: 'insufficient-glandular-tissue', count: 1 });
    expect(report.underlined).toBe(underlinedInForumThread.length);
  });

  it('finds terms inside open shadow roots and inside frames', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/frames-and-shadow.html`);
    await waitForHighlights(page, 3);
    // Outside any post, "first in each post" means first on the page: the heading's colostrum, not the intro's.
    // (Shadow-root ranges have no document order against the light DOM, so compare as a set.)
    expect((await highlightedRanges(page)).map((r) => r.text).sort()).toEqual([
      'colostrum',
      'cortisol',
      'lactogenesis',
    ]);
    const frame = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await waitForHighlights(frame, 2);
    const framed = await frame.evaluate(() =>
      [...CSS.highlights.get('lactation-glossary-term')!.keys()].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    );
    expect(framed.sort()).toEqual(['mammary gland', 'progesterone']);
  });

  it('finds terms that only shadow roots hold, and follows changes inside them', async () => {
    // Web components: the light DOM has no term at all (the script is in <head>, outside body's text).
    const componentsPage = (text: string) =>
      `<!doctype html><title>Components</title><script>
        customElements.define('forum-post', class extends HTMLElement {
          connectedCallback() { this.shadowRoot || this.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: this.dataset.text })); }
        });
      </script><h1>Thread</h1><forum-post id="first" data-text="${text}"></forum-post>`;
    session.server.route('/components.html', componentsPage('My prolactin was low.'));
    session.server.route('/quiet-components.html', componentsPage('We slept well.'));
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/components.html`);
    await page.bringToFront();
    await waitForHighlights(page, 1);
    expect((await highlightedRanges(page)).map((r) => r.text)).toEqual(['prolactin']);

    // A page with no term at first: what its components show later is read too.
    await page.goto(`${session.server.origin}/quiet-components.html`);
    expect((await pageReportOf(session.ext, page)).terms).toEqual([]);
    await page.evaluate(() => {
      // A reply inside the post's shadow root, then a new post whose text is only in its shadow root.
      document
        .getElementById('first')!
        .shadowRoot!.append(Object.assign(document.createElement('p'), { textContent: 'Was it insulin resistance?' }));
      const reply = document.createElement('forum-post');
      reply.dataset.text = 'Colostrum came in on day two.';
      document.body.append(reply);
    });
    await waitForHighlights(page, 2);
    await page.evaluate(() => document.getElementById('first')!.shadowRoot!.lastElementChild!.remove());
    await waitForHighlights(page, 1, { exactly: true });
    expect((await highlightedRanges(page)).map((r) => r.text)).toEqual(['Colostrum']);
  });

  it('finds a term that only a shadow root on a plain element holds, deep in a list', async () => {
    // A page's own components on built-in hosts: a post's div inside a list item, a heading inside a table cell.
    session.server.route(
      '/plain-hosts.html',
      // The script is in <head>, outside body's text: the light DOM holds no term.
      `<!doctype html><title>Hosts</title><script>
        addEventListener('DOMContentLoaded', () => {
          const paragraph = (text) => Object.assign(document.createElement('p'), { textContent: text });
          document.getElementById('post').attachShadow({ mode: 'open' }).append(paragraph('We slept well.'));
          document.getElementById('heading').attachShadow({ mode: 'open' }).append(paragraph('My prolactin was low.'));
        });
      </script><h1>Thread</h1><ul><li><div id="post"></div></li></ul>
      <table><tr><td><h2 id="heading"></h2></td></tr></table>`,
    );
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/plain-hosts.html`);
    await waitForHighlights(page, 1);
    expect((await highlightedRanges(page)).map((r) => r.text)).toEqual(['prolactin']);

    // The screen looks only at the elements that may host one (span's is not read, as inline text): the
    // browser lets none of those it leaves out host a shadow root.
    const hosting = await page.evaluate(
      (tags) =>
        tags.filter((tag) => {
          try {
            return !!document.createElement(tag).attachShadow({ mode: 'open' });
          } catch {
            return false;
          }
        }),
      [...neverShadowHostTags, ...shadowHostTags],
    );
    expect(hosting).toEqual(shadowHostTags); // and each of those does (the check's positive control)
  });

  it('marks replies as they load, drops removed ones and follows edits, one pass per burst', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await waitForHighlights(page, underlinedInForumThread.length);
    await page.evaluate(() => {
      const thread = document.getElementById('thread')!;
      for (let i = 4; i <= 6; i++) {
        const post = document.createElement('article');
        post.className = 'post';
        post.id = `post-${i}`;
        const p = document.createElement('p');
        p.textContent = `Reply ${i}: my lactation consultant said colostrum is normal.`;
        post.append(p);
        thread.append(post);
      }
    });
    await waitForHighlights(page, underlinedInForumThread.length + 6);
    let ranges = await highlightedRanges(page);
    expect(ranges.filter((r) => r.within === 'post-5').map((r) => r.text)).toEqual([
      'lactation consultant',
      'colostrum',
    ]);
    expect(ranges.filter((r) => r.within === 'post-3').map((r) => r.text)).toEqual(['oestrogen', 'LAM']);

    await page.evaluate(() => document.getElementById('post-3')!.remove());
    await page.evaluate(() => {
      const first = document.querySelector('#post-1 p')!.firstChild as Text;
      first.data = first.data.replace('PCOS', 'hypothyroidism');
    });
    await pageReportOf(session.ext, page);
    ranges = await highlightedRanges(page);
    expect(ranges.filter((r) => r.within === 'post-3')).toEqual([]);
    expect(ranges.filter((r) => r.within === 'post-1').map((r) => r.text)).toEqual([
      'milk supply',
      'insulin resistance',
      'IGT',
      'insulin',
      'prolactin',
    ]);

    // A burst of 5000 mutations (a client-side re-render) costs at most one rescan.
    const before = (await pageReportOf(session.ext, page)).stats;
    await page.evaluate(() => {
      const thread = document.getElementById('thread')!;
      for (let i = 0; i < 2500; i++) {
        const p = document.createElement('p');
        p.textContent = i % 100 === 0 ? 'PCOS again' : 'nothing to see';
        thread.append(p);
        if (i % 2 === 0) p.remove();
      }
    });
    const after = (await pageReportOf(session.ext, page)).stats;
    expect(after.fullScans + after.incrementalScans - (before.fullScans + before.incrementalScans)).toBeLessThanOrEqual(
      1,
    );
  });

  it('underlines a term that words streamed one by one complete, on a page that had none', async () => {
    session.server.route(
      '/streamed-answer.html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ask</title></head><body><main id="chat"><p>How can I get more sleep with a newborn?</p></main></body></html>',
    );
    const { page } = await openInFront(session.ext, `${session.server.origin}/streamed-answer.html`);
    expect((await pageReportOf(session.ext, page)).terms).toEqual([]); // the first stage has screened the page
    await page.bringToFront();
    // As a chat answer arrives: one span per word, none a term alone.
    await page.evaluate(async () => {
      const answer = document.getElementById('chat')!.appendChild(document.createElement('p'));
      answer.id = 'answer';
      for (const word of ['Feeding', ' often', ' builds', ' your', ' milk', ' ', 'supply', '.']) {
        answer.appendChild(document.createElement('span')).textContent = word;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    await waitForHighlights(page, 1);
    expect(await highlightedRanges(page)).toEqual([{ text: 'milk supply', within: 'answer' }]);
  });

  it("takes a term's sense from the paragraph next to it and from the page's title", async () => {
    const pageWith = (title: string, body: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
    session.server.route(
      '/lam-heading.html',
      pageWith(
        'Periods after birth',
        '<article class="post"><h2 id="explained">The LAM method</h2><p>It only works while you are exclusively breastfeeding and your periods have not come back.</p></article>' +
          '<article class="post"><h2 id="unexplained">LAM</h2><p>We walked to the park after lunch.</p></article>',
      ),
    );
    const paragraph = '<p id="first-milk">Colostrum is the first milk, and it comes in small amounts.</p>';
    session.server.route('/colostrum-calves.html', pageWith('Colostrum for dairy calves', paragraph));
    session.server.route('/colostrum-babies.html', pageWith('Colostrum for newborn babies', paragraph));

    const headed = await session.ext.newPage();
    await headed.goto(`${session.server.origin}/lam-heading.html`);
    await pageReportOf(session.ext, headed);
    expect(await highlightedRanges(headed)).toEqual([{ text: 'LAM', within: 'explained' }]);

    // The same paragraph on a page about babies is underlined (the control), on a page about calves it is not.
    const babies = await session.ext.newPage();
    await babies.goto(`${session.server.origin}/colostrum-babies.html`);
    await waitForHighlights(babies, 1);
    expect(await highlightedRanges(babies)).toEqual([{ text: 'Colostrum', within: 'first-milk' }]);
    const calves = await session.ext.newPage();
    await calves.goto(`${session.server.origin}/colostrum-calves.html`);
    await pageReportOf(session.ext, calves);
    expect(await highlightedRanges(calves)).toEqual([]);
  });

  it('never changes the page: DOM and text are identical with and without the extension', async () => {
    const withExtension = await session.ext.newPage();
    await withExtension.goto(`${session.server.origin}/forum-thread.html`);
    await waitForHighlights(withExtension, underlinedInForumThread.length);
    const bare = await launchWithExtension(name, { extension: false });
    try {
      const without = await bare.newPage();
      await without.goto(`${session.server.origin}/forum-thread.html`);
      expect(await domSnapshot(withExtension)).toEqual(await domSnapshot(without));
    } finally {
      await bare.close();
    }
  });

  it('applies a density change to the open tab at once', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await waitForHighlights(page, underlinedInForumThread.length);
    await setSettings(session.ext, { density: 'every' });
    await waitForHighlights(page, 16);
    expect((await highlightedRanges(page)).filter((r) => r.text === 'gestational diabetes')).toHaveLength(2);
    await setSettings(session.ext, { density: 'first-on-page' });
    await waitForHighlights(page, 10, { exactly: true });
    await setSettings(session.ext, {});
  });
});
