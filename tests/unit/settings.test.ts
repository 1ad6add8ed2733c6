import { describe, expect, it } from 'vitest';
import { defaultSettings, isEnabledFor, parseSettings, withSiteSwitched } from '../../src/settings/settings.ts';
import { matchesSite, parseSitePattern } from '../../src/settings/site-patterns.ts';
import { readSettingsFile, settingsFileText } from '../../src/settings/settings-file.ts';

const matches = (pattern: string, url: string) => matchesSite(parseSitePattern(pattern)!, new URL(url));

describe('site patterns', () => {
  it('example.com covers the site and its subdomains, not look-alike hosts', () => {
    expect(matches('example.com', 'https://example.com/a')).toBe(true);
    expect(matches('example.com', 'https://forum.example.com/')).toBe(true);
    expect(matches('example.com', 'https://notexample.com/')).toBe(false);
    expect(matches('example.com', 'https://example.com.evil.net/')).toBe(false);
  });

  it('*.example.com covers subdomains only', () => {
    expect(matches('*.example.com', 'https://forum.example.com/')).toBe(true);
    expect(matches('*.example.com', 'https://example.com/')).toBe(false);
  });

  it('forum.example.com/t/* covers that host under that path', () => {
    expect(matches('forum.example.com/t/*', 'https://forum.example.com/t/low-supply/12')).toBe(true);
    expect(matches('forum.example.com/t/*', 'https://forum.example.com/u/someone')).toBe(false);
    expect(matches('forum.example.com/t/*', 'https://other.example.com/t/x')).toBe(false);
  });

  it('accepts a pasted address and rejects what is not a pattern', () => {
    expect(parseSitePattern('https://Forum.Example.com:8080/')).toEqual({
      host: 'forum.example.com',
      subdomainsOnly: false,
      path: null,
    });
    expect(parseSitePattern('not a site')).toBeNull();
    expect(parseSitePattern('')).toBeNull();
  });
});

describe('where the extension works', () => {
  it('is on everywhere except listed sites by default, and only on listed sites in that mode', () => {
    const listed = { ...defaultSettings, sites: ['example.com'] };
    expect(isEnabledFor(listed, 'https://forum.example.com/t/1')).toBe(false);
    expect(isEnabledFor(listed, 'https://other.org/')).toBe(true);
    const only = { ...listed, mode: 'only-listed' as const };
    expect(isEnabledFor(only, 'https://forum.example.com/t/1')).toBe(true);
    expect(isEnabledFor(only, 'https://other.org/')).toBe(false);
    expect(isEnabledFor({ ...listed, paused: true }, 'https://other.org/')).toBe(false);
  });

  it('switching a site on removes every pattern covering it, switching off lists its host', () => {
    const settings = { ...defaultSettings, sites: ['example.com', 'other.org'] };
    const on = withSiteSwitched(settings, 'https://forum.example.com/t/1', true);
    expect(on.sites).toEqual(['other.org']);
    expect(isEnabledFor(on, 'https://forum.example.com/t/1')).toBe(true);
    const off = withSiteSwitched(on, 'https://forum.example.com/t/1', false);
    expect(off.sites).toEqual(['other.org', 'forum.example.com']);
  });
});

describe('stored settings', () => {
  it('falls back to defaults for corrupt fields and keeps the site list', () => {
    const { settings, rejected } = parseSettings({
      version: 1,
      mode: 42,
      sites: ['example.com', 7, 'bad site'],
      density: 'lots',
      paused: 'yes',
    });
    expect(settings).toEqual({ ...defaultSettings, sites: ['example.com'] });
    expect(rejected).toHaveLength(5);
  });

  it('reads what it can of a newer version and says so', () => {
    const { settings, rejected } = parseSettings({
      version: 9,
      sites: ['forum.example.com'],
      density: 'every',
      newThing: true,
    });
    expect(settings.sites).toEqual(['forum.example.com']);
    expect(settings.density).toBe('every');
    expect(rejected[0]).toMatch(/newer/);
  });

  it('gives defaults for missing or unreadable storage', () => {
    expect(parseSettings(undefined).settings).toEqual(defaultSettings);
    expect(parseSettings('garbage').settings).toEqual(defaultSettings);
  });
});

describe('settings files', () => {
  it('round-trips an export', () => {
    const settings = { ...defaultSettings, mode: 'only-listed' as const, sites: ['example.com'] };
    expect(readSettingsFile(settingsFileText(settings))).toEqual({ ok: true, settings });
  });

  it('rejects a malformed or hostile file as a whole, with the reasons', () => {
    expect(readSettingsFile('{ nope')).toMatchObject({ ok: false });
    const hostile = readSettingsFile(
      JSON.stringify({ sites: ['<script>alert(1)</script>', 'example.com'], density: { $gt: '' }, __proto__x: 1 }),
    );
    expect(hostile.ok).toBe(false);
    expect(!hostile.ok && hostile.problems).toEqual([
      '__proto__x: unknown setting',
      'density: {"$gt":""} is not valid',
      'sites: "<script>alert(1)</script>" is not a site pattern',
    ]);
    expect(readSettingsFile('x'.repeat(10), 10_000_000)).toMatchObject({ ok: false });
  });
});

describe('settings in extension storage', () => {
  it('loads corrupt stored settings as defaults, keeping the site list', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { loadSettings, saveSettings } = await import('../../src/settings/settings-store.ts');
    await fakeBrowser.storage.sync.set({
      settings: { version: 1, sites: ['forum.example.com', { bad: true }], density: null, mode: 'sometimes' },
    });
    expect(await loadSettings()).toEqual({ ...defaultSettings, sites: ['forum.example.com'] });
    await saveSettings({ ...defaultSettings, density: 'every' });
    expect((await loadSettings()).density).toBe('every');
    await fakeBrowser.storage.sync.set({ settings: '{truncated' });
    expect(await loadSettings()).toEqual(defaultSettings);
  });
});
