import { browser } from 'wxt/browser';
import type { ContentRequest } from '../messages/index.ts';
import type { PageReport } from '../page/page-report.ts';

/** The tab the popup acts on: `?tab=<id>` (tests, a popup opened in a tab), else the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Asks the tab's top-frame content script; null when none answers (a browser page, a store, a PDF). */
export async function askTab<T>(tabId: number, request: ContentRequest, timeoutMs = 2000): Promise<T | null> {
  const answer = browser.tabs.sendMessage(tabId, request, { frameId: 0 }).then((r) => (r ?? null) as T | null, () => null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  return Promise.race([answer, timeout]);
}

export const pageReportOf = (tabId: number) => askTab<PageReport>(tabId, { type: 'page-report' });
