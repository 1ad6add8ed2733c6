export { escapeRegExp } from './escape-regexp.ts';
export { isShortAllCaps } from './short-all-caps.ts';
export { createQuickScreen, searchPieceLength, type QuickScreen, type QuickTest, type ScreenData } from './quick-screen.ts';
export { createTermMatcher, screenDataOf, type BlockSearch, type TermMatch, type TermMatcher } from './term-matcher.ts';
