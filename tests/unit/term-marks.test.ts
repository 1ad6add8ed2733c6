// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';
import { collectTextBlocks } from '../../src/page/collect-text-blocks.ts';
import { TermMarks } from '../../src/page/term-marks.ts';
import type { Density } from '../../src/settings/settings.ts';

const matcher = createTermMatcher(glossary.terms);

beforeAll(() => {
  // happy-dom has neither: a StaticRange is a record of its four fields, and a Highlight is a set of ranges.
  vi.stubGlobal(
    'StaticRange',
    class {
      startContainer: Node;
      startOffset: number;
      endContainer: Node;
      endOffset: number;
      constructor(init: StaticRangeInit) {
        ({
          startContainer: this.startContainer,
          startOffset: this.startOffset,
          endContainer: this.endContainer,
          endOffset: this.endOffset,
        } = init);
      }
    },
  );
});

/** A thread of posts (arrays of paragraphs); `loose` paragraphs sit outside any post. */
function pageOf(posts: string[][], loose: string[] = []): HTMLElement[] {
  const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
  const articles = posts.map((paragraphs) => {
    const article = document.createElement('article');
    article.append(...paragraphs.map(paragraph));
    return article;
  });
  document.body.replaceChildren(...articles, ...loose.map(paragraph));
  return [...document.querySelectorAll('p')];
}

function marksOn(density: Density) {
  const underlined = new Set<AbstractRange>();
  const marks = new TermMarks(underlined as unknown as Highlight, density);
  /** (Re)marks a paragraph with what the matcher finds in it, as a pass does. */
  const mark = (paragraph: Element, inDocumentOrder = false) =>
    marks.replace(
      paragraph,
      collectTextBlocks(paragraph).map((block) => ({ block, matches: matcher.find(block.text) })),
      inDocumentOrder,
    );
  /** The underlined words, as "paragraph index: word", in page order. */
  const shown = () =>
    [...underlined]
      .map((range) => {
        const paragraph = range.startContainer.parentElement!;
        const index = [...document.querySelectorAll('p')].indexOf(paragraph as HTMLParagraphElement);
        return `${index}: ${(range.startContainer as Text).data.slice(range.startOffset, range.endOffset)}`;
      })
      .sort();
  return { marks, mark, shown };
}

describe('how many occurrences are underlined (the density setting)', () => {
  it('underlines the first occurrence of each term in each post, and counts them all', () => {
    const paragraphs = pageOf([
      ['Prolactin rose, prolactin fell.', 'My prolactin and IGT.'],
      ['Prolactin again.', 'Still prolactin.'],
    ]);
    const { marks, mark, shown } = marksOn('first-in-post');
    for (const p of paragraphs) mark(p, true);
    expect(shown()).toEqual(['0: Prolactin', '1: IGT', '2: Prolactin']);
    expect(marks.counts()).toEqual(
      new Map([
        ['prolactin', 5],
        ['insufficient-glandular-tissue', 1],
      ]),
    );
  });

  it('moves the underline to an earlier block of the same post when that one is marked later', () => {
    const [first, second] = pageOf([['My prolactin was low.', 'Prolactin again.']]);
    const { mark, shown } = marksOn('first-in-post');
    mark(second!); // a block lower down is read first (the visible part of the page, say)
    expect(shown()).toEqual(['1: Prolactin']);
    mark(first!);
    expect(shown()).toEqual(['0: prolactin']);
  });

  it('gives the underline to the earliest block of the post when the holder is moved below others', () => {
    // Found by the e2e property test in Firefox: the page adds a paragraph and moves the underlined one to
    // the end of its post; the added paragraph is read first, and a paragraph that was never underlined (it
    // came second) is now the post's first.
    const [held, second] = pageOf([['My insulin was high.', 'Insulin again.']]);
    const { mark, shown } = marksOn('first-in-post');
    mark(held!, true);
    mark(second!, true);
    expect(shown()).toEqual(['0: insulin']);
    const post = document.querySelector('article')!;
    const added = Object.assign(document.createElement('p'), { textContent: 'More insulin.' });
    post.append(added, held!);
    mark(added);
    expect(shown()).toEqual(['0: Insulin']);
    mark(held!);
    expect(shown()).toEqual(['0: Insulin']);
  });

  it('hands the underline to the next block in the post when the first one loses its term', () => {
    const [first, second, third] = pageOf([['My prolactin was low.', 'Nothing here.', 'Prolactin again.']]);
    const { marks, mark, shown } = marksOn('first-in-post');
    for (const p of [first!, second!, third!]) mark(p, true);
    expect(shown()).toEqual(['0: prolactin']);
    first!.textContent = 'My levels were low.';
    mark(first!);
    expect(shown()).toEqual(['2: Prolactin']);
    marks.drop(third!);
    expect(shown()).toEqual([]);
    expect(marks.counts().size).toBe(0);
  });

  it('underlines every occurrence, or only the first on the page, as chosen', () => {
    const posts = [['Prolactin rose, prolactin fell.'], ['Prolactin again.']];
    const every = marksOn('every');
    for (const p of pageOf(posts)) every.mark(p, true);
    expect(every.shown()).toEqual(['0: Prolactin', '0: prolactin', '1: Prolactin']);
    const firstOnPage = marksOn('first-on-page');
    for (const p of pageOf(posts)) firstOnPage.mark(p, true);
    expect(firstOnPage.shown()).toEqual(['0: Prolactin']);
  });

  it('treats paragraphs outside any post as one page-wide container', () => {
    const paragraphs = pageOf([['Prolactin in a post.']], ['Prolactin on the page.', 'More prolactin.']);
    const { mark, shown } = marksOn('first-in-post');
    for (const p of paragraphs) mark(p, true);
    expect(shown()).toEqual(['0: Prolactin', '1: Prolactin']);
  });

  it('forgets what was under a subtree that was hidden, and only there', () => {
    const paragraphs = pageOf([['Prolactin in the first post.'], ['Prolactin in the second.']]);
    const { marks, mark, shown } = marksOn('first-in-post');
    for (const p of paragraphs) mark(p, true);
    marks.dropWithin(document.querySelectorAll('article')[1]!);
    expect(shown()).toEqual(['0: Prolactin']);
  });

  it('forgets everything at once when the page is read again from scratch', () => {
    const paragraphs = pageOf([['Prolactin in the first post.', 'Prolactin again.'], ['Colostrum in the second.']]);
    const { marks, mark, shown } = marksOn('first-in-post');
    for (const p of paragraphs) mark(p, true);
    expect(shown()).toEqual(['0: Prolactin', '2: Colostrum']);
    marks.clear();
    expect(shown()).toEqual([]);
    expect(marks.counts().size).toBe(0);
    expect(marks.shownMarks()).toEqual([]);
    mark(paragraphs[1]!); // and starts afresh: the second paragraph is now the post's first
    expect(shown()).toEqual(['1: Prolactin']);
  });
});
