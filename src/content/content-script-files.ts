/**
 * The content script's files, for the manifest (Firefox) and for the background's registration (Chrome):
 * the first stage (entrypoints/first-stage.ts) and the underlines' styles.
 */
export const contentScriptFiles = { js: ['first-stage.js'], css: ['assets/highlights.css'] } as const;

/**
 * Whether the build's background registers the content script (Chrome: src/background/content-script.ts)
 * rather than its manifest declaring it (Firefox, whose MV2 registrations end with the background page).
 */
export const registersContentScript = (browser: string, manifestVersion: number) =>
  manifestVersion === 3 && browser !== 'firefox';
