import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inExtension, openExtensionPage, tabIdOf } from './extension-pages.ts';
import { useExtensionSession } from './session.ts';
import { waitForHighlights } from './page-state.ts';

// In an MV3 build the user may take site access back (Firefox's add-on settings, Chrome's "site access").
// Chrome only lets its own settings page withhold it; Firefox lets the extension's API do it, so the test
// runs on the Firefox MV3 build.
describe('the Firefox MV3 build when site access is taken back', () => {
  const session = useExtensionSession('firefox', { dir: resolve('.output/firefox-mv3') });

  it('says so in the popup and underlines again once the user allows it there', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await page.bringToFront();
    await waitForHighlights(page, 5);

    const removed = await inExtension(
      session.ext,
      () => (globalThis as any).browser.permissions.remove({ origins: ['<all_urls>'] }),
      null,
    );
    expect(removed).toBe(true);
    await page.reload();

    // The extension's own view of the reloaded tab: no content script answers, and the popup says why.
    const tabId = await tabIdOf(session.ext, page);
    const popup = await session.ext.newPage();
    await openExtensionPage(session.ext, popup, `popup.html?tab=${tabId}`);
    await popup.waitForSelector('.no-access', { timeout: 10_000 });
    // Underlined before access was taken back (above) and after it is given again (below); here no content
    // script ever set up its highlight in this document.
    expect(await page.evaluate(() => CSS.highlights.has('lactation-glossary-term'))).toBe(false);
    expect(await popup.$eval('.no-access', (el) => el.textContent)).toContain('does not let Lactation Glossary read');
    expect(await popup.$eval('.no-access', (el) => el.textContent)).not.toContain('cannot run on this page');
    await popup.setViewport({ width: 380, height: 420 });
    await popup.screenshot({ path: 'docs/screenshots/popup-no-access-firefox.png' });

    // A real click: the browser grants permissions only from a user's gesture.
    await popup.click('button.allow-access');
    await popup.waitForSelector('.page-terms', { timeout: 15_000 });
    await page.bringToFront();
    await waitForHighlights(page, 5);
  });
});
