import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCard } from './hover.ts';
import { highlightCount, openInFront, pageReportOf, waitForHighlights } from './page-state.ts';
import { useExtensionSession } from './session.ts';
import { browserNames, launchWithExtension, type ExtensionBrowser } from './launch.ts';
import { serveFixtures, type FixtureServer } from './serve.ts';

/**
 * Waits with plain evaluate calls: puppeteer's own waiting helpers run in the page and need the very
 * built-ins this page breaks.
 */
async function realHighlightsReach(page: Page, count: number) {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const size = await page.evaluate(() => (window as any).__realHighlights.get('lactation-glossary-term')?.size ?? 0);
    if (size >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} highlights after 15 s`);
}

/**
 * What the content script promises is that it yields: work runs in slices of a few milliseconds that end once
 * a step (one block, or 16 kB of a long one) is done, and a mutation callback screens added nodes for 4 ms at
 * most. Its longest task (printed below; the benchmark keeps the figure) is 10–46 ms on these pages on this
 * machine, under 50 ms, the length of a long task. But what the page can measure is wall-clock time, and on a
 * shared 2-core machine the scheduler may give the core to another process in the middle of a task: with one
 * core kept busy and other browsers running, the same tasks measured 45–129 ms, once 237 ms. So the tests
 * check the promise with a margin that a loaded machine holds, on the best of up to three loads (load only
 * ever adds to the figure): under 150 ms. A step that is not bounded is over it on every load: one long block
 * searched in one go took 177 ms, 500 nested appends 174 ms in one mutation callback, a block of acronyms
 * judged one occurrence at a time 17.6 s.
 */
const maxTaskMs = 150;

/** Loads a scenario until its longest task is under `maxTaskMs`, three times at most; prints each figure. */
async function bestOfThreeLoads(
  label: string,
  load: () => Promise<{ page: Page; report: any }>,
): Promise<{ report: any; longestTaskMs: number }> {
  const figures: number[] = [];
  for (;;) {
    const { page, report } = await load();
    await page.close();
    figures.push(report.stats.longestTaskMs);
    console.log(
      `${label}: longest task ${report.stats.longestTaskMs.toFixed(1)} ms, ${report.stats.slices} slices, ${report.stats.fullScans} full and ${report.stats.incrementalScans} incremental passes`,
    );
    if (report.stats.longestTaskMs < maxTaskMs || figures.length === 3)
      return { report, longestTaskMs: Math.min(...figures) };
  }
}

const burstsPage = '<!doctype html><title>Live thread</title><div id="thread"><p>First post about prolactin.</p></div>';

/** In the page: 20 bursts of 2 500 one-paragraph posts (100 000 nodes), 30 ms apart; one post in 50 has terms. */
const addNodesInBursts = async () => {
  const thread = document.getElementById('thread')!;
  for (let burst = 0; burst < 20; burst++) {
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < 2500; i++) {
      const post = document.createElement('article');
      const p = document.createElement('p');
      p.textContent =
        i % 50 === 0
          ? `Reply ${burst}-${i}: my milk supply dropped with PCOS.`
          : `Reply ${burst}-${i}: thanks, that helps.`;
      post.append(p);
      fragment.append(post);
    }
    thread.append(fragment);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
};

/** In the page: odd trees and blocks dense with terms, all added at once. */
const buildOddTree = () => {
  // 500 nested elements, the most an HTML parser builds from a broken page's unclosed tags (it stops at
  // 512), the term at the bottom. (Built by script, a few thousand levels hang Chromium's own layout.)
  let deepest: Element = document.getElementById('odd')!;
  for (let depth = 0; depth < 500; depth++)
    deepest = deepest.appendChild(document.createElement(depth % 2 ? 'div' : 'span'));
  deepest.append('my prolactin level');
  // One text node of 2 MB, and 20 000 empty ones.
  const huge = document.createElement('p');
  huge.append(`${'lorem '.repeat(340_000)}and insulin resistance`);
  const empties = document.createElement('p');
  for (let i = 0; i < 20_000; i++) empties.append('');
  empties.append('PCOS');
  // 300 kB in one block with 40 000 acronyms and none of their context words: each is rejected, cheaply. (The
  // 1 MB paragraph's colostrum reads the near ends of the paragraphs either side, one of them the 2 MB node.)
  const acronyms = document.createElement('p');
  acronyms.append('my IGT and LAM '.repeat(20_000));
  // One paragraph of 1 MB with 70 000 terms, and one of 2 MB where every word starts a term's name.
  const dense = document.createElement('p');
  dense.append('my milk supply and colostrum. '.repeat(35_000));
  const candidates = document.createElement('p');
  candidates.append('milk '.repeat(400_000));
  document.getElementById('odd')!.append(empties, acronyms, huge, dense, candidates);
};

describe.each(browserNames)('hostile and unusual pages in %s', (name) => {
  const session = useExtensionSession(name);

  it('works on a page that redefines Range, TreeWalker, MutationObserver, CSS and DOM methods (isolated world)', async () => {
    const { page, pageErrors: errors } = await openInFront(
      session.ext,
      `${session.server.origin}/hostile-globals.html`,
    );
    await realHighlightsReach(page, 2);
    const texts = await page.evaluate(() =>
      [...(window as any).__realHighlights.get('lactation-glossary-term').keys()].map((r: AbstractRange) =>
        (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
      ),
    );
    expect(texts.sort()).toEqual(['insulin resistance', 'prolactin']);
    expect(errors).toEqual([]);
  });

  it('keeps its tasks short while a page adds 100 000 nodes in bursts', async () => {
    session.server.route('/bursts.html', burstsPage);
    const { report, longestTaskMs } = await bestOfThreeLoads(`${name}: 100 000 nodes added in 20 bursts`, async () => {
      const page = await session.ext.newPage();
      await page.goto(`${session.server.origin}/bursts.html`);
      await page.bringToFront();
      await waitForHighlights(page, 1);
      await page.evaluate(addNodesInBursts);
      return { page, report: await pageReportOf(session.ext, page) };
    });
    expect(longestTaskMs).toBeLessThan(maxTaskMs);
    // One underline per post for each of its terms: 1 + 20 bursts × 50 posts × 2 terms.
    expect(report.underlined).toBe(1 + 20 * 50 * 2);
  });

  it('reads very deep trees, huge text nodes, thousands of empty ones and blocks dense with terms, in short tasks', async () => {
    session.server.route('/odd-tree.html', '<!doctype html><title>Odd tree</title><main id="odd"></main>');
    const errors: string[] = [];
    const { report, longestTaskMs } = await bestOfThreeLoads(
      `${name}: odd trees and blocks dense with terms`,
      async () => {
        const { page, pageErrors } = await openInFront(session.ext, `${session.server.origin}/odd-tree.html`);
        await page.evaluate(buildOddTree);
        const report = await pageReportOf(session.ext, page);
        errors.push(...pageErrors);
        return { page, report };
      },
    );
    expect(report.terms.map((t: { termId: string }) => t.termId).sort()).toEqual([
      'colostrum',
      'insulin-resistance',
      'milk-supply',
      'pcos',
      'prolactin',
    ]);
    expect(report.terms.find((t: { termId: string }) => t.termId === 'colostrum').count).toBe(35_000);
    // About 5 MB of text: read in one task, or a few, it would be seconds of frozen page.
    expect(report.stats.slices).toBeGreaterThan(20);
    expect(longestTaskMs).toBeLessThan(maxTaskMs);
    expect(errors).toEqual([]);
  });

  it('leaves typing in editors alone and never marks what is typed', async () => {
    session.server.route(
      '/editor.html',
      '<!doctype html><title>Reply</title><p>About prolactin.</p><textarea id="t"></textarea><div id="e" contenteditable="true"></div>',
    );
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/editor.html`);
    await page.bringToFront();
    await waitForHighlights(page, 1);
    await page.type('#t', 'my insulin resistance and prolactin');
    await page.type('#e', 'my insulin resistance and prolactin');
    // The page's own report waits for the scanner to take in every change so far.
    let report = await pageReportOf(session.ext, page);
    expect(await page.$eval('#t', (t) => (t as HTMLTextAreaElement).value)).toBe('my insulin resistance and prolactin');
    expect(await page.$eval('#e', (e) => (e as HTMLElement).innerText)).toBe('my insulin resistance and prolactin');
    expect(report.underlined).toBe(1);
    expect(await highlightCount(page)).toBe(1);
    // Positive control: the same words added outside the editors are underlined.
    await page.evaluate(() =>
      document.body.append(
        Object.assign(document.createElement('p'), { textContent: 'my insulin resistance and prolactin' }),
      ),
    );
    report = await pageReportOf(session.ext, page);
    expect(report.underlined).toBe(2); // insulin resistance (prolactin was underlined already on this page)
    expect(await highlightCount(page)).toBe(2);
  });

  it('opens cards on a page whose scripts broke the DOM built-ins', async () => {
    const page = await session.ext.newPage();
    await page.setViewport({ width: 900, height: 700 });
    await page.goto(`${session.server.origin}/hostile-globals.html`);
    await page.bringToFront();
    await realHighlightsReach(page, 2);
    // The test reads the page from puppeteer's own isolated world, where the built-ins are intact.
    const realm = (page.mainFrame() as unknown as { isolatedRealm(): Page }).isolatedRealm();
    const point = await realm.evaluate(() => {
      const text = document.getElementById('text')!.firstChild as Text;
      const at = text.data.indexOf('prolactin');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'prolactin'.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x - 3, point.y, { steps: 4 });
    await page.mouse.move(point.x, point.y, { steps: 2 });
    expect((await waitForCard(realm as never, 'Prolactin')).title).toBe('Prolactin');
    void name;
  });
});

