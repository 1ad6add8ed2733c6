import type { AcronymRule, FinderTerm } from '../glossary/types.ts';
import { acronymCheck, wordListPatterns, type AcronymCheck, type AcronymContext } from './acronym-context.ts';
import { escapeRegExp } from './escape-regexp.ts';
import { CandidateCursor } from './candidate-cursor.ts';
import { createMisspeltWords, type MisspeltWords, type Respelled } from './misspelt-words.ts';
import { createQuickScreen, searchPieceLength, type QuickScreen, type ScreenData } from './quick-screen.ts';
import { screenDataFrom } from './screen-data.ts';
import { isPluralOfShorter, isShortAllCaps } from './short-all-caps.ts';
import { surfacePattern } from './surface-pattern.ts';
import {
  diagramArrow,
  isCamelCaseIdentifier,
  isDiagramNodeId,
  isInsideAddressOrCode,
  isInsideTag,
  isPartOfCode,
  isInsideStockCode,
  isInBreadcrumb,
  isWholeWord,
} from './surroundings.ts';

export interface TermMatch {
  /** Glossary id. */
  termId: string;
  /** UTF-16 offsets into the text given to `find`. */
  start: number;
  end: number;
  /** The text as written on the page. */
  surface: string;
}

export interface TermMatcher extends QuickScreen {
  /**
   * Every glossary term in `text` (one block of a page: a paragraph, a list item, a table cell…), in order.
   * `around` gives what is around the block, asked only where the block leaves a term's sense unclear.
   */
  find(text: string, around?: Surroundings): TermMatch[];
  /** The same search a piece at a time, for a block too long to read in one task. */
  search(text: string, around?: Surroundings): BlockSearch;
}

export interface BlockSearch {
  /** Reads on through the next piece of the text; false once all of it has been read. */
  step(): boolean;
  /** What `find` would return, once `step` has returned false. */
  readonly matches: TermMatch[];
}

/**
 * What is around a block of a page, each read only when asked (reading the neighbours also ties the block's
 * terms to them: the page scanner notes the block, to scan it again when they change).
 */
export interface Surroundings {
  /** The text either side of the block: where a writer explains an acronym once and then uses it. */
  neighbours(): string;
  /** What the page says it is about. */
  title(): string;
}

/**
 * Each acronym's judge of one block's text, kept so the block is read once, not once per occurrence, and
 * what is around the block, asked of the page once if a term needs it.
 */
interface BlockContexts {
  /** Made when a block first meets an acronym: most blocks meet none, and a page has thousands of blocks. */
  judges: Map<AcronymCheck, AcronymContext> | null;
  /** Per form with words giving it another sense: whether the block holds one (made when first asked). */
  otherSense: Map<Form, boolean> | null;
  around: Surroundings | undefined;
  /** The block's neighbours' text, asked of the page once. */
  neighbours: string | undefined;
  /** The candidate first words of the block's text, made on the first search. */
  candidates: CandidateCursor | null;
  /** Whether the block holds a '<' (a tag written out) or a diagram's arrow: read once, not per match. */
  mayHoldTags?: boolean;
  /** Whether the block holds a breadcrumb's '›': read once, not per match. */
  mayHoldBreadcrumb?: boolean;
  mayHoldDiagram?: boolean;
}

interface Form {
  termId: string;
  /** Anchored (sticky) pattern of the whole form, tried where its first word starts. */
  pattern: RegExp;
  acronym: AcronymCheck | null;
  /** The form as written, if it is short capitals that are not an acronym's (an alias, "PCOS"). */
  shortCapitals: string | null;
  notFollowedBy: string[];
  notPrecededBy: string[];
  /** Words that, in the page's title, give the form another sense (empty: none). */
  otherSense: RegExp[];
}

const softHyphen = '\u00AD';
export { searchPieceLength } from './quick-screen.ts';
const firstWordOf = (surface: string) => surface.split(/[\s-]+/)[0]!.toLowerCase();

/** Text without soft hyphens, and where each of its characters was in the original. */
function withoutSoftHyphens(text: string): { text: string; origin: number[] } {
  let stripped = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === softHyphen) continue;
    stripped += text[i];
    origin.push(i);
  }
  origin.push(text.length);
  return { text: stripped, origin };
}

