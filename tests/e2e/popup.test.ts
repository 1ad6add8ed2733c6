import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { inExtension, openExtensionPage, setSettings, tabIdOf } from './extension-pages.ts';
import { waitForCard } from './hover.ts';
import { useExtensionSession } from './session.ts';
import { browserNames, launchWithExtension } from './launch.ts';
import { highlightCount, pageReportOf, timerPolling, waitForHighlights, waitForNoHighlights } from './page-state.ts';
import { serveFixtures } from './serve.ts';

describe.each(browserNames)('the toolbar popup and settings in %s', (name) => {
  const session = useExtensionSession(name);
  beforeEach(async () => {
    await setSettings(session.ext, {});
  });

  async function openForum(): Promise<{ page: Page; tabId: number }> {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/forum-thread.html`);
    await page.bringToFront();
    await waitForHighlights(page, 15);
    return { page, tabId: await tabIdOf(session.ext, page) };
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await session.ext.newPage();
    await popup.setViewport({ width: 420, height: 600 });
    await openExtensionPage(session.ext, popup, `popup.html?tab=${tabId}`);
    await popup.waitForSelector('input[aria-label="Look up a term"]');
    return popup;
  }

  it('looks terms up as you type, with typos, and shows the same card', async () => {
    const { tabId } = await openForum();
    const popup = await openPopup(tabId);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Look up a term');
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search'); // role searchbox
    for (const [typed, expected] of [
      ['galactogogue', 'Galactagogue'],
      ['amenorhea', 'Lactational amenorrhea'],
      ['prolactine', 'Prolactin'],
    ]) {
      // Cleared as a person clears it (select, delete), so the popup's own state follows. Setting the field's
      // value from the test left the popup's query as it was, and the next render (the page's report arriving,
      // late on a cold start) put the old word back in front of the new one: "galactogogueamenorhea".
      await popup.$eval('input[type=search]', (input) => (input as HTMLInputElement).select());
      await popup.keyboard.press('Backspace');
      await popup.waitForFunction(() => !document.querySelector('.results'), { polling: timerPolling });
      await popup.type('input[type=search]', typed!);
      await popup.waitForFunction(
        (want) => document.querySelector('.results .result strong')?.textContent === want,
        { polling: timerPolling },
        expected,
      );
      expect(await popup.$eval('input[type=search]', (input) => (input as HTMLInputElement).value)).toBe(typed);
    }
    await popup.click('.results .result');
    await popup.waitForSelector('.card-title');
    expect(await popup.$eval('.card-title', (e) => e.textContent)).toBe('Prolactin');
    expect(await popup.$eval('.card-footer', (e) => e.textContent)).toContain('not medical advice');
  });

  it('lists the terms on the page with their counts and jumps to one, opening its card', async () => {
    const { page, tabId } = await openForum();
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.page-terms .result');
    const listed = await popup.$$eval('.page-terms .result', (els) => els.map((e) => e.textContent));
    expect(listed).toContain('Gestational diabetes 2');
    expect(listed).toContain('Insufficient glandular tissue 1');
    await popup.screenshot({ path: `docs/screenshots/popup-${name}.png` });
    await (await popup.$$('.page-terms .result'))[listed.indexOf('Lactational amenorrhea 1')]!.click();
    await page.bringToFront();
    expect((await waitForCard(page, 'Lactational amenorrhea')).focused).toBe('dialog');
  });

  it('switches the site off and on with the tab updating live, and the choice survives a reload', async () => {
    const { page, tabId } = await openForum();
    const popup = await openPopup(tabId);
    const siteSwitch = 'input[role=switch][aria-label^="Underline terms on"]';
    await popup.waitForSelector(siteSwitch);
    expect(await popup.$eval(siteSwitch, (e) => e.getAttribute('aria-label'))).toBe('Underline terms on 127.0.0.1');
    expect(await popup.$eval(siteSwitch, (e) => (e as HTMLInputElement).checked)).toBe(true);
    // A click waits for the target to be rendered, which a background tab never is: bring the popup forward.
    await popup.bringToFront();
    await popup.click(siteSwitch);
    await waitForNoHighlights(page);
    await popup.waitForFunction(() => document.body.textContent?.includes('Switched off on 127.0.0.1'), {
      polling: timerPolling,
    });
    await page.reload();
    // The reloaded page as the popup reads it anew: in Firefox its content script read the settings and left
    // the site alone; Chromium runs none there (tests/e2e/switched-off-sites.test.ts), and the popup reads the
    // state from the tab's address.
    const reopened = await openPopup(tabId);
    await reopened.waitForFunction(() => document.body.textContent?.includes('Switched off on 127.0.0.1'), {
      polling: timerPolling,
    });
    expect(await reopened.$eval(siteSwitch, (e) => (e as HTMLInputElement).checked)).toBe(false);
    expect(await highlightCount(page)).toBe(0);
    // Positive control: the same page, switched back on, is underlined.
    await reopened.bringToFront();
    await reopened.click(siteSwitch);
    await waitForHighlights(page, 15);
  });

  it('says a page without terms has none, and switches its site off there too', async () => {
    session.server.route(
      '/no-terms.html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sleep</title></head><body><p>Our toddler finally sleeps through the night, and we are all better for it.</p></body></html>',
    );
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/no-terms.html`);
    // Once its content script runs (in Chromium it answers only through the scripting API here: it listens
    // for messages once a page may hold a term).
    expect(await pageReportOf(session.ext, page)).toMatchObject({ enabled: true, terms: [] });
    const popup = await openPopup(await tabIdOf(session.ext, page));
    await popup.waitForFunction(() => document.body.textContent?.includes('No glossary terms found on this page.'), {
      polling: timerPolling,
    });
    const siteSwitch = 'input[role=switch][aria-label="Underline terms on 127.0.0.1"]';
    expect(await popup.$eval(siteSwitch, (e) => (e as HTMLInputElement).checked)).toBe(true);
    await popup.bringToFront();
    await popup.click(siteSwitch);
    await popup.waitForFunction(() => document.body.textContent?.includes('Switched off on 127.0.0.1'), {
      polling: timerPolling,
    });
  });

  it('follows the global pause and the "only on the sites I list" mode', async () => {
    const { page } = await openForum();
    await setSettings(session.ext, { paused: true });
    await waitForNoHighlights(page);
    await setSettings(session.ext, {});
    await waitForHighlights(page, 15);
    // From an underlined page (not a paused one, which would show no underline whatever the mode did).
    await setSettings(session.ext, { mode: 'only-listed', sites: ['example.com'] });
    await waitForNoHighlights(page);
    await setSettings(session.ext, { mode: 'only-listed', sites: ['127.0.0.1/forum-*'] });
    await waitForHighlights(page, 15);
  });

  it('opens the card for selected text, as the context menu look-up does', async () => {
    const { page, tabId } = await openForum();
    await page.evaluate(() => {
      const text = document.querySelector('#post-2 p')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 9);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await inExtension(
      session.ext,
      async (id: number) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        await api.tabs.sendMessage(id, { type: 'show-term', termId: 'prolactin' }, { frameId: 0 });
      },
      tabId,
    );
    await page.bringToFront();
    expect((await waitForCard(page, 'Prolactin')).title).toBe('Prolactin');
  });

  it('says clearly when it cannot run on a page', async () => {
    const page = await session.ext.newPage();
    // Pages no content script may run in: Chromium's data: URLs, Firefox's own about: pages.
    if (name === 'chromium') await page.goto('data:text/html,<p>My prolactin is low</p>');
    else await page.goto('about:robots', { timeout: 3000 }).catch(() => undefined); // never reports its load to WebDriver
    const tabId = await tabIdOf(session.ext, page);
    const popup = await openPopup(tabId);
    await popup
      .waitForFunction(() => document.body.textContent?.includes('cannot run on this page'), { timeout: 10_000 })
      .catch(async (e) => {
        throw new Error(`${e.message}: ${await popup.evaluate(() => document.body.textContent)}`);
      });
  });

  it('rejects a malformed settings file on import, changing nothing', async () => {
    await setSettings(session.ext, { sites: ['keep.example.com'] });
    const options = await session.ext.newPage();
    await openExtensionPage(session.ext, options, 'options.html');
    await options.waitForSelector('#import');
    const file = join(tmpdir(), `hostile-settings-${name}.json`);
    writeFileSync(file, JSON.stringify({ sites: '<img src=x onerror=alert(1)>', density: 12, extra: 'x'.repeat(100) }));
    const input = await options.$('#import');
    await (input as any).uploadFile(file);
    await options.waitForSelector('[role=alert]');
    const alert = await options.$eval('[role=alert]', (e) => e.textContent);
    expect(alert).toContain('Nothing was changed');
    expect(alert).toContain('sites: not a list');
    expect(alert).toContain('density: 12 is not valid');
    const stored = await inExtension(
      session.ext,
      async () =>
        (await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.sync.get('settings')).settings,
      null,
    );
    expect(stored.sites).toEqual(['keep.example.com']);
    await options.waitForFunction(
      () => (document.querySelector('#sites') as HTMLTextAreaElement).value === 'keep.example.com',
      { polling: timerPolling },
    );
    expect(await options.$('img')).toBeNull(); // the file's markup was never rendered
  });
});

describe('the keyboard shortcut to switch a site, in chromium', () => {
  // Only Chromium lets a test reach the background's scope (its service worker); Firefox's background page
  // is out of WebDriver BiDi's reach. Headless browsers deliver no shortcuts, so the command is run the way
  // the browser's onCommand listener runs it.
  it('switches the current site off and on again', async () => {
    const server = await serveFixtures();
    const ext = await launchWithExtension('chromium');
    try {
      const page = await ext.newPage();
      await page.goto(`${server.origin}/forum-thread.html`);
      await page.bringToFront();
      await waitForHighlights(page, 15);
      const tabId = await tabIdOf(ext, page);
      const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
      await worker!.evaluate((id) => (globalThis as any).runCommand('toggle-site', id), tabId);
      await waitForNoHighlights(page);
      await worker!.evaluate((id) => (globalThis as any).runCommand('toggle-site', id), tabId);
      await waitForHighlights(page, 15);
      await worker!.evaluate((id) => (globalThis as any).runCommand('next-term', id), tabId);
      expect((await waitForCard(page)).focused).toBe('dialog');
    } finally {
      await ext.close();
      await server.close();
    }
  });
});
