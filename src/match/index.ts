export { createTermMatcher, searchPieceLength, type BlockSearch, type QuickTest, type TermMatch, type TermMatcher } from './term-matcher.ts';
