import { escapeRegExp } from './escape-regexp.ts';

/** A word an expression looks for, and what must follow it (a lookahead's source), if anything. */
export interface Alternative {
  word: string;
  then?: string;
}

interface Branch {
  next: Map<string, Branch>;
  /** What follows each word that ends here ('' for none). */
  ends: string[];
}

/**
 * One expression finding any of `alternatives`, written as a prefix tree ("gala(?:ctagogue|tagogue)" rather
 * than "galactagogue|galatagogue"): V8 compiles it in about half the time and runs it two to three times as
 * fast as the flat list, since it tries one branch per letter rather than every word at every position.
 * At a position it finds what the flat list written longest first finds: the longest word there (whose
 * lookahead holds), as a word's longer continuations come before the word itself. That holds where no two
 * words differ only in letters the expression's flags read alike: words read in any case are given in one
 * case (the screen gives them in lower case). Empty for no alternatives (an expression of nothing to find).
 */
export function prefixAlternation(alternatives: Alternative[]): string {
  if (alternatives.length === 0) return '';
  const root: Branch = { next: new Map(), ends: [] };
  for (const { word, then = '' } of alternatives) {
    let branch = root;
    for (const char of word) {
      let child = branch.next.get(char);
      if (!child) branch.next.set(char, (child = { next: new Map(), ends: [] }));
      branch = child;
    }
    if (!branch.ends.includes(then)) branch.ends.push(then);
  }
  return sourceOf(root);
}

function sourceOf(branch: Branch): string {
  const options: string[] = [];
  for (const [char, child] of branch.next) {
    // A run of letters with no other way out is written as it is: "ctagogue", not one group per letter.
    let run = escapeRegExp(char);
    let end = child;
    while (end.next.size === 1 && end.ends.length === 0) {
      const [nextChar, nextChild] = [...end.next][0]!;
      run += escapeRegExp(nextChar);
      end = nextChild;
    }
    options.push(run + sourceOf(end));
  }
  // A lookahead before the bare word, so a word needing one is tried first (either finds the same text).
  options.push(...[...branch.ends].sort((a, b) => b.length - a.length).map((then) => (then ? `(?=${then})` : '')));
  if (options.length === 1) return options[0]!;
  return `(?:${options.join('|')})`;
}
