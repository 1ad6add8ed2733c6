import { browser } from 'wxt/browser';
import type { Quote } from '../glossary/types.ts';
import type { ExtensionPageName } from '../messages/messages.ts';

// Addresses of the extension's own pages (no JSX here: the background script builds them too).

/** The id of a sentence's element on the article page: numbers run through the article (compile step). */
export const sentenceId = (sentenceNumber: number) => `sentence-${sentenceNumber}`;

/** A glossary entry on glossary.html, and where a quote starts on article.html. */
export const glossaryEntry = (termId: string) => ({ page: 'glossary', fragment: termId }) as const;
export const articleSentence = (quote: Pick<Quote, 'sentences'>) =>
  ({ page: 'article', fragment: sentenceId(quote.sentences.first) }) as const;

export interface ExtensionPageTarget {
  page: ExtensionPageName;
  fragment: string | null;
}

const paths = { glossary: '/glossary.html', article: '/article.html' } as const;

/** The page's address in this extension (chrome-extension://… or moz-extension://…). */
export function extensionPageUrl({ page, fragment }: ExtensionPageTarget): string {
  return browser.runtime.getURL(paths[page]) + (fragment ? `#${fragment}` : '');
}
