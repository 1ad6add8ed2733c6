import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { termById } from '../glossary/glossary.ts';
import cardCss from './card.css?inline';
import { keepBesideTerm } from './beside-term.ts';
import { followVisualViewport, layoutSheet } from './bottom-sheet.ts';
import { onCloseRequest } from './close-requests.ts';
import { pageTheme } from './page-theme.ts';
import { TermCard } from './TermCard.tsx';
import { ClaimCard } from './ClaimCard.tsx';
import type { ClaimCheck } from '../claims/check-claims.ts';

/** Tag name of the popover's host element (the collector skips it by its prefix). */
const popoverHostName = 'lactation-glossary-popover';

export interface PopoverAnchor {
  /** Where the term is on screen now (it moves with scrolling). */
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRect[];
  /** The element holding the term: for the theme and for Floating UI's scroll tracking. */
  contextElement: Element;
}

/** What a card shows: a term, or a sentence the fact-checker compared with the article. */
export type PopoverContent = { kind: 'term'; termId: string } | { kind: 'claim'; check: ClaimCheck; onDismiss(): void };

export interface ShowOptions {
  /**
   * Move focus into the card (and back where it was when the card closes); 'quiet' when a finger opened it:
   * no focus ring around a card that was tapped open.
   */
  focus?: boolean | 'quiet';
  /**
   * Show it as a sheet across the phone's screen instead of beside the term. `near` is where the finger was:
   * the line of the term (or of a flagged sentence) that the sheet keeps in view.
   */
  sheet?: { near: { x: number; y: number } | null };
  /** Close on the platform's close request (Android's back gesture, Esc) while it is open. */
  closeRequests?: boolean;
}

/** A card to make ready before it is shown. */
export interface PreparedCard {
  content: PopoverContent;
  anchor: PopoverAnchor;
}

export interface CardPopover {
  /**
   * Draws and places a hover's card out of sight while its dwell runs, so that showing it (the same content and
   * anchor objects) only reveals it: the card paints in the frame after the dwell ends. Does nothing while a card
   * is shown; null drops a card made ready and never shown.
   */
  prepare(card: PreparedCard | null): void;
  show(content: PopoverContent, anchor: PopoverAnchor, options?: ShowOptions): Promise<void>;
  hide(): void;
  /** True when the event happened inside the card. */
  contains(event: Event): boolean;
  readonly pinned: boolean;
  /** How long the last card took from show() to its first painted frame, ms (for the benchmark). */
  readonly lastOpenMs: number | null;
  setPinned(pinned: boolean): void;
  onPinChange?: (pinned: boolean) => void;
  onClose?: () => void;
}

/** Makes the card's popover: what the card stage offers (entrypoints/card-stage.ts), loaded when first asked. */
export type LoadCardPopover = (ctx: ContentScriptContext) => Promise<CardPopover>;

/**
 * On the card's container while the card is made ready and not shown: `inert` takes it out of the
 * accessibility tree, focus and the pointer's way, and the card is transparent there, laid out and placed.
 * Revealing it then changes only the opacity of a layer of its own: no layout, and less paint than `visibility`
 * (2–3 ms against 5.5 ms in that frame on the bench's 1 MB thread). Inside the shadow root, where no page script
 * sets or reads it.
 */
const readyAttribute = 'inert';

const popoverCss = `
${cardCss}
:host { position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important; }
.popover { position: fixed; top: 0; left: 0; will-change: opacity; }
[${readyAttribute}] > .popover { opacity: 0; }
`;

/**
 * The card on a page: Preact inside a shadow root (no page style gets in, none of ours gets out), positioned
 * next to the term with Floating UI (flips and shifts at the viewport's edges, follows scrolling, never
 * covers the term). A non-modal dialog named after the term. The host element exists only while a card is
 * open or about to open (made ready, hidden, while the pointer rests on a term): otherwise the page has no
 * trace of the extension in its DOM.
 */
