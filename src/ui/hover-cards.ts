import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Direction } from '../messages/messages.ts';
import { liveRange, rangeElement } from '../page/range-geometry.ts';
import { termUnderPointer } from '../page/term-under-pointer.ts';
import { type ClaimFlags } from '../page/claim-flags.ts';
import { type ClaimMark } from '../page/claim-marks.ts';
import { type PageScanner } from '../page/page-scanner.ts';
import { type TermMark } from '../page/term-marks.ts';
import { claimUnderPointer } from '../page/claim-under-pointer.ts';
import { isNarrowViewport } from './bottom-sheet.ts';
import { HoverIntent } from './hover-intent.ts';
import type {
  CardPopover,
  LoadCardPopover,
  PopoverAnchor,
  PopoverContent,
  PreparedCard,
  ShowOptions,
} from './card-popover.tsx';
import { listenForTouchTaps } from './touch-taps.ts';
import { onAbort } from '../page/on-abort.ts';

export interface HoverCards {
  /**
   * Keyboard navigation and the popup's "on this page": scrolls to the next or previous underlined term (of
   * `termId` only, when given) and opens its card with focus.
   */
  moveToTerm(direction: Direction, termId?: string): Promise<void>;
  /**
   * Opens a term's card next to the user's selection (the context menu's look-up); false where none could open
   * (the card's code did not load), so the caller can show the term another way.
   */
  showAtSelection(termId: string): Promise<boolean>;
  /** Scrolls to a flagged sentence (by its place in the page report) and opens its card with focus. */
  showClaim(index: number): void;
  /** From show() to the painted card, for the last card opened (ms). */
  readonly lastOpenMs: number | null;
}

type Hovered = TermMark | ClaimMark;
const isClaim = (m: Hovered): m is ClaimMark => 'check' in m;

function anchorFor(mark: Hovered): PopoverAnchor | null {
  const element = rangeElement(mark.range);
  if (!element || !liveRange(mark.range)) return null;
  // A fresh live range each time: the page may have reflowed since.
  const rect = () => liveRange(mark.range)?.getBoundingClientRect() ?? new DOMRect();
  return {
    getBoundingClientRect: rect,
    getClientRects: () => [...(liveRange(mark.range)?.getClientRects() ?? [])],
    contextElement: element,
  };
}

const isEditable = (target: EventTarget | null) =>
  target instanceof Element &&
  target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;

/** How a card came to open: the pointer resting on a term, the keyboard (or popup, or menu), or a finger. */
type OpenedBy = 'hover' | 'keyboard' | 'touch';

/**
 * How the card shows. Hover keeps the card beside the term (it must be reachable by the pointer, WCAG 1.4.13);
 * anything else on a phone-sized screen is a sheet. Keyboard and touch move focus into it; touch also listens
 * for the platform's close request (Android's back gesture).
 */
function showOptions(openedBy: OpenedBy, tapPoint: { x: number; y: number } | null): ShowOptions {
  if (openedBy === 'hover') return {};
  const sheet = isNarrowViewport() ? { near: openedBy === 'touch' ? tapPoint : null } : undefined;
  return {
    focus: openedBy === 'touch' ? 'quiet' : true,
    sheet,
    closeRequests: openedBy === 'touch' || sheet !== undefined,
  };
}

/**
 * Hover → card: a pointer listener throttled to animation frames finds the term under the pointer, the
 * hover intent decides when a card opens or closes, and the popover shows it. Touch: a tap opens it (see
 * touch-taps.ts). Keyboard: Esc closes, P pins, and `moveToTerm` walks the underlined terms. Every listener
 * belongs to `ctx`, so it dies with the script.
 *
 * While the pointer rests on a term, its card is made ready out of sight, so it paints in the frame after the
 * dwell ends. The popover's code loads only once a card may be wanted: the pointer reaching a mark, a finger
 * on the page, a keyboard command or a look-up; a page read with a mouse that never reaches an underline never
 * pays for its evaluation (see the README's "Speed"). The 150 ms dwell usually covers the load. A card asked
 * for before it is in opens once it is, if it is still wanted; if it cannot load, no card opens and one
 * console line says why.
 */
