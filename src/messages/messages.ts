/**
 * Messages between the popup, the background and the content scripts. Each crosses a trust boundary, so
 * each is checked for shape where it is received: a malformed message is ignored in one place.
 */
export type Direction = 'next' | 'previous';

/** Popup/background → content script (top frame). */
export type ContentRequest =
  | { type: 'page-report' }
  /** Scroll to the next/previous underlined term (of `termId` only, when given) and open its card. */
  | { type: 'move-to-term'; direction: Direction; termId?: string }
  /** Open a term's card at the user's selection (the context menu). */
  | { type: 'show-term'; termId: string }
  /** Scroll to the `index`-th flagged sentence of the page report and open its card. */
  | { type: 'show-claim'; index: number };

/** The extension's own pages a card links to (glossary.html, article.html). */
export type ExtensionPageName = 'glossary' | 'article';

/** Content script → background. */
export type BackgroundRequest =
  | { type: 'page-terms'; distinctTerms: number; enabled: boolean }
  /** Check these texts (blocks that mention a claim's subject) against the article's claims. */
  | { type: 'check-claims'; texts: string[] }
  /**
   * Open one of the extension's pages at `fragment` (a term id, `sentence-12`) in a new tab, for a card on a
   * web page: a web page may not navigate to an extension page that is not web-accessible, and these are not.
   */
  | { type: 'open-extension-page'; page: ExtensionPageName; fragment: string | null };

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
