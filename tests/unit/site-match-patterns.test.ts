import { describe, expect, it } from 'vitest';
import { defaultSettings, isEnabledFor, type Settings } from '../../src/settings/settings.ts';
import {
  contentScriptPages,
  switchedOffMatchPattern,
  switchedOnMatchPattern,
} from '../../src/settings/site-match-patterns.ts';

/** The browser's reading of a match pattern (Chrome's and Firefox's documented rules), to check ours against. */
function browserMatches(pattern: string, address: string): boolean {
  const [, scheme, host, path] = /^([^:]+):\/\/([^/]+)(\/.*)$/.exec(pattern)! as unknown as [
    string,
    string,
    string,
    string,
  ];
  const url = new URL(address);
  if (scheme === '*' ? !/^https?:$/.test(url.protocol) : url.protocol !== `${scheme}:`) return false;
  const hostMatches = host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const glob = new RegExp(
    `^${path
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return hostMatches && glob.test(url.pathname + url.search);
}

const offFor = (sites: string[]): Settings => ({ ...defaultSettings, sites });

describe('the sites Chrome leaves the content script out of', () => {
  it('names a switched-off site, its subdomains and its paths as match patterns', () => {
    expect(switchedOffMatchPattern('example.com')).toBe('*://*.example.com/*');
    expect(switchedOffMatchPattern('localhost')).toBe('*://*.localhost/*');
    expect(switchedOffMatchPattern('127.0.0.1')).toBe('*://127.0.0.1/*');
    expect(switchedOffMatchPattern('forum.example.com/t/*')).toBe('*://*.forum.example.com/t/*');
    expect(switchedOffMatchPattern('example.com/about')).toBe('*://*.example.com/about');
  });

  it('leaves to the content script what a match pattern cannot say exactly', () => {
    expect(switchedOffMatchPattern('*.example.com')).toBeNull(); // "*." takes example.com itself too
    expect(switchedOffMatchPattern('example.com/t/*/new')).toBeNull(); // "*" would run on into the query
    expect(switchedOffMatchPattern('example.com/a?b')).toBeNull();
    expect(switchedOffMatchPattern('example.com/caf\u00e9')).toBeNull();
  });

  it('excludes only pages the settings switch off', () => {
    const sites = ['example.com', '*.sub.org', 'forum.example.net/t/*', 'example.org/a*b', '10.0.0.7', 'site.io/about'];
    const settings = offFor(sites);
    const { matches, excludeMatches } = contentScriptPages(settings)!;
    expect(matches).toEqual(['<all_urls>']);
    expect(excludeMatches).toEqual([
      '*://*.example.com/*',
      '*://*.forum.example.net/t/*',
      '*://10.0.0.7/*',
      '*://*.site.io/about',
    ]);
    const addresses = [
      'https://example.com/',
      'http://www.example.com/x?y=1',
      'https://notexample.com/',
      'https://sub.org/',
      'https://a.sub.org/',
      'https://forum.example.net/t/low-supply',
      'https://forum.example.net/u/me',
      'https://forum.example.net/tx',
      'https://example.org/a?q=b',
      'https://example.org/axb',
      'http://10.0.0.7:8080/page',
      'http://10.0.0.70/',
      'https://site.io/about',
      'https://site.io/about?tab=2',
      'https://site.io/aboutus',
      'file:///home/me/notes.html',
    ];
    let excluded = 0;
    for (const address of addresses) {
      if (!excludeMatches.some((pattern) => browserMatches(pattern, address))) continue;
      excluded++;
      expect(isEnabledFor(settings, address), address).toBe(false);
    }
    // Positive control: the patterns do leave pages out.
    expect(excluded).toBe(5);
  });

  it('in "only on the sites I list" mode, registers on the listed sites, each page of them included', () => {
    expect(switchedOnMatchPattern('example.com')).toBe('*://*.example.com/*');
    expect(switchedOnMatchPattern('*.example.com')).toBe('*://*.example.com/*');
    expect(switchedOnMatchPattern('site.io/about')).toBe('*://*.site.io/*');
    expect(switchedOnMatchPattern('example.org/a*b')).toBe('*://*.example.org/*');
    const sites = ['example.com', '*.sub.org', 'forum.example.net/t/*', 'example.org/a*b', '10.0.0.7', 'site.io/about'];
    const settings: Settings = { ...offFor(sites), mode: 'only-listed' };
    const { matches, excludeMatches } = contentScriptPages(settings)!;
    expect(excludeMatches).toEqual([]);
    const addresses = [
      'https://example.com/',
      'http://www.example.com/x?y=1',
      'https://notexample.com/',
      'https://a.sub.org/',
      'https://forum.example.net/t/low-supply',
      'https://forum.example.net/u/me',
      'https://example.org/a?q=b',
      'https://example.org/axb',
      'http://10.0.0.7:8080/page',
      'https://site.io/about?tab=2',
      'https://site.io/aboutus',
      'https://elsewhere.org/',
    ];
    let covered = 0;
    for (const address of addresses) {
      if (!isEnabledFor(settings, address)) continue;
      covered++;
      expect(
        matches.some((pattern) => browserMatches(pattern, address)),
        address,
      ).toBe(true);
    }
    // Positive control: most of the addresses are listed; the others are not registered for.
    expect(covered).toBe(7);
    expect(matches.some((pattern) => browserMatches(pattern, 'https://elsewhere.org/'))).toBe(false);
  });

  it('registers nowhere while paused, or with no site listed in "only on the sites I list" mode', () => {
    expect(contentScriptPages({ ...offFor(['example.com']), paused: true })).toBeNull();
    expect(contentScriptPages({ ...offFor([]), mode: 'only-listed' })).toBeNull();
    expect(contentScriptPages(defaultSettings)).toEqual({ matches: ['<all_urls>'], excludeMatches: [] });
  });
});
