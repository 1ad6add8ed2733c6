import type { TextBlock } from './collect-text-blocks.ts';

export interface NodeOffset {
  node: Text;
  offset: number;
}

/** The text node and offset where block-text offset `offset` falls (`isEnd` picks the node a range ends in). */
export function nodeOffsetAt(block: TextBlock, offset: number, isEnd: boolean): NodeOffset | null {
  const { segments } = block;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = segments[mid]!.start;
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  const segment = segments[low];
  if (!segment) return null;
  const within = offset - segment.start;
  if (within < 0 || within > segment.length) return null;
  return { node: segment.node, offset: within };
}

/** A StaticRange over block-text offsets [start, end): static, so the page's own DOM edits never pay for it. */
export function staticRangeFor(block: TextBlock, start: number, end: number): StaticRange | null {
  const from = nodeOffsetAt(block, start, false);
  const to = nodeOffsetAt(block, end, true);
  if (!from || !to) return null;
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}
