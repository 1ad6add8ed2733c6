import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { cardState, waitForCard, waitForNoCard, watchCardShown } from './hover.ts';
import { browserNames } from './launch.ts';
import { waitForHighlights } from './page-state.ts';
import { useExtensionSession } from './session.ts';
import {
  cardOpenings,
  longPress,
  phone,
  pointOutsideCard,
  placeText,
  pointInCard,
  sheetGeometry,
  textPoint,
  textRect,
  touchDrag,
  watchScrollEnd,
  type SheetGeometry,
} from './touch.ts';

mkdirSync('docs/screenshots', { recursive: true });

/** Whether the sheet covers any part of a rectangle of the page. */
const covers = (sheet: SheetGeometry, r: { top: number; bottom: number }) =>
  r.bottom > sheet.rect.top && r.top < sheet.rect.bottom;

describe.each(browserNames)('tap to explain on a phone in %s', (name) => {
  const session = useExtensionSession(name);

  /** The phone forum thread at 360 × 740 with touch input, its six terms and the flagged sentence marked. */
  async function openPhone(path = '/phone-thread.html', terms = 6): Promise<Page> {
    const page = await session.ext.newPage();
    await page.setViewport(phone);
    await page.goto(`${session.server.origin}${path}`);
    await page.bringToFront();
    await waitForHighlights(page, terms);
    if (path === '/phone-thread.html') await waitForHighlights(page, 1, { name: 'lactation-glossary-claim-differs' });
    await watchCardShown(page);
    return page;
  }

  const tap = async (page: Page, at: { x: number; y: number }) => page.touchscreen.tap(at.x, at.y);

  it('opens the card of a tapped term as a bottom sheet, with focus in it, and closes it on a tap outside', async () => {
    const page = await openPhone();
    const historyBefore = await page.evaluate(() => history.length);
    await tap(page, await textPoint(page, '#plain', 'IGT'));
    const card = await waitForCard(page, 'Insufficient glandular tissue');
    expect(card.role).toBe('dialog');
    expect(card.name).toMatch(/^Insufficient glandular tissue/);
    expect(card.focused).toBe('dialog');
    const sheet = await sheetGeometry(page);
    expect(sheet.sheet).toBe(true);
    expect(sheet.side).toBe('bottom');
    // The term stays in view above it.
    expect(covers(sheet, await textRect(page, '#plain', 'IGT'))).toBe(false);
    // No history entry: the page's Back still goes where it went (close requests come through CloseWatcher).
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    // A tap on text with no term closes it.
    await tap(page, await pointOutsideCard(page));
    await waitForNoCard(page);
    expect(await cardOpenings(page)).toBe(1);
  });

  it('replaces the card when another term is tapped, and closes it with its close button and with Esc', async () => {
    const page = await openPhone();
    await tap(page, await textPoint(page, '#plain', 'IGT'));
    await waitForCard(page, 'Insufficient glandular tissue');
    await tap(page, await textPoint(page, '#plain', 'prolactin'));
    await waitForCard(page, 'Prolactin');
    // One card element all along: replaced in place, not closed and reopened.
    expect(await cardOpenings(page)).toBe(1);
    await tap(page, await pointInCard(page, 'button[aria-label^="Close"]'));
    await waitForNoCard(page);
    await tap(page, await textPoint(page, '#plain', 'prolactin'));
    await waitForCard(page, 'Prolactin');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await cardOpenings(page)).toBe(2);
  });

  it('closes a tapped-open card on the platform’s close request (CloseWatcher), even where the page swallows Esc', async () => {
    // The page stops every Esc keydown before anyone else sees it: the extension's own Esc handler never runs, so
    // only the close request that follows the unprevented key (the same one Android's back gesture makes) can
    // close the card.
    session.server.route(
      '/swallows-escape.html',
      readFileSync('tests/fixtures/phone-thread.html', 'utf8').replace(
        '<script>',
        `<script>addEventListener('keydown', (e) => { if (e.key === 'Escape') { window.escapesSwallowed = (window.escapesSwallowed || 0) + 1; e.stopImmediatePropagation(); } }, true);`,
      ),
    );
    const page = await openPhone('/swallows-escape.html');
    await tap(page, await textPoint(page, '#plain', 'prolactin'));
    await waitForCard(page, 'Prolactin');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => (window as any).escapesSwallowed)).toBe(1);
    expect(await cardOpenings(page)).toBe(1);
  });

  it('opens the fact-check card of a tapped flagged sentence', async () => {
    const page = await openPhone();
    await tap(page, await textPoint(page, '#claim', 'midwife'));
    await waitForCard(page, 'Differs from the article');
    const sheet = await sheetGeometry(page);
    expect(sheet.sheet).toBe(true);
    // The line that was tapped stays visible.
    expect(covers(sheet, await textRect(page, '#claim', 'midwife'))).toBe(false);
    await page.screenshot({ path: `docs/screenshots/phone-fact-check-${name}.png` });
  });

  it('follows a link when a term inside it is tapped, and opens the term’s card on a long press instead', async () => {
    const page = await openPhone();
    const linkTarget = () => session.server.requests.filter((p) => p === '/forum-thread.html').length;
    // A long press on a term outside links is the browser's (text selection): no card.
    await longPress(page, name, await textPoint(page, '#plain', 'prolactin'));
    // A long press on the term inside the link: its card, and the link is not followed.
    const before = linkTarget();
    await longPress(page, name, await textPoint(page, '#linked', 'galactagogue'), () =>
      waitForCard(page, 'Galactagogue'),
    );
    await tap(page, await pointOutsideCard(page));
    await waitForNoCard(page);
    expect(page.url()).toBe(`${session.server.origin}/phone-thread.html`);
    expect(linkTarget()).toBe(before);
    // One card in all: the long press on plain text opened none.
    expect(await cardOpenings(page)).toBe(1);
    // Positive control: a tap on the same term follows the link, and no card opens on the way.
    await Promise.all([
      page.waitForNavigation({ timeout: 10_000 }),
      tap(page, await textPoint(page, '#linked', 'galactagogue')),
    ]);
    expect(page.url()).toBe(`${session.server.origin}/forum-thread.html`);
    expect(linkTarget()).toBe(before + 1);
  });

  it('never opens a card while the page is scrolled by touch, and opens it when the same term is tapped', async () => {
    const page = await openPhone();
    await placeText(page, '#tapped', 'lactogenesis', 0.8);
    const start = await textPoint(page, '#tapped', 'lactogenesis');
    const scrollBefore = await page.evaluate(() => scrollY);
    const scrollEnded = await watchScrollEnd(page);
    // The finger goes down on the term and scrolls the page.
    await touchDrag(page, name, start, 160);
    if (name === 'chromium') {
      // (Headless desktop Firefox does not pan for WebDriver touch actions: there the drag is all there is.)
      await scrollEnded();
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore + 50);
    }
    // Positive control: the same term, tapped, opens its card (brought back to mid-screen first: the fling after
    // the scroll may have carried it off); the scroll before it opened none.
    await placeText(page, '#tapped', 'lactogenesis', 0.4);
    await tap(page, await textPoint(page, '#tapped', 'lactogenesis'));
    await waitForCard(page, 'Lactogenesis');
    expect(await cardOpenings(page)).toBe(1);
  });

  it('leaves the page’s own tap handlers as they are: it still gets every event, nothing prevented', async () => {
    const page = await openPhone();
    await placeText(page, '#tapped', 'lactogenesis', 0.2);
    await page.evaluate(() => ((window as any).pageSaw = []));
    await tap(page, await textPoint(page, '#tapped', 'lactogenesis'));
    await waitForCard(page, 'Lactogenesis');
    // The post's own "tap to like" ran once, and the page saw each event of the tap, none prevented.
    expect(await page.$eval('#post-3', (p) => (p as HTMLElement).dataset.likes)).toBe('1');
    const saw: string[] = await page.evaluate(() => (window as any).pageSaw);
    expect(saw.filter((e) => !e.startsWith('touch'))).toEqual(['pointerdown', 'pointerup', 'click']);
    if (name === 'chromium') expect(saw).toEqual(['pointerdown', 'touchstart', 'pointerup', 'touchend', 'click']);
    expect(saw.some((e) => e.endsWith(':prevented'))).toBe(false);
  });

  it('puts the sheet at the top for a term low on the screen, never covering it', async () => {
    const page = await openPhone();
    await placeText(page, '#low', 'colostrum', 0.8);
    await tap(page, await textPoint(page, '#low', 'colostrum'));
    await waitForCard(page, 'Colostrum');
    const sheet = await sheetGeometry(page);
    expect(sheet.side).toBe('top');
    expect(covers(sheet, await textRect(page, '#low', 'colostrum'))).toBe(false);
    // A term in the middle of the screen: whichever side, the term stays visible.
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    await placeText(page, '#tapped', 'lactogenesis', 0.5);
    await tap(page, await textPoint(page, '#tapped', 'lactogenesis'));
    await waitForCard(page, 'Lactogenesis');
    expect(covers(await sheetGeometry(page), await textRect(page, '#tapped', 'lactogenesis'))).toBe(false);
  });

  it('at 360 × 740 the sheet fits the screen, with 16 px type and 44 px targets, scrolls when long, and passes axe-core', async () => {
    const page = await openPhone();
    await tap(page, await textPoint(page, '#plain', 'IGT'));
    await waitForCard(page, 'Insufficient glandular tissue');
    const sheet = await sheetGeometry(page);
    const { width, height } = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: innerHeight,
    }));
    expect(sheet.rect.left).toBeGreaterThanOrEqual(0);
    expect(sheet.rect.top).toBeGreaterThanOrEqual(0);
    expect(sheet.rect.right).toBeLessThanOrEqual(width + 0.5);
    expect(sheet.rect.bottom).toBeLessThanOrEqual(height + 0.5);
    // Full width, flush with the bottom.
    expect(sheet.rect.width).toBeGreaterThanOrEqual(width - 0.5);
    expect(sheet.rect.bottom).toBeGreaterThanOrEqual(height - 0.5);
    expect(sheet.horizontalOverflow).toBe(false);
    expect(sheet.cardFontPx).toBeGreaterThanOrEqual(16);
    // Long cards scroll inside a sheet capped at 60% of the screen.
    expect(sheet.cardOverflowY).toBe('auto');
    expect(sheet.rect.height).toBeLessThanOrEqual(0.6 * height + 1);
    expect(sheet.targets.length).toBeGreaterThanOrEqual(3);
    for (const target of sheet.targets) {
      expect(target.height, `${target.tag} “${target.name}”`).toBeGreaterThanOrEqual(44);
      if (target.tag === 'button') expect(target.width, `button “${target.name}”`).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: `docs/screenshots/phone-card-${name}.png` });
    await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run({ include: [['lactation-glossary-popover', '[role="dialog"]']] });
      return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('opens a related term in the same sheet', async () => {
    const page = await openPhone();
    await tap(page, await textPoint(page, '#plain', 'prolactin'));
    await waitForCard(page, 'Prolactin');
    const related = await page.evaluate(() => {
      const root = document.querySelector('lactation-glossary-popover')!.shadowRoot!;
      const button = root.querySelector('.card-related-term') as HTMLElement;
      button.scrollIntoView({ block: 'nearest' });
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, label: button.textContent };
    });
    await tap(page, related);
    const card = await waitForCard(page, related.label!);
    expect(card.title).toBe(related.label);
    expect((await sheetGeometry(page)).sheet).toBe(true);
    expect(await cardOpenings(page)).toBe(1);
  });

  // Chromium only: desktop Firefox cannot lay a page out as a phone does. It ignores the missing viewport tag
  // (the page is laid out at the phone's 360 px), and with dom.meta-viewport.enabled, Firefox for Android's
  // setting, giving the tab a phone's viewport closes the WebDriver connection.
  if (name === 'chromium')
    it('on a page laid out for desktops (no viewport tag, shown zoomed out) the sheet still spans the screen at readable size', async () => {
      const page = await openPhone('/forum-thread.html', 10);
      const zoom = await page.evaluate(() => ({ scale: visualViewport!.scale, width: innerWidth }));
      expect(zoom.width).toBeGreaterThan(900); // laid out at 980 px, as a phone does
      expect(zoom.scale).toBeLessThan(0.5);
      // (CDP's touch coordinates are the page's CSS pixels, whatever the zoom.)
      await tap(page, await textPoint(page, '#post-1', 'IGT'));
      await waitForCard(page, 'Insufficient glandular tissue');
      const sheet = await sheetGeometry(page);
      expect(sheet.sheet).toBe(true);
      // On screen: as wide as the phone, type at 16 px, inside the visible part of the page.
      expect(sheet.rect.width * sheet.viewport.scale).toBeCloseTo(phone.width, 0);
      expect(sheet.cardFontPx).toBe(16); // in the sheet's own pixels, shown at 1:1 on screen
      expect(sheet.rect.bottom).toBeCloseTo(sheet.viewport.offsetTop + sheet.viewport.height, 0);
      expect(covers(sheet, await textRect(page, '#post-1', 'IGT'))).toBe(false);
    });

  it('keeps the desktop hover card beside the term on a wide screen (no sheet)', async () => {
    const page = await session.ext.newPage();
    await page.setViewport({ width: 1000, height: 760 });
    await page.goto(`${session.server.origin}/phone-thread.html`);
    await page.bringToFront();
    await waitForHighlights(page, 6);
    const at = await textPoint(page, '#plain', 'prolactin');
    await page.mouse.move(at.x - 3, at.y, { steps: 3 });
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'Prolactin');
    expect((await sheetGeometry(page)).sheet).toBe(false);
    expect((await cardState(page))?.focused).toBeNull();
  });
});
