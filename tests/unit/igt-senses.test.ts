import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';

/**
 * IGT is insufficient glandular tissue (the glossary's sense) and impaired glucose tolerance, both common in
 * pregnancy and postpartum threads. The development set (tests/fixtures/corpus/igt-senses.jsonl) holds short
 * posts in each sense, and "mixed" ones where both senses' words surround the same IGT: those are left alone,
 * as underlining the wrong sense is worse than underlining nothing.
 */
interface SenseRecord {
  id: string;
  text: string;
  sense: 'breast' | 'glucose' | 'mixed';
}

const records = readFileSync('tests/fixtures/corpus/igt-senses.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as SenseRecord);
const matcher = createTermMatcher(glossary.terms);

const occurrences = (text: string) => [...text.matchAll(/\bIGT\b/g)].map((m) => m.index);
const underlined = (text: string) =>
  matcher
    .find(text)
    .filter((m) => m.termId === 'insufficient-glandular-tissue' && m.surface === 'IGT')
    .map((m) => m.start);

describe('the IGT development set', () => {
  it('has at least 40 sentences, with both senses and mixed ones', () => {
    expect(records.length).toBeGreaterThanOrEqual(40);
    for (const sense of ['breast', 'glucose', 'mixed']) expect(records.some((r) => r.sense === sense)).toBe(true);
    for (const record of records) expect(occurrences(record.text).length, record.id).toBeGreaterThan(0);
  });

  it.each(records.filter((r) => r.sense === 'breast'))(
    '$id finds IGT as insufficient glandular tissue: $text',
    ({ text }) => {
      expect(underlined(text)).toEqual(occurrences(text));
    },
  );

  it.each(records.filter((r) => r.sense !== 'breast'))('$id leaves IGT alone ($sense): $text', ({ text }) => {
    expect(underlined(text)).toEqual([]);
  });
});
