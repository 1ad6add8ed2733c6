import type { ClaimMark, ClaimMarks } from './claim-marks.ts';
import { caretAt } from './term-under-pointer.ts';

/** The flagged sentence under the pointer, if any; hit-tests only over elements that hold one. */
export function claimUnderPointer(marks: ClaimMarks, event: { clientX: number; clientY: number; target: EventTarget | null }): ClaimMark | null {
  const target = event.target as Element | null;
  if (!target || !marks.isMarkedParent(target)) return null;
  const caret = caretAt(target.ownerDocument, event.clientX, event.clientY);
  if (!caret || caret.node.nodeType !== 3) return null;
  const mark = marks.markAt(caret.node as Text);
  if (!mark) return null;
  const range = target.ownerDocument.createRange();
  range.setStart(mark.range.startContainer, mark.range.startOffset);
  range.setEnd(mark.range.endContainer, mark.range.endOffset);
  const inside = [...range.getClientRects()].some((r) => event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom);
  return inside ? mark : null;
}
