import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/match/escape-regexp.ts';
import { prefixAlternation, type Alternative } from '../../src/match/prefix-alternation.ts';

/** Every match of `source`, tried at each position in turn, as "position:text". */
function matchesOf(source: string, text: string, flags = 'gi'): string[] {
  const expression = new RegExp(source, flags);
  const found: string[] = [];
  for (let at = 0; at < text.length; at++) {
    expression.lastIndex = at;
    const match = expression.exec(text);
    if (!match) break;
    found.push(`${match.index}:${match[0]}`);
    at = match.index;
  }
  return found;
}

/** The expression the prefix tree stands in for: every word, longest first. */
const flatList = (alternatives: Alternative[]) =>
  [...alternatives]
    .sort((a, b) => b.word.length - a.word.length)
    .map(({ word, then }) => escapeRegExp(word) + (then ? `(?=${then})` : ''))
    .join('|');

describe('prefixAlternation', () => {
  it('shares the words’ common starts', () => {
    const source = prefixAlternation([{ word: 'galactagogue' }, { word: 'galatagogue' }, { word: 'gd' }]);
    expect(source).toBe('g(?:ala(?:ctagogue|tagogue)|d)');
  });

  it('finds the longest word at a position, as the flat list written longest first does', () => {
    const alternatives: Alternative[] = [
      { word: 'milk' },
      { word: 'milkmaid' },
      { word: 'insulin' },
      { word: 'insulins' },
      { word: 'insufficient', then: '\\s+(?:glan|brea)' },
      { word: 'i.g.t.' },
      { word: 'type', then: '\\s+(?:2|ii)' },
      { word: 'typed' },
    ];
    const text =
      'Milkmaids and milk; INSULINS and insulin. Insufficient glandular tissue, insufficient sleep, ' +
      'I.G.T. typed type 2 type ii typeface andinsulin';
    const expected = matchesOf(flatList(alternatives), text);
    expect(matchesOf(prefixAlternation(alternatives), text)).toEqual(expected);
    expect(expected).toContain('0:Milkmaid');
    expect(expected).toContain('42:Insufficient');
    expect(expected.some((m) => m.endsWith(':insufficient'))).toBe(false);
  });

  it('is empty for no words, so that no expression is made that would match everywhere', () => {
    expect(prefixAlternation([])).toBe('');
  });

  it('escapes what the words hold', () => {
    const source = prefixAlternation([{ word: 'I.G.T.' }, { word: 'IGT' }]);
    expect(matchesOf(source, 'IxGxTx IGT I.G.T.', 'g')).toEqual(['7:IGT', '11:I.G.T.']);
  });
});
