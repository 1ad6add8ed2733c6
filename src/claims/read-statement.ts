import nlp from 'compromise';

export type Direction = 'rise' | 'fall' | 'none';

const riseWords = /\b(?:increas\w*|ris(?:e|es|ing)|rose|go(?:es)? up|went up|higher|more|rais(?:e|es|ing)|boost\w*|longer|extend\w*|grow\w*|draw(?:s|ing)? water)\b/i;
const fallWords = /\b(?:decreas\w*|drop\w*|fall(?:s|ing)?|fell|go(?:es)? down|went down|lower\w*|less|reduc\w*|fewer|shorten\w*|cut short|declin\w*|dip\w*)\b/i;

/** Rise, fall, or neither: what change the sentence describes. */
export function readDirection(sentence: string): Direction {
  const rise = riseWords.test(sentence);
  const fall = fallWords.test(sentence);
  if (rise === fall) return 'none';
  return rise ? 'rise' : 'fall';
}

/**
 * Whether the sentence negates itself: compromise tags the negatives ("doesn't", "isn't", "not", "never"),
 * and "without" counts too, so "forms without insulin but can't make milk" (two negatives) affirms.
 */
export function isNegated(sentence: string): boolean {
  const doc = nlp(sentence);
  const negatives = doc.match('#Negative').length + (sentence.match(/\bwithout\b|\bnothing to do with\b/gi)?.length ?? 0);
  return negatives % 2 === 1;
}

/** Whole-word (or phrase) test, case-insensitive except for short all-capital words (US). */
export function hasWord(sentence: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const flags = word.length <= 3 && word === word.toUpperCase() ? '' : 'i';
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, flags).test(sentence);
}
