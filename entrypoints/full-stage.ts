import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fullStageKey, type StartFullStage } from '../src/content/full-stage-key.ts';
import { startFullStage } from '../src/content/full-stage.ts';

// Imported by the content script's first stage where the page may hold a term: it registers, the first stage starts it.
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, StartFullStage>)[fullStageKey] = startFullStage;
});
