import { escapeRegExp } from './escape-regexp.ts';

/**
 * What the quick screen needs, prepared at build time (`npm run glossary` writes it next to the glossary):
 * one expression for the first words of every written form, and for each first word the loose patterns of
 * the forms that start with it. The first stage of the content script reads this instead of the glossary, so
 * a page without a term never loads the terms themselves, and parses the patterns only once a first word is met.
 */
export interface ScreenData {
  /** Expression source: the lower-case first words of every form and acronym, longest first, as alternatives. */
  firstWords: string;
  /** Per first word: the forms starting with it, as [regular-expression source, flags]. */
  patterns: ScreenPatterns;
}

export type ScreenPatterns = Record<string, [string, string][]>;

/** The first words as one expression source: the order matters (a longer word before its prefix). */
export const firstWordsSource = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

export interface QuickTest {
  /** Length of the text as tested (soft hyphens removed): pieces go from 0 to here. */
  readonly length: number;
  /** Whether a form starts in [from, to) (it may end beyond `to`). */
  mayHoldTermAt(from: number, to: number): boolean;
}

export interface QuickScreen {
  /**
   * A quick test that `text` may hold a term, a piece at a time (a long text is tested over several tasks).
   * False for every piece means the matcher would find nothing in it, nor in any block of a subtree whose
   * textContent it is (where blocks run together and a line break leaves no space).
   */
  quickTestOf(text: string): QuickTest;
}

const softHyphen = '\u00AD';
/** Characters read per step, by the screen and the matcher's search: about a millisecond even where every word is a candidate. */
export const searchPieceLength = 16 * 1024;

/** `patterns` is called when the first candidate is met (the first stage parses them only then). */
export function createQuickScreen(firstWords: string, patterns: () => ScreenPatterns): QuickScreen {
  // No word boundary here: the quick test also reads a whole subtree's textContent, which runs its blocks
  // together ("…and" + "insulin…" reads "andinsulin"), and must not miss a term at the start of a block.
  const candidates = new RegExp(firstWords, 'gi');
  let patternsByWord: ScreenPatterns | null = null;
  // The candidate expression reports the longest first word at a position, so the forms of shorter first
  // words it begins with are tried too ("milkmaid" found, "milk supply" may still start there).
  const compiled = new Map<string, RegExp[]>();
  const patternsAt = (candidate: string) => {
    let found = compiled.get(candidate);
    if (!found) {
      const byWord = (patternsByWord ??= patterns());
      found = Object.keys(byWord)
        .filter((word) => candidate.startsWith(word))
        .flatMap((word) => byWord[word]!)
        .map(([source, flags]) => new RegExp(source, flags));
      compiled.set(candidate, found);
    }
    return found;
  };

  /** Whether a whole form starting in [from, to) is written in `text`, in a case its rule accepts. */
  function holdsFormAt(text: string, from: number, to: number): boolean {
    candidates.lastIndex = from;
    for (let c = candidates.exec(text); c && c.index < to; c = candidates.exec(text)) {
      for (const pattern of patternsAt(c[0].toLowerCase())) {
        pattern.lastIndex = c.index;
        if (pattern.test(text)) return true;
      }
      candidates.lastIndex = c.index + 1; // a shorter candidate may start inside this one
    }
    return false;
  }

  return {
    quickTestOf(text) {
      const tested = text.includes(softHyphen) ? text.replaceAll(softHyphen, '') : text;
      return { length: tested.length, mayHoldTermAt: (from, to) => holdsFormAt(tested, from, to) };
    },
  };
}
