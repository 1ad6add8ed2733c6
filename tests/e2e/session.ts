import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchWithExtension, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './launch.ts';
import { serveFixtures, type FixtureServer } from './serve.ts';

export interface ExtensionSession {
  readonly ext: ExtensionBrowser;
  readonly server: FixtureServer;
}

/**
 * For one describe block: serves tests/fixtures and starts the browser with the extension before its tests,
 * and closes both after them. `prepare` adds routes to the server before the browser starts. The tabs a test
 * opens are closed after it: a page left behind (100 000 nodes, a card open) would go on costing the next
 * tests their time.
 */
export function useExtensionSession(
  name: BrowserName,
  options: LaunchOptions = {},
  prepare?: (server: FixtureServer) => void | Promise<void>,
): ExtensionSession {
  let ext: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    server = await serveFixtures();
    await prepare?.(server);
    const launched = await launchWithExtension(name, options);
    const newPage = launched.newPage;
    launched.newPage = async () => {
      const page = await newPage();
      opened.push(page);
      return page;
    };
    ext = launched;
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  return {
    get ext() {
      return ext!;
    },
    get server() {
      return server!;
    },
  };
}
