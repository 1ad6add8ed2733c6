import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, setSettings, tabIdOf } from './extension-pages.ts';
import { browserNames } from './launch.ts';
import { timerPolling, waitForHighlights } from './page-state.ts';
import { useExtensionSession } from './session.ts';
import { phone } from './touch.ts';

interface PageFit {
  /** The width the page is laid out at (a page without a viewport tag would be laid out at 980 on a phone). */
  layoutWidth: number;
  clientWidth: number;
  scrollWidth: number;
  /** Controls smaller than 44 × 44 px, with what they are. */
  small: string[];
  /** How many controls were measured. */
  measured: number;
}

/**
 * Whether the extension page fits a phone: no sideways scrolling, and every control a thumb can hit. A checkbox or
 * radio is measured by its label (tapping the label flips it); a text field and a button by their own box.
 */
function phoneFit(page: Page): Promise<PageFit> {
  return page.evaluate(() => {
    const targets = new Set<Element>();
    for (const element of document.querySelectorAll('button, a[href], input, select, textarea')) {
      if ((element as HTMLElement).offsetParent === null) continue;
      const input = element as HTMLInputElement;
      targets.add(input.type === 'checkbox' || input.type === 'radio' ? (input.closest('label') ?? input) : element);
    }
    const small = [...targets].flatMap((t) => {
      const r = t.getBoundingClientRect();
      const name = (t.getAttribute('aria-label') ?? t.textContent ?? t.localName).trim().slice(0, 40);
      return r.width < 44 || r.height < 43.5
        ? [`${t.localName} “${name}” ${Math.round(r.width)}×${Math.round(r.height)}`]
        : [];
    });
    return {
      layoutWidth: innerWidth,
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      small,
      measured: targets.size,
    };
  });
}

describe.each(browserNames)('the popup and the settings at phone width (360 px) in %s', (name) => {
  const session = useExtensionSession(name);
  beforeAll(() => setSettings(session.ext, {}));

  async function openAtPhoneWidth(path: string): Promise<Page> {
    const page = await session.ext.newPage();
    await page.setViewport(phone);
    await openExtensionPage(session.ext, page, path);
    await page.bringToFront();
    return page;
  }

  it('the popup, opened as a page, has no sideways scrolling and thumb-sized look-up, switches and lists', async () => {
    const thread = await session.ext.newPage();
    await thread.setViewport(phone);
    await thread.goto(`${session.server.origin}/phone-thread.html`);
    await thread.bringToFront();
    await waitForHighlights(thread, 6);
    const tabId = await tabIdOf(session.ext, thread);
    const popup = await openAtPhoneWidth(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.page-terms .result');
    await popup.type('input[type=search]', 'prola');
    await popup.waitForSelector('.results .result');
    const fit = await phoneFit(popup);
    expect(fit.layoutWidth).toBe(phone.width); // laid out at the phone's width (the viewport tag)
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    // The look-up, both switches, the results, the terms on the page, Settings: all of them.
    expect(fit.measured).toBeGreaterThanOrEqual(10);
    expect(fit.small).toEqual([]);
    const siteSwitch = await popup.$eval(
      'input[role=switch][aria-label^="Underline terms on"]',
      (e) => e.closest('label')!.getBoundingClientRect().height,
    );
    expect(siteSwitch).toBeGreaterThanOrEqual(44);
    await popup.screenshot({ path: `docs/screenshots/phone-popup-${name}.png` });
    // A term's card inside the popup fits too.
    await popup.click('.results .result');
    await popup.waitForSelector('.card-title');
    const card = await phoneFit(popup);
    expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
    expect(card.small.filter((s) => !s.startsWith('a '))).toEqual([]); // (links inside sentences are exempt)
  });

  it('the settings page has no sideways scrolling and thumb-sized controls', async () => {
    const options = await openAtPhoneWidth('options.html');
    await options.waitForSelector('#sites');
    await options.waitForFunction(() => document.querySelectorAll('kbd').length > 0, { polling: timerPolling });
    const fit = await phoneFit(options);
    expect(fit.layoutWidth).toBe(phone.width);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.measured).toBeGreaterThanOrEqual(9);
    expect(fit.small).toEqual([]);
    await options.screenshot({ path: `docs/screenshots/phone-settings-${name}.png`, fullPage: true });
  });
});
