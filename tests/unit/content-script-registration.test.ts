import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fitContentScript } from '../../src/background/content-script.ts';
import { saveSettings } from '../../src/settings/settings-store.ts';
import { defaultSettings } from '../../src/settings/settings.ts';

interface Registered {
  id: string;
  matches: string[];
  excludeMatches: string[];
  persistAcrossSessions: boolean;
}

/**
 * Chrome's registry of content scripts, as far as the background uses it. `refuses` models the browser's
 * check of an argument: it throws as the call is made (`synchronously`) or rejects the promise.
 */
function fakeRegistry(refuses: (script: Registered) => 'synchronously' | 'asynchronously' | null) {
  const scripts = new Map<string, Registered>();
  const check = (script: Registered) => {
    const refusal = refuses(script);
    if (refusal === 'synchronously') throw new TypeError(`Invalid value for argument: ${script.excludeMatches}`);
    return refusal === 'asynchronously' ? Promise.reject(new Error('Invalid match pattern')) : null;
  };
  const scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
      ids.flatMap((id) => (scripts.has(id) ? [structuredClone(scripts.get(id)!)] : [])),
    registerContentScripts: (list: Registered[]) => {
      for (const script of list) {
        if (scripts.has(script.id)) return Promise.reject(new Error(`Duplicate script ID '${script.id}'`));
        const refused = check(script);
        if (refused) return refused;
        scripts.set(script.id, structuredClone(script));
      }
      return Promise.resolve();
    },
    updateContentScripts: (list: Registered[]) => {
      for (const script of list) {
        if (!scripts.has(script.id)) return Promise.reject(new Error(`No script with ID '${script.id}'`));
        const refused = check(script);
        if (refused) return refused;
        scripts.set(script.id, structuredClone(script));
      }
      return Promise.resolve();
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => void ids.forEach((id) => scripts.delete(id)),
  };
  Object.assign(fakeBrowser, { scripting });
  return { registered: () => scripts.get('first-stage') ?? null };
}

const refusingExclusions = (how: 'synchronously' | 'asynchronously') => (script: Registered) =>
  script.excludeMatches.length > 0 ? how : null;

describe("Chrome's content script registration", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('leaves out the sites switched off, persists, and goes while paused', async () => {
    const registry = fakeRegistry(() => null);
    await saveSettings({ ...defaultSettings, sites: ['forum.example', 'example.org/t/*'] });
    await fitContentScript();
    expect(registry.registered()).toMatchObject({
      matches: ['<all_urls>'],
      excludeMatches: ['*://*.forum.example/*'],
      persistAcrossSessions: true,
    });
    await saveSettings({ ...defaultSettings, sites: ['forum.example'], paused: true });
    await fitContentScript();
    expect(registry.registered()).toBeNull();
  });

  it.each(['synchronously', 'asynchronously'] as const)(
    'registers on every site when the browser refuses the exclusions (%s)',
    async (how) => {
      const registry = fakeRegistry(refusingExclusions(how));
      // Positive control: the same browser takes a registration without exclusions.
      await saveSettings(defaultSettings);
      await fitContentScript();
      expect(registry.registered()).toMatchObject({ matches: ['<all_urls>'], excludeMatches: [] });
      expect(console.warn).not.toHaveBeenCalled();

      // An update with an exclusion it refuses: the script stays on every site (it then reads the settings
      // itself on the site switched off), rather than being left registered nowhere.
      await saveSettings({ ...defaultSettings, sites: ['forum.example'] });
      await fitContentScript();
      expect(registry.registered()).toMatchObject({
        matches: ['<all_urls>'],
        excludeMatches: [],
        persistAcrossSessions: true,
      });
      expect(console.warn).toHaveBeenCalledTimes(1);

      // And the first registration, after a pause, falls back the same way.
      await saveSettings({ ...defaultSettings, paused: true });
      await fitContentScript();
      expect(registry.registered()).toBeNull();
      await saveSettings({ ...defaultSettings, sites: ['forum.example'] });
      await fitContentScript();
      expect(registry.registered()).toMatchObject({ matches: ['<all_urls>'], excludeMatches: [] });
    },
  );
});
