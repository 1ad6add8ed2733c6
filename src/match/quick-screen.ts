import { CandidateCursor } from './candidate-cursor.ts';
import { holdsScreenWord, type ScreenWalk } from './screen-walk.ts';
import { joiner } from './surface-pattern.ts';

/**
 * What the quick screen needs, prepared at build time (`npm run glossary` writes it next to the glossary):
 * the expressions that find where a written form may start, and for each first word the loose patterns of
 * the forms that start with it. The first stage of the content script reads this instead of the glossary, so
 * a page without a term never loads the terms themselves, and parses the patterns only once a candidate is met.
 */
export interface ScreenData {
  candidates: ScreenCandidates;
  /** Per first word: the forms starting with it. */
  patterns: ScreenPatterns;
}

/**
 * A form as the screen tests it: [regular-expression source, flags], and for an acronym counted only near a
 * word confirming its sense ("IR" near "insulin resistance"), those words as two expression sources: the ones
 * read in any case and the short capitals read as written. Such a word must then be somewhere in the text: it
 * is in the acronym's block (passed over, "IR" in "CAIRO", "WIRED" or "IRC" loaded the full stage on one real
 * page in ten). Anywhere, not as a whole word: the text runs blocks and lines together.
 */
export type ScreenForm = [source: string, flags: string, confirm?: [anyCase: string, exactCase: string]];

/**
 * Where a form may start, as two expression sources. Everyday words hold the short first words of forms
 * ("ir" in "their", "pre" in "present", "lam" in "claim": 9 real pages in 10 met one), and each such meeting
 * made a term-free page parse and compile the patterns; so a first word read in any case that starts only
 * longer forms must be followed by the start of one's second word, and an acronym read only in its own case
 * is looked for in that case.
 */
export interface ScreenCandidates {
  /**
   * The first words read in any case (the `i` flag), each with what must follow it if anything, as a prefix
   * tree that finds the longest at a position (`prefixAlternation`).
   */
  anyCase: string;
  /** The acronyms read only as written or in capitals ("IR", "IGT", "MetS"), the same way; empty if none. */
  exactCase: string;
  /** Every word that confirms some acronym's sense, as a form's `confirm` has them. */
  confirming: [anyCase: string, exactCase: string];
  /** The same first words as prefix trees, for a short text's walk (in the first stage's data only). */
  walk?: ScreenWalk;
}

export type ScreenPatterns = Record<string, ScreenForm[]>;

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
   * textContent it is (where blocks run together and a line break leaves no space). `holdsWholeBlocks`: the
   * text is whole blocks (a page, a shadow root, a block element), not part of one whose other words may
   * confirm an acronym's sense (text added to a paragraph).
   */
  quickTestOf(text: string, holdsWholeBlocks: boolean): QuickTest;
}

/** The first stage's screen: it also decides whether a change that holds no term must be read with its neighbours. */
export interface FirstStageScreen extends QuickScreen {
  /**
   * Whether whole blocks of `text`, which hold no term on their own, may hold one read with the text around
   * them: they hold an acronym, or a word confirming one's sense. Else their neighbours need not be read.
   */
  mayJoinNeighbours(text: string): boolean;
}

interface CompiledForm {
  pattern: RegExp;
  /** The expressions of which one must find a word confirming the form's sense, if it needs one. */
  confirm: RegExp[] | null;
}

/** How the screen's data writes the joiner between a form's words (`[\s\u00A0-]*`): the patterns hold no other space. */
export const compactJoiner = ' ';
const expandJoiners = (source: string) => source.replaceAll(compactJoiner, joiner);

const compileForm = ([source, flags, confirm]: ScreenForm): CompiledForm => ({
  pattern: new RegExp(expandJoiners(source), flags),
  confirm: confirm
    ? confirm.flatMap((words, i) => (words ? [new RegExp(expandJoiners(words), i === 0 ? 'i' : '')] : []))
    : null,
});

const softHyphen = '\u00AD';
/** Characters read per step, by the screen and the matcher's search: about a millisecond even where every word is a candidate. */
export const searchPieceLength = 16 * 1024;

/**
 * Texts up to this long are first walked for a first word (`holdsScreenWord`) by the first stage's screen, and
 * searched with the expressions only if one is there: most small pages and frames hold none. The walk is
 * plain script, so its cost grows with the text where the expressions' is mostly their compilation: in a
 * Chrome 156 page script, 0.6 ms against 3.4 ms for a paragraph, about even at 1,000 characters, 6.6 ms
 * against 3.8 ms at 8,000.
 */
