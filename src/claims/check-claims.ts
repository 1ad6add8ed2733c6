import nlp from 'compromise';
import type { Claim, ClaimFigure } from '../glossary/index.ts';
import type { TermMatcher } from '../match/index.ts';
import { readDurations, readShares, readYears, type Figure } from './read-figures.ts';
import { hasWord, isNegated, readDirection } from './read-statement.ts';

export type Verdict = 'agrees' | 'differs' | 'related';

export interface ClaimCheck {
  claimId: string;
  verdict: Verdict;
  /** UTF-16 offsets of the sentence in the text given to checkClaims. */
  start: number;
  end: number;
  sentence: string;
  /** The figures the page gives, as written ("50%", "a few days"). */
  pageFigures: string[];
  /** Why it was flagged, in plain words; says so when the page measures something else. */
  reasons: string[];
}

/** Percentage points within which a share agrees with the article's. */
const shareTolerance = 1.5;
/** Days within which a duration agrees with the article's. */
const durationTolerance = 3;

const describeFigure = (f: ClaimFigure) => (f.value !== undefined ? `${f.value}${f.unit === '%' ? '%' : ` ${f.unit}s`}` : `${f.low}–${f.high}${f.unit === '%' ? '%' : ` ${f.unit}s`}`);
const claimRange = (f: ClaimFigure, perUnit = 1): [number, number] => [(f.value ?? f.low!) * perUnit, (f.value ?? f.high!) * perUnit];
const overlaps = (a: [number, number], b: Figure, tolerance: number) => b.low <= a[1] + tolerance && b.high >= a[0] - tolerance;

/** Sentences with their offsets, as compromise splits them. */
function sentencesOf(text: string): { text: string; start: number }[] {
  const json = nlp(text).json({ offset: true }) as { text: string; offset?: { start: number; length: number } }[];
  return json.map((s) => ({ text: text.slice(s.offset!.start, s.offset!.start + s.offset!.length), start: s.offset!.start }));
}

/** Whether the sentence speaks to the claim at all: its subject terms and a word of every cue group. */
function speaksTo(claim: Claim, sentence: string, termIds: Set<string>): boolean {
  return claim.subjects.some((s) => termIds.has(s)) && claim.check.cues.every((group) => group.some((w) => hasWord(sentence, w)));
}

