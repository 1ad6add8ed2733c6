import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { glossary } from '../../src/glossary/index.ts';
import { createTermMatcher } from '../../src/match/index.ts';
import { parseContentRequest } from '../../src/messages/index.ts';
import { pageReport, startPageScanner } from '../../src/page/index.ts';
import { densityItem, parseDensity } from '../../src/settings/index.ts';
import { startHoverCards } from '../../src/ui/hover-cards.ts';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // collect → find → mark, kept current as the page changes
    const matcher = createTermMatcher(glossary.terms);
    const scanner = startPageScanner(document, matcher, parseDensity(await densityItem.getValue()));
    const unwatchDensity = densityItem.watch((value) => scanner.setDensity(parseDensity(value)));
    // hover → card, and keyboard navigation between terms
    const cards = await startHoverCards(ctx, scanner);

    const onMessage = (message: unknown) => {
      const request = parseContentRequest(message);
      if (request?.type === 'page-report') return pageReport(scanner, location.href);
      if (request?.type === 'move-to-term') return cards.moveToTerm(request.direction);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatchDensity();
      scanner.stop();
    });
  },
});
