import { browser, type Browser } from 'wxt/browser';
import type { BackgroundMessages } from '../messages/messages.ts';
import { extensionPageUrl } from '../ui/extension-page-url.ts';

/**
 * Opens glossary.html or article.html for a card on a web page, in a new tab next to the page's. The card's
 * link cannot open it itself: a web page may not navigate to an extension page that is not web-accessible.
 * (tabs.create needs no permission.)
 */
export async function openExtensionPage(
  request: BackgroundMessages['open-extension-page']['request'],
  from?: Browser.tabs.Tab,
): Promise<void> {
  const beside = from?.id !== undefined ? { windowId: from.windowId, index: from.index + 1 } : {};
  await browser.tabs.create({ url: extensionPageUrl(request), ...beside });
}
