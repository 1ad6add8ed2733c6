/**
 * A small word-pattern matcher in compromise's match syntax, run over compromise's own words and tags.
 *
 * compromise's `match` cannot serve here: it does not backtrack into a wildcard when the next element is a
 * group (`. {0,5} (is|are) at risk` never matches "women in the US is at risk"), `*` needs one word, `{root}`
 * fails inside an alternation, and a single match's view forgets its named groups. The syntax is the same, so
 * the wordings in glossary/claim-language.json read as compromise patterns:
 *
 * - `word`, `#Tag`, `.` (any word), `(a|b c|#Tag)` (alternatives; each a word sequence or a tag);
 * - after any of these, `?`, `+`, `*` (zero or more) or `{min,max}`;
 * - `[<name> …]` a named group.
 */

/** A word of the sentence: what compromise read, and where it is. */
export interface Word {
  /** Lower-case forms to compare with: compromise's normal, its expansion of a contraction, its machine form. */
  forms: string[];
  tags: Set<string>;
  start: number;
  end: number;
}

type Atom =
  | { kind: 'word'; word: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'any' }
  | { kind: 'alt'; options: Atom[][] }
  | { kind: 'group'; name: string; body: Element[] };

interface Element {
  atom: Atom;
  min: number;
  max: number;
}

export type WordPattern = Element[];

/** Named groups of a match: the first and last word index (inclusive) of each. */
export interface WordMatch {
  start: number;
  end: number;
  groups: Record<string, { start: number; end: number }>;
}

function parseAtom(token: string): Atom {
  if (token === '.') return { kind: 'any' };
  if (token.startsWith('#') && token.length > 1) return { kind: 'tag', tag: token.slice(1) };
  return { kind: 'word', word: token.toLowerCase() };
}

/** Splits a pattern into top-level pieces, keeping (…) and […] together. */
function pieces(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of pattern.trim()) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth--;
    if (/\s/.test(char) && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += char;
  }
  if (current) out.push(current);
  return out;
}

function parseQuantifier(rest: string): { min: number; max: number } {
  if (rest === '') return { min: 1, max: 1 };
  if (rest === '?') return { min: 0, max: 1 };
  if (rest === '+') return { min: 1, max: Infinity };
  if (rest === '*') return { min: 0, max: Infinity };
  const range = /^\{(\d+),(\d+)\}$/.exec(rest);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  throw new Error(`unknown quantifier "${rest}"`);
}

/** Parses a pattern; throws with the reason when it is malformed (the compile step reports it). */
export function parseWordPattern(pattern: string): WordPattern {
  return pieces(pattern).map((piece): Element => {
    if (piece.startsWith('[')) {
      const close = piece.lastIndexOf(']');
      const named = /^\[<([a-z]+)>([\s\S]*)$/.exec(piece.slice(0, close));
      if (close < 0 || !named) throw new Error(`malformed group "${piece}"`);
      return {
        atom: { kind: 'group', name: named[1]!, body: parseWordPattern(named[2]!) },
        ...parseQuantifier(piece.slice(close + 1)),
      };
    }
    if (piece.startsWith('(')) {
      const close = piece.lastIndexOf(')');
      if (close < 0) throw new Error(`unbalanced parentheses in "${piece}"`);
      const options = piece
        .slice(1, close)
        .split('|')
        .map((option) => option.trim().split(/\s+/).filter(Boolean).map(parseAtom));
      return { atom: { kind: 'alt', options }, ...parseQuantifier(piece.slice(close + 1)) };
    }
    const quantifier = /(\?|\+|\*|\{\d+,\d+\})$/.exec(piece);
    const body = quantifier && piece.length > quantifier[0].length ? piece.slice(0, -quantifier[0].length) : piece;
    return { atom: parseAtom(body), ...parseQuantifier(quantifier && body !== piece ? quantifier[0] : '') };
  });
}

const wordMatches = (atom: Atom, word: Word | undefined): boolean => {
  if (!word) return false;
  if (atom.kind === 'any') return true;
  if (atom.kind === 'tag') return word.tags.has(atom.tag);
  if (atom.kind === 'word') return word.forms.includes(atom.word);
  return false;
};

type Continue = (index: number) => boolean;

/** Backtracking is bounded: a pathological sentence gives up (no reading) instead of stalling the checker. */
const maxSteps = 200_000;
let steps = 0;
class TooManySteps extends Error {}

/** Matches one occurrence of `atom` at `index`, calling `next` with each possible end until one succeeds. */
function matchAtom(atom: Atom, words: Word[], index: number, groups: WordMatch['groups'], next: Continue): boolean {
  if (++steps > maxSteps) throw new TooManySteps();
  if (atom.kind === 'alt') {
    return atom.options.some(
      (option) => option.every((a, k) => wordMatches(a, words[index + k])) && next(index + option.length),
    );
  }
  if (atom.kind === 'group') {
    return matchSequence(atom.body, 0, words, index, groups, (end) => {
      const before = groups[atom.name];
      groups[atom.name] = { start: index, end: end - 1 };
      if (next(end)) return true;
      if (before) groups[atom.name] = before;
      else delete groups[atom.name];
      return false;
    });
  }
  return wordMatches(atom, words[index]) && next(index + 1);
}

/** Matches elements[e…] from words[index], greedily, backtracking until `done` accepts an end. */
function matchSequence(
  elements: Element[],
  e: number,
  words: Word[],
  index: number,
  groups: WordMatch['groups'],
  done: Continue,
): boolean {
  if (e === elements.length) return done(index);
  const { atom, min, max } = elements[e]!;
  const repeat = (count: number, at: number): boolean => {
    // Greedy: try one more occurrence first (never an empty one, which would loop), then stop here.
    if (count < max && matchAtom(atom, words, at, groups, (end) => end > at && repeat(count + 1, end))) return true;
    return count >= min && matchSequence(elements, e + 1, words, at, groups, done);
  };
  return repeat(0, index);
}

/**
 * Every match of `pattern` in `words`, leftmost first, not overlapping. `accept` can refuse a match (one
 * that crosses a clause, say): the matcher then backtracks to a shorter or different one.
 */
export function matchWords(
  pattern: WordPattern,
  words: Word[],
  accept: (match: WordMatch) => boolean = () => true,
): WordMatch[] {
  const found: WordMatch[] = [];
  steps = 0;
  try {
    for (let start = 0; start < words.length;) {
      const groups: WordMatch['groups'] = {};
      let end = -1;
      const done = (i: number) => i > start && accept({ start, end: i - 1, groups }) && ((end = i), true);
      if (matchSequence(pattern, 0, words, start, groups, done)) {
        found.push({ start, end: end - 1, groups: { ...groups } });
        start = end;
      } else start++;
    }
  } catch (error) {
    if (!(error instanceof TooManySteps)) throw error;
  }
  return found;
}
