export { createTermMatcher, type TermMatch, type TermMatcher } from './term-matcher.ts';
