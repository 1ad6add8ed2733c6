// The settings' shape, defaults and rules: no storage here, so the content script's first stage can use
// them without loading the storage library (see settings-store.ts for reading and writing them).
import { matchesSite, normalizeSitePattern, parseSitePattern } from './site-patterns.ts';

export type Density = 'every' | 'first-in-post' | 'first-on-page';
export type SiteMode = 'all-except-listed' | 'only-listed';
export type UnderlineStyle = 'dotted' | 'dashed' | 'wavy' | 'solid';

export interface Settings {
  /** On every site except the listed ones, or only on the listed ones. */
  mode: SiteMode;
  /** Site patterns (see site-patterns.ts). */
  sites: string[];
  /** Everything off, everywhere, until switched back on. */
  paused: boolean;
  density: Density;
  underline: UnderlineStyle;
  /** The number of distinct terms on the toolbar button. */
  badge: boolean;
}

export const densities: readonly Density[] = ['every', 'first-in-post', 'first-on-page'];
export const siteModes: readonly SiteMode[] = ['all-except-listed', 'only-listed'];
export const underlineStyles: readonly UnderlineStyle[] = ['dotted', 'dashed', 'wavy', 'solid'];

/**
 * Forum readers meet the same term in post after post: one underline per post keeps every post explained
 * without turning a thread into a sea of dots.
 */
export const defaultSettings: Settings = {
  mode: 'all-except-listed',
  sites: [],
  paused: false,
  density: 'first-in-post',
  underline: 'dotted',
  badge: true,
};

/** Bumped when the stored shape changes; older values are migrated by `parseSettings`. */
export const settingsVersion = 1;

export interface ParsedSettings {
  settings: Settings;
  /** What could not be used, field by field, in plain words. */
  rejected: string[];
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => values.includes(value as T);

const patternsMatching = (settings: Settings, url: URL) =>
  settings.sites.filter((site) => {
    const pattern = parseSitePattern(site);
    return pattern !== null && matchesSite(pattern, url);
  });

/**
 * Reads stored or imported settings field by field: whatever is unreadable falls back to its default and is
 * reported, and everything readable is kept, the site list above all. Never throws.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const rejected: string[] = [];
  const settings: Settings = { ...defaultSettings, sites: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) rejected.push('settings: not an object');
    return { settings, rejected };
  }
  const input = raw as Record<string, unknown>;
  const take = <K extends keyof Settings>(key: K, ok: (v: unknown) => v is Settings[K]) => {
    if (!(key in input)) return;
    if (ok(input[key])) settings[key] = input[key];
    else rejected.push(`${key}: ${JSON.stringify(input[key])?.slice(0, 60)} is not valid`);
  };
  take('mode', (v): v is SiteMode => oneOf(siteModes, v));
  take('paused', (v): v is boolean => typeof v === 'boolean');
  take('density', (v): v is Density => oneOf(densities, v));
  take('underline', (v): v is UnderlineStyle => oneOf(underlineStyles, v));
  take('badge', (v): v is boolean => typeof v === 'boolean');
  if ('sites' in input) {
    if (!Array.isArray(input.sites)) {
      rejected.push('sites: not a list');
    } else {
      for (const site of input.sites.slice(0, 5000)) {
        const normal = typeof site === 'string' && site.length <= 500 ? normalizeSitePattern(site) : null;
        if (normal && !settings.sites.includes(normal)) settings.sites.push(normal);
        else if (!normal) rejected.push(`sites: ${JSON.stringify(site)?.slice(0, 60)} is not a site pattern`);
      }
      if (input.sites.length > 5000) rejected.push(`sites: only the first 5000 of ${input.sites.length} were read`);
    }
  }
  const version = input.version;
  if (version !== undefined && (typeof version !== 'number' || version > settingsVersion)) {
    rejected.push(
      `version: ${JSON.stringify(version)} is newer than this extension understands; readable fields were kept`,
    );
  }
  return { settings, rejected };
}

/** Whether the extension works on `url` under these settings. */
export function isEnabledFor(settings: Settings, url: string): boolean {
  if (settings.paused) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const listed = patternsMatching(settings, parsed).length > 0;
  return settings.mode === 'only-listed' ? listed : !listed;
}

/**
 * Switches the site of `url` on or off, as the popup's switch and the shortcut do: lists its host, or removes
 * every pattern that covers the page (a broader "example.com" included), whichever the mode calls for.
 */
export function withSiteSwitched(settings: Settings, url: string, on: boolean): Settings {
  const parsed = new URL(url);
  const covering = new Set(patternsMatching(settings, parsed));
  const unlisted = settings.sites.filter((s) => !covering.has(s));
  const shouldList = settings.mode === 'only-listed' ? on : !on;
  return { ...settings, sites: shouldList ? [...unlisted, normalizeSitePattern(parsed.hostname)!] : unlisted };
}
