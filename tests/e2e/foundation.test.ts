import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage } from './extension-pages.ts';
import { browserNames, launchWithExtension, type ExtensionBrowser } from './launch.ts';
import { serveFixtures, type FixtureServer } from './serve.ts';

describe.each(browserNames)('the built extension in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures();
    server.route('/plain.html', '<!doctype html><title>Plain</title><p>A page about prolactin.</p>');
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('runs its content script on a page served on 127.0.0.1', async () => {
    const page = await ext.newPage();
    await page.goto(`${server.origin}/plain.html`);
    // The content script registers its highlights in the page's CSS.highlights registry.
    await page.waitForFunction(() => CSS.highlights.has('lactation-glossary-term'), { timeout: 10_000 });
  });

  it('opens the popup page', async () => {
    const page = await ext.newPage();
    await openExtensionPage(ext, page, 'popup.html');
    expect(await page.evaluate(() => document.title)).toBe('Lactation Glossary');
  });
});
