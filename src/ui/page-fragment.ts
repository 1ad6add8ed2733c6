import { useEffect, useState } from 'preact/hooks';

/** The element id the address's fragment names (`#insulin` → `insulin`), or null when there is none. */
export function fragmentOf(hash: string): string | null {
  if (hash.length < 2) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1); // a malformed escape: the fragment as written
  }
}

/**
 * The fragment of the page's address, following `hashchange`: on the extension's pages the content is drawn
 * by script, after the browser's own scroll to the fragment has found nothing, so the page scrolls itself.
 */
export function useFragment(): string | null {
  const [fragment, setFragment] = useState(() => fragmentOf(location.hash));
  useEffect(() => {
    const follow = () => setFragment(fragmentOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return fragment;
}

/**
 * Scrolls `element` into view and moves focus to it (without a second scroll), so a screen reader and the Tab
 * key carry on from there. `element` must be focusable (tabIndex -1 for a non-interactive one).
 */
export function reveal(element: HTMLElement, block: ScrollLogicalPosition): void {
  element.scrollIntoView({ block, behavior: 'instant' as ScrollBehavior });
  element.focus({ preventScroll: true });
}
