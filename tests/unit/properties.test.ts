// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';
import { collectTextBlocks, skippedContentMark } from '../../src/page/collect-text-blocks.ts';
import { nodeOffsetAt } from '../../src/page/block-ranges.ts';
import { mayHoldTerms } from '../../src/page/term-screen.ts';

const matcher = createTermMatcher(glossary.terms);

/** Words pages are made of: glossary terms, look-alikes, emoji, right-to-left text, combining marks. */
const word = fc.constantFrom(
  'insulin',
  'resistance',
  'insulin resistance',
  'PCOS',
  "PCOS's",
  'IGT',
  'glucose',
  'prolactin',
  'prolactinoma',
  'milk',
  'supply',
  'galactagogues',
  'oestrogen',
  'LAM',
  'lung',
  'type 2 diabetes',
  '🍼',
  'حليب',
  'e\u0301',
  'Pro\u00adlactin',
  'milk\u00a0supply',
  '\n',
  ' ',
  '',
  'https://x.org/igt',
  'a@b.com',
  'x'.repeat(300),
);
const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));

/** An element, its children, and (for elements that may host one) the children of an open shadow root. */
type Tree = { tag: string; children: (Tree | string)[]; shadow: (Tree | string)[] | null };
const tags = [
  'p',
  'div',
  'span',
  'b',
  'i',
  'a',
  'li',
  'ul',
  'article',
  'code',
  'pre',
  'textarea',
  'script',
  'br',
  'section',
  'em',
];
const shadowHosts = new Set(['p', 'div', 'span', 'article', 'section']);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => {
  const children = fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 4 });
  return {
    node: fc.record({
      tag: fc.constantFrom(...tags),
      children,
      shadow: fc.option(children, { freq: 4 }),
    }),
  };
}).node;

function build(doc: Document, node: Tree): Element {
  const element = doc.createElement(node.tag);
  const nodesOf = (list: (Tree | string)[]) =>
    list.map((child) => (typeof child === 'string' ? doc.createTextNode(child) : build(doc, child)));
  // <br> is void: the HTML parser never gives it children, and browsers draw none.
  if (node.tag !== 'br') element.append(...nodesOf(node.children));
  if (node.shadow && shadowHosts.has(node.tag)) element.attachShadow({ mode: 'open' }).append(...nodesOf(node.shadow));
  return element;
}

describe('properties of text collection and matching', () => {
  it('collects any tree without throwing, and every block maps back to its text nodes', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (trees) => {
        document.body.replaceChildren(...trees.map((t) => build(document, t)));
        for (const block of collectTextBlocks(document.body)) {
          // Each segment's node holds exactly the block's characters at its offset.
          for (const segment of block.segments) {
            expect(block.text.slice(segment.start, segment.start + segment.node.data.length)).toBe(segment.node.data);
            // (A text node right under a shadow root has no parent element: its host stands in.)
            const parent = segment.node.parentElement ?? (segment.node.parentNode as ShadowRoot).host;
            expect(parent.closest('code, pre, textarea, script')).toBeNull();
          }
          // Every match covers exactly the matched text, and maps onto the page's nodes.
          for (const match of matcher.find(block.text)) {
            expect(block.text.slice(match.start, match.end)).toBe(match.surface);
            expect(match.surface).not.toContain(skippedContentMark);
            const from = nodeOffsetAt(block, match.start, false)!;
            const to = nodeOffsetAt(block, match.end, true)!;
            const range = document.createRange();
            range.setStart(from.node, from.offset);
            range.setEnd(to.node, to.offset);
            expect(range.toString().replace(/\n/g, '')).toBe(match.surface.replace(/\n/g, ''));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the quick test never turns away a tree that holds a term, whatever its blocks, line breaks and shadow roots', () => {
    let held = 0;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (trees) => {
        document.body.replaceChildren(...trees.map((t) => build(document, t)));
        const found = collectTextBlocks(document.body).some((block) => matcher.find(block.text).length > 0);
        if (found) held++;
        if (found) expect(mayHoldTerms(document.body, matcher, Infinity)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(held).toBeGreaterThan(100); // the generated trees do hold terms often enough to test something
  });

  it('the quick test never turns away markup whose words a line break, a tag or a block boundary separates', () => {
    // Multi-word forms whose words are no terms alone, so only the whole form makes the tree hold a term.
    const piece = fc.constantFrom(
      'milk',
      'supply',
      'type',
      '2',
      'diabetes',
      'lactation',
      'consultant',
      'glandular',
      'tissue',
      'the',
      'IGT',
      'glucose',
    );
    const separator = fc.constantFrom(' ', '<br>', '<b>', '</b>', '</p><p>', '-', '', '\u00a0', '\u00ad');
    let held = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 10 }), (parts) => {
        // Built as the parser would build `<p>word sep word sep…</p>`.
        let paragraph = document.createElement('p');
        let inline: Element = paragraph;
        document.body.replaceChildren(paragraph);
        for (const [word, sep] of parts) {
          inline.append(word);
          if (sep === '<br>') inline.append(document.createElement('br'));
          else if (sep === '<b>') inline = inline.appendChild(document.createElement('b'));
          else if (sep === '</b>') inline = paragraph;
          else if (sep === '</p><p>') inline = paragraph = document.body.appendChild(document.createElement('p'));
          else inline.append(sep);
        }
        const found = collectTextBlocks(document.body).some((block) => matcher.find(block.text).length > 0);
        if (found) held++;
        if (found) expect(mayHoldTerms(document.body, matcher, Infinity)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(held).toBeGreaterThan(100);
  });

  it('finds matches in order, without overlaps, on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })),
        (input) => {
          let end = 0;
          for (const match of matcher.find(input)) {
            expect(match.start).toBeGreaterThanOrEqual(end);
            expect(input.slice(match.start, match.end)).toBe(match.surface);
            end = match.end;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
