import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreadApp } from '../fixtures/react-thread/thread-app.ts';
import { browserNames, launchWithExtension, type ExtensionBrowser } from './launch.ts';
import { highlightedRanges, waitForHighlights } from './page-state.ts';
import { serveFixtures, type FixtureServer } from './serve.ts';

describe.each(browserNames)('a server-rendered React page in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures();
    // React's development build: it is the one that reports hydration mismatches in detail.
    const client = await build({
      entryPoints: ['tests/fixtures/react-thread/hydrate.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"development"' },
    });
    server.route('/react-thread.js', client.outputFiles[0]!.text, { 'content-type': 'text/javascript; charset=utf-8' });
    const markup = renderToString(createElement(ThreadApp));
    server.route(
      '/react-thread.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React thread</title></head><body><div id="root">${markup}</div><script src="/react-thread.js"></script></body></html>`,
    );
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('hydrates without a warning after the extension has underlined it, and stays underlined and working', async () => {
    const page = await ext.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.origin}/react-thread.html`);
    await page.bringToFront();
    await waitForHighlights(page, 8);
    const before = await highlightedRanges(page);

    await page.evaluate(() => (window as any).hydrateThread());
    // Hydrated: the first Like button now answers clicks (React attached its handlers to the server's nodes).
    await page.waitForFunction(() => {
      const button = document.querySelector('button');
      button?.click();
      return button?.textContent !== 'Like (0)';
    }, { timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('button')!.textContent)).toMatch(/^Like \([1-9]\d*\)$/);

    expect(await page.evaluate(() => (window as any).reactReports)).toEqual([]);
    expect(pageErrors).toEqual([]);
    // React kept the server's text nodes, so the underlines are still on them.
    expect(await highlightedRanges(page)).toEqual(before);
    expect(before.map((r) => r.text)).toEqual(expect.arrayContaining(['insulin resistance', 'prolactin', 'IGT', 'galactagogue', 'LAM']));
  });
});
