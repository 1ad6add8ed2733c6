import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThreadApp } from '../fixtures/react-thread/thread-app.ts';
import { browserNames } from './launch.ts';
import { highlightedRanges, openInFront, waitForHighlights } from './page-state.ts';
import type { FixtureServer } from './serve.ts';
import { useExtensionSession } from './session.ts';

describe.each(browserNames)('a server-rendered React page in %s', (name) => {
  /**
   * Serves the thread as the server rendered it, and the client that hydrates it (React's development build,
   * the one that reports hydration mismatches in detail).
   */
  async function serveReactThread(fixtures: FixtureServer) {
    const client = await build({
      entryPoints: ['tests/fixtures/react-thread/hydrate.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"development"' },
    });
    fixtures.route('/react-thread.js', client.outputFiles[0]!.text, {
      'content-type': 'text/javascript; charset=utf-8',
    });
    const markup = renderToString(createElement(ThreadApp));
    fixtures.route(
      '/react-thread.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React thread</title></head><body><div id="root">${markup}</div><script src="/react-thread.js"></script></body></html>`,
    );
  }
  const session = useExtensionSession(name, {}, serveReactThread);

  it('hydrates without a warning after the extension has underlined it, and stays underlined and working', async () => {
    const { page, pageErrors } = await openInFront(session.ext, `${session.server.origin}/react-thread.html`);
    await waitForHighlights(page, 8);
    const before = await highlightedRanges(page);

    await page.evaluate(() => (window as any).hydrateThread());
    // Hydrated: the first Like button now answers clicks (React attached its handlers to the server-rendered nodes).
    await page.waitForFunction(
      () => {
        const button = document.querySelector('button');
        button?.click();
        return button?.textContent !== 'Like (0)';
      },
      { timeout: 15_000 },
    );
    expect(await page.evaluate(() => document.querySelector('button')!.textContent)).toMatch(/^Like \([1-9]\d*\)$/);

    expect(await page.evaluate(() => (window as any).reactReports)).toEqual([]);
    expect(pageErrors).toEqual([]);
    // React kept the server-rendered text nodes, so the underlines are still on them.
    expect(await highlightedRanges(page)).toEqual(before);
    expect(before.map((r) => r.text)).toEqual(
      expect.arrayContaining(['insulin resistance', 'prolactin', 'IGT', 'galactagogue', 'LAM']),
    );
  });
});
