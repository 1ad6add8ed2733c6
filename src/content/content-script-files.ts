/**
 * The content script's files, for the manifest (Firefox) and for the background's registration (Chrome):
 * the first stage (entrypoints/first-stage.ts) and the underlines' styles.
 */
export const contentScriptFiles = { js: ['first-stage.js'], css: ['assets/highlights.css'] } as const;
