import { isShortAllCaps } from '../match/short-all-caps.ts';
import { surfacePattern } from '../match/surface-pattern.ts';

/** A stretch of a sentence, as UTF-16 offsets into it. */
export interface Span {
  start: number;
  end: number;
}

const patterns = new Map<string, RegExp[]>();

/**
 * Regular expressions for a list of phrases: whole words, any whitespace or hyphens between words, case-insensitive
 * except short all-capital words ("US" is a place, "us" is not).
 */
function patternsFor(words: readonly string[]): RegExp[] {
  const key = words.join('\u0000');
  let found = patterns.get(key);
  if (!found) {
    const make = (list: string[], flags: string) => {
      // Longest first, so "milk supply" wins over "milk" at the same place. Gaps as the term matcher reads
      // them: a hyphen between a phrase's words reads as a space, as compromise reads it ("breast-milk
      // production"), and a phrase's own hyphen may be a space or left out.
      const body = [...list].sort((a, b) => b.length - a.length).map(surfacePattern);
      return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body.join('|')})(?![\\p{L}\\p{N}_-])`, `gu${flags}`);
    };
    const exact = words.filter(isShortAllCaps);
    const loose = words.filter((w) => !isShortAllCaps(w));
    found = [...(exact.length > 0 ? [make(exact, '')] : []), ...(loose.length > 0 ? [make(loose, 'i')] : [])];
    patterns.set(key, found);
  }
  return found;
}

/** Where any of `words` occurs in `text` as a whole word or phrase. */
export function phraseSpans(text: string, words: readonly string[]): Span[] {
  if (words.length === 0) return [];
  // Curly apostrophes as straight ones (same length, so offsets hold): "world’s" is "world's".
  const plain = text.replace(/[\u2018\u2019]/g, "'");
  return patternsFor(words).flatMap((p) =>
    [...plain.matchAll(p)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
