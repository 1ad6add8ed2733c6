import type { AcronymRule } from '../glossary/types.ts';
import { escapeRegExp } from './escape-regexp.ts';
import type { ScreenCandidates, ScreenData, ScreenForm } from './quick-screen.ts';
import { prefixAlternation, type Alternative } from './prefix-alternation.ts';
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

/** Words confirming an acronym's sense as the screen looks for them: short capitals as written, the rest in any case. */
function confirmingWords(words: string[]): [string, string] {
  const source = (list: string[]) => [...new Set(list.map(looseSurfacePattern))].join('|');
  return [source(words.filter((w) => !isShortAllCaps(w))), source(words.filter(isShortAllCaps))];
}

/** A form as the screen tests it. An acronym's pattern takes only the cases its rule accepts ("IGT", not "igt" in "twilight"). */
function screenForm({ text, acronym }: ScreenSurface): ScreenForm {
  if (!acronym) return [looseSurfacePattern(text), 'iy'];
  const [source, flags] = acronym.anyCase
    ? [escapeRegExp(text), 'iy']
    : [`${escapeRegExp(text)}|${escapeRegExp(text.toUpperCase())}`, 'y'];
  return acronym.confirmWith.length > 0 ? [source, flags, confirmingWords(acronym.confirmWith)] : [source, flags];
}

/** How much of a second word the screen asks for: enough to pass over "present" and "prototype". */
const secondWordStart = (word: string) => word.slice(0, 4).toLowerCase();

/**
 * A first word read in any case, followed by the start of a second word if every form it starts has one:
 * "pre" then "diab", "type" then "2", "ii" or "two".
 */
function anyCaseCandidate(word: string, surfaces: ScreenSurface[]): Alternative {
  const secondWords = surfaces.map((s) => s.text.trim().split(/[\s-]+/)[1]);
  if (secondWords.some((w) => !w)) return { word };
  const starts = [...new Set((secondWords as string[]).map(secondWordStart))].map(escapeRegExp);
  return { word, then: `${joiner}(?:${starts.join('|')})` };
}

/**
 * The quick screen's data from the glossary's forms grouped by first word: each first word's forms as loose
 * patterns, every gap optional; and where they may start: a first word whose forms are all exact-case
 * acronyms in those cases, any other in any case (followed by a second word where it needs one).
 */
export function screenDataFrom(surfaces: Map<string, ScreenSurface[]>): ScreenData {
  const patterns: ScreenData['patterns'] = {};
  const anyCase: Alternative[] = [];
  const exactCase: string[] = [];
  for (const [word, list] of surfaces) {
    patterns[word] = list.map(screenForm);
    const exact = list.map(exactCaseForms);
    if (exact.every((forms) => forms !== null)) exactCase.push(...exact.flat());
    else anyCase.push(anyCaseCandidate(word, list));
  }
  const confirming = [...surfaces.values()].flat().flatMap((s) => s.acronym?.confirmWith ?? []);
  const candidates: ScreenCandidates = {
    anyCase: prefixAlternation(anyCase),
    exactCase: prefixAlternation([...new Set(exactCase)].map((word) => ({ word }))),
    confirming: confirmingWords(confirming),
  };
  return { candidates, patterns };
}
