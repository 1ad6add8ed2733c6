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
