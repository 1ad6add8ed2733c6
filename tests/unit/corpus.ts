import { readFileSync } from 'node:fs';

export interface CorpusRecord {
  id: string;
  kind: string;
  text: string;
  expected: { term: string; surface: string }[];
  optional: string[];
  not_terms: { surface: string; why: string }[];
}

/** Canonical names of the corpus (corpus README) → glossary ids. */
export const canonicalToId: Record<string, string> = {
  insulin: 'insulin',
  'insulin resistance': 'insulin-resistance',
  prolactin: 'prolactin',
  'insufficient glandular tissue': 'insufficient-glandular-tissue',
  'lactational amenorrhea': 'lactational-amenorrhea',
  galactagogue: 'galactagogue',
  'polycystic ovary syndrome': 'pcos',
  'metabolic syndrome': 'metabolic-syndrome',
  'gestational diabetes': 'gestational-diabetes',
  prediabetes: 'prediabetes',
  'type 2 diabetes': 'type-2-diabetes',
  colostrum: 'colostrum',
  lactose: 'lactose',
  cortisol: 'cortisol',
  estrogen: 'estrogen',
  progesterone: 'progesterone',
  'mammary gland': 'mammary-gland',
  'milk supply': 'milk-supply',
  lactogenesis: 'lactogenesis',
  'lactogenic diet': 'lactogenic-diet',
};

export function readCorpus(file: string): CorpusRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusRecord);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * Spans of `surface` in `text` as the corpus README defines them: whole-word occurrences, or, when there
 * are none, occurrences inside longer words.
 */
export function surfaceSpans(text: string, surface: string): [number, number][] {
  const all: [number, number][] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) all.push([i, i + surface.length]);
  const whole = all.filter(([s, e]) => !isWordChar(text[s - 1]) && !isWordChar(text[e]));
  return whole.length ? whole : all;
}
