import type { ArticleTextBlock, Claim, Glossary, Quote, Term } from '../../glossary/types.ts';
import type { TermMatch } from '../../match/term-matcher.ts';

// How the article page cuts a block of the article into what it draws: sentences (marked when quoted), and
// inside them plain text, underlined terms and citation markers. Pure, so the cutting is tested in Node.

export type InlinePiece =
  | { kind: 'text'; text: string }
  | { kind: 'term'; termId: string; text: string }
  /** "[2]" in a paragraph: the article's citation of reference 2. */
  | { kind: 'citation'; reference: number; text: string };

export type BlockRun =
  /** Whitespace between sentences. */
  { kind: 'gap'; text: string } | { kind: 'sentence'; number: number; pieces: InlinePiece[] };

const citationPattern = /\[(\d+)\]/g;

/**
 * The block's text as runs of sentences and the gaps between them. Every character of the text is in
 * exactly one piece, in order. Term matches that would cross a sentence's end are left out (none do: terms are
 * a few words).
 */
export function blockRuns(block: ArticleTextBlock, matches: readonly TermMatch[]): BlockRun[] {
  const runs: BlockRun[] = [];
  let at = 0;
  for (const sentence of block.sentences) {
    if (sentence.start > at) runs.push({ kind: 'gap', text: block.text.slice(at, sentence.start) });
    const marks: { start: number; end: number; piece: InlinePiece }[] = matches
      .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
      .map((m) => ({
        start: m.start,
        end: m.end,
        piece: { kind: 'term', termId: m.termId, text: block.text.slice(m.start, m.end) },
      }));
    if (block.kind !== 'reference') {
      for (const c of block.text.slice(sentence.start, sentence.end).matchAll(citationPattern)) {
        const start = sentence.start + c.index;
        marks.push({
          start,
          end: start + c[0].length,
          piece: { kind: 'citation', reference: Number(c[1]), text: c[0] },
        });
      }
    }
    marks.sort((a, b) => a.start - b.start);
    const pieces: InlinePiece[] = [];
    let from = sentence.start;
    for (const mark of marks) {
      if (mark.start < from) continue; // overlaps the one before
      if (mark.start > from) pieces.push({ kind: 'text', text: block.text.slice(from, mark.start) });
      pieces.push(mark.piece);
      from = mark.end;
    }
    if (from < sentence.end) pieces.push({ kind: 'text', text: block.text.slice(from, sentence.end) });
    runs.push({ kind: 'sentence', number: sentence.number, pieces });
    at = sentence.end;
  }
  if (at < block.text.length) runs.push({ kind: 'gap', text: block.text.slice(at) });
  return runs;
}

/** Quotes that span the same sentences, and who quotes them: glossary entries and the article's claims. */
export interface QuotedPassage {
  first: number;
  last: number;
  /** The quote's words as the glossary keeps them. */
  text: string;
  /** A text-fragment link to the passage on the author's page. */
  link: string;
  terms: Term[];
  claims: Claim[];
}

/** Every quoted passage of the article, in the article's order. */
export function quotedPassages(glossary: Pick<Glossary, 'terms' | 'claims'>): QuotedPassage[] {
  const byRange = new Map<string, QuotedPassage>();
  const passageOf = (quote: Quote) => {
    const key = `${quote.sentences.first}-${quote.sentences.last}`;
    let passage = byRange.get(key);
    if (!passage)
      byRange.set(key, (passage = { ...quote.sentences, text: quote.text, link: quote.link, terms: [], claims: [] }));
    return passage;
  };
  for (const term of glossary.terms) {
    for (const quote of term.quotes) {
      const passage = passageOf(quote);
      if (!passage.terms.includes(term)) passage.terms.push(term);
    }
  }
  for (const claim of glossary.claims) passageOf(claim.quote).claims.push(claim);
  return [...byRange.values()].sort((a, b) => a.first - b.first || a.last - b.last);
}
