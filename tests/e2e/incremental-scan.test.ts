import fc from 'fast-check';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './session.ts';
import { browserNames } from './launch.ts';
import { activeTabIdVia, openExtensionPage } from './extension-pages.ts';
import { openInFront, pageReportOf, pageReportVia } from './page-state.ts';

/** Words forum posts are made of here: terms, look-alikes, an acronym with its context, plain words. */
const word = fc.constantFrom(
  'insulin',
  'resistance',
  'insulin resistance',
  'PCOS',
  'IGT',
  'glucose',
  'prolactin',
  'prolactinoma',
  'milk',
  'supply',
  'milk supply',
  'galactagogues',
  'metformin',
  'LAM',
  'breastfeeding',
  'my',
  'baby',
  'said',
  'the',
  'and',
  '🍼',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(' '));
const post = fc.array(sentence, { minLength: 1, maxLength: 3 });
const index = fc.nat({ max: 20 });

/** A change a live page makes; indices wrap around whatever the thread holds (see mutating-thread.js). */
const change = fc.oneof(
  fc.record({ kind: fc.constant('appendPost'), paragraphs: post }),
  fc.record({ kind: fc.constant('insertParagraph'), post: index, para: index, text: sentence }),
  fc.record({ kind: fc.constant('removeParagraph'), post: index, para: index }),
  fc.record({ kind: fc.constant('removePost'), post: index }),
  fc.record({ kind: fc.constant('setText'), post: index, para: index, text: sentence }),
  fc.record({ kind: fc.constant('appendText'), post: index, para: index, text: sentence.map((s) => ` ${s}`) }),
  fc.record({
    kind: fc.constant('wrapWords'),
    post: index,
    para: index,
    start: fc.nat(),
    length: fc.nat(),
    tag: fc.constantFrom('b', 'a', 'span', 'code'),
  }),
  fc.record({
    kind: fc.constant('toggleAttribute'),
    post: index,
    para: fc.integer({ min: -1, max: 20 }),
    name: fc.constantFrom('hidden', 'style', 'contenteditable'),
  }),
  fc.record({ kind: fc.constant('moveParagraph'), post: index, para: index, toPost: index }),
);
/** Each change may land in the same batch as the previous one, or after the scanner has caught up. */
const step = fc.record({ change, pauseMs: fc.constantFrom(0, 0, 20, 120) });

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pageWith = (bodyMarkup: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A thread that changes</title><script src="/mutating-thread.js"></script></head><body>${bodyMarkup}</body></html>`;
const threadMarkup = (posts: string[][]) =>
  `<div id="thread">${posts.map((paragraphs) => `<article class="post">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article>`).join('')}</div>`;

interface Underlines {
  underlined: { at: number; text: string }[];
  /** Ranges the highlight holds, counting any left behind on removed text. */
  size: number;
  counts: { termId: string; count: number }[];
}

describe.each(browserNames)('incremental scanning in %s', (name) => {
  const session = useExtensionSession(name);
  let runs = 0;

  /** What the user sees underlined, and what the popup would count, once the content script is idle. */
  async function underlinesOf(page: Page, reporter: Page, tabId: number): Promise<Underlines> {
    const report = await pageReportVia(reporter, tabId);
    const counts = [...report.terms].sort((a: { termId: string }, b: { termId: string }) =>
      a.termId.localeCompare(b.termId),
    );
    const seen = await page.evaluate(() => ({
      underlined: (window as any).thread.underlined(),
      size: (window as any).thread.size(),
    }));
    return { ...seen, counts };
  }

  it('after any sequence of page changes, underlines the same words as a fresh scan of the final page', async () => {
    const page = await session.ext.newPage();
    const fresh = await session.ext.newPage();
    // One extension page asks both tabs' content scripts for their reports, as the popup would.
    const reporter = await session.ext.newPage();
    await openExtensionPage(session.ext, reporter, 'popup.html');
    const pageTab = await activeTabIdVia(reporter, page);
    const freshTab = await activeTabIdVia(reporter, fresh);
    await fc.assert(
      fc.asyncProperty(
        fc.array(post, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (posts, waitForFirstScan, steps) => {
          const run = ++runs;
          session.server.route(`/changing-${run}.html`, pageWith(threadMarkup(posts)));
          await page.bringToFront();
          await page.goto(`${session.server.origin}/changing-${run}.html`);
          if (waitForFirstScan) await pageReportVia(reporter, pageTab);
          for (const { change: c, pauseMs } of steps) {
            // (fast-check's records have no prototype, which WebDriver BiDi cannot send: plain JSON instead.)
            await page.evaluate((op) => (window as any).thread.apply(op), JSON.parse(JSON.stringify(c)));
            if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
          }
          const incremental = await underlinesOf(page, reporter, pageTab);

          const finalBody = await page.evaluate(() => document.body.getHTML());
          session.server.route(`/final-${run}.html`, pageWith(finalBody));
          await fresh.bringToFront();
          await fresh.goto(`${session.server.origin}/final-${run}.html`);
          const full = await underlinesOf(fresh, reporter, freshTab);
          expect(incremental, `final page: ${finalBody}`).toEqual(full);
        },
      ),
      {
        numRuns: Number(process.env.RUNS ?? 30),
        // Once failed in Firefox: a post hidden, then an underlined paragraph moved into it.
        examples: [
          [
            [['insulin'], ['insulin']],
            false,
            [
              { change: { kind: 'toggleAttribute', post: 9, para: -1, name: 'hidden' }, pauseMs: 0 },
              { change: { kind: 'moveParagraph', post: 0, para: 0, toPost: 7 }, pauseMs: 0 },
              { change: { kind: 'appendPost', paragraphs: ['insulin'] }, pauseMs: 0 },
            ],
          ],
          // An acronym takes its sense from the paragraph next to it: added under it (once failed in Firefox),
          // explained by a paragraph added on a page with no term yet, and next to it once the one between goes.
          [
            [['insulin milk prolactin']],
            true,
            [{ change: { kind: 'insertParagraph', post: 0, para: 1, text: 'and IGT' }, pauseMs: 0 }],
          ],
          [
            [['IGT said', 'the baby']],
            true,
            [{ change: { kind: 'insertParagraph', post: 0, para: 1, text: 'breastfeeding milk' }, pauseMs: 0 }],
          ],
          [
            [['IGT', 'the', 'breastfeeding milk']],
            true,
            [{ change: { kind: 'removeParagraph', post: 0, para: 1 }, pauseMs: 0 }],
          ],
        ],
      },
    );
    console.log(`${name}: ${runs} generated pages changed and compared with a fresh scan`);
  }, 600_000);

  it('takes the underline off a paragraph the page moves into a hidden post', async () => {
    session.server.route(
      '/moving-into-hidden.html',
      pageWith(threadMarkup([['my insulin'], ['insulin again'], ['a third post']])),
    );
    const { page } = await openInFront(session.ext, `${session.server.origin}/moving-into-hidden.html`);
    const underlined = async () => {
      await pageReportOf(session.ext, page);
      return page.evaluate(() => (window as any).thread.underlined().map((u: { text: string }) => u.text));
    };
    expect(await underlined()).toEqual(['insulin', 'insulin']);
    await page.evaluate(() =>
      (window as any).thread.apply({ kind: 'toggleAttribute', post: 1, para: -1, name: 'hidden' }),
    );
    expect(await underlined()).toEqual(['insulin']); // the one still shown, in the first post
    await page.evaluate(() => (window as any).thread.apply({ kind: 'moveParagraph', post: 0, para: 0, toPost: 1 }));
    expect(await underlined()).toEqual([]);
    // Moved on into a post that is shown, it is underlined again.
    await page.evaluate(() => (window as any).thread.apply({ kind: 'moveParagraph', post: 1, para: 1, toPost: 2 }));
    expect(await underlined()).toEqual(['insulin']);
  });

  it('underlines a post added while a clock on the page changes its text every 16 ms', async () => {
    // Each change postpones the pass a little (bursts cost one pass); a page that never stops changing must
    // not postpone it for ever.
    session.server.route(
      '/ticking.html',
      `<!doctype html><title>Live</title><p id="clock">0</p><div id="thread"><p>Welcome to the live thread on colostrum.</p></div>
      <script>window.ticks = 0; window.startClock = () => setInterval(() => (document.getElementById('clock').textContent = String(++window.ticks)), 16);</script>`,
    );
    const { page } = await openInFront(session.ext, `${session.server.origin}/ticking.html`);
    // The first pass is over (the page has a term: the full stage runs), and the scanner waits for changes.
    expect((await pageReportOf(session.ext, page)).underlined).toBe(1);
    const ticksAtAppend = await page.evaluate(async () => {
      (window as any).startClock();
      // The clock has changed ten times (160 ms) before the reply comes.
      await new Promise<void>((resolve) => {
        const check = () => ((window as any).ticks >= 10 ? resolve() : setTimeout(check, 16));
        check();
      });
      const reply = Object.assign(document.createElement('p'), { id: 'reply', textContent: 'My prolactin was low.' });
      document.getElementById('thread')!.append(reply);
      return (window as any).ticks as number;
    });
    await page.waitForFunction(
      () =>
        [...(CSS.highlights.get('lactation-glossary-term')?.keys() ?? [])].some((range) =>
          document.getElementById('reply')!.contains((range as StaticRange).startContainer),
        ),
      { timeout: 15_000, polling: 50 },
    );
    // The clock kept changing all the while: the pass did not wait for the page to be still.
    expect(await page.evaluate(() => (window as any).ticks as number)).toBeGreaterThan(ticksAtAppend + 5);
  });

  it('reads the whole page when the page removes the post the scan is reading', async () => {
    // 20 000 posts with a term each (a pass of many slices). The underlines are drawn in batches while a pass
    // runs (every 200 ms, src/page/batched-highlight.ts); each time a batch is drawn, the page removes the post
    // after the last one underlined, between two of the scanner's tasks: the post the scan is in the middle of,
    // or about to read. (The page's turns come between the scanner's slices: both yield through posted
    // messages, served in turn.) The last post holds the only PCOS. Before the walk followed removals, it ended
    // inside the first removed post and PCOS was never underlined.
    const postCount = 20_000;
    const posts = Array.from(
      { length: postCount },
      (_, i) => `<article class="post"><p>Reply ${i}: my milk supply came in on day four.</p><p>thanks</p></article>`,
    ).join('');
    session.server.route(
      '/shrinking-thread.html',
      // Laid out a hundred posts to a row in tiny type, the whole thread within a few screens: a page with this
      // many underlines has only those near the screen drawn (src/page/highlight-window.ts), and the page tells
      // the scan's progress by what is drawn.
      `<!doctype html><title>Shrinking</title><style>#thread { display: grid; grid-template-columns: repeat(100, 1fr); font-size: 2px } p { margin: 0 }</style><div id="thread">${posts}<article id="last"><p>Last reply: PCOS here.</p></article></div>
      <script>
        const removed = (window.removedWhileReading = []);
        const turns = new MessageChannel();
        let drawnBefore = 0;
        turns.port1.onmessage = () => {
          const highlight = CSS.highlights.get('lactation-glossary-term');
          const ranges = [...(highlight?.keys() ?? [])];
          let lastMarked = null;
          for (let i = ranges.length - 1; i >= 0 && !lastMarked; i--) if (ranges[i].startContainer.isConnected) lastMarked = ranges[i].startContainer.parentElement.closest('article');
          if (window.stopRemoving || lastMarked?.id === 'last' || removed.length === 200 || performance.now() > 30000) return;
          const reading = lastMarked?.nextElementSibling;
          // Only just after a batch was drawn is the post after the last underline the one being read.
          if (ranges.length !== drawnBefore && reading && reading.id !== 'last') {
            removed.push(reading.querySelector('p').textContent);
            reading.remove();
          }
          drawnBefore = ranges.length;
          // A page busy between the scanner's slices: the pass takes longer, so more of its batches are drawn.
          const until = performance.now() + 16;
          while (performance.now() < until);
          turns.port2.postMessage(null);
        };
        turns.port2.postMessage(null);
      </script>`,
    );
    const { page } = await openInFront(session.ext, `${session.server.origin}/shrinking-thread.html`);
    expect((await pageReportOf(session.ext, page)).terms).toContainEqual({ termId: 'pcos', count: 1 });
    // The scan has read the whole thread. The page stops removing posts, and the report, read once the
    // scanner has taken in the last removal, counts what is left.
    await page.evaluate(() => ((window as any).stopRemoving = true));
    const report = await pageReportOf(session.ext, page);
    // Not a pass by accident: posts were removed while the scan was reading the thread.
    const removed: string[] = await page.evaluate(() => (window as any).removedWhileReading);
    expect(removed.length).toBeGreaterThan(0);
    expect(report.terms).toContainEqual({ termId: 'milk-supply', count: postCount - removed.length });
  });
});
