import { pointIsOnRange } from './range-geometry.ts';
import type { TermMark, TermMarks } from './term-marks.ts';

interface CaretPoint {
  node: Node;
  offset: number;
}

/** caretPositionFromPoint (standard, Firefox, Chrome 128+), or caretRangeFromPoint where that is all there is. */
function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = (doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(
    x,
    y,
  );
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** What the hover look-ups read of a pointer event. */
export type PointerPosition = { clientX: number; clientY: number; target: EventTarget | null };

/**
 * The text node and caret offset under the pointer, only when the pointer is over an element that
 * `isMarkedParent` says holds marked text: elsewhere it costs no layout work.
 */
export function markedTextUnderPointer(
  event: PointerPosition,
  isMarkedParent: (element: Element) => boolean,
): { text: Text; offset: number } | null {
  const target = event.target as Element | null;
  if (!target || !isMarkedParent(target)) return null;
  const caret = caretAt(target.ownerDocument, event.clientX, event.clientY);
  return caret && caret.node.nodeType === 3 ? { text: caret.node as Text, offset: caret.offset } : null;
}

/**
 * The underlined term under the pointer, if any. Hit-testing only runs when the pointer is over an element
 * that directly holds underlined text, so moving over the rest of the page costs no layout work.
 */
export function termUnderPointer(marks: TermMarks, event: PointerPosition): TermMark | null {
  const caret = markedTextUnderPointer(event, (element) => marks.isMarkedParent(element));
  if (!caret) return null;
  const { text } = caret;
  // The caret lands between characters: the character under the pointer is either side of it.
  const mark = marks.markAt(text, caret.offset) ?? (caret.offset > 0 ? marks.markAt(text, caret.offset - 1) : null);
  if (!mark) return null;
  return pointIsOnRange(mark.range, event.clientX, event.clientY) ? mark : null;
}
