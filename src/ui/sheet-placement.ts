/**
 * Where a bottom sheet goes on a phone so that it never hides the term it explains, when that can be avoided.
 * Pure geometry, no DOM: every figure is in the sheet's own CSS pixels (the phone's pixels at zoom 1, whatever
 * the page's pinch zoom), measured from the top of the visible part of the page.
 */

/** At or under this width (CSS px at zoom 1) the card is a sheet across the bottom of the screen. */
export const narrowViewportPx = 600;
/** The tallest a sheet grows, as a share of the visible height: the rest keeps the term and its sentence in view. */
export const sheetMaxShare = 0.6;
/** A sheet shorter than this share of the screen is too cramped to read: the page is scrolled to make room. */
export const sheetComfortShare = 0.4;
/** Between the term and the sheet's edge. */
export const sheetGapPx = 8;

export interface SheetPlacementInput {
  /** Height of the visible viewport. */
  viewportHeight: number;
  /** The line the reader tapped (the term, or the tapped line of a flagged sentence); null when there is none. */
  avoid: { top: number; bottom: number } | null;
  /** The card's full height, before any cap. */
  contentHeight: number;
  /** False once the page was scrolled once, or when it may not be. */
  mayScroll: boolean;
}

export interface SheetPlacement {
  side: 'bottom' | 'top';
  /** The sheet's height cap: longer cards scroll inside it. */
  maxHeight: number;
  /** Scroll the page down by this much first (0: no scroll); the term then sits above the sheet. */
  scrollBy: number;
}

/**
 * At the bottom (where the thumb is) when the term stays visible above it; at the top when the term is low on
 * the screen; otherwise on the roomier side, shortened, when that still leaves a comfortable sheet; otherwise
 * the page is scrolled so the term sits just above the sheet. Only a term with no room on either side, on a page
 * that cannot scroll, is covered.
 */
export function placeSheet({ viewportHeight, avoid, contentHeight, mayScroll }: SheetPlacementInput): SheetPlacement {
  const cap = Math.min(contentHeight, Math.round(viewportHeight * sheetMaxShare));
  const bottom = (maxHeight: number): SheetPlacement => ({ side: 'bottom', maxHeight, scrollBy: 0 });
  // Nothing to keep visible, or it is off screen already.
  if (!avoid || avoid.bottom <= 0 || avoid.top >= viewportHeight) return bottom(cap);
  const below = viewportHeight - avoid.bottom - sheetGapPx;
  const above = avoid.top - sheetGapPx;
  if (cap <= below) return bottom(cap);
  if (cap <= above) return { side: 'top', maxHeight: cap, scrollBy: 0 };
  const comfortable = Math.min(cap, Math.round(viewportHeight * sheetComfortShare));
  const roomier = below >= above ? 'bottom' : 'top';
  const room = Math.max(below, above);
  if (room >= comfortable) return { side: roomier, maxHeight: Math.floor(room), scrollBy: 0 };
  if (mayScroll) {
    // Scroll the term up until it sits just above a sheet of the full height (or what fits beside a tall term).
    const termHeight = avoid.bottom - avoid.top;
    const height = Math.max(comfortable, Math.min(cap, viewportHeight - termHeight - 3 * sheetGapPx));
    const scrollBy = Math.ceil(avoid.bottom - (viewportHeight - height - sheetGapPx));
    if (scrollBy > 0) return { side: 'bottom', maxHeight: height, scrollBy };
  }
  // No way around it: the roomier side, at a readable height, covering as little as it can.
  return { side: roomier, maxHeight: Math.max(comfortable, Math.floor(room)), scrollBy: 0 };
}
