import { browser } from 'wxt/browser';
import type { FirstStageNote } from '../content/full-stage-key.ts';
import { emptyReport, type PageReport } from '../page/page-report.ts';
import { loadSettings } from '../settings/settings-store.ts';
import { isEnabledFor } from '../settings/settings.ts';
import { askContent } from './channel.ts';

/**
 * What a tab's page is to the popup and the shortcut: its top frame's report. Chrome's content script listens
 * for messages only once the page may hold a term, so a term-free page is read through the scripting API
 * instead; where no content script runs because the user switched the site off (Chrome then starts none),
 * that state is read from the tab's address. Null when the page is none of these: one extensions may not run
 * on, or not answering.
 */
export async function tabReport(tabId: number): Promise<PageReport | null> {
  const report = (await askContent(tabId, { type: 'page-report' })) ?? (await firstStageReportIn(tabId));
  if (report) return report;
  const url = (await browser.tabs.get(tabId).catch(() => null))?.url;
  // Web pages only: a page without a host (a file) has no site to switch.
  if (!url || !/^https?:/.test(url) || isEnabledFor(await loadSettings(), url)) return null;
  return emptyReport(url, false);
}

async function firstStageReportIn(tabId: number): Promise<PageReport | null> {
  if (!browser.scripting) return null;
  const [frame] = await browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, func: firstStageReport })
    .catch(() => []);
  return (frame?.result as PageReport | null | undefined) ?? null;
}

/**
 * Run in the tab's top frame, in the content script's world, which holds the first stage's note of itself
 * (src/content/full-stage-key.ts): its report, or null where no first stage runs. Sent as source, so it
 * names the key itself rather than importing it.
 */
export function firstStageReport(): Promise<PageReport> | null {
  const note = (globalThis as Record<symbol, FirstStageNote | undefined>)[Symbol.for('lactation-glossary/first-stage')];
  return note?.running() ? note.report() : null;
}
