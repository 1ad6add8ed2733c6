import { narrowViewportPx, placeSheet } from './sheet-placement.ts';

/**
 * The card as a sheet across the bottom (or top) of a phone's screen. It is laid out in the phone's own pixels
 * and scaled to the visual viewport, so it is as wide as the screen and its type is as large as on a mobile
 * site even on a page laid out for desktops (no `<meta name="viewport">`: 980 px wide, shown zoomed out) or
 * pinch-zoomed: `position: fixed` places things in the layout viewport, which is then no longer what is on
 * screen (https://developer.mozilla.org/en-US/docs/Web/API/Visual_Viewport_API).
 */

/** The visible part of the page, in the page's CSS pixels, and the pinch zoom it is shown at. */
interface VisualFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  scale: number;
}

function visualFrame(win: Window): VisualFrame {
  const vv = win.visualViewport;
  if (!vv || !(vv.scale > 0)) return { left: 0, top: 0, width: win.innerWidth, height: win.innerHeight, scale: 1 };
  return { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height, scale: vv.scale };
}

/** A phone-sized screen: the visible width at zoom 1 (so pinch zoom and desktop-width pages don't change it). */
export function isNarrowViewport(win: Window = window): boolean {
  const frame = visualFrame(win);
  return frame.width * frame.scale <= narrowViewportPx;
}

/**
 * Sizes and places the sheet (`floating`, whose child `.card` scrolls) clear of `avoid` (the tapped line, in
 * client coordinates). With `mayScroll`, the page may be scrolled once to make room. Returns the side used.
 */
export function layoutSheet(floating: HTMLElement, avoid: () => DOMRect | null, mayScroll: boolean): 'bottom' | 'top' {
  const win = floating.ownerDocument.defaultView ?? window;
  const frame = visualFrame(win);
  const scale = frame.scale;
  floating.style.width = `${frame.width * scale}px`;
  const card = floating.querySelector<HTMLElement>('.card');
  if (!card) return 'bottom';
  // scrollHeight is the whole content whatever the cap; add the borders.
  const contentHeight = card.scrollHeight + (card.offsetHeight - card.clientHeight);
  const rect = avoid();
  const placement = placeSheet({
    viewportHeight: frame.height * scale,
    avoid: rect ? { top: (rect.top - frame.top) * scale, bottom: (rect.bottom - frame.top) * scale } : null,
    contentHeight,
    mayScroll,
  });
  if (placement.scrollBy > 0) {
    win.scrollBy({ top: placement.scrollBy / scale, behavior: 'instant' as ScrollBehavior });
    return layoutSheet(floating, avoid, false);
  }
  floating.dataset.side = placement.side;
  card.style.setProperty('--lg-max-height', `${placement.maxHeight}px`);
  const height = card.offsetHeight;
  const y = placement.side === 'bottom' ? frame.top + frame.height - height / scale : frame.top;
  floating.style.transform = `translate(${frame.left}px, ${y}px) scale(${1 / scale})`;
  return placement.side;
}

/** Calls `update` whenever the visible part of the page moves or resizes (pinch zoom, on-screen keyboard, rotation). */
export function followVisualViewport(win: Window, update: () => void): () => void {
  const vv = win.visualViewport;
  const target: EventTarget = vv ?? win;
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  target.addEventListener('resize', schedule);
  if (vv) vv.addEventListener('scroll', schedule);
  return () => {
    target.removeEventListener('resize', schedule);
    if (vv) vv.removeEventListener('scroll', schedule);
    if (frame) win.cancelAnimationFrame(frame);
  };
}
