import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { createMisspeltWords, editDistance, isOneEditApart } from '../../src/match/misspelt-words.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';

const matcher = createTermMatcher(glossary.terms);
const found = (text: string) => matcher.find(text).map((m) => [m.termId, m.surface]);

describe('misspelt words of the glossary’s names', () => {
  it('are read as the words they stand for, and the surface reported is the word as written', () => {
    expect(found('is it normal for colstrum to leak at 30 weeks??')).toEqual([['colostrum', 'colstrum']]);
    expect(found('dr says i have metabollic syndrom and pcos')).toEqual([
      ['metabolic-syndrome', 'metabollic syndrom'],
      ['pcos', 'pcos'],
    ]);
    expect(found("my naturopath says i'm 'estrogan dominant'")).toEqual([['estrogen', 'estrogan']]);
    expect(found('trying a galactagauge (sp?) like goats rue')).toEqual([['galactagogue', 'galactagauge']]);
    expect(found('INSUFICIENT GLANDULAR TISUE, they said')).toEqual([
      ['insufficient-glandular-tissue', 'INSUFICIENT GLANDULAR TISUE'],
    ]);
  });

  it('keeps the offsets of the words after a misspelt one, however its length changed', () => {
    const text = 'Colstrum then prolactin; metabollic syndrom then insulin.';
    for (const m of matcher.find(text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(found(text).map(([id]) => id)).toEqual(['colostrum', 'prolactin', 'metabolic-syndrome', 'insulin']);
  });

  it('leaves real words close to a name alone, and short words, and words close to two names', () => {
    expect(found('Lactase drops take the lactate out; lactone is a ring.')).toEqual([]);
    // The positive control: one letter off, and no word of its own.
    expect(found('Lactoce intolerance')).toEqual([['lactose', 'Lactoce']]);
    expect(found('The consultancy specialises in insufficiency claims.')).toEqual([]);
    const words = createMisspeltWords(['tissue', 'tassel', 'gland'], [], []);
    expect(words.spelledRight('a glnd and a tisue')?.text).toBe('a glnd and a tissue');
    expect(createMisspeltWords(['tissue', 'tissie'], [], []).spelledRight('tisse')).toBeNull();
  });

  it('leaves a capitalised word alone in running text: a brand or a person, not a misspelling', () => {
    expect(found('Week 6 on Oestrogel, two pumps, plus the patch.')).toEqual([]);
    // The positive controls: the same word first in its sentence, in lower case, and a name's words capitalised together.
    expect(found('Oestrogel is what I meant. my oestrogel levels')).toEqual([
      ['estrogen', 'Oestrogel'],
      ['estrogen', 'oestrogel'],
    ]);
    expect(found('told I have Metabollic Syndrom now')).toEqual([['metabolic-syndrome', 'Metabollic Syndrom']]);
    expect(found('I was diagnosed with Metabollic syndrome')).toEqual([['metabolic-syndrome', 'Metabollic syndrome']]);
    expect(found('tried fenugreek\nColstrum came in')).toEqual([['colostrum', 'Colstrum']]);
    expect(found('she said “it is fine.” Colstrum came in')).toEqual([['colostrum', 'Colstrum']]);
  });

  it('copies nothing where no word is misspelt', () => {
    const words = createMisspeltWords(['colostrum'], [], []);
    expect(words.spelledRight('Colostrum and the colonel.')).toBeNull();
  });
});

describe('edits between words', () => {
  it('counts a letter added, dropped or changed, and two letters swapped, as one', () => {
    for (const [a, b] of [
      ['colstrum', 'colostrum'],
      ['estrogan', 'estrogen'],
      ['insluin', 'insulin'],
      ['prolactni', 'prolactin'],
    ])
      expect([isOneEditApart(a!, b!), editDistance(a!, b!, 2)]).toEqual([true, 1]);
    expect([isOneEditApart('galactagauge', 'galactagogue'), editDistance('galactagauge', 'galactagogue', 2)]).toEqual([
      false,
      2,
    ]);
    expect(isOneEditApart('insulin', 'insulin')).toBe(false);
    expect(editDistance('lactogenic', 'lactogenesis', 2)).toBe(3);
  });
});
