import type { Page } from 'puppeteer-core';
import { openExtensionPage, tabIdOf } from './extension-pages.ts';
import type { ExtensionBrowser } from './launch.ts';

export interface HighlightedRange {
  text: string;
  /** id of the nearest ancestor with an id, to tell which post a range is in. */
  within: string;
}

/** The ranges registered under `name` in the page's CSS.highlights, as the page itself sees them. */
export async function highlightedRanges(page: Page, name = 'lactation-glossary-term'): Promise<HighlightedRange[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    const ranges = [...highlight.keys()] as AbstractRange[];
    // (No named functions in here: code sent to the page must not rely on the bundler's helpers.)
    ranges.sort((a, b) =>
      a.startContainer === b.startContainer
        ? a.startOffset - b.startOffset
        : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return ranges.map((range) => {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const element = range.startContainer.parentElement;
      return { text: live.toString(), within: element?.closest('[id]')?.id ?? '' };
    });
  }, name);
}

/** Waits until the page's term highlight has at least `count` ranges. */
export async function waitForHighlights(page: Page, count = 1, name = 'lactation-glossary-term'): Promise<void> {
  await page.waitForFunction((n, highlightName) => (CSS.highlights.get(highlightName)?.size ?? 0) >= n, { timeout: 15_000 }, count, name);
}

/** Everything a page script could observe of the DOM: the serialized document and its rendered text. */
export async function domSnapshot(page: Page): Promise<{ markup: string; text: string }> {
  return page.evaluate(() => ({ markup: new XMLSerializer().serializeToString(document), text: document.body.innerText }));
}

/**
 * The extension's own view of a tab: asks the tab's content script (top frame) for its page report, from an
 * extension page opened beside it, as the popup does.
 */
export async function pageReportOf(ext: ExtensionBrowser, page: Page): Promise<any> {
  const tabId = await tabIdOf(ext, page);
  const helper = await ext.newPage();
  try {
    await openExtensionPage(ext, helper, 'popup.html');
    return await pageReportVia(helper, tabId);
  } finally {
    await helper.close();
  }
}

/**
 * The same, from an extension page the test keeps open (`helper`), for a tab whose id it knows. A tab that
 * has only just loaded may not have its content script yet (it starts when the page is idle): ask again.
 */
export async function pageReportVia(helper: Page, tabId: number): Promise<any> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await helper.evaluate(askForPageReport, tabId);
    } catch (error) {
      if (attempt === 50 || !/Receiving end does not exist/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const askForPageReport = (id: number) =>
  ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(id, { type: 'page-report' }, { frameId: 0 });
