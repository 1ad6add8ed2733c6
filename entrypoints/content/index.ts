import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { glossary } from '../../src/glossary/index.ts';
import { createTermMatcher } from '../../src/match/index.ts';
import { isPageReportRequest, pageReport, startPageScanner } from '../../src/page/index.ts';
import { densityItem, parseDensity } from '../../src/settings/index.ts';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const matcher = createTermMatcher(glossary.terms);
    // collect → find → mark, then keep up with the page as it changes.
    const scanner = startPageScanner(document, matcher, parseDensity(await densityItem.getValue()));
    const unwatchDensity = densityItem.watch((value) => scanner.setDensity(parseDensity(value)));

    const onMessage = (message: unknown) => (isPageReportRequest(message) ? pageReport(scanner, location.href) : undefined);
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatchDensity();
      scanner.stop();
    });
  },
});
