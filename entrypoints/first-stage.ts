import { registersContentScript } from '../src/content/content-script-files.ts';
import { extensionApi } from '../src/content/extension-api.ts';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstStage, type FullStage } from '../src/content/first-stage.ts';
import { importStageFile, loadStage } from '../src/content/stage-files.ts';
import type { Settings } from '../src/settings/settings.ts';
import {
  firstStageKey,
  fullStageKey,
  type FirstStageNote,
  type StartFullStage,
} from '../src/content/full-stage-key.ts';

// The content script (declared in wxt.config.ts, with highlights.css): an unlisted script rather than WXT's
// content-script entry point, whose context object costs every page and frame about 2 ms before any work
// (and announces itself with a page-visible event). The full stage makes that context when it loads.
export default defineUnlistedScript(() => {
  // Once per frame: Chrome's background also starts it in the tabs of a site switched back on, whose frames
  // may have it already. One left behind by an earlier version of the extension (its API gone) does not count.
  const scope = globalThis as Record<symbol, FirstStageNote | undefined>;
  if (scope[firstStageKey]?.running()) return;

  // The rest of the glossary (finder, marks, cards, claim flags) is a module of its own, loaded on demand.
  // Imported once: a second import of the same address is the same module.
  const importFullStage = () => importStageFile('/full-stage.js');
  const loadFullStage = async (settings: Settings): Promise<FullStage> =>
    (await loadStage<StartFullStage>('/full-stage.js', fullStageKey, 'the full stage'))(settings);
  // Where the background registers it (Chrome), the popup asks a term-free page through the scripting API
  // (src/messages/tab-report.ts), so it listens for messages only once a page may hold a term.
  const registered = registersContentScript(import.meta.env.BROWSER, import.meta.env.MANIFEST_VERSION);
  const stage = startFirstStage(loadFullStage, {
    listenBeforeCandidate: !registered,
    prefetchFullStage: registered ? importFullStage : undefined,
  });
  scope[firstStageKey] = { ...stage, running: () => extensionApi().runtime?.id !== undefined };
});
