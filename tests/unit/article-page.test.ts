import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../glossary/compile/read-article.ts';
import { glossary } from '../../src/glossary/glossary.ts';
import type { ArticleTextBlock } from '../../src/glossary/types.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';
import { blockRuns, quotedPassages, type BlockRun } from '../../src/ui/article-page/article-pieces.ts';

const articleFile = readdirSync('glossary/article').find((f) => f.endsWith('.txt'))!;
const real = readArticle(readFileSync(`glossary/article/${articleFile}`, 'utf8'));
const textBlocks = real.document.blocks.filter((b): b is ArticleTextBlock => b.kind !== 'separator');
const sentenceText = (n: number) => {
  for (const b of textBlocks) for (const s of b.sentences) if (s.number === n) return b.text.slice(s.start, s.end);
  throw new Error(`no sentence ${n}`);
};
const runText = (runs: BlockRun[]) =>
  runs.map((r) => (r.kind === 'gap' ? r.text : r.pieces.map((p) => p.text).join(''))).join('');

describe('reading the article text into blocks', () => {
  it('finds the title, the headings, the paragraphs, the list and the references as the file marks them', () => {
    const small = readArticle(
      'A Title – With a Dash\n\nFirst paragraph. It cites a paper.[1]\nA Heading\nWho has it?\nA paragraph with “quotes.” And more!\n-\n- Read this: a list item\n- Another one\n\n[1]Writer, A. B. (2020). A paper. Journal, 1, 2-3.\n',
    );
    expect(small.document.blocks.map((b) => b.kind)).toEqual([
      'title',
      'paragraph',
      'heading',
      'heading',
      'paragraph',
      'separator',
      'list-item',
      'list-item',
      'reference',
    ]);
    const [, paragraph, , , quoted, , item, , reference] = small.document.blocks as ArticleTextBlock[];
    expect(paragraph!.sentences.map((s) => paragraph!.text.slice(s.start, s.end))).toEqual([
      'First paragraph.',
      'It cites a paper.[1]',
    ]);
    expect(quoted!.sentences.map((s) => quoted!.text.slice(s.start, s.end))).toEqual([
      'A paragraph with “quotes.”',
      'And more!',
    ]);
    expect(item!.text).toBe('Read this: a list item');
    // A reference is one "sentence", whatever its initials and full stops.
    expect(reference!.reference).toBe(1);
    expect(reference!.sentences).toHaveLength(1);
  });

  it('reads the real article’s nine headings and four references', () => {
    expect(textBlocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Pregnancy',
      'Postpartum',
      'Insulin and Prolactin: A Hormonious Friendship',
      'Insulin Resistance',
      'Whole-Body Complications',
      'How the Lactogenic Diet and Lifestyle can Help',
      'Who has Insulin Resistance?',
      'What lies ahead for Breastfeeding Mothers?',
      'Get Professional Help',
    ]);
    expect(textBlocks[0]!.kind).toBe('title');
    expect(textBlocks.filter((b) => b.kind === 'reference').map((b) => b.reference)).toEqual([1, 2, 3, 4]);
    expect(textBlocks.filter((b) => b.kind === 'list-item')).toHaveLength(4);
  });

  it('numbers the sentences 1, 2, 3… through the whole article, each block’s sentences covering its text', () => {
    const numbers = textBlocks.flatMap((b) => b.sentences.map((s) => s.number));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    for (const block of textBlocks) {
      const covered = block.sentences.map((s) => block.text.slice(s.start, s.end)).join(' ');
      expect(covered).toBe(block.text);
    }
  });

  it('finds the sentences a quote spans, and none for words not in the article', () => {
    const quote =
      'Prolactin is the primary hormone for milk production. It acts on the mammary gland tissue to increase milk production.';
    const at = real.sentencesOf(quote)!;
    expect(at.last).toBe(at.first + 1);
    expect(sentenceText(at.first)).toBe('Prolactin is the primary hormone for milk production.');
    expect(real.sentencesOf('Prolactin is the only hormone for milk production.')).toBeNull();
  });

  it('gives every compiled quote (terms and claims) the sentences that hold its words', () => {
    const quotes = [...glossary.terms.flatMap((t) => t.quotes), ...glossary.claims.map((c) => c.quote)];
    expect(quotes.length).toBeGreaterThan(40);
    for (const quote of quotes) {
      let text = '';
      for (let n = quote.sentences.first; n <= quote.sentences.last; n++) text += `${sentenceText(n)} `;
      expect(text, quote.text).toContain(quote.text);
      // …and no sentence more: the first holds the quote's start, the last its end (a claim may quote part of one).
      expect(sentenceText(quote.sentences.first)).toContain(quote.text.split(' ').slice(0, 3).join(' '));
      expect(sentenceText(quote.sentences.last)).toContain(quote.text.split(' ').slice(-3).join(' '));
    }
  });
});

describe('cutting a block for the article page', () => {
  const matcher = createTermMatcher(glossary.terms);

  it('keeps every character, in order, with terms and citation markers inside their sentences', () => {
    for (const block of textBlocks) {
      const runs = blockRuns(block, matcher.find(block.text));
      expect(runText(runs)).toBe(block.text);
    }
    const lactose = textBlocks.find((b) => b.text.startsWith('After childbirth'))!;
    const pieces = blockRuns(lactose, matcher.find(lactose.text)).flatMap((r) =>
      r.kind === 'sentence' ? r.pieces : [],
    );
    expect(pieces).toContainEqual({ kind: 'citation', reference: 2, text: '[2]' });
    expect(pieces).toContainEqual({ kind: 'term', termId: 'osmotic-agent', text: 'osmotic agent' });
    expect(pieces).toContainEqual({ kind: 'term', termId: 'lactose', text: 'Lactose' });
  });

  it('does not turn a reference’s own number into a citation', () => {
    const reference = textBlocks.find((b) => b.kind === 'reference')!;
    const pieces = blockRuns(reference, []).flatMap((r) => (r.kind === 'sentence' ? r.pieces : []));
    expect(pieces.every((p) => p.kind === 'text')).toBe(true);
  });

  it('groups the quotes that span the same sentences, with the entries and claims that quote them', () => {
    const passages = quotedPassages(glossary);
    const keys = passages.map((p) => `${p.first}-${p.last}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(passages.map((p) => p.first)).toEqual([...passages.map((p) => p.first)].sort((a, b) => a - b));
    const gdm = glossary.claims.find((c) => c.id === 'gdm-us-10-percent')!;
    const passage = passages.find((p) => p.first === gdm.quote.sentences.first && p.last === gdm.quote.sentences.last)!;
    expect(passage.claims.map((c) => c.id)).toContain('gdm-us-10-percent');
    expect(passage.terms.map((t) => t.id)).toContain('gestational-diabetes');
  });
});
