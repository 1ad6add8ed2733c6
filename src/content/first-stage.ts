import { extensionApi } from './extension-api.ts';
import screenCandidates from '../glossary/generated/screen-words.json';
// As text, parsed when the first candidate word is met: a term-free page never builds these objects.
import screenPatterns from '../glossary/generated/screen-patterns.json?raw';
import {
  createFirstStageScreen,
  type FirstStageScreen,
  type ScreenCandidates,
  type ScreenPatterns,
} from '../match/quick-screen.ts';
import { answerWith, type Handlers } from '../messages/answer.ts';
import { parseContentRequest, type ContentMessages } from '../messages/messages.ts';
import { mayHoldTermOnceJoined, mayHoldTermWithNeighbours } from '../page/block-surroundings.ts';
import { onAbort } from '../page/on-abort.ts';
import { emptyReport, type PageReport } from '../page/page-report.ts';
import { mayHoldTerms, screenedForChange, TermScreen } from '../page/term-screen.ts';
import { isEnabledFor, type Settings } from '../settings/settings.ts';
import { siteUrl } from './site-url.ts';
import { readSettings, watchStoredSettings } from './stored-settings.ts';

/** What the full stage (the finder, marks, cards and claim flags) offers once loaded. */
export interface FullStage {
  /** Its answers to the popup and the background. */
  handlers: Handlers<ContentMessages>;
}

/** Loads and starts the full stage, with the settings the first stage read (it need not read them again). */
export type LoadFullStage = (settings: Settings) => Promise<FullStage>;

export interface FirstStageOptions {
  /**
   * Whether the top frame listens for the popup's and the background's messages from the start (Firefox), or
   * only once a candidate is found (Chrome, whose popup reads a term-free page's report through the scripting
   * API instead: src/messages/tab-report.ts). Adding the listener is the dearest thing a term-free page's
   * first stage does: it sets up the extension API's bindings in the frame (about 2 ms a page load).
   */
  listenBeforeCandidate?: boolean;
  /**
   * Fetches and compiles the full stage without starting it, while the settings are read, so the first
   * underline waits for the two at once rather than one after the other. Given only where the background's
   * registration leaves switched-off sites out (Chrome): there a candidate found means the site is on, as a rule.
   */
  prefetchFullStage?: () => Promise<unknown>;
  /** Stops it (tests). */
  signal?: AbortSignal;
}

/** What a running first stage offers its frame's other extension code. */
export interface FirstStage {
  /** The page as the first stage sees it (the full stage's report once that is loaded). */
  report(): Promise<PageReport>;
}

/** How long one screening task may run before it yields to the page (ms). */
const stepBudget = 6;
/**
 * Asked only when a listener is to be added, not at start: in a frame, the first read of `window.top` from the
 * content script's world sets up the top window's proxy there, about 18 kB of the page's heap per frame in
 * Chrome. (Firefox's first stage adds its listener at start, so it reads it there.)
 */
const isTopFrame = () => window === window.top;

/**
 * The content script's first stage, on every page and frame: a quick screen of the page's text with patterns
 * prepared at build time. A page without a candidate term keeps just this and a mutation observer that
 * screens text added later, and calls no extension API but, in Firefox's top frames, the listener that answers
 * the popup: the site's settings are read only once there is something to underline (a site switched off then
 * stops here), and the toolbar badge, which the browser clears on every navigation, has nothing to show.
 * Where the page may hold a term and the site is on, the full stage loads. If it cannot (a page's policy, an
 * extension update), the page is left alone: one console line, and the popup says the page could not be read.
 *
 * It stops when `signal` aborts, or once the extension is updated or removed (its API is then gone: checked
 * when a candidate is found, not per screening task, where the check would cost a frame its API bindings).
 */
