import type { ClaimMark, ClaimMarks } from './claim-marks.ts';
import { pointIsOnRange } from './range-geometry.ts';
import { markedTextUnderPointer, type PointerPosition } from './term-under-pointer.ts';

/** The flagged sentence under the pointer, if any; hit-tests only over elements that hold one. */
export function claimUnderPointer(marks: ClaimMarks, event: PointerPosition): ClaimMark | null {
  const caret = markedTextUnderPointer(event, (element) => marks.isMarkedParent(element));
  const mark = caret && marks.markAt(caret.text);
  return mark && pointIsOnRange(mark.range, event.clientX, event.clientY) ? mark : null;
}
