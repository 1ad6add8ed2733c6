/**
 * Site patterns as users write them in the options:
 *   example.com            the site and its subdomains
 *   *.example.com          subdomains only
 *   forum.example.com/t/*  that host, paths starting with /t/ (`*` stands for anything)
 * A scheme, a port and a trailing slash are ignored.
 */
export interface SitePattern {
  host: string;
  subdomainsOnly: boolean;
  /** Path glob, or null for every path. */
  path: RegExp | null;
}

const hostPattern = /^(?:\*\.)?(?:[a-z0-9-]+\.)*[a-z0-9-]+$/;

/** The normal written form of a pattern, or null when it is not one. */
export function normalizeSitePattern(input: string): string | null {
  let text = input.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const slash = text.indexOf('/');
  let host = slash < 0 ? text : text.slice(0, slash);
  const path = slash < 0 ? '' : text.slice(slash);
  host = host.replace(/:\d+$/, '');
  if (!host || !hostPattern.test(host) || /\s/.test(path)) return null;
  return path === '' || path === '/' || path === '/*' ? host : `${host}${path}`;
}

export function parseSitePattern(pattern: string): SitePattern | null {
  const normal = normalizeSitePattern(pattern);
  if (!normal) return null;
  const slash = normal.indexOf('/');
  const hostPart = slash < 0 ? normal : normal.slice(0, slash);
  const pathPart = slash < 0 ? null : normal.slice(slash);
  const subdomainsOnly = hostPart.startsWith('*.');
  const path =
    pathPart === null
      ? null
      : new RegExp(
          `^${pathPart
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        );
  return { host: subdomainsOnly ? hostPart.slice(2) : hostPart, subdomainsOnly, path };
}

/** The host name of an address, or '' where it has none or cannot be read (files, data: URLs, garbage). */
export const hostnameOf = (url: string): string => URL.parse(url)?.hostname ?? '';

export function matchesSite(pattern: SitePattern, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const hostMatches = pattern.subdomainsOnly
    ? host.endsWith(`.${pattern.host}`)
    : host === pattern.host || host.endsWith(`.${pattern.host}`);
  return hostMatches && (pattern.path === null || pattern.path.test(url.pathname));
}
