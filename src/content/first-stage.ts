import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// As text, parsed at start: V8 parses JSON faster than it evaluates the same object as code.
import screenSource from '../glossary/generated/screen.json?raw';
import { createQuickScreen, type QuickScreen, type ScreenData } from '../match/quick-screen.ts';
import { answerWith, tellBackground, type Handlers } from '../messages/channel.ts';
import { parseContentRequest, type ContentMessages } from '../messages/messages.ts';
import type { PageReport } from '../page/page-report.ts';
import { mayHoldTerms, TermScreen } from '../page/term-screen.ts';
import { isEnabledFor, type Settings } from '../settings/settings.ts';
import { siteUrl } from './site-url.ts';
import { readSettings, watchStoredSettings } from './stored-settings.ts';

/** What the full stage (the finder, marks, cards and claim flags) offers once loaded. */
export interface FullStage {
  /** Its answers to the popup and the background. */
  handlers: Handlers<ContentMessages>;
}

export type LoadFullStage = () => Promise<FullStage>;

/** How long one screening task may run before it yields to the page (ms). */
const stepBudget = 6;
const isTopFrame = window === window.top;

/**
 * The content script's first stage, on every page and frame: the site's settings, then a quick screen of the
 * page's text with patterns prepared at build time. Only where the screen finds a candidate term does the full
 * stage load; a page without one keeps just this and a mutation observer that screens text added later. If
 * the full stage cannot load (a page's policy, an extension update), the page is left alone: one console
 * line, and the popup says the page could not be read.
 */
export async function startFirstStage(ctx: ContentScriptContext, loadFullStage: LoadFullStage): Promise<void> {
  // Made when first needed: a site switched off never parses it.
  let quickScreen: QuickScreen | null = null;
  let enabled = false;
  let full: FullStage | null = null;
  let loading: Promise<FullStage | null> | null = null;
  let failure: string | null = null;
  let observer: MutationObserver | null = null;
  let screening = 0;

  const stopWatchingPage = () => {
    observer?.disconnect();
    observer = null;
    screening++;
  };

  const load = () => {
    stopWatchingPage();
    loading ??= loadFullStage().then(
      (stage) => (full = stage),
      (error: unknown) => {
        failure = error instanceof Error ? error.message : String(error);
        console.info(`Lactation Glossary: this page could not be read (${failure}).`);
        return null;
      },
    );
    return loading;
  };

  /** Screens the page a few milliseconds at a time; loads the full stage at the first candidate. */
  const screenPage = () => {
    const screen = (quickScreen ??= createQuickScreen(JSON.parse(screenSource) as ScreenData));
    const run = ++screening;
    const root = document.body ?? document.documentElement;
    const watch = (node: Node) => observer?.observe(node, { childList: true, subtree: true, characterData: true });
    observer = new MutationObserver((records) => {
      const deadline = performance.now() + stepBudget;
      for (const record of records) {
        const added = record.type === 'characterData' ? [record.target] : [...record.addedNodes];
        if (added.some((node) => mayHoldTerms(node, screen, deadline, watch))) return void load();
      }
    });
    watch(root);
    const pageScreen = new TermScreen(root, screen, watch);
    const step = () => {
      if (run !== screening) return;
      const deadline = performance.now() + stepBudget;
      while (performance.now() < deadline) {
        if (pageScreen.step()) continue;
        if (pageScreen.mayHoldTerms) void load();
        return;
      }
      ctx.setTimeout(step, 0);
    };
    step();
  };

  const updateBadge = () => {
    if (isTopFrame) tellBackground({ type: 'page-terms', distinctTerms: 0, enabled });
  };

  const apply = (settings: Settings) => {
    if (loading) return; // the full stage follows the settings itself
    enabled = isEnabledFor(settings, siteUrl());
    stopWatchingPage();
    if (enabled) screenPage();
    updateBadge();
  };

  /** The page as the first stage sees it: no term (or not read), for the popup. */
  const report = (): PageReport => ({
    url: siteUrl(),
    enabled,
    terms: [],
    underlined: 0,
    claims: [],
    related: [],
    stats: null,
    cardOpenMs: null,
    unreadable: failure,
  });

  // Until the full stage is loaded (or when it could not be), the first stage answers what it knows.
  const ownHandlers: Handlers<ContentMessages> = { 'page-report': report };
  const onMessage = (message: unknown) => {
    const request = parseContentRequest(message);
    if (!request) return undefined;
    if (loading) return loading.then((stage) => answerWith(stage?.handlers ?? ownHandlers, request));
    return answerWith(ownHandlers, request);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    stopWatchingPage();
  });

  apply(await readSettings());
  const unwatch = watchStoredSettings(apply);
  ctx.onInvalidated(unwatch);
  // Kept for the full stage's own teardown: it registers with the same context.
  void full;
}
