import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { holdsScreenWord, isJoiner, screenWalkOf } from '../../src/match/screen-walk.ts';
import { screenDataOf } from '../../src/match/term-matcher.ts';
import { readCorpus } from './corpus.ts';

const { candidates } = screenDataOf(glossary.terms);
const walk = candidates.walk!;
const expressions = [new RegExp(candidates.anyCase, 'gi'), new RegExp(candidates.exactCase, 'g')];
/** What the walk stands in for: whether either of the screen's expressions finds anything in the text. */
const expressionsFind = (text: string) =>
  expressions.some((expression) => {
    expression.lastIndex = 0;
    return expression.test(text);
  });

/** Every passage of the project's corpora, as written and in capitals and lower case. */
const corpusDir = 'tests/fixtures/corpus';
const passages = readdirSync(corpusDir)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) => readCorpus(`${corpusDir}/${file}`).map((record) => record.text))
  .flatMap((text) => [text, text.toUpperCase(), text.toLowerCase()]);

describe('the walk of the screen’s first words', () => {
  it('finds a first word exactly where the screen’s expressions find one, over every corpus passage', () => {
    let holding = 0;
    for (const text of passages) {
      const expected = expressionsFind(text);
      if (expected) holding++;
      expect(holdsScreenWord(text, walk), text).toBe(expected);
    }
    // Both answers are there in numbers: the corpora hold look-alike passages as well as terms.
    expect(holding).toBeGreaterThan(1000);
    expect(passages.length - holding).toBeGreaterThan(100);
  });

  it('takes a first word needing a second only before that word’s start, across spaces, hyphens and line breaks', () => {
    for (const text of [
      'pre-diabetes',
      'PRE DIABETIC',
      'pre\u00a0\ndiab',
      'Type II',
      'type\u2161',
      'type-two',
      'typeii',
    ])
      expect(holdsScreenWord(text, walk), text).toBe(true);
    for (const text of ['present company', 'pre-school', 'the type of pump', 'type', 'pre'])
      expect(holdsScreenWord(text, walk), text).toBe(false);
  });

  it('reads the acronyms only in the cases the screen accepts, and the words in any case, Greek beta included', () => {
    expect(holdsScreenWord('My IR is better', walk)).toBe(true);
    expect(holdsScreenWord('their first girl', walk)).toBe(false);
    expect(holdsScreenWord('IGT', walk)).toBe(true);
    expect(holdsScreenWord('Igt', walk)).toBe(false);
    for (const text of ['PROLACTIN', 'pRoLaCtIn', 'andprolactin', 'β-cells', 'Β-CELLS', 'ϐ-cells']) {
      expect(holdsScreenWord(text, walk), text).toBe(true);
      expect(expressionsFind(text), text).toBe(true);
    }
  });

  it('joins a first word to its second over exactly the characters the expressions do', () => {
    const joiner = /[\s\u00A0-]/;
    for (let code = 0; code <= 0xffff; code++)
      expect(isJoiner(code), code.toString(16)).toBe(joiner.test(String.fromCharCode(code)));
  });

  it('refuses a second word that starts where the walk would have passed over it', () => {
    expect(() => screenWalkOf([{ word: 'pre', secondWordStarts: ['-dia'] }], [])).toThrow(/starts with a space/);
    expect(() => screenWalkOf([{ word: 'pre', secondWordStarts: ['dia'] }], [])).not.toThrow();
  });

  it('builds its trees from the words it is given', () => {
    const small = screenWalkOf([{ word: 'milk', secondWordStarts: ['supp'] }, { word: 'oxy' }], ['LAM']);
    expect(holdsScreenWord('Milk-supply', small)).toBe(true);
    expect(holdsScreenWord('milk shake', small)).toBe(false);
    expect(holdsScreenWord('OXYTOCIN', small)).toBe(true);
    expect(holdsScreenWord('LAM', small)).toBe(true);
    expect(holdsScreenWord('lam', small)).toBe(false);
  });
});
