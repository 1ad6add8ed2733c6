export { escapeRegExp } from './escape-regexp.ts';
export { createTermMatcher, searchPieceLength, type BlockSearch, type QuickTest, type TermMatch, type TermMatcher } from './term-matcher.ts';
