import type { ArticleBlock, ArticleDocument, ArticleSentence, ArticleTextBlock } from '../../src/glossary/types.ts';

// The article text file is the article as received: one line per block, as copied from the author's page.
// How its blocks are marked (looked up in glossary/article/*.txt):
//   - the first line is the title, followed by a blank line;
//   - a heading is a line of its own of a few words that does not end a sentence ("Postpartum",
//     "Insulin and Prolactin: A Hormonious Friendship"); a question may be a heading ("Who has Insulin
//     Resistance?");
//   - a paragraph is any other line (they all end in a full stop, or a citation marker after one);
//   - a line "-" separates the body from a list of further reading, whose items start with "- ";
//   - the references start with their number in brackets: "[1]Watt, A. P., …".

/** At most this many words, and not ending a sentence: a heading. The longest heading has 7 words. */
const headingMaxWords = 12;

/** A sentence ends after . ! ? or …, with any closing quotes or brackets and citation markers ("milk.[1]"). */
const sentenceEnd = /[.!?…]+[”’"')\]]*(?:\[\d+\])*(?=\s+\S)/g;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Sentence ranges of a block's text, numbered on from `next`. */
function splitSentences(text: string, next: number): ArticleSentence[] {
  const sentences: ArticleSentence[] = [];
  let start = 0;
  for (const end of text.matchAll(sentenceEnd)) {
    const stop = end.index + end[0].length;
    sentences.push({ number: next + sentences.length, start, end: stop });
    start = stop + (/^\s+/.exec(text.slice(stop))?.[0].length ?? 0);
  }
  if (start < text.length) sentences.push({ number: next + sentences.length, start, end: text.length });
  return sentences;
}

function kindOf(line: string, isFirst: boolean): ArticleTextBlock['kind'] {
  if (isFirst) return 'title';
  if (/^- /.test(line)) return 'list-item';
  if (/^\[\d+\]/.test(line)) return 'reference';
  const words = line.split(' ').length;
  return words <= headingMaxWords && !/[.!…:;,]["”’')\]]*(?:\[\d+\])*$/.test(line) ? 'heading' : 'paragraph';
}

export interface ReadArticle {
  document: ArticleDocument;
  /**
   * The sentences that a quote (whitespace-collapsed, as the compile step keeps quotes) overlaps, by number:
   * null when the quote is not in the article.
   */
  sentencesOf(quote: string): { first: number; last: number } | null;
}

/**
 * Reads the article text into the blocks the article page shows: title, headings, paragraphs, the list and
 * the references, each text cut into numbered sentences (numbers run through the whole article, so an anchor
 * `#sentence-12` stays put when quotes are added or removed).
 */
export function readArticle(raw: string): ReadArticle {
  const blocks: ArticleBlock[] = [];
  // The whole text as one line, as the compile step compares quotes with it, and where each sentence is in it.
  let flat = '';
  const placed: { number: number; start: number; end: number }[] = [];
  let nextSentence = 1;
  for (const rawLine of raw.split(/\r?\n/)) {
    const line = collapse(rawLine);
    if (line === '') continue;
    const lineStart = flat === '' ? 0 : flat.length + 1;
    flat = flat === '' ? line : `${flat} ${line}`;
    if (/^-+$/.test(line)) {
      blocks.push({ kind: 'separator' });
      continue;
    }
    const kind = kindOf(line, blocks.length === 0);
    const text = kind === 'list-item' ? line.slice(2) : line;
    const textStart = lineStart + (line.length - text.length);
    const sentences =
      kind === 'paragraph' || kind === 'list-item'
        ? splitSentences(text, nextSentence)
        : [{ number: nextSentence, start: 0, end: text.length }];
    nextSentence += sentences.length;
    for (const s of sentences) placed.push({ number: s.number, start: textStart + s.start, end: textStart + s.end });
    const reference = kind === 'reference' ? Number(/^\[(\d+)\]/.exec(text)![1]) : undefined;
    blocks.push(reference === undefined ? { kind, text, sentences } : { kind, text, sentences, reference });
  }
  return {
    document: { blocks },
    sentencesOf(quote) {
      const at = flat.indexOf(collapse(quote));
      if (at < 0) return null;
      const end = at + collapse(quote).length;
      const overlapping = placed.filter((s) => s.start < end && s.end > at);
      return overlapping.length > 0 ? { first: overlapping[0]!.number, last: overlapping.at(-1)!.number } : null;
    },
  };
}
