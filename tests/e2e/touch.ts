import type { Page } from 'puppeteer-core';
import { longPressMs } from '../../src/ui/tap-gesture.ts';
import type { BrowserName } from './launch.ts';
import { timerPolling } from './page-state.ts';

/** A phone: 360 × 740 CSS px with a touch screen (Chromium also lays pages out as a mobile browser does). */
export const phone = { width: 360, height: 740, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

export interface Point {
  x: number;
  y: number;
}

/** The middle of the first occurrence of `text` inside `scope`, in client coordinates (no scrolling). */
export async function textPoint(page: Page, scope: string, text: string): Promise<Point> {
  const point = await page.evaluate(
    (selector, wanted) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    scope,
    text,
  );
  if (!point) throw new Error(`no "${text}" in ${scope}`);
  return point;
}

/** The client rectangle of `text` inside `scope`. */
export function textRect(
  page: Page,
  scope: string,
  text: string,
): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.evaluate(
    (selector, wanted) => {
      const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const r = range.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      }
      throw new Error(`no "${wanted}"`);
    },
    scope,
    text,
  );
}

/** Scrolls the page so that `text` (in `scope`) sits `fraction` of the way down the viewport. */
export async function placeText(page: Page, scope: string, text: string, fraction: number): Promise<void> {
  const rect = await textRect(page, scope, text);
  await page.evaluate(
    (top, f) => window.scrollBy({ top: top - f * innerHeight, behavior: 'instant' as ScrollBehavior }),
    rect.top,
    fraction,
  );
}

/** How many cards the page saw open since `watchCardShown` (hover.ts) started counting. */
export const cardOpenings = (page: Page): Promise<number> =>
  page.evaluate(() => (window as any).__cardShown.opened.length as number);

/** Resolves once the page's own clock says the finger has been down longer than a long press (pages that record it). */
export const heldPastLongPress = (page: Page) => () =>
  page.waitForFunction(
    (ms) => performance.now() - ((window as any).lastPointerDownAt ?? Infinity) > ms,
    { timeout: 10_000, polling: timerPolling },
    longPressMs + 200,
  );

/**
 * A finger held still, then lifted. Chromium: CDP's synthetic tap gesture with a duration goes through the
 * browser's gesture detector, so a long press is a long press (no click on release), as on a phone; raw touch
 * events in headless Chromium are never recognised as one. Firefox: WebDriver BiDi touch actions (a held touch
 * fires no click on release there), lifted once `whileHeld` resolves.
 */
export async function longPress(
  page: Page,
  browser: BrowserName,
  at: Point,
  whileHeld: () => Promise<unknown> = heldPastLongPress(page),
  ms = 1200,
): Promise<void> {
  if (browser === 'chromium') {
    const cdp = await page.createCDPSession();
    const gesture = cdp.send('Input.synthesizeTapGesture', {
      x: at.x,
      y: at.y,
      duration: ms,
      tapCount: 1,
      gestureSourceType: 'touch',
    });
    await whileHeld();
    await gesture;
    await cdp.detach();
    return;
  }
  await page.touchscreen.touchStart(at.x, at.y);
  try {
    await whileHeld();
  } finally {
    await page.touchscreen.touchEnd();
  }
}

/**
 * A finger put down at `from` and dragged `dy` px upward in small steps, then lifted: a scroll. Chromium gets raw
 * CDP touch events (Input.dispatchTouchEvent), which its compositor turns into a real scroll; Firefox gets
 * WebDriver BiDi touch actions (headless desktop Firefox does not pan the page for them, but the page sees the
 * same pointer and touch events a scroll starts with).
 */
export async function touchDrag(page: Page, browser: BrowserName, from: Point, dy: number, steps = 12): Promise<void> {
  if (browser === 'chromium') {
    const cdp = await page.createCDPSession();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: from.x, y: from.y - (dy * i) / steps }],
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    return;
  }
  await page.touchscreen.touchStart(from.x, from.y);
  for (let i = 1; i <= steps; i++) await page.touchscreen.touchMove(from.x, from.y - (dy * i) / steps);
  await page.touchscreen.touchEnd();
}

export interface SheetGeometry {
  sheet: boolean;
  side: string | null;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number; scale: number; offsetTop: number; offsetLeft: number };
  /** The document scrolls sideways (it must not). */
  horizontalOverflow: boolean;
  cardFontPx: number;
  cardOverflowY: string;
  cardMaxHeightPx: number;
  /** Every button and link in the card, with its size. */
  targets: { name: string; width: number; height: number; tag: string }[];
}

/** Where the open card is and how it is built, as the page sees it. */
export function sheetGeometry(page: Page): Promise<SheetGeometry> {
  return page.evaluate(() => {
    const root = document.querySelector('lactation-glossary-popover')!.shadowRoot!;
    const popover = root.querySelector('.popover') as HTMLElement;
    const card = root.querySelector('.card') as HTMLElement;
    const r = popover.getBoundingClientRect();
    const vv = visualViewport!;
    const style = getComputedStyle(card);
    return {
      sheet: popover.classList.contains('sheet'),
      side: popover.dataset.side ?? null,
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: {
        width: vv.width,
        height: vv.height,
        scale: vv.scale,
        offsetTop: vv.offsetTop,
        offsetLeft: vv.offsetLeft,
      },
      horizontalOverflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      cardFontPx: parseFloat(style.fontSize),
      cardOverflowY: style.overflowY,
      cardMaxHeightPx: parseFloat(style.maxHeight),
      targets: [...root.querySelectorAll('button, a')].map((e) => {
        const b = e.getBoundingClientRect();
        return {
          name: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40),
          width: b.width,
          height: b.height,
          tag: e.localName,
        };
      }),
    };
  });
}

/** The middle of an element inside the open card (the close button, a related term). */
export function pointInCard(page: Page, selector: string): Promise<Point> {
  return page.evaluate((s) => {
    const r = document
      .querySelector('lactation-glossary-popover')!
      .shadowRoot!.querySelector(s)!
      .getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
}

/**
 * A point on text with no term (a post's author, the title, the site's header) that the open card does not cover:
 * a tap there is a tap outside the card.
 */
export async function pointOutsideCard(page: Page): Promise<Point> {
  const point = await page.evaluate(() => {
    const card = document
      .querySelector('lactation-glossary-popover')
      ?.shadowRoot?.querySelector('.popover')
      ?.getBoundingClientRect();
    for (const element of document.querySelectorAll('.author, h1, header strong')) {
      const r = element.getBoundingClientRect();
      const y = r.top + r.height / 2;
      if (y < 10 || y > innerHeight - 10 || (card && y >= card.top - 4 && y <= card.bottom + 4)) continue;
      return { x: r.left + Math.min(r.width / 2, 30), y };
    }
    return null;
  });
  if (!point) throw new Error('no text outside the card on screen');
  return point;
}

/**
 * Notes when the page's fingers lift and when its scrolling ends; the returned wait resolves once a scroll has
 * ended after the last finger lifted (the fling a touch scroll ends with is over: a tap during one only stops it).
 */
export async function watchScrollEnd(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as any;
    w.__touchEndAt = Infinity;
    w.__scrollEndAt = -Infinity;
    addEventListener('touchend', () => (w.__touchEndAt = performance.now()), true);
    addEventListener('scrollend', () => (w.__scrollEndAt = performance.now()), true);
  });
  return async () => {
    await page.waitForFunction(() => (window as any).__scrollEndAt > (window as any).__touchEndAt, {
      timeout: 10_000,
      polling: timerPolling,
    });
  };
}
