import type { Frame, Page } from 'puppeteer-core';
import { timerPolling } from './page-state.ts';

export interface CardState {
  role: string | null;
  name: string | null;
  ariaHidden: string | null;
  title: string;
  aliases: string;
  definition: string;
  quotes: string[];
  links: { text: string; href: string }[];
  footer: string;
  theme: string | null;
  pinned: string | null;
  /** Whether the card's own styles applied (a page CSP could block them). */
  styled: boolean;
  /** What has focus inside the card, if anything. */
  focused: string | null;
}

/**
 * The open card as the page could see it (the popover's shadow root is open), or null when none is open. A card
 * made ready while the pointer rests on a term is in the page but hidden: not open yet.
 */
export function cardState(frame: Page | Frame): Promise<CardState | null> {
  return frame.evaluate(() => {
    const host = document.querySelector('lactation-glossary-popover');
    const root = host?.shadowRoot;
    const dialog = root?.querySelector('[role="dialog"], [role="tooltip"]');
    if (!root || !dialog || !dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
    const card = root.querySelector('.card') as HTMLElement;
    return {
      role: dialog.getAttribute('role'),
      name: dialog.getAttribute('aria-label'),
      ariaHidden: host!.getAttribute('aria-hidden') ?? dialog.getAttribute('aria-hidden'),
      title: text('.card-title'),
      aliases: text('.card-aliases'),
      definition: text('.card-definition'),
      quotes: [...root.querySelectorAll('.card-quote blockquote')].map((q) => q.textContent ?? ''),
      links: [...root.querySelectorAll('a')].map((a) => ({
        text: a.textContent ?? '',
        href: (a as HTMLAnchorElement).href,
      })),
      footer: text('.card-footer'),
      theme: root.querySelector('[data-theme]')?.getAttribute('data-theme') ?? null,
      pinned: root.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') ?? null,
      styled: getComputedStyle(card).borderTopStyle === 'solid',
      focused:
        document.activeElement === host
          ? (root.activeElement?.getAttribute('role') ?? root.activeElement?.tagName.toLowerCase() ?? null)
          : null,
    };
  });
}

/**
 * Screen coordinates of the middle of the `index`-th underlined term whose text is `text` (within `scope`),
 * scrolled to the middle of the viewport first unless `scroll` is false.
 */
export async function termPoint(
  frame: Page | Frame,
  text: string,
  scope = 'body',
  index = 0,
  scroll = true,
): Promise<{ x: number; y: number }> {
  const point = await frame.evaluate(
    (wanted, scopeSelector, n, scrollFirst) => {
      const within = document.querySelector(scopeSelector)!;
      const ranges = [...(CSS.highlights.get('lactation-glossary-term')?.keys() ?? [])] as AbstractRange[];
      const hits = ranges
        .map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live;
        })
        .filter((r) => r.toString() === wanted && within.contains(r.startContainer));
      const range = hits[n];
      if (!range) return null;
      if (scrollFirst) range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    text,
    scope,
    index,
    scroll,
  );
  if (!point) throw new Error(`no underlined "${text}" in ${scope}`);
  return point;
}