export function startFirstStage(
  loadFullStage: LoadFullStage,
  { listenBeforeCandidate = true, prefetchFullStage, signal }: FirstStageOptions = {},
): FirstStage {
  let loading: Promise<FullStage | null> | null = null;
  let failure: string | null = null;
  let observer: MutationObserver | null = null;
  let stopped = false;
  /**
   * Made once something needs it (a candidate found, a stop): an AbortController and its listener would cost
   * every term-free page and frame about half a millisecond.
   */
  let lifetime: AbortController | null = null;
  const lifetimeOf = (): AbortController => {
    if (!lifetime) {
      lifetime = new AbortController();
      onAbort(lifetime.signal, stopEverything);
    }
    return lifetime;
  };
  /**
   * Pending while the page's verdict is being reached (the screen under way, a candidate's settings being
   * read): a report asked meanwhile waits for it, else it would say "no terms" on a page about to show some.
   */
  let verdict: Promise<void> | null = null;
  let reachVerdict = () => {};
  const awaitVerdict = () => {
    verdict ??= new Promise((resolve) => {
      reachVerdict = () => {
        verdict = null;
        resolve();
      };
    });
  };

  const stopWatchingPage = () => {
    stopped = true;
    observer?.disconnect();
    observer = null;
  };
  /** False, having stopped everything, once the extension that ran this script is gone. */
  const extensionPresent = () => {
    if (extensionApi().runtime?.id === undefined) lifetimeOf().abort();
    return !lifetime?.signal.aborted;
  };

  const load = (settings: Settings) =>
    (loading ??= loadFullStage(settings).catch((error: unknown) => {
      failure = error instanceof Error ? error.message : String(error);
      console.info(`Lactation Glossary: this page could not be read (${failure}).`);
      return null;
    }));

  /** A candidate is on the page: the full stage loads now if the site is on, or once the user switches it on. */
  const candidateFound = async () => {
    awaitVerdict();
    try {
      if (stopped || !extensionPresent()) return;
      stopWatchingPage();
      listen();
      // A failure shows when the full stage is loaded to start it, and is told there.
      void prefetchFullStage?.().catch(() => undefined);
      const settings = await readSettings();
      if (isEnabledFor(settings, siteUrl())) return void load(settings);
      const unwatch = watchStoredSettings((settings) => {
        if (!isEnabledFor(settings, siteUrl())) return;
        unwatch();
        void load(settings);
      });
      onAbort(lifetimeOf().signal, unwatch);
    } finally {
      reachVerdict();
    }
  };

  /** Screens the page a few milliseconds at a time, and the text added to it later. */
  const screenPage = (screen: FirstStageScreen) => {
    const root = document.body ?? document.documentElement;
    const watch = (node: Node) => observer?.observe(node, { childList: true, subtree: true, characterData: true });
    observer = new MutationObserver((records) => {
      const deadline = performance.now() + stepBudget;
      const changed = new Set<Node>();
      for (const record of records) {
        if (record.type === 'characterData') changed.add(screenedForChange(record.target));
        else for (const node of record.addedNodes) changed.add(screenedForChange(node));
        // Nodes removed from between two paragraphs make them neighbours, and one may explain the other's acronym.
        if (record.removedNodes.length > 0 && mayHoldTermOnceJoined(record.previousSibling, record.nextSibling, screen))
          return void candidateFound();
      }
      for (const node of changed)
        if (mayHoldTerms(node, screen, deadline, watch) || mayHoldTermWithNeighbours(node, screen))
          return void candidateFound();
    });
    watch(root);
    const pageScreen = new TermScreen(root, screen, watch);
    const step = () => {
      if (stopped) return reachVerdict();
      const deadline = performance.now() + stepBudget;
      while (performance.now() < deadline) {
        if (pageScreen.step()) continue;
        if (pageScreen.mayHoldTerms) void candidateFound();
        else reachVerdict();
        return;
      }
      setTimeout(step, 0);
    };
    awaitVerdict();
    step();
  };

  /** The page as the first stage sees it (no term, or not read), for the popup. */
  const report = async (): Promise<PageReport> =>
    emptyReport(siteUrl(), isEnabledFor(await readSettings(), siteUrl()), failure);

  // Until the full stage is loaded (or when it could not be), the first stage answers what it knows.
  const ownHandlers: Handlers<ContentMessages> = { 'page-report': report };
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = parseContentRequest(message);
    if (!request) return undefined;
    if (!loading && verdict) return verdict.then(() => onMessage(message));
    if (loading) return loading.then((stage) => answerWith(stage?.handlers ?? ownHandlers, request));
    return answerWith(ownHandlers, request);
  };
  // The popup and the background ask the top frame only (askContent: frame 0); a frame has nothing to answer,
  // and a listener costs each frame about a millisecond to set up.
  let listening = false;
  const listen = () => {
    if (listening || !isTopFrame()) return;
    listening = true;
    extensionApi().runtime.onMessage.addListener(onMessage);
  };
  if (listenBeforeCandidate) listen();
  function stopEverything() {
    reachVerdict();
    // A script the extension left behind has no API to call (Chrome throws): its listener went with it.
    if (listening && extensionApi().runtime?.id) extensionApi().runtime.onMessage.removeListener(onMessage);
    stopWatchingPage();
  }
  if (signal) onAbort(signal, () => lifetimeOf().abort());

  screenPage(
    createFirstStageScreen(screenCandidates as ScreenCandidates, () => JSON.parse(screenPatterns) as ScreenPatterns),
  );
  return { report: async () => (await onMessage({ type: 'page-report' })) as PageReport };
}
