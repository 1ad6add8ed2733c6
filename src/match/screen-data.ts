import type { AcronymRule } from '../glossary/types.ts';
import { escapeRegExp } from './escape-regexp.ts';
import { compactJoiner, type ScreenCandidates, type ScreenData, type ScreenForm } from './quick-screen.ts';
import { prefixAlternation, type Alternative } from './prefix-alternation.ts';
import { screenWalkOf, type WalkWord } from './screen-walk.ts';
import { isShortAllCaps } from './short-all-caps.ts';
import { joiner, looseSurfacePattern } from './surface-pattern.ts';

/** A written form or acronym as the screen needs it. */
export interface ScreenSurface {
  text: string;
  acronym: AcronymRule | null;
}

/** An acronym the screen looks for only in the cases its rule accepts: as written, or in capitals. */
const exactCaseForms = ({ text, acronym }: ScreenSurface): string[] | null =>
  acronym && !acronym.anyCase ? [text, text.toUpperCase()] : null;

/**
 * A form's loose pattern as the screen's data holds it: each optional gap written as one space
 * (`compactJoiner`), which `compileForm` turns back into the joiner. The first stage carries these patterns in
 * its file on every page and frame, where the joiner spelt out was a third of their 20 kB.
 */
const screenPattern = (surface: string) => looseSurfacePattern(surface, compactJoiner);

/** Words confirming an acronym's sense as the screen looks for them: short capitals as written, the rest in any case. */
function confirmingWords(words: string[]): [string, string] {
  const source = (list: string[]) => [...new Set(list.map(screenPattern))].join('|');
  return [source(words.filter((w) => !isShortAllCaps(w))), source(words.filter(isShortAllCaps))];
}

/** A form as the screen tests it. An acronym's pattern takes only the cases its rule accepts ("IGT", not "igt" in "twilight"). */
function screenForm({ text, acronym }: ScreenSurface): ScreenForm {
  if (!acronym) return [screenPattern(text), 'iy'];
  const cases = [...new Set([text, text.toUpperCase()])].map(escapeRegExp).join('|');
  const [source, flags] = acronym.anyCase ? [escapeRegExp(text), 'iy'] : [cases, 'y'];
  return acronym.confirmWith.length > 0 ? [source, flags, confirmingWords(acronym.confirmWith)] : [source, flags];
}

/**
 * A first word's forms as few expressions: those read in any case with no word to confirm them as one
 * alternation (the screen asks only whether any of them is there), each once (forms differing only in case,
 * "Insulin resistance" and "insulin resistance", are one to such an expression); the others as they are.
 */
function merged(forms: ScreenForm[]): ScreenForm[] {
  const plain = (form: ScreenForm) => form[1] === 'iy' && !form[2];
  // Forms are the same to the `i` flag where they differ only in ASCII letters' case, outside an escape (\S is
  // not \s). Each is written as first given: lowered, "İ" is two characters, and the Kelvin sign a plain "k".
  const sameToAnyCase = (source: string) =>
    /\\[A-Za-z]/.test(source) ? source : source.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const firstOfEach = new Map<string, string>();
  for (const [source] of forms.filter(plain)) {
    const key = sameToAnyCase(source);
    if (!firstOfEach.has(key)) firstOfEach.set(key, source);
  }
  const anyCase = [...firstOfEach.values()];
  const others = forms.filter((form) => !plain(form));
  const distinctOthers = [...new Map(others.map((form) => [JSON.stringify(form), form])).values()];
  return [...(anyCase.length > 0 ? [[anyCase.join('|'), 'iy'] as ScreenForm] : []), ...distinctOthers];
}

/** How much of a second word the screen asks for: enough to pass over "present" and "prototype". */
const secondWordStart = (word: string) => word.slice(0, 4).toLowerCase();

/**
 * A first word read in any case, and the starts of its second word if every form it starts has one:
 * "pre" then "diab", "type" then "2", "ii" or "two".
 */
function anyCaseCandidate(word: string, surfaces: ScreenSurface[]): WalkWord {
  const secondWords = surfaces.map((s) => s.text.trim().split(/[\s-]+/)[1]);
  if (secondWords.some((w) => !w)) return { word };
  return { word, secondWordStarts: [...new Set((secondWords as string[]).map(secondWordStart))] };
}

/** The expression's form of a first word read in any case: its second word's starts as a lookahead. */
const alternativeOf = ({ word, secondWordStarts }: WalkWord): Alternative =>
  secondWordStarts ? { word, then: `${joiner}(?:${secondWordStarts.map(escapeRegExp).join('|')})` } : { word };

/**
 * The quick screen's data from the glossary's forms grouped by first word: each first word's forms as loose
 * patterns, every gap optional; and where they may start: a first word whose forms are all exact-case
 * acronyms in those cases, any other in any case (followed by a second word where it needs one). `withWalk`:
 * the same words as prefix trees too, for the first stage (built at `npm run glossary` only: finding every
 * character the expressions read alike takes a pass over all 65,536 code units per non-ASCII letter).
 */
export function screenDataFrom(surfaces: Map<string, ScreenSurface[]>, { withWalk = false } = {}): ScreenData {
  const patterns: ScreenData['patterns'] = {};
  const anyCase: WalkWord[] = [];
  const exactCase: string[] = [];
  for (const [word, list] of surfaces) {
    patterns[word] = merged(list.map(screenForm));
    const exact = list.map(exactCaseForms);
    if (exact.every((forms) => forms !== null)) exactCase.push(...exact.flat());
    else anyCase.push(anyCaseCandidate(word, list));
  }
  const confirming = [...surfaces.values()].flat().flatMap((s) => s.acronym?.confirmWith ?? []);
  const exactWords = [...new Set(exactCase)];
  const candidates: ScreenCandidates = {
    anyCase: prefixAlternation(anyCase.map(alternativeOf)),
    exactCase: prefixAlternation(exactWords.map((word) => ({ word }))),
    confirming: confirmingWords(confirming),
    ...(withWalk ? { walk: screenWalkOf(anyCase, exactWords) } : {}),
  };
  return { candidates, patterns };
}
