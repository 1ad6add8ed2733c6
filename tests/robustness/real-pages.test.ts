import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWithExtension, type BrowserName, type ExtensionBrowser } from '../e2e/launch.ts';
import { serveFixtures, type FixtureServer } from '../e2e/serve.ts';

// 130 real-world pages from another project, read in place (never copied into this repository).
const pagesDir = resolve('../shared/pages/readability');
const pages = existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort() : [];
const injected = '<p id="lg-injected">Insulin resistance, prolactin and IGT can all affect a mother’s milk supply.</p>';
/** Adds the sentence before the last </body> (an earlier one may sit inside a script's string). */
function injectSentence(html: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? `${html}${injected}` : `${html.slice(0, at)}${injected}${html.slice(at)}`;
}

/**
 * A request as the page means it: without the query, with long digit runs (timestamps, random ids in ad URLs)
 * and blob: UUIDs made alike, and without favicons.
 */
const requestKey = (url: string) => (url.startsWith('blob:') ? 'blob:' : url.split(/[?#]/)[0]!.replace(/\d{6,}/g, '#'));
const isFavicon = (url: string) => /\/favicon\.ico$/.test(requestKey(url));

interface Visit {
  markup: string;
  text: string;
  requests: string[];
  errors: string[];
  injectedHighlights: string[];
}

async function visit(browser: ExtensionBrowser, url: string, expectHighlights: boolean): Promise<Visit> {
  const page: Page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!isFavicon(r.url())) requests.push(requestKey(r.url()));
  });
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  // A page that calls alert() would stop everything; answer it as a user would.
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
    // Every visit waits the same time after load, so the page's own timers have run alike in each.
    void expectHighlights;
    await new Promise((r) => setTimeout(r, 1200));
    return await page.evaluate(() => {
      const inside = document.getElementById('lg-injected');
      const ranges = [...(CSS.highlights.get('lactation-glossary-term')?.keys() ?? [])] as AbstractRange[];
      return {
        markup: new XMLSerializer().serializeToString(document),
        text: document.body?.innerText ?? '',
        requests: [],
        errors: [],
        injectedHighlights: ranges.filter((r) => inside?.contains(r.startContainer)).map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
      };
    }).then((v) => ({ ...v, requests: [...new Set(requests)].sort(), errors }));
  } finally {
    await page.close().catch(() => undefined);
  }
}

describe.each(browserNames)('the extension on the real pages, in %s', (name: BrowserName) => {
  let server: FixtureServer;
  let withExtension: ExtensionBrowser;
  let bare: ExtensionBrowser;
  let refuse: Server;
  beforeAll(async () => {
    server = await serveFixtures(pagesDir, injectSentence);
    // The pages link fonts, scripts and trackers on the internet: a local proxy refuses them at once, so a
    // page does not wait for the sandbox's network to time out (and nothing leaves the machine).
    refuse = createServer((_req, res) => res.writeHead(502).end());
    refuse.on('connect', (_req, socket) => socket.destroy());
    await new Promise<void>((done) => refuse.listen(0, '127.0.0.1', done));
    const proxyPort = (refuse.address() as AddressInfo).port;
    withExtension = await launchWithExtension(name, { proxyPort });
    bare = await launchWithExtension(name, { extension: false, proxyPort });
  }, 60_000);
  afterAll(async () => {
    await withExtension?.close();
    await bare?.close();
    await server?.close();
    refuse?.close();
  });

  it('leaves every page’s DOM, text, scripts and requests as they are, and underlines the added sentence', async () => {
    const failures: string[] = [];
    let compared = 0;
    let unstable = 0;
    for (const [index, file] of pages.entries()) {
      if (index % 25 === 0) console.log(`${name}: page ${index + 1} of ${pages.length}`);
      const url = `${server.origin}/${encodeURIComponent(file)}`;
      const first = await visit(bare, url, false);
      const second = await visit(bare, url, false);
      const extended = await visit(withExtension, url, true);
      const problems: string[] = [];
      if (extended.injectedHighlights.sort().join('|') !== ['IGT', 'Insulin resistance', 'milk supply', 'prolactin'].join('|')) {
        problems.push(`added sentence underlined as [${extended.injectedHighlights.join(', ')}]`);
      }
      const newErrors = extended.errors.filter((e) => !first.errors.includes(e) && !second.errors.includes(e));
      if (newErrors.length) problems.push(`page errors: ${newErrors.join(' / ')}`);
      const newRequests = extended.requests.filter((r) => !first.requests.includes(r) && !second.requests.includes(r));
      if (newRequests.length) problems.push(`requests the page alone does not make: ${newRequests.slice(0, 3).join(', ')}`);
      // A page whose own scripts make each load differ cannot be compared; say so instead of guessing.
      if (first.markup !== second.markup || first.text !== second.text) {
        unstable++;
      } else {
        compared++;
        if (extended.markup !== first.markup) problems.push('serialized DOM differs from a run without the extension');
        if (extended.text !== first.text) problems.push('text differs from a run without the extension');
      }
      if (problems.length) failures.push(`${file}: ${problems.join('; ')}`);
    }
    console.log(`${name}: ${pages.length} pages; DOM and text compared on ${compared} (${unstable} change by themselves on every load); failures: ${failures.length}`);
    for (const f of failures) console.log(`  ${f}`);
    expect(failures).toEqual([]);
  }, 30 * 60_000);
});