/** The verdict on one sentence that speaks to `claim`, or null when there is nothing to say. */
function judge(claim: Claim, sentence: string): Omit<ClaimCheck, 'start' | 'end' | 'sentence'> | null {
  const reasons: string[] = [];
  const negated = isNegated(sentence);
  const direction = readDirection(sentence);
  const [articleFigure] = claim.figures;

  if (claim.check.figure === 'share') {
    const shares = readShares(sentence);
    if (shares.length === 0 || !articleFigure) return null; // a mention, not a figure: nothing to compare
    const pageFigures = shares.map((s) => s.text);
    const years = readYears(sentence);
    const articleYear = /^\d{4}$/.test(claim.time) ? Number(claim.time) : null;
    const [place, placeWords] = Object.entries(claim.check.places)[0] ?? [null, []];
    const samePlace = place === null || placeWords.some((w) => hasWord(sentence, w));
    if (place && !samePlace) reasons.push(`The article’s figure is about ${place}; this sentence does not say it is.`);
    if (claim.check.measureCues.length > 0 && !claim.check.measureCues.some((w) => hasWord(sentence, w))) {
      reasons.push(`The article counts ${claim.measure}; this sentence seems to count something else (for example diagnosed cases), so the figures may not be comparable.`);
    }
    if (articleYear !== null && years.length > 0 && !years.some((y) => y.low === articleYear)) {
      reasons.push(`This sentence is about ${years.map((y) => y.text).join(', ')}; the article’s figure is for ${articleYear}.`);
      return { claimId: claim.id, verdict: 'related', pageFigures, reasons };
    }
    if (articleYear !== null && years.length === 0 && !samePlace) return { claimId: claim.id, verdict: 'related', pageFigures, reasons };
    const range = claimRange(articleFigure);
    const agrees = shares.some((s) => overlaps(range, s, shareTolerance));
    if (agrees) return { claimId: claim.id, verdict: negated ? 'differs' : 'agrees', pageFigures, reasons: [`Same figure as the article (${describeFigure(articleFigure)}).`, ...reasons] };
    return {
      claimId: claim.id,
      verdict: 'differs',
      pageFigures,
      reasons: [`The page gives ${pageFigures.join(', ')}; the article gives ${describeFigure(articleFigure)}.`, ...reasons],
    };
  }

  if (claim.check.figure === 'duration') {
    const durations = readDurations(sentence);
    const pageFigures = durations.map((d) => d.text);
    if (direction === 'none' && durations.length === 0) return null;
    if (direction !== 'none' && claim.direction !== 'none' && (direction !== claim.direction) !== negated) {
      return { claimId: claim.id, verdict: 'differs', pageFigures, reasons: [`The page says ${claim.measure} ${direction === 'rise' ? 'rise' : 'fall'}; the article says they ${claim.direction}.`] };
    }
    if (articleFigure && durations.length > 0) {
      const range = claimRange(articleFigure, articleFigure.unit === 'week' ? 7 : 1);
      const off = durations.filter((d) => !overlaps(range, d, durationTolerance));
      if (off.length > 0) {
        return { claimId: claim.id, verdict: 'differs', pageFigures, reasons: [`The page gives ${off.map((d) => d.text).join(', ')}; the article says ${describeFigure(articleFigure)}.`] };
      }
      return { claimId: claim.id, verdict: 'agrees', pageFigures, reasons: [`Same timing and direction as the article (${describeFigure(articleFigure)}).`] };
    }
    return { claimId: claim.id, verdict: direction === 'none' ? 'related' : 'agrees', pageFigures, reasons: ['Same direction as the article; no timing to compare.'] };
  }

  // A statement: its polarity and, where the article states a change, its direction.
  if (claim.direction !== 'none') {
    if (direction === 'none') return negated ? { claimId: claim.id, verdict: 'differs', pageFigures: [], reasons: ['The page denies what the article states.'] } : { claimId: claim.id, verdict: 'related', pageFigures: [], reasons: ['Same subject; nothing to compare.'] };
    const same = (direction === claim.direction) !== negated;
    return same
      ? { claimId: claim.id, verdict: 'agrees', pageFigures: [], reasons: ['Says the same as the article.'] }
      : { claimId: claim.id, verdict: 'differs', pageFigures: [], reasons: [`The page describes the opposite change: the article says ${claim.statement.charAt(0).toLowerCase()}${claim.statement.slice(1)}`] };
  }
  return negated
    ? { claimId: claim.id, verdict: 'differs', pageFigures: [], reasons: ['The page denies what the article states.'] }
    : { claimId: claim.id, verdict: 'agrees', pageFigures: [], reasons: ['Says the same as the article.'] };
}

/**
 * Checks the sentences of `text` against the article's claims. A sentence is only considered when it names a
 * claim's subject (with the glossary's own matcher) and the claim's cue words; figures, direction and
 * negation decide the verdict. Pure: runs in Node and in the extension's background.
 */
export function checkClaims(text: string, claims: Claim[], matcher: TermMatcher): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  if (!claims.some((c) => c.subjects.length > 0)) return checks;
  for (const sentence of sentencesOf(text)) {
    // A question asks; it states nothing to check.
    if (sentence.text.trimEnd().endsWith('?')) continue;
    const termIds = new Set(matcher.find(sentence.text).map((m) => m.termId));
    if (termIds.size === 0) continue;
    for (const claim of claims) {
      if (!speaksTo(claim, sentence.text, termIds)) continue;
      const judged = judge(claim, sentence.text);
      if (!judged) continue;
      const trimmed = sentence.text.trimEnd();
      checks.push({ ...judged, start: sentence.start, end: sentence.start + trimmed.length, sentence: trimmed });
    }
  }
  return checks;
}
