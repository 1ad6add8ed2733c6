import { askContent } from '../messages/channel.ts';
import { tabReport } from '../messages/tab-report.ts';
import { updateSettings } from '../settings/settings-store.ts';
import { withSiteSwitched } from '../settings/settings.ts';

/** The keyboard shortcuts (manifest `commands`), acting on the given tab. */
export async function runCommand(command: string, tabId: number): Promise<void> {
  if (command === 'next-term' || command === 'previous-term') {
    await askContent(tabId, { type: 'move-to-term', direction: command === 'next-term' ? 'next' : 'previous' });
  } else if (command === 'toggle-site') {
    const report = await tabReport(tabId);
    if (report) await updateSettings((settings) => withSiteSwitched(settings, report.url, !report.enabled));
  }
}
