import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, tabIdOf } from './extension-pages.ts';
import { hoverTerm, waitForCard } from './hover.ts';
import { browserNames, launchWithExtension, type BrowserName } from './launch.ts';
import { waitForHighlights } from './page-state.ts';
import { serveFixtures, type FixtureServer } from './serve.ts';

/** A proxy that answers nothing and writes down every request the browser sends off this machine. */
async function recordingProxy(): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A browsing session: pages with terms and claims, hovering, the popup, the settings page. */
async function browse(name: BrowserName, extension: boolean, server: FixtureServer, proxyPort: number) {
  const ext = await launchWithExtension(name, { extension, proxyPort });
  try {
    // Each page with the number of underlines it shows once scanned.
    for (const [path, underlines] of [
      ['/forum-thread.html', 15],
      ['/claims-thread.html', 3],
      ['/frames-and-shadow.html', 3],
      ['/every-term.html', 26],
    ] as const) {
      const page = await ext.newPage();
      await page.goto(`${server.origin}${path}`);
      await page.bringToFront();
      if (!extension) continue;
      await waitForHighlights(page, underlines);
      if (path === '/every-term.html') {
        await hoverTerm(page, 'Lactose');
        await waitForCard(page, 'Lactose');
        const popup = await ext.newPage();
        await openExtensionPage(ext, popup, `popup.html?tab=${await tabIdOf(ext, page)}`);
        await popup.type('input[type=search]', 'galactogogue');
        await popup.waitForSelector('.results .result');
        await openExtensionPage(ext, popup, 'options.html');
        await popup.waitForSelector('#sites');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await ext.close();
  }
}

describe.each(browserNames)('no data leaves the device, in %s', (name) => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures();
  });
  afterAll(async () => server?.close());

  it('sends nothing off the machine in a browsing session, and asks the pages’ server for nothing more than the pages do', async () => {
    const bareProxy = await recordingProxy();
    await browse(name, false, server, bareProxy.port);
    const pageRequests = new Set(server.requests);
    server.requests.length = 0;
    const proxy = await recordingProxy();
    await browse(name, true, server, proxy.port);
    await proxy.close();
    await bareProxy.close();
    // The browser talks to its own vendor's services (updates, time, remote settings) with or without the
    // extension; anything else leaving the machine would be ours.
    const hostOf = (request: string) =>
      request
        .split(' ')[1]!
        .replace(/^https?:\/\//, '')
        .split(/[/:]/)[0]!;
    const browserServices =
      /(?:^|\.)(?:google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.(?:com|net|org)|firefox\.com)$/;
    const hosts = [...new Set(proxy.requests.map(hostOf))];
    console.log(
      `${name}: ${proxy.requests.length} off-machine requests with the extension (${bareProxy.requests.length} without), to ${hosts.join(', ') || 'nowhere'}`,
    );
    expect(hosts.filter((h) => !browserServices.test(h))).toEqual([]);
    expect([...new Set(server.requests)].filter((path) => !pageRequests.has(path))).toEqual([]);
  });
});