interface Surface {
  termId: string;
  text: string;
  acronym: AcronymRule | null;
  notFollowedBy: string[];
  notPrecededBy: string[];
  otherSense: string[];
}

/** Every written form and acronym, grouped by first word (plain strings: cheap to build on every page). */
function surfacesByFirstWord(terms: FinderTerm[]): Map<string, Surface[]> {
  const groups = new Map<string, Surface[]>();
  const add = (surface: Surface) => {
    const key = firstWordOf(surface.text);
    groups.set(key, [...(groups.get(key) ?? []), surface]);
  };
  for (const term of terms) {
    const { id: termId, notFollowedBy, notPrecededBy, rejectWith: otherSense } = term;
    for (const text of term.forms) add({ termId, text, acronym: null, notFollowedBy, notPrecededBy, otherSense });
    for (const rule of term.acronyms) {
      if (!term.forms.some((f) => f.toLowerCase() === rule.text.toLowerCase()))
        add({ termId, text: rule.text, acronym: rule, notFollowedBy: [], notPrecededBy: [], otherSense: [] });
    }
  }
  return groups;
}

/**
 * The misspellings of the words of the terms' names: each term found on pages gives its label's and aliases'
 * words, its own single-word forms (left as written) and the real words close to them.
 */
function misspeltWordsOf(terms: FinderTerm[]): MisspeltWords {
  const found = terms.filter((term) => term.forms.length > 0);
  const wordsOf = (text: string) => text.split(/[\s-]+/).filter(Boolean);
  return createMisspeltWords(
    found.flatMap((term) => [term.label, ...term.aliases].flatMap(wordsOf)),
    found.flatMap((term) => term.forms.filter((form) => !/[\s-]/.test(form))),
    found.flatMap((term) => term.notMisspellings),
  );
}

/** The quick screen's data for a glossary's terms: written at build time for the content script's first stage. */
export const screenDataOf = (terms: FinderTerm[]): ScreenData =>
  screenDataFrom(surfacesByFirstWord(terms), { withWalk: true });

/** One first word's forms, longest first, as anchored patterns with their checks. */
const compileForms = (surfaces: Surface[]): Form[] =>
  [...surfaces]
    .sort((a, b) => b.text.length - a.text.length)
    .map((s) => ({
      termId: s.termId,
      pattern: new RegExp(s.acronym ? escapeRegExp(s.text) : surfacePattern(s.text), 'iy'),
      acronym: s.acronym ? acronymCheck(s.acronym) : null,
      shortCapitals: !s.acronym && isShortAllCaps(s.text) ? s.text : null,
      notFollowedBy: s.notFollowedBy,
      notPrecededBy: s.notPrecededBy,
      otherSense: wordListPatterns(s.otherSense),
    }));

/**
 * Compiles the glossary in two stages, because one expression with every variant costs about a second per
 * megabyte of text while a list of plain words costs a few milliseconds:
 *  1. one case-insensitive expression of the distinct first words of all forms finds candidate positions;
 *  2. at each candidate, the forms that start with that word are tried, longest first, so "insulin
 *     resistance" wins over "insulin", and each must pass the checks a reader applies: whole word, not in a
 *     web address or identifier, acronym case and context.
 */
