import type { Settings } from './settings.ts';

/**
 * The browser's match pattern for the pages a site pattern switches off, where it can say exactly that
 * and no more: a page it leaves out is one the user switched off. Null for a pattern it cannot say
 * ("*.example.com": a match pattern's "*." takes the bare domain too; a "*" inside a path: the browser's
 * path takes the query in); on those pages the content script starts and reads the settings itself.
 */
export function switchedOffMatchPattern(site: string): string | null {
  const slash = site.indexOf('/');
  const host = slash < 0 ? site : site.slice(0, slash);
  const path = slash < 0 ? '/*' : site.slice(slash);
  if (host.startsWith('*.')) return null;
  if (/[?#]|[^\x21-\x7e]/.test(path) || path.slice(0, -1).includes('*')) return null;
  // "*.example.com" in a match pattern is the site and its subdomains, as "example.com" is in the settings;
  // an address has no subdomains.
  return `*://${/^[\d.]+$/.test(host) ? host : `*.${host}`}${path}`;
}

/**
 * Where the content script is registered under these settings: nowhere while paused; else every page but
 * the sites switched off that match patterns can name (in "only on the sites I list" mode, every page: a
 * frame follows the site it is shown on, which match patterns cannot see).
 */
export function contentScriptExclusions(settings: Settings): { excludeMatches: string[] } | null {
  if (settings.paused) return null;
  if (settings.mode === 'only-listed') return { excludeMatches: [] };
  return { excludeMatches: settings.sites.flatMap((site) => switchedOffMatchPattern(site) ?? []) };
}
