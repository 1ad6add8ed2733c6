import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './session.ts';
import { browserNames } from './launch.ts';
import { highlightedRanges, openInFront, pageReportOf, timerPolling } from './page-state.ts';

/** A thousand posts with a term each: every one is underlined, the popup counts them all. */
const posts = Array.from(
  { length: 1_000 },
  (_, i) => `<article class="post" id="post-${i}"><p>Reply ${i}: my milk supply came in on day four.</p></article>`,
).join('');
const longThread = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long thread</title></head><body><div id="thread">${posts}</div></body></html>`;
// The same thread under a header that stays on screen as the reader scrolls.
const stickyHeaderThread = longThread.replace(
  '<div id="thread">',
  '<header id="title" style="position: sticky; top: 0; background: white">Low milk supply with PCOS</header><div id="thread">',
);
// The same thread in a box of its own that scrolls (as chat-like forums and web apps lay theirs out).
const boxedThread = longThread.replace(
  '<div id="thread">',
  '<div id="thread" style="height: 500px; overflow-y: auto; border: 1px solid">',
);

/** The posts on screen, in the page's viewport and in the box the thread scrolls in, if it has one. */
function postsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('article')]
      .filter((post) => {
        const rect = post.getBoundingClientRect();
        const box = post.parentElement!.getBoundingClientRect();
        return rect.bottom > Math.max(0, box.top) && rect.top < Math.min(innerHeight, box.bottom);
      })
      .map((post) => post.id),
  );
}

/** Where each drawn underline is (the id of its post, or of the header): what a reader sees underlined. */
const drawnIn = async (page: Page) => (await highlightedRanges(page)).map((range) => range.within);

/** Waits until every post on screen is drawn; returns where the underlines drawn then are. */
async function everyPostOnScreenDrawn(page: Page): Promise<string[]> {
  await expect
    .poll(
      async () => {
        const drawn = new Set(await drawnIn(page));
        return (await postsOnScreen(page)).filter((post) => !drawn.has(post));
      },
      { timeout: 10_000, interval: timerPolling },
    )
    .toEqual([]);
  return drawnIn(page);
}

describe.each(browserNames)('a page with hundreds of underlines in %s', (name) => {
  const session = useExtensionSession(name, {}, (server) => {
    server.route('/long-thread.html', longThread);
    server.route('/boxed-thread.html', boxedThread);
    server.route('/sticky-header-thread.html', stickyHeaderThread);
  });

  it('draws the underlines near the screen, and those further down once the reader scrolls there', async () => {
    const { page } = await openInFront(session.ext, `${session.server.origin}/long-thread.html`);
    expect((await pageReportOf(session.ext, page)).underlined).toBe(1_000);
    await page.bringToFront(); // (the report was read through an extension page: the reader's tab in front again)
    let drawn = await everyPostOnScreenDrawn(page);
    expect(drawn).toContain('post-0');
    // Only a band around the screen is drawn: every repaint of the page then rebuilds a few markers, not 1 000.
    expect(drawn).not.toContain('post-999');
    expect(drawn.length).toBeLessThan(300);

    await page.evaluate(() => document.getElementById('post-600')!.scrollIntoView());
    drawn = await everyPostOnScreenDrawn(page);
    expect(drawn).toContain('post-600');
    expect(drawn).not.toContain('post-0');
    expect(drawn.length).toBeLessThan(300);
    // Positive control for the checks above: the posts on screen are really those around post 600.
    expect(await postsOnScreen(page)).toContain('post-600');
  });

  it('follows a thread that scrolls inside a box of its own', async () => {
    const { page } = await openInFront(session.ext, `${session.server.origin}/boxed-thread.html`);
    expect((await pageReportOf(session.ext, page)).underlined).toBe(1_000);
    await page.bringToFront();
    await everyPostOnScreenDrawn(page);
    await page.evaluate(() => {
      const thread = document.getElementById('thread')!;
      thread.scrollTop = document.getElementById('post-800')!.offsetTop - thread.offsetTop;
    });
    const drawn = await everyPostOnScreenDrawn(page);
    expect(drawn).toContain('post-800');
    expect(drawn).not.toContain('post-0');
    expect(await postsOnScreen(page)).toContain('post-800');
  });

  it('keeps the underline in a header that stays on screen as the reader scrolls', async () => {
    const { page } = await openInFront(session.ext, `${session.server.origin}/sticky-header-thread.html`);
    expect((await pageReportOf(session.ext, page)).underlined).toBe(1_002); // the header: milk supply, PCOS
    await page.bringToFront();
    const headerDrawn = () =>
      expect.poll(() => drawnIn(page), { timeout: 10_000, interval: timerPolling }).toContain('title');
    await headerDrawn();
    for (const post of ['post-300', 'post-600', 'post-900']) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), post);
      const drawn = await everyPostOnScreenDrawn(page);
      expect(drawn).toContain(post);
      await headerDrawn();
    }
  });

  it('draws every underline for a print, and the band again after it', async () => {
    const { page } = await openInFront(session.ext, `${session.server.origin}/long-thread.html`);
    expect((await pageReportOf(session.ext, page)).underlined).toBe(1_000);
    await page.bringToFront();
    expect((await everyPostOnScreenDrawn(page)).length).toBeLessThan(300);
    // The browser tells the page a print is coming (what window.print() and the print dialog do first).
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await drawnIn(page)).toHaveLength(1_000);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect
      .poll(async () => (await drawnIn(page)).length, { timeout: 10_000, interval: timerPolling })
      .toBeLessThan(300);
  });
});
