import { describe, expect, it } from 'vitest';
import { openExtensionPage } from './extension-pages.ts';
import { useExtensionSession } from './session.ts';
import { browserNames } from './launch.ts';

describe.each(browserNames)('the built extension in %s', (name) => {
  const session = useExtensionSession(name, {}, (fixtures) =>
    fixtures.route('/plain.html', '<!doctype html><title>Plain</title><p>A page about prolactin.</p>'),
  );

  it('runs its content script on a page served on 127.0.0.1', async () => {
    const page = await session.ext.newPage();
    await page.goto(`${session.server.origin}/plain.html`);
    // The content script registers its highlights in the page's CSS.highlights registry.
    await page.waitForFunction(() => CSS.highlights.has('lactation-glossary-term'), { timeout: 10_000 });
  });

  it('opens the popup page', async () => {
    const page = await session.ext.newPage();
    await openExtensionPage(session.ext, page, 'popup.html');
    expect(await page.evaluate(() => document.title)).toBe('Lactation Glossary');
  });
});
