import type { ClaimCheck } from '../claims/check-claims.ts';
import type { ClaimFlags } from './claim-flags.ts';
import type { PageScanner } from './page-scanner.ts';

/** What a tab's content script found and what it cost: for the popup and the benchmark. */
export interface PageReport {
  url: string;
  /** False when the user switched the extension off for this site (or paused it). */
  enabled: boolean;
  /** Distinct terms with their number of occurrences, most frequent first. */
  terms: { termId: string; count: number }[];
  underlined: number;
  /** Sentences the fact-checker flagged (dismissed ones excluded), in the order `show-claim` indexes them. */
  claims: { claimId: string; verdict: ClaimCheck['verdict']; sentence: string }[];
  /** Sentences about the same subject that measure something else: listed, not marked on the page. */
  related: { claimId: string; verdict: ClaimCheck['verdict']; sentence: string; reason: string }[];
  stats: PageScanner['stats'] | null;
  /** From the end of the dwell to the painted card, for the last card opened on this page (ms). */
  cardOpenMs: number | null;
  /** Why the page could not be read (the full stage failed to load), or null. */
  unreadable?: string | null;
}

/** The report of a page with nothing found on it: switched off, not yet read, or not readable. */
export const emptyReport = (url: string, enabled: boolean, unreadable: string | null = null): PageReport => ({
  url,
  enabled,
  terms: [],
  underlined: 0,
  claims: [],
  related: [],
  stats: null,
  cardOpenMs: null,
  unreadable,
});

export async function pageReport(
  scanner: PageScanner | null,
  url: string,
  flags: ClaimFlags | null,
  cardOpenMs: number | null = null,
): Promise<PageReport> {
  if (!scanner) return { ...emptyReport(url, false), cardOpenMs };
  await scanner.idle();
  await flags?.update();
  const summary = (check: ClaimCheck) => ({ claimId: check.claimId, verdict: check.verdict, sentence: check.sentence });
  const claims = (flags?.marks.list() ?? []).map(({ check }) => summary(check));
  const related = (flags?.related() ?? []).map((check) => ({ ...summary(check), reason: check.reasons[0] ?? '' }));
  const terms = [...scanner.marks.counts()]
    .map(([termId, count]) => ({ termId, count }))
    .sort((a, b) => b.count - a.count);
  return {
    url,
    enabled: true,
    terms,
    underlined: scanner.marks.shownCount,
    claims,
    related,
    stats: { ...scanner.stats },
    cardOpenMs,
  };
}
