import type { PageScanner } from './page-scanner.ts';

/** What a tab's content script found and what it cost: for the popup and the benchmark. */
export interface PageReport {
  url: string;
  /** Distinct terms with their number of occurrences, most frequent first. */
  terms: { termId: string; count: number }[];
  underlined: number;
  stats: PageScanner['stats'];
}

export async function pageReport(scanner: PageScanner, url: string): Promise<PageReport> {
  await scanner.idle();
  const terms = [...scanner.marks.counts()].map(([termId, count]) => ({ termId, count })).sort((a, b) => b.count - a.count);
  return { url, terms, underlined: scanner.marks.shownCount, stats: { ...scanner.stats } };
}
