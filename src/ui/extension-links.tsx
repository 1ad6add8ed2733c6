import { tellBackground } from '../messages/channel.ts';
import { extensionPageUrl, type ExtensionPageTarget } from './extension-page-url.ts';

export {
  articleSentence,
  extensionPageUrl,
  glossaryEntry,
  sentenceId,
  type ExtensionPageTarget,
} from './extension-page-url.ts';

/**
 * Where a card is shown, which decides how its links to the extension's own pages behave:
 * - `page`: the popover on a web page. A web page may not open a chrome-extension:// or moz-extension://
 *   page that is not web-accessible, even on a click (Chromium shows "blocked", Firefox does nothing), and
 *   glossary.html and article.html are kept off web_accessible_resources so no site can probe for them: the
 *   click asks the background to open the tab.
 * - `popup`: the toolbar popup, which is not a tab: links open a new tab.
 * - `article-page`, `glossary-page`: the extension's own pages: links open in the same tab, Back returns.
 */
export type CardPlace = 'page' | 'popup' | 'article-page' | 'glossary-page';

export interface ExtensionPageLinkProps {
  to: ExtensionPageTarget;
  place: CardPlace;
  class?: string;
  'aria-label'?: string;
  children: preact.ComponentChildren;
}

/** A link to glossary.html or article.html that works wherever the card is (see CardPlace). */
export function ExtensionPageLink({ to, place, children, ...rest }: ExtensionPageLinkProps) {
  const href = extensionPageUrl(to);
  if (place === 'article-page' || place === 'glossary-page')
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  if (place === 'popup')
    return (
      <a href={href} target="_blank" rel="noopener" {...rest}>
        {children}
      </a>
    );
  const open = (event: MouseEvent) => {
    // Left or middle button: either would be refused by the browser as a navigation from the page.
    if (event.button > 1) return;
    event.preventDefault();
    tellBackground({ type: 'open-extension-page', page: to.page, fragment: to.fragment });
  };
  return (
    <a href={href} target="_blank" rel="noopener" onClick={open} onAuxClick={open} {...rest}>
      {children}
    </a>
  );
}
