import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { glossary } from '../src/glossary/glossary.ts';
import { createTermSearch } from '../src/glossary/term-search.ts';
import { createTermMatcher } from '../src/match/term-matcher.ts';
import { runCommand } from '../src/background/commands.ts';
import { openExtensionPage } from '../src/background/extension-pages.ts';
import { fitContentScript, registersContentScript, startInTabsSwitchedOn } from '../src/background/content-script.ts';
import { checkClaims } from '../src/claims/check-claims.ts';
import { answerWith, type Handlers } from '../src/messages/answer.ts';
import { askContent } from '../src/messages/channel.ts';
import { parseBackgroundRequest, type BackgroundMessages } from '../src/messages/messages.ts';
import { loadSettings, watchSettings } from '../src/settings/settings-store.ts';

const lookUpMenuId = 'look-up-term';
// Firefox MV2 has browserAction; MV3 has action.
const toolbarButton = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The glossary term a selected text names: an exact match first, then the best look-up result. */
function termForSelection(text: string): string | undefined {
  const exact = createTermMatcher(glossary.terms).find(text)[0];
  return exact?.termId ?? createTermSearch().search(text, 1)[0]?.id;
}

export default defineBackground(() => {
  // Keyboard shortcuts.
  browser.commands.onCommand.addListener(async (command) => {
    const tabId = await activeTabId();
    if (tabId !== undefined) await runCommand(command, tabId);
  });
  // Headless browsers never deliver shortcuts; the e2e suite runs a command from here instead. This is the
  // background's own global scope: no page and no other extension can reach it.
  (globalThis as { runCommand?: typeof runCommand }).runCommand = runCommand;

  // "Look up “…” in the glossary" on selected text.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: lookUpMenuId, title: 'Look up “%s” in the glossary', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== lookUpMenuId || !info.selectionText) return;
    const termId = termForSelection(info.selectionText);
    const shown =
      termId !== undefined &&
      tab?.id !== undefined &&
      (await askContent(tab.id, { type: 'show-term', termId })) === true;
    // No term, or a page where the card cannot open: the look-up opens in a tab instead.
    if (!shown)
      await browser.tabs.create({
        url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(info.selectionText.slice(0, 100))}`),
      });
  });

  let claimMatcher: ReturnType<typeof createTermMatcher> | null = null;
  const handlers: Handlers<BackgroundMessages> = {
    // The fact-checker: language work runs here, where no page waits for it.
    'check-claims': ({ texts }) => {
      const matcher = (claimMatcher ??= createTermMatcher(glossary.terms));
      return texts.map((text) => checkClaims(text, glossary, matcher));
    },
    // A card on a web page links to glossary.html or article.html: the tab is opened from here.
    'open-extension-page': (request, sender) => void openExtensionPage(request, sender.tab),
    // The badge: how many distinct terms the page mentions (its top frame says).
    'page-terms': ({ distinctTerms, enabled }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return;
      void loadSettings().then((settings) => {
        const text = settings.badge && enabled && distinctTerms > 0 ? String(distinctTerms) : '';
        void toolbarButton.setBadgeText({ tabId, text });
        void toolbarButton.setBadgeBackgroundColor({ tabId, color: '#2e7d6b' });
      });
    },
  };
  browser.runtime.onMessage.addListener((message, sender) =>
    answerWith(handlers, parseBackgroundRequest(message), sender),
  );
  // Chrome: the content script is registered here, out of the sites switched off (see content-script.ts).
  if (registersContentScript()) void fitContentScript();
  watchSettings((settings, previous) => {
    if (registersContentScript()) void fitContentScript().then(() => startInTabsSwitchedOn(settings, previous));
    // Turning the badge off clears it everywhere at once.
    if (!settings.badge)
      void browser.tabs
        .query({})
        .then((tabs) =>
          tabs.forEach((t) => t.id !== undefined && void toolbarButton.setBadgeText({ tabId: t.id, text: '' })),
        );
  });
});
