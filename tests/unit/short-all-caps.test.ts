import { expect, it } from 'vitest';
import { phraseSpans } from '../../src/claims/find-phrases.ts';
import { isShortAllCaps } from '../../src/match/short-all-caps.ts';

it('treats short all-capital words as abbreviations, matched in their own case only', () => {
  expect(['US', 'TB', 'OB', 'IGT', 'PCOS', 'AIDS', 'T2DM'].filter(isShortAllCaps)).toHaveLength(7);
  expect(['us', 'Us', 'IBCLC', 'GNOME', '2021', 'insulin'].filter(isShortAllCaps)).toEqual([]);
});

it('finds the fact-checker\'s place words by the same rule: "US" is a place, "us" is not; "United States" in any case', () => {
  const words = ['US', 'United States'];
  expect(phraseSpans('About 10% of US women are at risk.', words)).toEqual([{ start: 13, end: 15 }]);
  expect(phraseSpans('Tell us about it.', words)).toEqual([]);
  expect(phraseSpans('in the united states', words)).toEqual([{ start: 7, end: 20 }]);
});
