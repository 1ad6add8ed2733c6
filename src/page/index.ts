export { staticRangeFor, nodeOffsetAt } from './block-ranges.ts';
export {
  blockElementOf,
  collectTextBlocks,
  isInSkippedSubtree,
  TextBlockWalker,
  ownElementPrefix,
  skippedContentMark,
  type TextBlock,
  type TextSegment,
} from './collect-text-blocks.ts';
export { highlightNameFor, startPageScanner, type PageScanner, type ScanStats } from './page-scanner.ts';
export type { TermMark, TermMarks } from './term-marks.ts';
export { pageReport, type PageReport } from './page-report.ts';
export { liveRange, rangeElement } from './range-geometry.ts';
export { termUnderPointer } from './term-under-pointer.ts';
export { startClaimFlags, type ClaimFlags } from './claim-flags.ts';
export type { ClaimMark, ClaimMarks } from './claim-marks.ts';
