import type { ClaimCheck } from '../claims/check-claims.ts';
import type { PageReport } from '../page/page-report.ts';

/**
 * Messages between the popup, the background and the content scripts: each request and its response defined
 * once, per receiver. Each crosses a trust boundary, so each is checked for shape where it is received (the
 * parsers below): a malformed message is ignored in one place. Sent and answered through channel.ts.
 */
export type Direction = 'next' | 'previous';

/** The extension's own pages a card links to (glossary.html, article.html). */
export type ExtensionPageName = 'glossary' | 'article';

/** What the content script of a tab's top frame answers (asked by the popup and the background). */
export interface ContentMessages {
  /** What the page holds: terms, flagged sentences, whether the site is on. */
  'page-report': { request: { type: 'page-report' }; response: PageReport };
  /** Scroll to the next/previous underlined term (of `termId` only, when given) and open its card. */
  'move-to-term': { request: { type: 'move-to-term'; direction: Direction; termId?: string }; response: void };
  /** Open a term's card at the user's selection (the context menu); true once it is open. */
  'show-term': { request: { type: 'show-term'; termId: string }; response: boolean };
  /** Scroll to the `index`-th flagged sentence of the page report and open its card. */
  'show-claim': { request: { type: 'show-claim'; index: number }; response: void };
}

/** What the background answers (asked by content scripts and the extension's pages). */
export interface BackgroundMessages {
  /** The toolbar badge: how many distinct terms the page mentions. */
  'page-terms': { request: { type: 'page-terms'; distinctTerms: number; enabled: boolean }; response: void };
  /** Check these texts (blocks that mention a claim's subject) against the article's claims, one list each. */
  'check-claims': { request: { type: 'check-claims'; texts: string[] }; response: ClaimCheck[][] };
  /**
   * Open one of the extension's pages at `fragment` (a term id, `sentence-12`) in a new tab, for a card on a
   * web page: a web page may not navigate to an extension page that is not web-accessible, and these are not.
   */
  'open-extension-page': {
    request: { type: 'open-extension-page'; page: ExtensionPageName; fragment: string | null };
    response: void;
  };
}

/** Any request of a protocol, and the response to one. */
export type RequestOf<M> = { [K in keyof M]: M[K] extends { request: infer R } ? R : never }[keyof M];
export type ResponseTo<M, R extends { type: keyof M }> = M[R['type']] extends { response: infer A } ? A : never;

export type ContentRequest = RequestOf<ContentMessages>;
export type BackgroundRequest = RequestOf<BackgroundMessages>;

/** At most this many blocks, of at most this many characters, per check-claims request. */
export const maxClaimTexts = 200;
export const maxClaimTextLength = 20_000;

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;
const isTermId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,64}$/.test(v);

export function parseContentRequest(message: unknown): ContentRequest | null {
  if (!isObject(message)) return null;
  switch (message.type) {
    case 'page-report':
      return { type: 'page-report' };
    case 'move-to-term': {
      const { direction, termId } = message;
      if (direction !== 'next' && direction !== 'previous') return null;
      if (termId !== undefined && !isTermId(termId)) return null;
      return termId === undefined ? { type: 'move-to-term', direction } : { type: 'move-to-term', direction, termId };
    }
    case 'show-term':
      return isTermId(message.termId) ? { type: 'show-term', termId: message.termId } : null;
    case 'show-claim':
      return Number.isInteger(message.index) && (message.index as number) >= 0
        ? { type: 'show-claim', index: message.index as number }
        : null;
    default:
      return null;
  }
}

export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  if (isObject(message) && message.type === 'open-extension-page') {
    const { page, fragment } = message;
    if (page !== 'glossary' && page !== 'article') return null;
    return fragment === null || isTermId(fragment) ? { type: 'open-extension-page', page, fragment } : null;
  }
  if (isObject(message) && message.type === 'check-claims') {
    const { texts } = message;
    const valid =
      Array.isArray(texts) &&
      texts.length <= maxClaimTexts &&
      texts.every((t) => typeof t === 'string' && t.length <= maxClaimTextLength);
    return valid ? { type: 'check-claims', texts: texts as string[] } : null;
  }
  if (!isObject(message) || message.type !== 'page-terms') return null;
  const { distinctTerms, enabled } = message;
  if (
    typeof distinctTerms !== 'number' ||
    !Number.isInteger(distinctTerms) ||
    distinctTerms < 0 ||
    typeof enabled !== 'boolean'
  )
    return null;
  return { type: 'page-terms', distinctTerms, enabled };
}
