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
export { startPageScanner, termHighlightName, type PageScanner, type ScanStats } from './page-scanner.ts';
export type { TermMark, TermMarks } from './term-marks.ts';
export { isPageReportRequest, pageReport, type PageReport, type PageReportRequest } from './page-report.ts';
