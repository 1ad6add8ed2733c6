import type { PageScanner } from './page-scanner.ts';

/** Asked of a tab's content script by the popup (and the benchmark): what it found and what it cost. */
export interface PageReportRequest {
  type: 'page-report';
}

export interface PageReport {
  url: string;
  /** Distinct terms with their number of occurrences, most frequent first. */
  terms: { termId: string; count: number }[];
  underlined: number;
  stats: PageScanner['stats'];
}

/** Messages cross a trust boundary: check the shape before acting on one. */
export const isPageReportRequest = (message: unknown): message is PageReportRequest =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'page-report';

export async function pageReport(scanner: PageScanner, url: string): Promise<PageReport> {
  await scanner.idle();
  const terms = [...scanner.marks.counts()].map(([termId, count]) => ({ termId, count })).sort((a, b) => b.count - a.count);
  return { url, terms, underlined: scanner.marks.shownMarks().length, stats: { ...scanner.stats } };
}
