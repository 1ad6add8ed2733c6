import type { Settings } from './settings.ts';

/** A site pattern's host, its path ('/*' for every path) and whether the browser's patterns can name the host alone. */
function partsOf(site: string) {
  const slash = site.indexOf('/');
  const host = slash < 0 ? site : site.slice(0, slash);
  const path = slash < 0 ? '/*' : site.slice(slash);
  // "*.example.com" in a match pattern is the site and its subdomains, as "example.com" is in the settings;
  // an address has no subdomains.
  const matchHost = (name: string) => (/^[\d.]+$/.test(name) ? name : `*.${name}`);
  return { host, path, matchHost };
}

/** Whether a path glob means the same to the browser, which matches a page's path and query together. */
const pathSaysExactly = (path: string) => !/[?#]|[^\x21-\x7e]/.test(path) && !path.slice(0, -1).includes('*');

/**
 * The browser's match pattern for the pages a site pattern switches off, where it can say exactly that
 * and no more: a page it leaves out is one the user switched off. Null for a pattern it cannot say
 * ("*.example.com": a match pattern's "*." takes the bare domain too; a "*" inside a path: the browser's
 * path takes the query in); on those pages the content script starts and reads the settings itself.
 */
export function switchedOffMatchPattern(site: string): string | null {
  const { host, path, matchHost } = partsOf(site);
  if (host.startsWith('*.') || !pathSaysExactly(path)) return null;
  return `*://${matchHost(host)}${path}`;
}

/**
 * A match pattern for every page a listed site pattern switches on, and perhaps more (the content script
 * reads the settings there and stops): the whole site, its bare domain included ("*.example.com" takes in
 * example.com). Never a narrower path: a registration that also runs in a page's about:blank frames
 * (matchOriginAsFallback) takes only patterns for every path.
 */
export function switchedOnMatchPattern(site: string): string {
  const { host, matchHost } = partsOf(site);
  return `*://${matchHost(host.replace(/^\*\./, ''))}/*`;
}

/**
 * Where the content script is registered under these settings, or null for nowhere (paused, or "only on the
 * sites I list" with none listed): every page but the sites switched off that match patterns can name, or,
 * in "only on the sites I list" mode, the listed sites.
 */
export function contentScriptPages(settings: Settings): { matches: string[]; excludeMatches: string[] } | null {
  if (settings.paused) return null;
  if (settings.mode === 'only-listed') {
    const matches = [...new Set(settings.sites.map(switchedOnMatchPattern))];
    return matches.length > 0 ? { matches, excludeMatches: [] } : null;
  }
  return {
    matches: ['<all_urls>'],
    excludeMatches: settings.sites.flatMap((site) => switchedOffMatchPattern(site) ?? []),
  };
}
