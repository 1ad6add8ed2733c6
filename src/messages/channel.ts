import { browser } from 'wxt/browser';
import type { BackgroundMessages, ContentMessages, RequestOf, ResponseTo } from './messages.ts';

/** How long the popup or the background waits for a page's content script before saying the page is silent. */
const contentAnswerMs = 2000;

/**
 * Asks the content script of a tab's top frame. Null when none answers in time: browser pages, stores and PDFs
 * run none, a page may still be loading, and a tab may close while asked.
 */
export async function askContent<R extends RequestOf<ContentMessages>>(
  tabId: number,
  request: R,
  timeoutMs = contentAnswerMs,
): Promise<ResponseTo<ContentMessages, R> | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answer = browser.tabs.sendMessage(tabId, request, { frameId: 0 }).then(
    (response: unknown) => (response ?? null) as ResponseTo<ContentMessages, R> | null,
    () => null,
  );
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/** Asks the background. Rejects when it cannot be reached (the extension was updated or unloaded meanwhile). */
export function askBackground<R extends RequestOf<BackgroundMessages>>(
  request: R,
): Promise<ResponseTo<BackgroundMessages, R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseTo<BackgroundMessages, R>>;
}

/** Tells the background something that needs no answer; an unreachable background is not the page's problem. */
export function tellBackground(request: RequestOf<BackgroundMessages>): void {
  browser.runtime.sendMessage(request).catch(() => undefined);
}