export async function createCardPopover(ctx: ContentScriptContext): Promise<CardPopover> {
  let pinned = false;
  let content: PopoverContent | null = null;
  let anchor: PopoverAnchor | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let stopCloseRequests: (() => void) | null = null;
  /** Set while the card is a sheet: which of the anchor's line boxes to keep in view. */
  let sheet: { line: number; near: { x: number; y: number } | null } | null = null;
  let returnFocusTo: Element | null = null;
  /** The host is in the page: a card shown, or one made ready out of sight. */
  let mounted = false;
  let shown = false;
  let prepared: PreparedCard | null = null;
  let lastOpenMs: number | null = null;

  const ui = await createShadowRootUi(ctx, {
    name: popoverHostName,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: popoverCss,
    onMount: () => undefined,
    onRemove: () => undefined,
  });
  const container = ui.uiContainer;

  const popover: CardPopover = {
    get pinned() {
      return pinned;
    },
    get lastOpenMs() {
      return lastOpenMs;
    },
    setPinned,
    prepare(card) {
      if (shown) return;
      if (!card || (card.content.kind === 'term' && !termById(card.content.termId))) return unmount();
      prepared = card;
      container.setAttribute(readyAttribute, '');
      mountAndDraw(card.content, card.anchor, undefined);
    },
    async show(newContent, newAnchor, options = {}) {
      if (newContent.kind === 'term' && !termById(newContent.termId)) return;
      const started = performance.now();
      // The frame that paints the card runs its animation callbacks first, then paints; the task after it sees
      // the card on screen.
      requestAnimationFrame(() => setTimeout(() => (lastOpenMs = performance.now() - started), 0));
      if (options.focus && !shown) returnFocusTo = document.activeElement;
      const ready =
        prepared?.content === newContent &&
        prepared.anchor === newAnchor &&
        !options.sheet &&
        ui.shadowHost.isConnected;
      prepared = null;
      if (!ready) mountAndDraw(newContent, newAnchor, options.sheet);
      shown = true;
      container.removeAttribute(readyAttribute);
      if (options.closeRequests && !stopCloseRequests) stopCloseRequests = onCloseRequest(window, () => popover.hide());
      const dialog = container.querySelector<HTMLElement>('[role="dialog"]');
      // (focusVisible: Firefox 104+; elsewhere ignored.)
      if (sheet && options.focus)
        dialog?.focus({ preventScroll: true, focusVisible: options.focus !== 'quiet' } as FocusOptions);
      else if (options.focus === 'quiet') dialog?.focus({ focusVisible: false } as FocusOptions);
      else if (options.focus) dialog?.focus();
    },
    hide() {
      if (!shown) return unmount();
      shown = false;
      unmount();
      pinned = false;
      const focusBack = returnFocusTo as HTMLElement | null;
      returnFocusTo = null;
      focusBack?.focus?.();
      popover.onClose?.();
    },
    contains: (event) => shown && event.composedPath().includes(ui.shadowHost),
  };

  /** Puts the host in the page (if it is not), draws the card and places it: beside the term, or as a sheet. */
  function mountAndDraw(newContent: PopoverContent, newAnchor: PopoverAnchor, asSheet: ShowOptions['sheet']) {
    content = newContent;
    anchor = newAnchor;
    // (Again if the page took the host out meanwhile, as a page that rebuilds its root's children does.)
    if (!mounted || !ui.shadowHost.isConnected) {
      ui.mount();
      mounted = true;
    }
    sheet = asSheet ? { line: lineNear(newAnchor, asSheet.near), near: asSheet.near } : null;
    draw();
    const floating = container.querySelector<HTMLElement>('.popover')!;
    stopAutoUpdate?.();
    if (sheet) {
      const { line } = sheet;
      const avoid = () => anchor?.getClientRects()[line] ?? anchor?.getBoundingClientRect() ?? null;
      floating.style.transform = '';
      layoutSheet(floating, avoid, true);
      stopAutoUpdate = followVisualViewport(window, () => layoutSheet(floating, avoid, false));
      return;
    }
    floating.style.width = '';
    delete floating.dataset.side;
    const reference = {
      getBoundingClientRect: () => anchor!.getBoundingClientRect(),
      getClientRects: () => anchor!.getClientRects(),
      contextElement: newAnchor.contextElement,
    };
    stopAutoUpdate = keepBesideTerm(reference, floating, { wrapsLines: true });
  }

  /** Takes the host out of the page, with everything that followed the card. */
  function unmount() {
    prepared = null;
    if (!mounted) return;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    stopCloseRequests?.();
    stopCloseRequests = null;
    sheet = null;
    render(null, container);
    ui.remove();
    mounted = false;
    anchor = null;
  }

  function setPinned(value: boolean) {
    pinned = value;
    popover.onPinChange?.(value);
    draw();
  }

  /** A related term opens in place: a sheet if this card is one, kept clear of the same line. */
  function keepMode(): ShowOptions {
    return sheet ? { sheet: { near: sheet.near }, closeRequests: true } : {};
  }

  function draw() {
    if (!content || !anchor) return;
    const term = content.kind === 'term' ? termById(content.termId) : undefined;
    if (content.kind === 'term' && !term) return;
    // A sheet stays until it is closed: no pin.
    const controls = (
      <div class="card-controls">
        {!sheet && (
          <button
            type="button"
            aria-pressed={pinned}
            aria-label={pinned ? 'Unpin this card' : 'Pin this card open (P)'}
            title={pinned ? 'Unpin (P)' : 'Pin open (P)'}
            onClick={() => setPinned(!pinned)}
          >
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
              <path
                fill="currentColor"
                d="M9.8 1.3a1 1 0 0 1 1.4 0l3.5 3.5a1 1 0 0 1 0 1.4l-.7.7a1 1 0 0 1-1.1.2l-2.2 2.2.3 2.6a1 1 0 0 1-.3.8l-.6.6a1 1 0 0 1-1.4 0L6.3 10.9 2.6 14.6l-1.2-1.2 3.7-3.7-2.4-2.4a1 1 0 0 1 0-1.4l.6-.6a1 1 0 0 1 .8-.3l2.6.3 2.2-2.2a1 1 0 0 1 .2-1.1z"
              />
            </svg>
          </button>
        )}
        <button type="button" aria-label="Close (Esc)" title="Close (Esc)" onClick={() => popover.hide()}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M3.5 3.5l9 9m0-9l-9 9" />
          </svg>
        </button>
      </div>
    );
    const label = term
      ? `${term.label}: definition and sources`
      : 'Fact check: this sentence compared with the article';
    const card = term ? (
      <TermCard
        term={term}
        controls={controls}
        onOpenTerm={(id) => void popover.show({ kind: 'term', termId: id }, anchor!, keepMode())}
      />
    ) : (
      content.kind === 'claim' && <ClaimCard check={content.check} controls={controls} onDismiss={content.onDismiss} />
    );
    render(
      <div class={sheet ? 'popover theme sheet' : 'popover theme'} data-theme={pageTheme(anchor.contextElement)}>
        <div role="dialog" aria-modal="false" aria-label={label} tabIndex={-1}>
          {card}
        </div>
      </div>,
      container,
    );
  }

  return popover;
}

/** Which of the anchor's line boxes holds `point` (the tapped line of a term that wraps, or of a sentence). */
function lineNear(anchor: PopoverAnchor, point: { x: number; y: number } | null): number {
  if (!point) return -1;
  return anchor.getClientRects().findIndex((r) => point.y >= r.top - 1 && point.y <= r.bottom + 1);
}
