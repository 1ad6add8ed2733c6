import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finder } from '../../src/glossary/finder.ts';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';

describe('the finder’s part of the glossary (what the content script’s full stage holds)', () => {
  it('finds what the whole glossary finds', () => {
    const fromFinder = createTermMatcher(finder.terms);
    const fromGlossary = createTermMatcher(glossary.terms);
    const texts = readFileSync('tests/fixtures/corpus/dev.jsonl', 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
    let found = 0;
    for (const text of texts) {
      const matches = fromFinder.find(text);
      expect(matches).toEqual(fromGlossary.find(text));
      found += matches.length;
    }
    expect(found).toBeGreaterThan(100); // positive control: the texts do hold terms
  });

  it('holds every claim’s subjects, and none of the cards’ text', () => {
    expect(new Set(finder.claimSubjects)).toEqual(new Set(glossary.claims.flatMap((claim) => claim.subjects)));
    const text = JSON.stringify(finder);
    for (const term of glossary.terms) expect(text).not.toContain(term.definition);
  });
});
