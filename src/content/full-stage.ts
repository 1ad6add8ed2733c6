import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FullStage } from './first-stage.ts';
import { siteUrl } from './site-url.ts';
import { glossary } from '../glossary/glossary.ts';
import { createTermMatcher } from '../match/term-matcher.ts';
import type { ClaimCheck } from '../claims/check-claims.ts';
import { askBackground, tellBackground, type Handlers } from '../messages/channel.ts';
import type { ContentMessages } from '../messages/messages.ts';
import { highlightNameFor, startPageScanner, type PageScanner } from '../page/page-scanner.ts';
import { pageReport } from '../page/page-report.ts';
import { startClaimFlags, type ClaimFlags } from '../page/claim-flags.ts';
import { dismissalKey, dismissClaim, loadDismissedClaims, watchDismissedClaims } from '../settings/dismissed-claims.ts';
import { hostnameOf } from '../settings/site-patterns.ts';
import { isEnabledFor, type Settings } from '../settings/settings.ts';
import { loadSettings, watchSettings } from '../settings/settings-store.ts';
import { startHoverCards, type HoverCards } from '../ui/hover-cards.ts';

const isTopFrame = window === window.top;
const claimSubjects = new Set(glossary.claims.flatMap((c) => c.subjects));
const siteHost = () => hostnameOf(siteUrl());
/** The fact-checker's language work runs in the background; a block of text goes there and verdicts come back. */
const checkInBackground = (texts: string[]) => askBackground({ type: 'check-claims', texts });

/**
 * The glossary on a page that may hold a term: collect → find → mark, kept current as the page changes; the
 * claim flags; hover → card. Loaded by the first stage (first-stage.ts) only where its screen found a
 * candidate, so pages without one never pay for it.
 */
export async function startFullStage(ctx: ContentScriptContext): Promise<FullStage> {
  const matcher = createTermMatcher(glossary.terms);
  let scanner: PageScanner | null = null;
  let flags: ClaimFlags | null = null;
  let cards: HoverCards | null = null;
  let applied = '';
  let dismissed = await loadDismissedClaims();
  const isDismissed = (check: ClaimCheck) => dismissed.has(dismissalKey(siteHost(), check.claimId, check.sentence));
  const unwatchDismissed = watchDismissedClaims((keys) => {
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

  /** Starts or stops everything when the settings for this site change; the same path on every change. */
  async function apply(settings: Settings) {
    const enabled = isEnabledFor(settings, siteUrl());
    const wanted = enabled ? `${settings.density}|${settings.underline}` : 'off';
    if (wanted === applied) return;
    applied = wanted;
    cards?.stop();
    flags?.stop();
    scanner?.stop();
    cards = null;
    flags = null;
    scanner = null;
    if (enabled) {
      // collect → find → mark, kept current as the page changes; check claims; then hover → card
      const onUpdate = () => {
        updateBadge();
        void flags?.update();
      };
      scanner = startPageScanner(document, matcher, {
        density: settings.density,
        highlightName: highlightNameFor(settings.underline),
        onUpdate,
      });
      flags = startClaimFlags(scanner, claimSubjects, checkInBackground, isDismissed);
      cards = await startHoverCards(
        ctx,
        scanner,
        flags,
        (mark) => void dismissClaim(dismissalKey(siteHost(), mark.check.claimId, mark.check.sentence)),
      );
    }
    updateBadge();
  }

  // Changes are applied one after another, so a quick on-off-on cannot leave two scanners running.
  let applying = apply(await loadSettings());
  await applying;
  const unwatch = watchSettings((settings) => {
    applying = applying.then(() => apply(settings));
  });

  ctx.onInvalidated(() => {
    unwatch();
    unwatchDismissed();
    cards?.stop();
    flags?.stop();
    scanner?.stop();
  });

  const handlers: Handlers<ContentMessages> = {
    'page-report': () => pageReport(scanner, siteUrl(), flags, cards?.lastOpenMs ?? null),
    'move-to-term': ({ direction, termId }) => cards?.moveToTerm(direction, termId),
    // Answers true once the card is open, so the background knows not to fall back to a tab.
    'show-term': ({ termId }) => cards?.showAtSelection(termId).then(() => true),
    'show-claim': ({ index }) => (cards ? Promise.resolve(cards.showClaim(index)) : undefined),
  };
  return { handlers };
}
