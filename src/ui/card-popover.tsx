import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { termById } from '../glossary/index.ts';
import cardCss from './card.css?inline';
import { pageTheme } from './page-theme.ts';
import { TermCard } from './TermCard.tsx';
import { ClaimCard } from './ClaimCard.tsx';
import type { ClaimCheck } from '../claims/index.ts';

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

export interface CardPopover {
  show(content: PopoverContent, anchor: PopoverAnchor, options?: { focus?: boolean }): Promise<void>;
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

const popoverCss = `
${cardCss}
:host { position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important; }
.popover { position: fixed; top: 0; left: 0; }
`;

/**
 * The card on a page: Preact inside a shadow root (no page style gets in, none of ours gets out), positioned
 * next to the term with Floating UI (flips and shifts at the viewport's edges, follows scrolling, never
 * covers the term). A non-modal dialog named after the term. The host element exists only while a card is
 * open: a page without an open card has no trace of the extension in its DOM.
 */
export async function createCardPopover(ctx: ContentScriptContext): Promise<CardPopover> {
  let pinned = false;
  let content: PopoverContent | null = null;
  let anchor: PopoverAnchor | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let returnFocusTo: Element | null = null;
  let mounted = false;
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
    async show(newContent, newAnchor, options = {}) {
      if (newContent.kind === 'term' && !termById(newContent.termId)) return;
      const started = performance.now();
      // The frame that paints the card runs its animation callbacks first, then paints; the task after it sees
      // the card on screen.
      requestAnimationFrame(() => setTimeout(() => (lastOpenMs = performance.now() - started), 0));
      if (options.focus && !mounted) returnFocusTo = document.activeElement;
      content = newContent;
      anchor = newAnchor;
      if (!mounted) {
        ui.mount();
        mounted = true;
      }
      draw();
      const floating = container.querySelector<HTMLElement>('.popover')!;
      stopAutoUpdate?.();
      const reference = { getBoundingClientRect: () => anchor!.getBoundingClientRect(), getClientRects: () => anchor!.getClientRects(), contextElement: anchor.contextElement };
      stopAutoUpdate = autoUpdate(reference, floating, () => {
        void computePosition(reference, floating, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            inline(),
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            // Never taller than the room left on the chosen side: the card scrolls instead of running off-screen.
            size({ padding: 8, apply: ({ availableHeight }) => floating.style.setProperty('--lg-max-height', `${Math.max(160, availableHeight)}px`) }),
          ],
        }).then(({ x, y }) => {
          floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        });
      });
      if (options.focus) floating.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    },
    hide() {
      if (!mounted) return;
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      render(null, container);
      ui.remove();
      mounted = false;
      pinned = false;
      anchor = null;
      const focusBack = returnFocusTo as HTMLElement | null;
      returnFocusTo = null;
      focusBack?.focus?.();
      popover.onClose?.();
    },
    contains: (event) => mounted && event.composedPath().includes(ui.shadowHost),
  };

  function setPinned(value: boolean) {
    pinned = value;
    popover.onPinChange?.(value);
    draw();
  }

  function draw() {
    if (!content || !anchor) return;
    const term = content.kind === 'term' ? termById(content.termId) : undefined;
    if (content.kind === 'term' && !term) return;
    const controls = (
      <div class="card-controls">
        <button type="button" aria-pressed={pinned} aria-label={pinned ? 'Unpin this card' : 'Pin this card open (P)'} title={pinned ? 'Unpin (P)' : 'Pin open (P)'} onClick={() => setPinned(!pinned)}>
          <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true"><path fill="currentColor" d="M9.8 1.3a1 1 0 0 1 1.4 0l3.5 3.5a1 1 0 0 1 0 1.4l-.7.7a1 1 0 0 1-1.1.2l-2.2 2.2.3 2.6a1 1 0 0 1-.3.8l-.6.6a1 1 0 0 1-1.4 0L6.3 10.9 2.6 14.6l-1.2-1.2 3.7-3.7-2.4-2.4a1 1 0 0 1 0-1.4l.6-.6a1 1 0 0 1 .8-.3l2.6.3 2.2-2.2a1 1 0 0 1 .2-1.1z" /></svg>
        </button>
        <button type="button" aria-label="Close (Esc)" title="Close (Esc)" onClick={() => popover.hide()}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M3.5 3.5l9 9m0-9l-9 9" /></svg>
        </button>
      </div>
    );
    const label = term ? `${term.label}: definition and sources` : 'Fact check: this sentence compared with the article';
    const card = term ? (
      <TermCard term={term} controls={controls} onOpenTerm={(id) => void popover.show({ kind: 'term', termId: id }, anchor!)} />
    ) : (
      content.kind === 'claim' && <ClaimCard check={content.check} controls={controls} onDismiss={content.onDismiss} />
    );
    render(
      <div class="popover theme" data-theme={pageTheme(anchor.contextElement)}>
        <div role="dialog" aria-modal="false" aria-label={label} tabIndex={-1}>
          {card}
        </div>
      </div>,
      container,
    );
  }

  return popover;
}