export function startHoverCards(
  ctx: ContentScriptContext,
  scanner: PageScanner,
  claims: ClaimFlags,
  onDismissClaim: (mark: ClaimMark) => void,
  /** Aborted: every listener below goes and an open card closes (a site switched off, an unload alike). */
  signal: AbortSignal,
  loadPopover: LoadCardPopover,
): HoverCards {
  let popover: CardPopover | null = null;
  let loading: Promise<CardPopover | null> | null = null;
  const popoverReady = () =>
    (loading ??= loadPopover(ctx).then(
      (loaded) => {
        popover = loaded;
        loaded.onPinChange = (pinned) => (intent.pinned = pinned);
        loaded.onClose = () => {
          if (openMark) intent.close();
        };
        // The pointer may have rested on a term while the code loaded: that card is made ready now (not if
        // the page took the term's text away meanwhile).
        if (prepared && !openMark && !signal.aborted && liveRange(prepared.mark.range)) loaded.prepare(prepared);
        return loaded;
      },
      (error: unknown) => {
        console.info(
          `Lactation Glossary: its cards could not load (${error instanceof Error ? error.message : error}).`,
        );
        return null;
      },
    ));
  /** Runs `use` on the popover, at once or once it has loaded; false if it could not (no popover, or stopped). */
  const withPopover = async (use: (loaded: CardPopover) => void | Promise<void>): Promise<boolean> => {
    const loaded = popover ?? (await popoverReady());
    if (!loaded || signal.aborted) return false;
    await use(loaded);
    return true;
  };
  let openMark: Hovered | null = null;
  // Set just before intent.openNow(); a card the dwell opens is a hover's.
  let openedBy: OpenedBy = 'hover';
  let tapPoint: { x: number; y: number } | null = null;
  /** The card made ready while the pointer rests on `mark`, shown as it is if the dwell ends there. */
  let prepared: (PreparedCard & { mark: Hovered }) | null = null;
  const cardFor = (mark: Hovered): (PreparedCard & { mark: Hovered }) | null => {
    const anchor = anchorFor(mark);
    if (!anchor) return null;
    const content: PopoverContent = isClaim(mark)
      ? {
          kind: 'claim',
          check: mark.check,
          onDismiss: () => {
            intent.close();
            onDismissClaim(mark);
          },
        }
      : { kind: 'term', termId: mark.termId };
    return { mark, content, anchor };
  };
  const intent = new HoverIntent<Hovered>({
    open(mark) {
      const how = openedBy;
      openedBy = 'hover';
      // The card made ready is shown as it is, unless the page took the term's text away meanwhile.
      const card = prepared?.mark === mark && liveRange(mark.range) ? prepared : cardFor(mark);
      prepared = null;
      if (!card) return popover?.prepare(null); // (a card shown stays)
      openMark = mark;
      const options = showOptions(how, tapPoint);
      // Still the card wanted once the popover is in (it may have had to load).
      void withPopover((loaded) => (openMark === mark ? loaded.show(card.content, card.anchor, options) : undefined));
    },
    close() {
      openMark = null;
      popover?.hide();
    },
    dwelling(mark) {
      // Not while a card is open: its host shows that card until the next one replaces it.
      if (openMark) return;
      prepared = mark ? cardFor(mark) : null;
      // (Before the card's code is in, the card is made ready once it is.)
      popover?.prepare(prepared);
    },
  });
  const isOnCard = (event: Event) => popover?.contains(event) ?? false;

  // Handled once per animation frame, with the latest position. (Whether it is on the card is read now:
  // an event's composed path is empty once its dispatch is over.)
  let pending: { event: PointerEvent; onCard: boolean } | null = null;
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      const first = pending === null;
      pending = { event, onCard: isOnCard(event) };
      if (!first) return;
      ctx.requestAnimationFrame(() => {
        const { event: latest, onCard } = pending!;
        pending = null;
        // A term takes precedence over the flagged sentence around it.
        const mark = onCard
          ? null
          : (termUnderPointer(scanner.marks, latest) ?? claimUnderPointer(claims.marks, latest));
        // The pointer on a mark: the card may be wanted soon, so its code loads now if it has not yet.
        if (mark) void popoverReady();
        intent.pointerMoved(mark, { x: latest.clientX, y: latest.clientY, t: latest.timeStamp }, onCard);
      });
    },
    { passive: true, capture: true, signal },
  );
  ctx.addEventListener(
    document.documentElement,
    'pointerleave',
    (event) => {
      // A finger "leaves" each time it lifts: not a pointer moving off the term.
      if ((event as PointerEvent).pointerType !== 'touch') intent.pointerLeft();
    },
    { passive: true, signal },
  );
  ctx.addEventListener(
    document,
    'pointerdown',
    (event) => {
      // A finger's touch may be the start of a scroll: touch-taps closes the card on a tap outside instead. It
      // may also be the start of a tap on a term: the card's code loads now if it has not yet.
      if (event.pointerType === 'touch' || event.pointerType === 'pen') return void popoverReady();
      if (openMark && !isOnCard(event) && !intent.pinned) intent.close();
    },
    { capture: true, signal },
  );
  listenForTouchTaps<Hovered>(ctx, signal, {
    // A term takes precedence over the flagged sentence around it, as on hover.
    markAt: (point) => termUnderPointer(scanner.marks, point) ?? claimUnderPointer(claims.marks, point),
    elementOf: (mark) => rangeElement(mark.range),
    isOnCard,
    open(mark, at) {
      openedBy = 'touch';
      tapPoint = at;
      intent.openNow(mark, { sticky: true });
    },
    tappedOutside() {
      if (openMark && !intent.pinned) intent.close();
    },
  });
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      // Esc also cancels a card about to open (the pointer resting on a term).
      if (!openMark) return void (event.key === 'Escape' && intent.close());
      if (event.key === 'Escape') {
        intent.close();
      } else if (
        (event.key === 'p' || event.key === 'P') &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isEditable(event.composedPath()[0] ?? null) &&
        popover
      ) {
        popover.setPinned(!popover.pinned);
      }
    },
    { capture: true, signal },
  );

  const cards: HoverCards = {
    get lastOpenMs() {
      return popover?.lastOpenMs ?? null;
    },
    async moveToTerm(direction, termId) {
      const marks = scanner.marks.shownMarks().filter((m) => termId === undefined || m.termId === termId);
      if (marks.length === 0) return;
      let index = openMark && !isClaim(openMark) ? marks.indexOf(openMark) : -1;
      if (index < 0) {
        // From the top of the viewport: the first term at or below it, or the last one above it.
        const firstVisible = marks.findIndex((m) => (liveRange(m.range)?.getBoundingClientRect().bottom ?? -1) >= 0);
        index =
          direction === 'next'
            ? (firstVisible < 0 ? marks.length : firstVisible) - 1
            : firstVisible < 0
              ? marks.length
              : firstVisible;
      }
      const target = marks[(index + (direction === 'next' ? 1 : -1) + marks.length) % marks.length]!;
      rangeElement(target.range)?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      openedBy = 'keyboard';
      intent.openNow(target, { sticky: true });
    },
    showClaim(index) {
      const mark = claims.marks.list()[index];
      if (!mark) return;
      rangeElement(mark.range)?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      openedBy = 'keyboard';
      intent.openNow(mark, { sticky: true });
    },
    async showAtSelection(termId) {
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
      const element = range ? rangeElement(range) : null;
      if (!range || !element) {
        await cards.moveToTerm('next', termId);
        return withPopover(() => undefined); // the card opens through the hover intent, once the popover is in
      }
      intent.close();
      return withPopover((loaded) =>
        loaded.show(
          { kind: 'term', termId },
          {
            getBoundingClientRect: () => range.getBoundingClientRect(),
            getClientRects: () => [...range.getClientRects()],
            contextElement: element,
          },
          showOptions('keyboard', null),
        ),
      );
    },
  };
  onAbort(signal, () => {
    intent.close();
    popover?.hide();
  });
  return cards;
}