export const walkedTextLength = 512;

/** The first stage's screen: a short text without a first word is turned away before the expressions are made. */
export const createFirstStageScreen = (candidates: ScreenCandidates, patterns: () => ScreenPatterns) =>
  createQuickScreen(candidates, patterns, { walkUpTo: walkedTextLength });

/**
 * `patterns` is called when the first candidate is met (the first stage parses them only then). A text up to
 * `walkUpTo` long is walked first (none by default: the full stage's blocks are searched as they come, with
 * expressions it compiles once anyway).
 */
export function createQuickScreen(
  candidates: ScreenCandidates,
  patterns: () => ScreenPatterns,
  { walkUpTo = 0 } = {},
): FirstStageScreen {
  // No word boundary here: the quick test also reads a whole subtree's textContent, which runs its blocks
  // together ("…and" + "insulin…" reads "andinsulin"), and must not miss a term at the start of a block.
  let expressions: RegExp[] | null = null;
  const expressionsOf = () =>
    (expressions ??= [
      new RegExp(candidates.anyCase, 'gi'),
      ...(candidates.exactCase ? [new RegExp(candidates.exactCase, 'g')] : []),
    ]);
  const { walk } = candidates;
  const holdsNoFirstWord = (text: string) => !!walk && text.length <= walkUpTo && !holdsScreenWord(text, walk);
  let patternsByWord: ScreenPatterns | null = null;
  // The candidate expression reports the longest first word at a position, so the forms of shorter first
  // words it begins with are tried too ("milkmaid" found, "milk supply" may still start there).
  const compiled = new Map<string, CompiledForm[]>();
  const formsAt = (candidate: string) => {
    let found = compiled.get(candidate);
    if (!found) {
      const byWord = (patternsByWord ??= patterns());
      found = Object.keys(byWord)
        .filter((word) => candidate.startsWith(word))
        .flatMap((word) => byWord[word]!)
        .map(compileForm);
      compiled.set(candidate, found);
    }
    return found;
  };

  /**
   * Whether a whole form starting in [from, to) at one of `candidates`' finds is written in the text, in a case
   * its rule accepts, and where it needs a word confirming its sense, `isConfirmed` by one.
   */
  function holdsFormFoundBy(
    candidates: CandidateCursor,
    text: string,
    [from, to]: [number, number],
    isConfirmed: (confirm: RegExp[]) => boolean,
  ): boolean {
    // A shorter candidate may start inside a longer one: the search goes on from the next character.
    for (let c = candidates.next(from, to); c; c = candidates.next(c.index + 1, to)) {
      for (const { pattern, confirm } of formsAt(c[0].toLowerCase())) {
        pattern.lastIndex = c.index;
        if (pattern.test(text) && (!confirm || isConfirmed(confirm))) return true;
      }
    }
    return false;
  }

  let confirming: RegExp[] | null = null;
  const quickTestOf: QuickScreen['quickTestOf'] = (text, holdsWholeBlocks) => {
    const tested = text.includes(softHyphen) ? text.replaceAll(softHyphen, '') : text;
    if (holdsNoFirstWord(tested)) return { length: tested.length, mayHoldTermAt: () => false };
    const confirmed = new Map<RegExp[], boolean>();
    const isConfirmed = (confirm: RegExp[]) => {
      if (!holdsWholeBlocks) return true; // the words confirming it may be in the rest of its block
      let holds = confirmed.get(confirm);
      if (holds === undefined) confirmed.set(confirm, (holds = confirm.some((words) => words.test(tested))));
      return holds;
    };
    const cursors = expressionsOf().map((expression) => new CandidateCursor(expression, tested));
    return {
      length: tested.length,
      mayHoldTermAt: (from, to) =>
        cursors.some((candidates) => holdsFormFoundBy(candidates, tested, [from, to], isConfirmed)),
    };
  };
  return {
    quickTestOf,
    mayJoinNeighbours(text) {
      // Read as part of a block, an acronym needs no confirming word: any form found is one needing the text around.
      const test = quickTestOf(text, false);
      if (test.mayHoldTermAt(0, test.length)) return true;
      confirming ??= compileForm(['', '', candidates.confirming]).confirm!;
      return confirming.some((words) => words.test(text));
    },
  };
}
