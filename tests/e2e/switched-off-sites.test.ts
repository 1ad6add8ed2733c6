import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, setSettings, tabIdOf } from './extension-pages.ts';
import { waitForContentScript } from './launch.ts';
import { firstStageRanIn, highlightCount, timerPolling, waitForHighlights, waitForNoHighlights } from './page-state.ts';
import { useExtensionSession } from './session.ts';

// Chrome's build registers its content script from the background, leaving out the sites switched off and,
// while paused, every page (src/background/content-script.ts); Firefox's builds declare it in the manifest.
describe('sites switched off, in chromium', () => {
  const session = useExtensionSession('chromium');
  const siteSwitch = 'input[role=switch][aria-label^="Underline terms on"]';

  async function openForum(): Promise<Page> {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await page.bringToFront();
    await waitForHighlights(page, 15);
    return page;
  }

  /** Reloads `page` and lets the tasks that follow its load event run: a content script starts by then. */
  async function reloadFully(page: Page): Promise<void> {
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }

  it('run none of the extension, the popup says so, and switching back on underlines the open page', async () => {
    const page = await openForum();
    // Positive control: on a site that is on, the first stage runs in the page's frame.
    expect(await firstStageRanIn(page)).toBe(true);
    const popup = await session.ext.newPage();
    await openExtensionPage(session.ext, popup, `popup.html?tab=${await tabIdOf(session.ext, page)}`);
    await popup.waitForSelector(siteSwitch);
    await popup.bringToFront();
    await popup.click(siteSwitch);
    await waitForNoHighlights(page);
    await waitForContentScript(session.ext.browser, (script) => !!script?.excludeMatches?.includes('*://127.0.0.1/*'));

    await reloadFully(page);
    expect(await firstStageRanIn(page)).toBe(false);
    expect(await highlightCount(page)).toBe(0);
    // The popup reads the state from the tab's address, as no content script answers there.
    await popup.reload();
    await popup.waitForFunction(() => document.body.textContent?.includes('Switched off on 127.0.0.1'), {
      polling: timerPolling,
    });
    expect(await popup.$eval(siteSwitch, (e) => (e as HTMLInputElement).checked)).toBe(false);
    expect(await popup.$eval(siteSwitch, (e) => e.getAttribute('aria-label'))).toBe('Underline terms on 127.0.0.1');

    // Switched on from the popup, the page in front of the user is underlined without a reload.
    await popup.bringToFront();
    await popup.click(siteSwitch);
    await waitForHighlights(page, 15);
    expect(await firstStageRanIn(page)).toBe(true);
    await popup.waitForSelector('.page-terms', { timeout: 10_000 });
    // The wait the checks of absence rely on is long enough: reloaded now, the page runs it by then.
    await reloadFully(page);
    expect(await firstStageRanIn(page)).toBe(true);
  });

  it('run nowhere while paused, and the open pages are underlined once it resumes', async () => {
    await setSettings(session.ext, { paused: true });
    await waitForContentScript(session.ext.browser, (script) => script === null);
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await page.bringToFront();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await firstStageRanIn(page)).toBe(false);

    await setSettings(session.ext, {});
    await waitForHighlights(page, 15);
    await waitForContentScript(session.ext.browser, (script) => script !== null);
    // A page loaded now runs it as the browser loads it, within the same wait as above.
    const another = await session.ext.newPage();
    await another.goto(`${session.server.origin}/forum-thread.html`);
    await another.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await firstStageRanIn(another)).toBe(true);
  });

  it('leave out a frame from a site switched off, on a page that is on', async () => {
    const framed = (host: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head><body><p>Her prolactin was checked at six weeks.</p><iframe src="${session.server.origin.replace('127.0.0.1', host)}/frame-child.html" title="comments"></iframe></body></html>`;
    session.server.route('/framed-localhost.html', framed('localhost'));
    await setSettings(session.ext, { sites: ['localhost'] });
    await waitForContentScript(
      session.ext.browser,
      (script) => !!script?.excludeMatches?.includes('*://*.localhost/*'),
    );
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/framed-localhost.html`);
    await page.bringToFront();
    // The page itself, on 127.0.0.1, is underlined; the frame from the switched-off site is not run.
    await waitForHighlights(page, 1);
    const frame = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await firstStageRanIn(page, frame.url())).toBe(false);
    expect(await highlightCount(frame)).toBe(0);
    // Positive control: with the site on again, the same frame, reloaded, is underlined.
    await setSettings(session.ext, {});
    await waitForContentScript(session.ext.browser, (script) => script !== null && !script.excludeMatches?.length);
    await page.reload();
    await page.bringToFront();
    const reloaded = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await waitForHighlights(reloaded, 2);
    expect(await firstStageRanIn(page, reloaded.url())).toBe(true);
  });
});
