import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fullStageKey, type StartFullStage } from '../src/content/full-stage-key.ts';
import { startFullStage } from '../src/content/full-stage.ts';

// Imported by the content script's first stage where the page may hold a term: it registers, the first stage starts it.
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, StartFullStage>)[fullStageKey] = (settings) =>
    // WXT's context: its timers and listeners stop when the extension is updated or removed; its "started"
    // signal stays off the page's window (`noScriptStartedPostMessage`).
    startFullStage(
      new ContentScriptContext('content', { matches: ['<all_urls>'], noScriptStartedPostMessage: true }),
      settings,
    );
});
