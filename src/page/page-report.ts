import type { PageScanner } from './page-scanner.ts';

/** What a tab's content script found and what it cost: for the popup and the benchmark. */
export interface PageReport {
  url: string;
  /** False when the user switched the extension off for this site (or paused it). */
  enabled: boolean;
  /** Distinct terms with their number of occurrences, most frequent first. */
  terms: { termId: string; count: number }[];
  underlined: number;
  stats: PageScanner['stats'] | null;
}

export async function pageReport(scanner: PageScanner | null, url: string): Promise<PageReport> {
  if (!scanner) return { url, enabled: false, terms: [], underlined: 0, stats: null };
  await scanner.idle();
  const terms = [...scanner.marks.counts()].map(([termId, count]) => ({ termId, count })).sort((a, b) => b.count - a.count);
  return { url, enabled: true, terms, underlined: scanner.marks.shownCount, stats: { ...scanner.stats } };
}
