import { describe, expect, it } from 'vitest';
import { matchWords, parseWordPattern, type Word } from '../../src/claims/match-words.ts';

/** Words as compromise would give them, tagged by hand: "Word/Tag1,Tag2". */
function words(text: string): Word[] {
  let at = 0;
  return text.split(' ').map((token) => {
    const [word, tags = ''] = token.split('/');
    const start = at;
    at += word!.length + 1;
    return {
      forms: [word!.toLowerCase()],
      tags: new Set(tags.split(',').filter(Boolean)),
      start,
      end: start + word!.length,
    };
  });
}

const first = (pattern: string, text: string) => matchWords(parseWordPattern(pattern), words(text))[0] ?? null;

describe('the word-pattern matcher', () => {
  it('backtracks into a wildcard when the next element is a group (compromise does not)', () => {
    const m = first('women .{0,5} (is|are) at risk', 'women in the US is/Copula at risk');
    expect(m).toMatchObject({ start: 0, end: 6 });
  });

  it('lets a starred or {0,n} group match nothing', () => {
    expect(first('#Subject (#Adverb|#Copula)* plays a role', 'insulin/Subject plays a role')).not.toBeNull();
    expect(
      first('#Subject (#Adverb|#Copula){0,4} plays a role', 'insulin/Subject really/Adverb plays a role'),
    ).not.toBeNull();
  });

  it('matches multi-word alternatives and optional ones', () => {
    expect(first('levels (went down|dropped)', 'levels went down')).toMatchObject({ end: 2 });
    expect(first('role (at all)? in milk', 'role in milk')).not.toBeNull();
    expect(first('role (at all)? in milk', 'role at all in milk')).not.toBeNull();
  });

  it('reports named groups by word index, and keeps them apart for each match', () => {
    const all = matchWords(
      parseWordPattern('[<subject>#S+] (level|levels)? drops'),
      words('my insulin/S levels drops and prolactin/S drops'),
    );
    expect(all.map((m) => m.groups.subject)).toEqual([
      { start: 1, end: 1 },
      { start: 5, end: 5 },
    ]);
  });

  it('lets the caller refuse a match and finds a shorter one instead', () => {
    const pattern = parseWordPattern('water .{0,5} #Object');
    const text = words('water into milk/Object and the volume/Object');
    expect(matchWords(pattern, text)[0]).toMatchObject({ end: 5 });
    expect(matchWords(pattern, text, (m) => m.end <= 3)[0]).toMatchObject({ end: 2 });
  });

  it('rejects a malformed pattern with the reason', () => {
    expect(() => parseWordPattern('(a|b')).toThrow(/unbalanced/);
    expect(() => parseWordPattern('a{x}')).not.toThrow(); // a word, not a quantifier
    expect(() => parseWordPattern('[<subject> #S')).toThrow(/malformed group/);
  });
});