/** Moves the pointer onto a term in small steps, as a hand would, and rests there. */
export async function hoverTerm(
  page: Page,
  text: string,
  scope = 'body',
  index = 0,
): Promise<{ x: number; y: number }> {
  await page.mouse.move(5, 5);
  const point = await termPoint(page, text, scope, index);
  await page.mouse.move(point.x - 3, point.y, { steps: 4 });
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

export async function waitForCard(frame: Page | Frame, title?: string): Promise<CardState> {
  await frame.waitForFunction(
    (wanted) => {
      const title = document.querySelector('lactation-glossary-popover')?.shadowRoot?.querySelector('.card-title');
      if (!title || !title.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const heading = title.textContent;
      return heading !== undefined && heading !== null && (wanted === null || heading === wanted);
    },
    { timeout: 10_000, polling: timerPolling },
    title ?? null,
  );
  return (await cardState(frame))!;
}

/** Waits until no card is open. */
export async function waitForNoCard(frame: Page | Frame): Promise<void> {
  await frame.waitForFunction(() => !document.querySelector('lactation-glossary-popover'), {
    timeout: 10_000,
    polling: timerPolling,
  });
}

/** What the page saw, on its own clock (`performance.now()`): pointer moves, and when a card opened and closed. */
export interface HoverLog {
  moves: { t: number; x: number; y: number }[];
  opened: number[];
  closed: number[];
}

/**
 * Follows the card's host in the page, and into its shadow root (where the card is revealed, which an observer of
 * the document does not see into), once per page: each function in `window.__cardHostWatchers` is called with
 * every batch of changes and the host as it is then (null when none is in the page), after the shadow root is
 * followed.
 */
export async function followCardHost(frame: Page | Frame): Promise<void> {
  await frame.evaluate(() => {
    const scope = window as any;
    if (scope.__cardHostWatchers) return;
    const watchers: ((records: MutationRecord[], host: Element | null) => void)[] = (scope.__cardHostWatchers = []);
    let watchedRoot: ShadowRoot | null = null;
    const options = { childList: true, subtree: true, attributes: true };
    const observer = new MutationObserver((records) => {
      const host = document.querySelector('lactation-glossary-popover');
      const root = host?.shadowRoot ?? null;
      if (root && root !== watchedRoot) observer.observe((watchedRoot = root), options);
      // Each watcher on its own, as separate observers were: one that throws does not blind the others.
      for (const watch of watchers) {
        try {
          watch(records, host);
        } catch (error) {
          console.error(error);
        }
      }
    });
    observer.observe(document.documentElement, options);
  });
}

/**
 * Notes in the page, on its own clock, each time a card opens and closes: `window.__cardShown`. The card's host
 * element is attached to <html> while a card is open, and while one is made ready out of sight: a card is open
 * when its dialog is in the page and can be seen.
 */
export async function watchCardShown(frame: Page | Frame): Promise<void> {
  await followCardHost(frame);
  await frame.evaluate(() => {
    const shown: Pick<HoverLog, 'opened' | 'closed'> = ((window as any).__cardShown = { opened: [], closed: [] });
    let wasOpen = false;
    (window as any).__cardHostWatchers.push((records: MutationRecord[], host: Element | null) => {
      // A host taken out closed its card, even if it is back by now (closed and opened again in one task).
      const removed = records.some((r) =>
        [...r.removedNodes].some((node) => (node as Element).localName === 'lactation-glossary-popover'),
      );
      if (removed && wasOpen) shown.closed.push(performance.now());
      if (removed) wasOpen = false;
      const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
      const open = dialog?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ?? false;
      if (open !== wasOpen) (open ? shown.opened : shown.closed).push(performance.now());
      wasOpen = open;
    });
  });
}

/**
 * Starts a hover log in the page. Timing is read there, not in the test: a check from the test would also count
 * the protocol's round trips, which on a loaded machine can be longer than the dwell or the grace period.
 */
export async function recordHover(frame: Page | Frame): Promise<void> {
  await watchCardShown(frame);
  await frame.evaluate(() => {
    const moves: HoverLog['moves'] = ((window as any).__pointerMoves = []);
    addEventListener('pointermove', (e) => moves.push({ t: e.timeStamp, x: e.clientX, y: e.clientY }), true);
  });
}

export function hoverLog(frame: Page | Frame): Promise<HoverLog> {
  return frame.evaluate(() => ({ moves: (window as any).__pointerMoves, ...(window as any).__cardShown }) as HoverLog);
}

/** The page's clock now. */
export function pageNow(frame: Page | Frame): Promise<number> {
  return frame.evaluate(() => performance.now());
}

/**
 * Waits until the content script has handled every pointer move the page has received: it handles the latest
 * one in its next animation frame, so two frames later it has.
 */
export async function movesHandled(frame: Page | Frame): Promise<void> {
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Waits until the page's clock reads `t` or later. */
export async function waitForPageTime(frame: Page | Frame, t: number): Promise<void> {
  await frame.waitForFunction((until) => performance.now() >= until, { timeout: 30_000, polling: timerPolling }, t);
}
