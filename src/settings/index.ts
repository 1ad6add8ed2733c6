export { loadSettings, saveSettings, settingsItem, updateSettings, watchSettings } from './settings-store.ts';
export {
  defaultSettings,
  densities,
  isEnabledFor,
  parseSettings,
  settingsVersion,
  siteModes,
  underlineStyles,
  withSiteSwitched,
  type Density,
  type ParsedSettings,
  type Settings,
  type SiteMode,
  type UnderlineStyle,
} from './settings.ts';
export { hostnameOf, matchesSite, normalizeSitePattern, parseSitePattern } from './site-patterns.ts';
export { readSettingsFile, settingsFileText, type ImportResult } from './settings-file.ts';
export { dismissalKey, dismissClaim, loadDismissedClaims, watchDismissedClaims } from './dismissed-claims.ts';
