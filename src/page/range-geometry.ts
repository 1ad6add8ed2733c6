/** A live Range for a StaticRange (StaticRanges have no geometry), or null if its nodes changed under it. */
export function liveRange(range: AbstractRange): Range | null {
  try {
    const live = range.startContainer.ownerDocument!.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null;
  }
}

/** The element a range sits in: for scrolling it into view and as the anchor's context for Floating UI. */
export const rangeElement = (range: AbstractRange): Element | null =>
  range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;

/**
 * Whether a pointer position lies on the range's text (1 px of slack). A caret at the end of a line can
 * resolve to text far from the pointer, so every hover look-up confirms with this.
 */
export function pointIsOnRange(range: AbstractRange, x: number, y: number): boolean {
  const rects = liveRange(range)?.getClientRects() ?? [];
  return [...rects].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
}
