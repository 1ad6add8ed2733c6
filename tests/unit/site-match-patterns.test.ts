import { describe, expect, it } from 'vitest';
import { defaultSettings, isEnabledFor, type Settings } from '../../src/settings/settings.ts';
import { contentScriptPages, switchedOffMatchPattern } from '../../src/settings/site-match-patterns.ts';

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
  it('names a switched-off site and its subdomains as a match pattern', () => {
    expect(switchedOffMatchPattern('example.com')).toBe('*://*.example.com/*');
    expect(switchedOffMatchPattern('localhost')).toBe('*://*.localhost/*');
    expect(switchedOffMatchPattern('127.0.0.1')).toBe('*://127.0.0.1/*');
  });

  it('leaves paths and subdomains-only patterns to the content script', () => {
    expect(switchedOffMatchPattern('*.example.com')).toBeNull(); // "*." takes example.com itself too
    // A single-page forum may move from a path switched off to one that is on without loading.
    expect(switchedOffMatchPattern('forum.example.com/t/*')).toBeNull();
    expect(switchedOffMatchPattern('example.com/about')).toBeNull();
  });

  it('excludes only pages the settings switch off', () => {
    const sites = ['example.com', '*.sub.org', 'forum.example.net/t/*', '10.0.0.7', 'site.io'];
    const settings = offFor(sites);
    const { matches, excludeMatches } = contentScriptPages(settings)!;
    expect(matches).toEqual(['<all_urls>']);
    expect(excludeMatches).toEqual(['*://*.example.com/*', '*://10.0.0.7/*', '*://*.site.io/*']);
    const addresses = [
      'https://example.com/',
      'http://www.example.com/x?y=1',
      'https://notexample.com/',
      'https://example.com.evil.net/',
      'https://sub.org/',
      'https://a.sub.org/',
      'https://forum.example.net/t/low-supply',
      'http://10.0.0.7:8080/page',
      'http://10.0.0.70/',
      'https://site.io/about?tab=2',
      'https://mysite.io/',
      'file:///home/me/notes.html',
    ];
    let excluded = 0;
    for (const address of addresses) {
      if (!excludeMatches.some((pattern) => browserMatches(pattern, address))) continue;
      excluded++;
      expect(isEnabledFor(settings, address), address).toBe(false);
    }
    // Positive control: the patterns do leave pages out.
    expect(excluded).toBe(4);
  });

  it('registers nowhere while paused, and everywhere in "only on the sites I list" mode', () => {
    expect(contentScriptPages({ ...offFor(['example.com']), paused: true })).toBeNull();
    expect(contentScriptPages({ ...offFor(['example.com']), mode: 'only-listed' })).toEqual({
      matches: ['<all_urls>'],
      excludeMatches: [],
    });
    expect(contentScriptPages(defaultSettings)).toEqual({ matches: ['<all_urls>'], excludeMatches: [] });
  });
});
