import { browser } from 'wxt/browser';
import { emptyReport, type PageReport } from '../page/page-report.ts';
import { loadSettings } from '../settings/settings-store.ts';
import { isEnabledFor } from '../settings/settings.ts';
import { askContent } from './channel.ts';

/**
 * What a tab's page is to the popup and the shortcut: its top frame's report, or, where no content script
 * answers because the user switched the site off (Chrome then runs none there), that state, read from the
 * tab's address. Null when the page is neither: one extensions may not run on, or not answering.
 */
export async function tabReport(tabId: number): Promise<PageReport | null> {
  const report = await askContent(tabId, { type: 'page-report' });
  if (report) return report;
  const url = (await browser.tabs.get(tabId).catch(() => null))?.url;
  if (!url || !/^(https?|file):/.test(url) || isEnabledFor(await loadSettings(), url)) return null;
  return emptyReport(url, false);
}
