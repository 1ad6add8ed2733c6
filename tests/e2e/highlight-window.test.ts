import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './session.ts';
import { browserNames } from './launch.ts';
import { openInFront, pageReportOf, timerPolling } from './page-state.ts';

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

/**
 * The posts on screen and the posts whose underline is drawn (in the page's CSS highlight), as the page sees
 * them: what a reader sees underlined is what is drawn.
 */
function postsOnScreenAndDrawn(page: Page): Promise<{ onScreen: string[]; drawn: string[] }> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('lactation-glossary-term');
    const drawn = [...(highlight?.keys() ?? [])].map(
      (range) => ((range as AbstractRange).startContainer.parentElement?.closest('article')?.id ?? '') as string,
    );
    const onScreen = [...document.querySelectorAll('article')]
      .filter((post) => {
        const rect = post.getBoundingClientRect();
        const box = post.parentElement!.getBoundingClientRect();
        return rect.bottom > Math.max(0, box.top) && rect.top < Math.min(innerHeight, box.bottom);
      })
      .map((post) => post.id);
    return { onScreen, drawn };
  });
}

/** Waits until every post on screen is drawn; returns what is drawn then. */
async function everyPostOnScreenDrawn(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => {
      const drawn = new Set(
        [...(CSS.highlights.get('lactation-glossary-term')?.keys() ?? [])].map(
          (range) => (range as AbstractRange).startContainer.parentElement?.closest('article')?.id,
        ),
      );
      return [...document.querySelectorAll('article')].every((post) => {
        const rect = post.getBoundingClientRect();
        const box = post.parentElement!.getBoundingClientRect();
        const shown = rect.bottom > Math.max(0, box.top) && rect.top < Math.min(innerHeight, box.bottom);
        return !shown || drawn.has(post.id);
      });
    },
    { timeout: 10_000, polling: timerPolling },
  );
  return (await postsOnScreenAndDrawn(page)).drawn;
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
    await page.bringToFront(); // (the report is read through an extension page: the band moves in animation frames)
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
    expect((await postsOnScreenAndDrawn(page)).onScreen).toContain('post-600');
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
    expect((await postsOnScreenAndDrawn(page)).onScreen).toContain('post-800');
  });

  it('keeps the underline in a header that stays on screen as the reader scrolls', async () => {
    const { page } = await openInFront(session.ext, `${session.server.origin}/sticky-header-thread.html`);
    expect((await pageReportOf(session.ext, page)).underlined).toBe(1_002); // the header: milk supply, PCOS
    await page.bringToFront();
    const headerDrawn = () =>
      page.waitForFunction(
        () =>
          [...(CSS.highlights.get('lactation-glossary-term')?.keys() ?? [])].some(
            (range) => (range as AbstractRange).startContainer.parentElement?.id === 'title',
          ),
        { timeout: 10_000, polling: timerPolling },
      );
    await headerDrawn();
    for (const post of ['post-300', 'post-600', 'post-900']) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), post);
      const drawn = await everyPostOnScreenDrawn(page);
      expect(drawn).toContain(post);
      await headerDrawn();
    }
  });
});
