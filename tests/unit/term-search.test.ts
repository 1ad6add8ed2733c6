import { expect, it } from 'vitest';
import { createTermSearch } from '../../src/glossary/term-search.ts';

const search = createTermSearch();
const first = (q: string) => search.search(q)[0]?.id;

it('finds terms by label, acronym and alias, with prefixes and typos', () => {
  expect(first('galactogogue')).toBe('galactagogue');
  expect(first('amenorhea')).toBe('lactational-amenorrhea');
  expect(first('prolactine')).toBe('prolactin');
  expect(first('IGT')).toBe('insufficient-glandular-tissue');
  expect(first('breast hypo')).toBe('insufficient-glandular-tissue');
  expect(first('gestat')).toBe('gestational-diabetes');
  expect(search.search('')).toEqual([]);
});

it('puts the term whose name is exactly what was typed first, above longer names that contain it', () => {
  // MiniSearch alone ranks "Insulin resistance" (the word in its label and its aliases) above "Insulin".
  expect(
    search
      .search('insulin')
      .map((t) => t.id)
      .slice(0, 2),
  ).toEqual(['insulin', 'insulin-resistance']);
  expect(first('Insulin')).toBe('insulin');
  expect(first(' insulin-resistance ')).toBe('insulin-resistance');
  expect(first('LAM')).toBe('lactational-amenorrhea');
  expect(first('oestrogen')).toBe('estrogen'); // a listed variant is a name too
});
