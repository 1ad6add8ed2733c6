export { createTermMatcher, type QuickTest, type TermMatch, type TermMatcher } from './term-matcher.ts';
