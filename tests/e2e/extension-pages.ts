import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch.ts';

/**
 * Opens one of the extension's own pages (popup.html, options.html) in `page`.
 * Firefox never reports the load of a moz-extension:// page to WebDriver BiDi, so navigation is started
 * without waiting for it, and readiness is read from the page itself.
 * (https://github.com/mozilla/firefox-devtools-mcp/pull/87)
 */
export async function openExtensionPage(ext: ExtensionBrowser, page: Page, path: string): Promise<void> {
  const url = `${ext.extensionOrigin}/${path}`;
  if (ext.name === 'chromium') {
    await page.goto(url);
    return;
  }
  void page.goto(url, { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(
    (origin) => location.origin === origin && document.readyState === 'complete',
    { timeout: 15_000 },
    ext.extensionOrigin,
  );
}
