import { browser } from 'wxt/browser';
import { contentScriptFiles } from '../content/content-script-files.ts';
import { loadSettings } from '../settings/settings-store.ts';
import { isEnabledFor, type Settings } from '../settings/settings.ts';
import { contentScriptPages } from '../settings/site-match-patterns.ts';

/**
 * Chrome's content script, registered by the background (its manifest declares none) so that the browser
 * leaves it out of the sites the user switched off and, while the glossary is paused, out of every page: a
 * page there runs none of the extension's code, where a declared script would start on it to read the
 * settings. The registration persists across browser restarts and extension updates; it is brought in line
 * with the settings whenever the background starts and whenever they change.
 */
const scriptId = 'first-stage';
const scripting = () => browser.scripting;

/** Whether this build registers its content script (Chrome) rather than declaring it (Firefox). */
export const registersContentScript = () =>
  browser.runtime.getManifest().content_scripts === undefined && scripting() !== undefined;

let queue: Promise<void> = Promise.resolve();

/**
 * Registers, updates or removes the content script to fit the stored settings, read when its turn comes:
 * calls run one after another, and each applies the settings in force then, not those of its call.
 */
export function fitContentScript(): Promise<void> {
  queue = queue
    .then(async () => fit(await loadSettings()))
    .catch((error: unknown) => console.error('Lactation Glossary:', error));
  return queue;
}

/** The script as registered, on the pages `matches` names but those `excludeMatches` names. */
const scriptOn = ({ matches, excludeMatches }: { matches: string[]; excludeMatches: string[] }) => ({
  id: scriptId,
  js: [...contentScriptFiles.js],
  css: [...contentScriptFiles.css],
  matches,
  excludeMatches,
  allFrames: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle' as const,
  // Said each time: an update that leaves it out makes the script last only until the browser closes.
  persistAcrossSessions: true,
});
type Script = ReturnType<typeof scriptOn>;

async function fit(settings: Settings): Promise<void> {
  const wanted = contentScriptPages(settings);
  const registered = (await scripting().getRegisteredContentScripts({ ids: [scriptId] }))[0];
  if (!wanted) {
    if (registered) await scripting().unregisterContentScripts({ ids: [scriptId] });
    return;
  }
  const script = scriptOn(wanted);
  // (An earlier version's registration, with other files or options, is brought up to date too.)
  if (registered && sameScript(registered as Partial<Script>, script)) return;
  // Async, so that an argument the browser refuses as it is called (its schema check throws) rejects too.
  const register = async (chosen: Script) =>
    registered ? scripting().updateContentScripts([chosen]) : scripting().registerContentScripts([chosen]);
  // A pattern the browser refuses would leave the script registered nowhere; registered everywhere instead,
  // it leaves the sites switched off alone by its own reading of the settings.
  await register(script).catch(async (error: unknown) => {
    console.warn('Lactation Glossary: the content script is registered on every site:', error);
    await register(scriptOn({ matches: ['<all_urls>'], excludeMatches: [] }));
  });
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((item, i) => item === b[i]);
const sameScript = (registered: Partial<Script>, wanted: Script) =>
  (['js', 'css', 'matches', 'excludeMatches'] as const).every((key) => sameList(registered[key], wanted[key])) &&
  (['allFrames', 'matchOriginAsFallback', 'runAt', 'persistAcrossSessions'] as const).every(
    (key) => registered[key] === wanted[key],
  );

/**
 * Starts the content script in the open tabs that `settings` switch on and `previous` had switched off: the
 * browser runs a registered script only in pages loaded after it is registered, and a user who switches a
 * site back on from the popup or the shortcut expects the page in front of them to be underlined. Frames
 * where it runs already (loaded while the site was on) are left as they are, styles included.
 */
export async function startInTabsSwitchedOn(settings: Settings, previous: Settings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      if (id === undefined || !url || !isEnabledFor(settings, url) || isEnabledFor(previous, url)) return;
      // Pages extensions may not run on (browser pages, the web store) refuse: nothing to do there.
      const frames = await scripting()
        .executeScript({ target: { tabId: id, allFrames: true }, func: firstStageRuns })
        .catch(() => []);
      const frameIds = frames.filter((frame) => frame.result !== true).map((frame) => frame.frameId);
      if (frameIds.length === 0) return;
      const target = { tabId: id, frameIds };
      await scripting()
        .insertCSS({ target, files: [...contentScriptFiles.css] })
        .then(() =>
          scripting().executeScript({ target, files: contentScriptFiles.js.map((file) => `/${file}` as const) }),
        )
        .catch(() => undefined);
    }),
  );
}

/** Run in a frame's content-script world (sent as source): whether the first stage runs there. */
function firstStageRuns(): boolean {
  const note = (globalThis as Record<symbol, { running(): boolean } | undefined>)[
    Symbol.for('lactation-glossary/first-stage')
  ];
  return note?.running() === true;
}
