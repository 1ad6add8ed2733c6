import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { longPressMs, TapTracker, tapSlopPx } from './tap-gesture.ts';

/**
 * Tap to explain, on touch screens (and pens): a tap on an underlined term or a flagged sentence opens its card,
 * a tap anywhere else closes it. A term inside a link (or a button, a summary…) keeps the page's tap: the link
 * is followed; its card comes with a long press instead.
 *
 * Every listener is passive and in the capture phase, and none calls preventDefault or stopPropagation: the
 * page's own handlers, scrolling and text selection see exactly the events they would without the extension.
 * A card opens on the browser's own `click` for the tap, so a touch the browser turned into a scroll, a zoom,
 * a long-press selection or a double-tap zoom, or that the page took for itself (preventDefault on its touch
 * events), opens nothing.
 */

export interface TouchTapHandlers<T> {
  /** The mark (term or flagged sentence) at a point, if any. */
  markAt(point: { clientX: number; clientY: number; target: EventTarget | null }): T | null;
  /** The element holding a mark: to tell whether it sits inside a link. */
  elementOf(mark: T): Element | null;
  /** Whether the event happened inside the open card. */
  isOnCard(event: Event): boolean;
  /** Opens the mark's card; `at` is where the finger was. */
  open(mark: T, at: { x: number; y: number }): void;
  /** A tap landed outside the card and off any mark it opens. */
  tappedOutside(): void;
}

/** Elements whose tap does something of the page's: a term inside one keeps that tap. */
const pageControls =
  'a[href], area[href], button, summary, label, select, input, textarea, [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="switch"], [role="checkbox"], [role="option"], [contenteditable]:not([contenteditable="false"])';

const isTouchLike = (event: PointerEvent) =>
  event.isTrusted && (event.pointerType === 'touch' || event.pointerType === 'pen');

const pathHasControl = (event: Event) =>
  event.composedPath().some((node) => node instanceof Element && node.matches(pageControls));

/** A finger is not a pixel: where nothing is under its centre, look this far above, below and to the sides. */
const fingerReachPx = 8;

/** A `click` later than this after the finger went up is not that tap's (the double-tap wait is about 300 ms). */
const clickWindowMs = 1000;

export function listenForTouchTaps<T>(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  handlers: TouchTapHandlers<T>,
): void {
  const tracker = new TapTracker();
  /** The press in progress: where it started, and what it was on. */
  let press: {
    id: number;
    x: number;
    y: number;
    target: EventTarget | null;
    onCard: boolean;
    onControl: boolean;
    opened: boolean;
  } | null = null;
  let longPressTimer: number | undefined;
  /** A tap on a mark, waiting for the browser's click to confirm it. */
  let pendingTap: { mark: T; x: number; y: number; upAt: number } | null = null;

  const markNear = (x: number, y: number, target: EventTarget | null): T | null => {
    const exact = handlers.markAt({ clientX: x, clientY: y, target });
    if (exact) return exact;
    for (const [dx, dy] of [
      [0, -fingerReachPx],
      [0, fingerReachPx],
      [-fingerReachPx, 0],
      [fingerReachPx, 0],
    ] as const) {
      const element = document.elementFromPoint(x + dx, y + dy);
      const mark = element && handlers.markAt({ clientX: x + dx, clientY: y + dy, target: element });
      if (mark) return mark;
    }
    return null;
  };
  const inControl = (mark: T) => handlers.elementOf(mark)?.closest(pageControls) != null;

  /** A long press on a term inside a link: its card (the page's long-press menu, if any, is left alone). */
  const longPress = () => {
    if (!press || press.opened || press.onCard || !tracker.pressing) return;
    const mark = markNear(press.x, press.y, press.target);
    if (!mark || !(press.onControl || inControl(mark))) return;
    press.opened = true;
    handlers.open(mark, { x: press.x, y: press.y });
  };
  const stopTimer = () => {
    clearTimeout(longPressTimer);
    longPressTimer = undefined;
  };

  const options = { capture: true, passive: true, signal };
  ctx.addEventListener(
    document,
    'pointerdown',
    (event) => {
      if (!isTouchLike(event)) return;
      pendingTap = null;
      tracker.down(event.pointerId, event.clientX, event.clientY, event.timeStamp, event.isPrimary);
      stopTimer();
      if (!event.isPrimary) return;
      press = {
        id: event.pointerId,
        x: event.clientX,
        y: event.clientY,
        target: event.target,
        onCard: handlers.isOnCard(event),
        onControl: pathHasControl(event),
        opened: false,
      };
      longPressTimer = ctx.setTimeout(longPress, longPressMs);
    },
    options,
  );
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (
        isTouchLike(event) &&
        tracker.move(event.pointerId, event.clientX, event.clientY) &&
        event.pointerId === press?.id
      )
        stopTimer();
    },
    options,
  );
  ctx.addEventListener(
    document,
    'pointercancel',
    (event) => {
      if (!isTouchLike(event)) return;
      tracker.cancel(event.pointerId);
      if (event.pointerId === press?.id) {
        stopTimer();
        press = null;
      }
    },
    options,
  );
  ctx.addEventListener(
    document,
    'pointerup',
    (event) => {
      if (!isTouchLike(event)) return;
      const end = tracker.up(event.pointerId, event.clientX, event.clientY, event.timeStamp);
      const ended = press?.id === event.pointerId ? press : null;
      if (!ended) return;
      press = null;
      stopTimer();
      if (end !== 'tap' || ended.opened || ended.onCard) return;
      const mark = markNear(ended.x, ended.y, ended.target);
      if (mark && !ended.onControl && !inControl(mark)) {
        pendingTap = { mark, x: ended.x, y: ended.y, upAt: event.timeStamp };
      } else {
        handlers.tappedOutside();
      }
    },
    options,
  );
  // The browser's own long-press (its context menu on a link) may come before our timer.
  ctx.addEventListener(
    document,
    'contextmenu',
    (event) => {
      if (event.isTrusted) longPress();
    },
    options,
  );
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      const tap = pendingTap;
      pendingTap = null;
      if (!tap || !event.isTrusted || event.timeStamp - tap.upAt > clickWindowMs) return;
      // A mouse click, or one the browser moved onto a nearby link (its touch adjustment): not ours.
      const pointerType = (event as PointerEvent).pointerType;
      if (pointerType === 'mouse' || pathHasControl(event)) return;
      if (Math.hypot(event.clientX - tap.x, event.clientY - tap.y) > 4 * tapSlopPx) return;
      // After the click has gone through the page: its own handlers run first, with focus where they left it.
      ctx.setTimeout(() => handlers.open(tap.mark, { x: tap.x, y: tap.y }), 0);
    },
    options,
  );
}
