import { browser } from 'wxt/browser';

/** The tab the popup acts on: `?tab=<id>` (tests, a popup opened in a tab), else the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** A tab the extension may not read because the user withheld site access (MV3), with what to ask for. */
export interface MissingSiteAccess {
  /** The site's name when the popup may read the tab's address (activeTab), else null: "all sites" is asked. */
  host: string | null;
  origins: string[];
}

/**
 * Why no content script answered in `tabId`: withheld site access (an MV3 build, where the user may take it
 * back), or null when access is there and the page is simply one extensions may not run on.
 */
export async function missingSiteAccess(tabId: number): Promise<MissingSiteAccess | null> {
  if (browser.runtime.getManifest().manifest_version < 3) return null; // MV2: granted at install, not revocable
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ? URL.parse(tab.url) : null;
  const web = url && /^https?:$/.test(url.protocol) ? url : null;
  const origins = web ? [`${web.protocol}//${web.host}/*`] : ['<all_urls>'];
  if (await browser.permissions.contains({ origins }).catch(() => true)) return null;
  return { host: web?.hostname ?? null, origins };
}
