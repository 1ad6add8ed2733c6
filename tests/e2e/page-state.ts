import type { Frame, Page } from 'puppeteer-core';
import { tabIdOf, withExtensionPage } from './extension-pages.ts';
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
        : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
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

/**
 * Polls on a timer. Puppeteer's default polls on animation frames, and a tab in the background (the page while the
 * popup is in front) runs none, so such a wait could only time out.
 */
export const timerPolling = 100;

interface HighlightWait {
  /** the highlight's name: terms by default, `lactation-glossary-claim-agrees` or `-differs` for flagged statements */
  name?: string;
  /** wait for exactly `count` ranges rather than at least `count` */
  exactly?: boolean;
  timeout?: number;
}

/** Waits until the page's (or frame's) highlight has at least, or exactly, `count` ranges. */
export async function waitForHighlights(target: Page | Frame, count = 1, wait: HighlightWait = {}): Promise<void> {
  const { name = 'lactation-glossary-term', exactly = false, timeout = 15_000 } = wait;
  await target.waitForFunction(
    (n, highlightName, exact) => {
      const size = CSS.highlights.get(highlightName)?.size ?? 0;
      return exact ? size === n : size >= n;
    },
    { timeout, polling: timerPolling },
    count,
    name,
    exactly,
  );
}

/** How many ranges the page's (or frame's) highlight `name` has now. */
export async function highlightCount(target: Page | Frame, name = 'lactation-glossary-term'): Promise<number> {
  return target.evaluate((highlightName) => CSS.highlights.get(highlightName)?.size ?? 0, name);
}

/** Waits until nothing is underlined (the site was switched off, the extension paused…). */
export async function waitForNoHighlights(target: Page | Frame, name = 'lactation-glossary-term'): Promise<void> {
  await waitForHighlights(target, 0, { name, exactly: true, timeout: 10_000 });
}

/** Opens `url` in a new tab brought to the front, with the list of the page's uncaught errors as they come. */
export async function openInFront(ext: ExtensionBrowser, url: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await ext.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  await page.bringToFront();
  return { page, pageErrors };
}

/** Everything a page script could observe of the DOM: the serialized document and its rendered text. */
export async function domSnapshot(page: Page): Promise<{ markup: string; text: string }> {
  return page.evaluate(() => ({
    markup: new XMLSerializer().serializeToString(document),
    text: document.body.innerText,
  }));
}

/**
 * The extension's own view of a tab: asks the tab's content script (top frame) for its page report, from an
 * extension page opened beside it, as the popup does.
 */
export async function pageReportOf(ext: ExtensionBrowser, page: Page): Promise<any> {
  const tabId = await tabIdOf(ext, page);
  return withExtensionPage(ext, (helper) => pageReportVia(helper, tabId));
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

/** As src/messages/tab-report.ts asks: a message, or in Chromium, for a term-free page, the first stage's note. */
const askForPageReport = async (id: number) => {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  try {
    return await api.tabs.sendMessage(id, { type: 'page-report' }, { frameId: 0 });
  } catch (error) {
    if (!api.scripting) throw error;
    const [frame] = await api.scripting
      .executeScript({
        target: { tabId: id, frameIds: [0] },
        func: () => (globalThis as any)[Symbol.for('lactation-glossary/first-stage')]?.report() ?? null,
      })
      .catch(() => []);
    if (frame?.result) return frame.result;
    throw error;
  }
};

/**
 * Whether the extension's content script started in the page's top frame, or in the frame at `frameUrl`
 * (Chromium): read in the extension's own isolated world, where the first stage notes itself
 * (src/content/full-stage-key.ts). DevTools lists the page's worlds when asked; Chrome may make the
 * extension's world without running the script in it.
 */
export async function firstStageRanIn(page: Page, frameUrl = page.url()): Promise<boolean> {
  // A frame from another site runs in a process of its own: DevTools reaches it through its own target.
  const frameTarget = page
    .browser()
    .targets()
    .find((t) => t.type() === 'other' && t.url() === frameUrl);
  const cdp = await (frameTarget ?? page).createCDPSession();
  try {
    type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
    const find = (tree: Tree): Tree | undefined =>
      tree.frame.url === frameUrl ? tree : tree.childFrames?.map(find).find(Boolean);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const frameId = find(frameTree)?.frame.id;
    if (!frameId) throw new Error(`no frame at ${frameUrl}`);
    const worlds: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin.startsWith('chrome-extension://') && context.auxData?.frameId === frameId)
        worlds.push(context.id);
    });
    await cdp.send('Runtime.enable');
    for (const contextId of worlds) {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `globalThis[Symbol.for('lactation-glossary/first-stage')]?.running() === true`,
        returnByValue: true,
      });
      if (result.value === true) return true;
    }
    return false;
  } finally {
    await cdp.detach();
  }
}
