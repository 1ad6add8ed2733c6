import type { ClaimMark, ClaimMarks } from './claim-marks.ts';
import { pointIsOnRange } from './range-geometry.ts';
import { caretAt } from './term-under-pointer.ts';

/** The flagged sentence under the pointer, if any; hit-tests only over elements that hold one. */
export function claimUnderPointer(marks: ClaimMarks, event: { clientX: number; clientY: number; target: EventTarget | null }): ClaimMark | null {
  const target = event.target as Element | null;
  if (!target || !marks.isMarkedParent(target)) return null;
  const caret = caretAt(target.ownerDocument, event.clientX, event.clientY);
  if (!caret || caret.node.nodeType !== 3) return null;
  const mark = marks.markAt(caret.node as Text);
  return mark && pointIsOnRange(mark.range, event.clientX, event.clientY) ? mark : null;
}
