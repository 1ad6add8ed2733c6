import type { Settings } from './settings.ts';

/**
 * The browser's match pattern for the pages a site pattern switches off, where it can say exactly that
 * and no more: a page it leaves out is one the user switched off. Only a whole site is named: a path
 * pattern ("forum.example.com/t/*") is left to the content script, since a page may move to another path
 * without loading (a single-page forum) and the script left out would then never start on a path that is on;
 * nor "*.example.com", since a match pattern's "*." takes the bare domain too. On those pages the content
 * script starts and reads the settings itself.
 */
export function switchedOffMatchPattern(site: string): string | null {
  if (site.includes('/') || site.startsWith('*.')) return null;
  // "*.example.com" in a match pattern is the site and its subdomains, as "example.com" is in the settings;
  // an address has no subdomains.
  return `*://${/^[\d.]+$/.test(site) ? site : `*.${site}`}/*`;
}

/**
 * Where the content script is registered under these settings, or null for nowhere (paused): every page but
 * the sites switched off that match patterns can name. The browser judges each frame by its own address, so
 * a frame from a switched-off site is left out on a page that is on too: that site is left alone wherever it
 * shows. In "only on the sites I list" mode, every page: a
 * frame on another site than the page's follows the page's site (src/content/site-url.ts), and comments or
 * posts embedded from elsewhere in a listed forum would be left out by a registration for the listed sites.
 */
export function contentScriptPages(settings: Settings): { matches: string[]; excludeMatches: string[] } | null {
  if (settings.paused) return null;
  const excludeMatches =
    settings.mode === 'only-listed' ? [] : settings.sites.flatMap((site) => switchedOffMatchPattern(site) ?? []);
  return { matches: ['<all_urls>'], excludeMatches };
}
