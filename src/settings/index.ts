export {
  defaultSettings,
  densities,
  isEnabledFor,
  loadSettings,
  parseSettings,
  saveSettings,
  settingsItem,
  settingsVersion,
  siteModes,
  underlineStyles,
  updateSettings,
  watchSettings,
  withSiteSwitched,
  type Density,
  type ParsedSettings,
  type Settings,
  type SiteMode,
  type UnderlineStyle,
} from './settings.ts';
export { hostnameOf, matchesSite, normalizeSitePattern, parseSitePattern } from './site-patterns.ts';
export { maxSettingsFileBytes, readSettingsFile, settingsFileText, type ImportResult } from './settings-file.ts';
export { dismissalKey, dismissClaim, loadDismissedClaims, watchDismissedClaims } from './dismissed-claims.ts';