export function createTermMatcher(terms: FinderTerm[]): TermMatcher {
  const surfaces = surfacesByFirstWord(terms);
  const misspelt = misspeltWordsOf(terms);
  // Longest first, so "milksupply" is not cut to "milk"; no letter before a word starting with an ASCII letter
  // or digit (a digit or underscore may be: a footnote "removal.3Insulin", emphasis "_PCOS_": see isWholeWord).
  const firstWords = [...surfaces.keys()].sort((a, b) => b.length - a.length);
  const ascii = firstWords.filter((w) => /^[a-z0-9]/.test(w)).map(escapeRegExp);
  const other = firstWords.filter((w) => !/^[a-z0-9]/.test(w)).map(escapeRegExp);
  const candidateSource = [
    ascii.length ? `(?<![a-z])(?:${ascii.join('|')})` : '',
    other.length ? `(?:${other.join('|')})` : '',
  ]
    .filter(Boolean)
    .join('|');
  const candidates = new RegExp(candidateSource, 'gi');
  // A first word's forms are compiled when it is first met: most pages meet few of them, many none.
  const compiled = new Map<string, Form[]>();
  const formsStartingWith = (word: string): Form[] => {
    let forms = compiled.get(word);
    if (!forms) compiled.set(word, (forms = compileForms(surfaces.get(word) ?? [])));
    return forms;
  };

  // Built on first use: a page the first stage found a candidate on is walked without screening, and only
  // text it adds later is screened (building it cost the load of every page with a term 2-4 ms).
  let screen: QuickScreen | null = null;
  const screenOf = (): QuickScreen => {
    if (!screen) {
      const data = screenDataFrom(surfaces);
      screen = createQuickScreen(data.candidates, () => data.patterns);
    }
    return screen;
  };

  const blockContexts = (around: Surroundings | undefined): BlockContexts => ({
    judges: null,
    otherSense: null,
    around,
    neighbours: undefined,
    candidates: null,
  });

  /**
   * Whether the page's title holds a word giving the form another sense ("Colostrum for dairy calves"). Only
   * the title: a paragraph that names calves may still speak of colostrum as such ("the first milk of mammals:
   * calves need it within hours"), and the card says what colostrum is for any mammal.
   */
  const speaksOfOtherSense = (form: Form, contexts: BlockContexts): boolean => {
    const known = (contexts.otherSense ??= new Map());
    let holds = known.get(form);
    if (holds === undefined) {
      const holdsIn = (searched: string) =>
        form.otherSense.some((pattern) => {
          pattern.lastIndex = 0;
          return pattern.test(searched);
        });
      holds = contexts.around !== undefined && holdsIn(contexts.around.title());
      known.set(form, holds);
    }
    return holds;
  };

  /** Sticky: whether a candidate first word starts exactly at a position. */
  const candidateAt = new RegExp(candidateSource, 'iy');
  /** What joins an acronym to its full name written after it: "LAM = …", "IGT (…", "GDM: …", "PCOS stands for …". */
  const spelledOutJoint = /^\s*(?:[=:([,–—-]|stands for|means|is short for)\s*/i;

  /**
   * Whether the writer names the acronym's full form right beside it ("LAM = Lactational Amenorrhea Method, not
   * the lung disease", "insufficient glandular tissue (IGT)"): then it has that sense, whatever else the block
   * says. `found`: the block's matches so far.
   */
  function isSpelledOutBeside(form: Form, text: string, start: number, end: number, found: TermMatch[]): boolean {
    const previous = found.at(-1);
    if (
      previous?.termId === form.termId &&
      previous.end - previous.start > end - start &&
      start - previous.end <= 3 &&
      /^\s*[([]\s*$/.test(text.slice(previous.end, start))
    )
      return true;
    const joint = spelledOutJoint.exec(text.slice(end, end + 20));
    if (!joint) return false;
    const at = end + joint[0].length;
    candidateAt.lastIndex = at;
    const word = candidateAt.exec(text);
    if (!word) return false;
    return formsStartingWith(word[0].toLowerCase()).some((other) => {
      if (other.termId !== form.termId || other.acronym) return false;
      other.pattern.lastIndex = at;
      return other.pattern.test(text);
    });
  }

  function accept(
    form: Form,
    text: string,
    start: number,
    end: number,
    contexts: BlockContexts,
    found: TermMatch[],
  ): boolean {
    if (!isWholeWord(text, start, end, form.acronym !== null)) return false;
    if (isInsideAddressOrCode(text, start, end)) return false;
    if ((contexts.mayHoldTags ??= text.includes('<')) && isInsideTag(text, start, end)) return false;
    if (form.acronym && isPartOfCode(text, start, end)) return false;
    if (!form.acronym && isShortAllCaps(text.slice(start, end)) && isInsideStockCode(text, start, end)) return false;
    if (form.shortCapitals && isPluralOfShorter(text.slice(start, end), form.shortCapitals)) return false;
    if ((contexts.mayHoldBreadcrumb ??= text.includes('›')) && isInBreadcrumb(text, start)) return false;
    if (form.acronym && (contexts.mayHoldDiagram ??= diagramArrow.test(text)) && isDiagramNodeId(text, start, end))
      return false;
    if (!form.acronym && isCamelCaseIdentifier(text, start, end)) return false;
    // Gaps read as one space, as the forms' own gaps are: "milk supply\nchain" is "milk supply chain".
    if (form.notFollowedBy.length > 0) {
      const following = text
        .slice(end, end + 24)
        .toLowerCase()
        .replace(/\s+/g, ' ');
      if (form.notFollowedBy.some((f) => following.startsWith(f))) return false;
    }
    if (form.notPrecededBy.length > 0) {
      const preceding = text
        .slice(Math.max(0, start - 24), start)
        .toLowerCase()
        .replace(/\s+/g, ' ');
      if (form.notPrecededBy.some((p) => preceding.endsWith(p))) return false;
    }
    const { acronym } = form;
    if (!acronym) return form.otherSense.length === 0 || !speaksOfOtherSense(form, contexts);
    if (!acronym.caseAccepts(text.slice(start, end))) return false;
    let context = contexts.judges?.get(acronym);
    if (context === undefined) {
      // Confirmed by its neighbours, never by the page's title alone: the first stage screens the page's text
      // (the neighbours are in it), and would have turned such a page away.
      const { around } = contexts;
      const neighbours = around && (() => (contexts.neighbours ??= around.neighbours()));
      (contexts.judges ??= new Map()).set(acronym, (context = acronym.contextIn(text, neighbours)));
    }
    return context.acceptsAt(start) || isSpelledOutBeside(form, text, start, end, found);
  }

  /**
   * Adds the matches starting in [from, to) of `text` to `matches` and returns where the next piece starts:
   * `to`, or past the last candidate read if that ran beyond it (so pieces read exactly what one pass would).
   */
  function findIn(text: string, from: number, to: number, matches: TermMatch[], contexts: BlockContexts): number {
    const cursor = (contexts.candidates ??= new CandidateCursor(candidates, text));
    let next = to;
    for (let searchFrom = from, c; (c = cursor.next(searchFrom, to));) {
      const start = c.index;
      searchFrom = start + c[0].length;
      next = Math.max(next, searchFrom);
      for (const form of formsStartingWith(c[0].toLowerCase())) {
        form.pattern.lastIndex = start;
        const m = form.pattern.exec(text);
        if (!m) continue;
        const end = start + m[0].length;
        if (!accept(form, text, start, end, contexts, matches)) continue;
        matches.push({ termId: form.termId, start, end, surface: m[0] });
        searchFrom = end;
        next = Math.max(next, end);
        break;
      }
    }
    return next;
  }

  /** `spelledRight`: what the misspelt words made of `text`, where the caller has asked already (no soft hyphen in it). */
  function search(text: string, around?: Surroundings, spelledRight?: Respelled | null): BlockSearch {
    // Soft hyphens may sit anywhere inside a word ("Pro\u00ADlactin"): match without them, report with them.
    const stripped = text.includes(softHyphen) ? withoutSoftHyphens(text) : null;
    const written = stripped?.text ?? text;
    // Words misspelt beyond the listed variants are read as the words they stand for: "metabollic syndrom".
    const respelled = spelledRight !== undefined ? spelledRight : misspelt.spelledRight(written);
    const searched = respelled?.text ?? written;
    const found: TermMatch[] = [];
    const contexts = blockContexts(around);
    let position = 0;
    return {
      step() {
        if (position < searched.length)
          position = findIn(searched, position, position + searchPieceLength, found, contexts);
        return position < searched.length;
      },
      get matches() {
        if (!stripped && !respelled) return found;
        return found.map((m) => {
          let { start, end } = m;
          if (respelled) [start, end] = [respelled.startAsWritten(start), respelled.endAsWritten(end)];
          if (stripped) [start, end] = [stripped.origin[start]!, stripped.origin[end - 1]! + 1];
          return { ...m, start, end, surface: text.slice(start, end) };
        });
      },
    };
  }

  return {
    // The full stage's screens read the text as its matcher does: a block whose only term is misspelt is let through.
    quickTestOf: (text, holdsWholeBlocks) =>
      screenOf().quickTestOf(misspelt.spelledRight(text)?.text ?? text, holdsWholeBlocks),
    search,
    find(text, around) {
      const respelled = text.includes(softHyphen) ? undefined : misspelt.spelledRight(text);
      if (text.length <= searchPieceLength && respelled === null) {
        const matches: TermMatch[] = [];
        findIn(text, 0, text.length, matches, blockContexts(around));
        return matches;
      }
      const blockSearch = search(text, around, respelled);
      while (blockSearch.step());
      return blockSearch.matches;
    },
  };
}
