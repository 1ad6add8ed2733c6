import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FullStage } from './first-stage.ts';
import { followSettings } from './follow-settings.ts';
import { readAndWatch } from './read-and-watch.ts';
import { siteUrl } from './site-url.ts';
import { finder } from '../glossary/finder.ts';
import { createTermMatcher } from '../match/term-matcher.ts';
import type { ClaimCheck } from '../claims/check-claims.ts';
import type { Handlers } from '../messages/answer.ts';
import { askBackground, tellBackground } from '../messages/channel.ts';
import type { ContentMessages } from '../messages/messages.ts';
import { highlightNameFor, startPageScanner, type PageScanner } from '../page/page-scanner.ts';
import { onAbort } from '../page/on-abort.ts';
import { pageReport } from '../page/page-report.ts';
import { startClaimFlags, type ClaimFlags } from '../page/claim-flags.ts';
import { dismissalKey, dismissClaim, loadDismissedClaims, watchDismissedClaims } from '../settings/dismissed-claims.ts';
import { hostnameOf } from '../settings/site-patterns.ts';
import { isEnabledFor, type Settings } from '../settings/settings.ts';
import { loadSettings, watchSettings } from '../settings/settings-store.ts';
import { startHoverCards, type HoverCards } from '../ui/hover-cards.ts';
import { loadStage } from './stage-files.ts';
import { cardStageKey } from './full-stage-key.ts';
import type { LoadCardPopover } from '../ui/card-popover.tsx';

const isTopFrame = window === window.top;
const claimSubjects = new Set(finder.claimSubjects);
const siteHost = () => hostnameOf(siteUrl());
/**
 * The card's own file (Preact, Floating UI, the cards: about 126 kB), a web-accessible file like the full stage,
 * imported once (a second import of the same address is the same module), then asked for a popover.
 */
const loadCardPopover: LoadCardPopover = async (ctx) =>
  (await loadStage<LoadCardPopover>('/card-stage.js', cardStageKey, 'the card stage'))(ctx);

/** The fact-checker's language work runs in the background; a block of text goes there and verdicts come back. */
const checkInBackground = (texts: string[]) => askBackground({ type: 'check-claims', texts });

/**
 * The glossary on a page that may hold a term: collect → find → mark, kept current as the page changes; the
 * claim flags; hover → card. Loaded by the first stage (first-stage.ts) only where its screen found a
 * candidate, so pages without one never pay for it.
 */
export async function startFullStage(ctx: ContentScriptContext, settings: Settings): Promise<FullStage> {
  const matcher = createTermMatcher(finder.terms);
  let scanner: PageScanner | null = null;
  let flags: ClaimFlags | null = null;
  let cards: HoverCards | null = null;
  // The scan waits on no read of the browser's storage (each a round trip to it): the flags take the
  // dismissals when they come, before the background's first verdicts as a rule, and apply them in any case.
  let dismissed = new Set<string>();
  const isDismissed = (check: ClaimCheck) => dismissed.has(dismissalKey(siteHost(), check.claimId, check.sentence));
  const unwatchDismissed = readAndWatch(loadDismissedClaims, watchDismissedClaims, (keys) => {
    dismissed = keys;
    flags?.applyDismissals(isDismissed);
  });

  const updateBadge = () => {
    if (isTopFrame)
      tellBackground({
        type: 'page-terms',
        distinctTerms: scanner?.marks.counts().size ?? 0,
        enabled: scanner !== null,
      });
  };

  /**
   * One run for the settings in force: collect → find → mark, kept current as the page changes; check claims;
   * then hover → card. Everything it starts stops when `signal` aborts (the settings changed, or the script's
   * context ended); a site switched off is a run that starts nothing.
   */
  async function run(settings: Settings, signal: AbortSignal) {
    onAbort(signal, () => {
      scanner = null;
      flags = null;
      cards = null;
    });
    if (isEnabledFor(settings, siteUrl())) {
      const onUpdate = () => {
        updateBadge();
        void flags?.update();
      };
      const runScanner = startPageScanner(document, matcher, {
        density: settings.density,
        highlightName: highlightNameFor(settings.underline),
        onUpdate,
        signal,
        screened: true,
      });
      const runFlags = startClaimFlags(runScanner, claimSubjects, checkInBackground, isDismissed, signal);
      scanner = runScanner;
      flags = runFlags;
      cards = startHoverCards(
        ctx,
        runScanner,
        runFlags,
        (mark) => void dismissClaim(dismissalKey(siteHost(), mark.check.claimId, mark.check.sentence)),
        signal,
        loadCardPopover,
      );
    }
    updateBadge();
  }

  await followSettings({
    initial: settings,
    // Read once more, off the scan's path, for a change made before the watch began (the first stage read
    // them while this file loaded).
    watch: (callback) => readAndWatch(loadSettings, watchSettings, callback),
    modeOf: (settings) => (isEnabledFor(settings, siteUrl()) ? `${settings.density}|${settings.underline}` : 'off'),
    run,
    lifetime: ctx.signal,
  });
  ctx.onInvalidated(unwatchDismissed);

  const handlers: Handlers<ContentMessages> = {
    'page-report': () => pageReport(scanner, siteUrl(), flags, cards?.lastOpenMs ?? null),
    'move-to-term': ({ direction, termId }) => cards?.moveToTerm(direction, termId),
    // Answers true once the card is open, so the background knows not to fall back to a tab.
    'show-term': ({ termId }) => cards?.showAtSelection(termId),
    'show-claim': ({ index }) => (cards ? Promise.resolve(cards.showClaim(index)) : undefined),
  };
  return { handlers };
}