// Heap figures come from the DevTools protocol, which only Chromium offers; the page's scripts and the content
// script share one heap, so the extension's share is the difference from the same steps without it.
describe('memory on a page that adds 100 000 nodes, in chromium', () => {
  let server: FixtureServer;
  const browsers: Record<'with' | 'without', ExtensionBrowser | null> = { with: null, without: null };
  beforeAll(async () => {
    server = await serveFixtures();
    server.route('/bursts.html', burstsPage);
    browsers.with = await launchWithExtension('chromium');
    browsers.without = await launchWithExtension('chromium', { extension: false });
  });
  afterAll(async () => {
    await browsers.with?.close();
    await browsers.without?.close();
    await server?.close();
  });

  interface Memory {
    /** JavaScript heap in use after a full garbage collection (MB). */
    heapMb: number;
    /** DOM nodes alive after it: removed posts that something still holds stay counted. */
    nodes: number;
  }

  /** Memory at the start, after the bursts, and after the page removed every post again. */
  async function memoryAlong(ext: ExtensionBrowser): Promise<[Memory, Memory, Memory]> {
    const page = await ext.newPage();
    await page.goto(`${server.origin}/bursts.html`);
    await page.bringToFront();
    const cdp = await page.createCDPSession();
    const settled = async (): Promise<Memory> => {
      if (ext.extensionOrigin) await pageReportOf(ext, page);
      else await new Promise((resolve) => setTimeout(resolve, 500));
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      return { heapMb: usedSize / 2 ** 20, nodes };
    };
    const start = await settled();
    await page.evaluate(addNodesInBursts);
    const full = await settled();
    await page.evaluate(() => document.getElementById('thread')!.replaceChildren());
    return [start, full, await settled()];
  }

  it('keeps what it holds small while the page grows, and lets removed posts go', async () => {
    const withIt = await memoryAlong(browsers.with!);
    const without = await memoryAlong(browsers.without!);
    const show = (m: Memory[]) => m.map((x) => `${x.heapMb.toFixed(1)} MB / ${x.nodes} nodes`).join(' → ');
    const heapGrowth = withIt[1].heapMb - withIt[0].heapMb - (without[1].heapMb - without[0].heapMb);
    const heapKept = withIt[2].heapMb - withIt[0].heapMb - (without[2].heapMb - without[0].heapMb);
    const nodesKept = withIt[2].nodes - without[2].nodes;
    console.log(
      `chromium, start → 100 000 nodes added → all removed: with the extension ${show(withIt)}; without ${show(without)}; the extension's heap growth ${heapGrowth.toFixed(1)} MB, heap kept after removal ${heapKept.toFixed(1)} MB, nodes kept ${nodesKept}`,
    );
    // 2 001 underlines and their bookkeeping, not a copy of the page.
    expect(heapGrowth).toBeLessThan(10);
    // Removed posts are not kept alive by stale underlines or intervals.
    expect(heapKept).toBeLessThan(2);
    expect(nodesKept).toBeLessThan(100);
  });
});
