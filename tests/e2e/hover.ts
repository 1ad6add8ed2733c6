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

/** The open card as the page could see it (the popover's shadow root is open), or null when none is open. */
export function cardState(frame: Page | Frame): Promise<CardState | null> {
  return frame.evaluate(() => {
    const host = document.querySelector('lactation-glossary-popover');
    const root = host?.shadowRoot;
    const dialog = root?.querySelector('[role="dialog"], [role="tooltip"]');
    if (!root || !dialog) return null;
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
      links: [...root.querySelectorAll('a')].map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href })),
      footer: text('.card-footer'),
      theme: root.querySelector('[data-theme]')?.getAttribute('data-theme') ?? null,
      pinned: root.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') ?? null,
      styled: getComputedStyle(card).borderTopStyle === 'solid',
      focused: document.activeElement === host ? (root.activeElement?.getAttribute('role') ?? root.activeElement?.tagName.toLowerCase() ?? null) : null,
    };
  });
}

/** Screen coordinates of the middle of the `index`-th underlined term whose text is `text` (within `scope`). */
export async function termPoint(frame: Page | Frame, text: string, scope = 'body', index = 0): Promise<{ x: number; y: number }> {
  const point = await frame.evaluate(
    (wanted, scopeSelector, n) => {
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
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    text,
    scope,
    index,
  );
  if (!point) throw new Error(`no underlined "${text}" in ${scope}`);
  return point;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Moves the pointer onto a term in small steps, as a hand would, and rests there. */
export async function hoverTerm(page: Page, text: string, scope = 'body', index = 0): Promise<{ x: number; y: number }> {
  await page.mouse.move(5, 5);
  const point = await termPoint(page, text, scope, index);
  await page.mouse.move(point.x - 3, point.y, { steps: 4 });
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

export async function waitForCard(frame: Page | Frame, title?: string): Promise<CardState> {
  await frame.waitForFunction(
    (wanted) => {
      const root = document.querySelector('lactation-glossary-popover')?.shadowRoot;
      const heading = root?.querySelector('.card-title')?.textContent;
      return heading !== undefined && heading !== null && (wanted === null || heading === wanted);
    },
    { timeout: 10_000, polling: timerPolling },
    title ?? null,
  );
  return (await cardState(frame))!;
}
