import { browser } from 'wxt/browser';
import type { ContentRequest } from '../messages/messages.ts';
import type { PageReport } from '../page/page-report.ts';
import { updateSettings } from '../settings/settings-store.ts';
import { withSiteSwitched } from '../settings/settings.ts';

/** Sends to the tab's top frame; undefined when no content script runs there (browser pages, stores). */
export function askTab<T>(tabId: number, request: ContentRequest): Promise<T | undefined> {
  return browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined) as Promise<T | undefined>;
}

/** The keyboard shortcuts (manifest `commands`), acting on the given tab. */
export async function runCommand(command: string, tabId: number): Promise<void> {
  if (command === 'next-term' || command === 'previous-term') {
    await askTab(tabId, { type: 'move-to-term', direction: command === 'next-term' ? 'next' : 'previous' });
  } else if (command === 'toggle-site') {
    const report = await askTab<PageReport>(tabId, { type: 'page-report' });
    if (report) await updateSettings((settings) => withSiteSwitched(settings, report.url, !report.enabled));
  }
}
