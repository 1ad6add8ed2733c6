import type { Page } from 'puppeteer-core';
// (Not the settings barrel: it also loads the storage code, which needs an extension's `browser`.)
import { defaultSettings, settingsVersion } from '../../src/settings/settings.ts';
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
  // Polled by hand: while the tab swaps documents, Firefox's WebDriver BiDi can fail an evaluation outright
  // ("right-hand side of 'in' should be an object"), which would end puppeteer's own waitForFunction.
  for (const started = Date.now(); Date.now() - started < 15_000; await new Promise((r) => setTimeout(r, 100))) {
    const ready = await page
      .evaluate((origin) => location.origin === origin && document.readyState === 'complete', ext.extensionOrigin)
      .catch(() => false);
    if (ready) return;
  }
  throw new Error(`${path} did not open`);
}

/** Opens an extension page (the popup) for `use`, and closes it after. */
export async function withExtensionPage<T>(ext: ExtensionBrowser, use: (helper: Page) => Promise<T>): Promise<T> {
  const helper = await ext.newPage();
  try {
    await openExtensionPage(ext, helper, 'popup.html');
    return await use(helper);
  } finally {
    await helper.close();
  }
}

/** Runs `fn` in one of the extension's pages, so a test can act as the popup or the options page would. */
export async function inExtension<A, T>(ext: ExtensionBrowser, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  return withExtensionPage(ext, async (helper) => (await helper.evaluate(fn as never, arg as never)) as T);
}

/** Replaces the stored settings (defaults plus `change`), as the options page would. */
export async function setSettings(ext: ExtensionBrowser, change: Record<string, unknown>): Promise<void> {
  await inExtension(
    ext,
    (value) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.sync.set({ settings: value }),
    { version: settingsVersion, ...defaultSettings, ...change },
  );
}

/** The browser's tab id of `page`: it is made the active tab, then asked for from an extension page. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  return withExtensionPage(ext, (helper) => activeTabIdVia(helper, page));
}

/** Makes `page` the active tab and asks an already open extension page (`helper`) for its tab id. */
export async function activeTabIdVia(helper: Page, page: Page): Promise<number> {
  await page.bringToFront();
  return helper.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab.id as number;
  });
}
