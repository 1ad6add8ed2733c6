import type { AcronymRule } from '../glossary/types.ts';
import { escapeRegExp } from './escape-regexp.ts';
import { isShortAllCaps } from './short-all-caps.ts';

/**
 * Expressions finding any of `words` as a whole word. Plain \b expressions (no Unicode classes): they run in a
 * fraction of the time, and the context words are plain ASCII.
 */
export function wordListPatterns(words: string[]): RegExp[] {
  const escape = (w: string) => escapeRegExp(w).replace(/\s+/g, '[\\s\\u00A0-]+');
  const wholeWords = (list: string[], flags: string) =>
    list.length ? [new RegExp(`\\b(?:${list.map(escape).join('|')})\\b`, flags)] : [];
  return [
    ...wholeWords(
      words.filter((w) => !isShortAllCaps(w)),
      'gi',
    ),
    ...wholeWords(words.filter(isShortAllCaps), 'g'),
  ];
}

/**
 * Where a sentence ends: after ., !, ? or … (with any closing quote or bracket) followed by a space or the end,
 * or by a footnote number and a space ("…method (LAM).13 Oestrogen…"; not "2.5 mmol"), and at a line break.
 * A dot inside "www.example.org" or "(LAM).Roughly" ends nothing.
 */
const sentenceEnd = /[.!?\u2026]+['"’”)\]]*(?=[\s\u00A0]|$)|(?<=[\p{L})\]][.!?])\d{1,3}(?=[\s\u00A0]|$)|\n/gu;

/** The sentences of a block, found as far as they are asked for (a block's occurrences come in order). */
class Sentences {
  /** End (exclusive) of each sentence found so far; the last one ends where the text does. */
  readonly #ends: number[] = [];
  #done = false;

  constructor(readonly text: string) {}

  /** Finds sentences until `i` is known or the text ends; false when there is no sentence `i`. */
  #reach(i: number): boolean {
    while (this.#ends.length <= i && !this.#done) {
      sentenceEnd.lastIndex = this.#ends.at(-1) ?? 0;
      const m = sentenceEnd.exec(this.text);
      const end = m ? m.index + m[0].length : this.text.length;
      this.#ends.push(end);
      if (end >= this.text.length) this.#done = true;
    }
    return i >= 0 && i < this.#ends.length;
  }

  /** Index of the sentence holding `position`. */
  indexOf(position: number): number {
    while (!this.#done && (this.#ends.at(-1) ?? 0) <= position) this.#reach(this.#ends.length);
    let lo = 0;
    let hi = this.#ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#ends[mid]! <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  exists = (i: number) => this.#reach(i);
  start = (i: number) => (i > 0 ? this.#ends[i - 1]! : 0);
  end = (i: number) => this.#ends[i]!;
}

/**
 * Which sentences of a block hold one of a list of words. The text is read forward once, at most up to the
 * sentence last asked about: each search starts where the previous one left off, so a block costs one pass
 * however many occurrences ask (a 300 kB paragraph of acronyms must not be read once per occurrence).
 */
class CueSentences {
  /** Per sentence read so far: whether it holds a cue. */
  readonly #holds: boolean[] = [];
  /** Where the next cue of each pattern is, once searched (-1: none left). */
  readonly #next: (number | undefined)[];
  #anyFound = false;

  constructor(
    readonly patterns: RegExp[],
    readonly sentences: Sentences,
  ) {
    this.#next = patterns.map(() => undefined);
  }

  /** Position of the first cue at or after `from` (from never decreases between calls), or -1. */
  #nextCue(from: number): number {
    let first = -1;
    for (let k = 0; k < this.patterns.length; k++) {
      let at = this.#next[k];
      if (at === undefined || (at >= 0 && at < from)) {
        const pattern = this.patterns[k]!;
        pattern.lastIndex = from;
        at = pattern.exec(this.sentences.text)?.index ?? -1;
        this.#next[k] = at;
      }
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }

  /** Whether sentence `i` (which must have been found) holds a cue. */
  holds(i: number): boolean {
    while (this.#holds.length <= i) {
      // Cheap for the sentences before the next cue: its position is kept, not searched again.
      const j = this.#holds.length;
      const cue = this.#nextCue(this.sentences.start(j));
      const holds = cue >= 0 && cue < this.sentences.end(j);
      this.#holds.push(holds);
      if (holds) this.#anyFound = true;
    }
    return this.#holds[i]!;
  }

  /** Whether any of sentences `from` to `to` (those that exist) holds a cue. */
  anyIn(from: number, to: number): boolean {
    for (let i = Math.max(0, from); i <= to && this.sentences.exists(i); i++) if (this.holds(i)) return true;
    return false;
  }

  /** Whether the block holds a cue anywhere. */
  anywhere(): boolean {
    if (this.#anyFound) return true;
    const from = this.#holds.length > 0 ? this.sentences.end(this.#holds.length - 1) : 0;
    return this.#nextCue(from) >= 0;
  }
}

/** How many different confirming words the text around a block must hold, where none is a phrase. */
const confirmingWordsAround = 2;

/**
 * Whether the text next to a block that names neither sense gives the acronym its sense: a heading "The LAM
 * method" over the paragraph that says breastfeeding, "IR" a paragraph after "insulin resistance". It holds
 * no rejecting word, and either a confirming phrase of several words ("insulin resistance", "birth control")
 * or two different confirming words: one everyday word a paragraph away is too weak ("GD" heading a game's
 * news over "it took me weeks" is not gestational diabetes).
 */
function confirmedAround(confirm: RegExp[], reject: RegExp[], text: string): boolean {
  if (!text) return false;
  const holds = (pattern: RegExp) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
  if (reject.some(holds)) return false;
  const words = new Set<string>();
  for (const pattern of confirm) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const word = m[0].toLowerCase().replace(/[\s\u00A0-]+/g, ' ');
      if (word.includes(' ')) return true;
      words.add(word);
      if (words.size >= confirmingWordsAround) return true;
    }
  }
  return false;
}

/** The first letters of a phrase's words, in capitals: "Geometry Dash" is "GD", "infra-red" is "IR"; one word has none. */
function initialsOf(phrase: string): string {
  const words = phrase.split(/[\s-]+/).filter(Boolean);
  return words.length > 1 ? words.map((w) => w[0]!.toUpperCase()).join('') : '';
}

export interface AcronymCheck {
  rule: AcronymRule;
  /** True when `surface` is written in a case the rule accepts (IGT, not igt, unless any case is allowed). */
  caseAccepts(surface: string): boolean;
  /**
   * The judge of the rule's context words in one block. A caller meeting the acronym many times in one block
   * asks one judge: it reads the block once, not once per occurrence. `around` gives the text next to the
   * block, read only when the block names neither sense (see `confirmedAround`).
   */
  contextIn(blockText: string, around?: () => string): AcronymContext;
}

export interface AcronymContext {
  /** True when the words around the occurrence at `position` confirm the glossary sense. */
  acceptsAt(position: number): boolean;
}

const acceptAll: AcronymContext = { acceptsAt: () => true };
const rejectAll: AcronymContext = { acceptsAt: () => false };

/**
 * Case and context rules of one acronym: "IGT" near "glucose tolerance" is not insufficient glandular tissue.
 *
 * A block whose words belong to one sense only gives every occurrence that sense (no confirming word: none,
 * unless the text around the block confirms it: `confirmedAround`).
 * Where it names both, each occurrence is judged nearest first, because real posts talk about both senses in
 * one paragraph ("My 1-hour test was fine. The LC thinks I have IGT: my breasts never changed."): its own
 * sentence decides if it has a word of either list, else the sentences either side of it. A rejecting word
 * wins over a confirming one at the same distance, and an occurrence with neither near it is left alone:
 * where both senses are named together, not underlining is better than underlining the wrong one.
 */
export function acronymCheck(rule: AcronymRule): AcronymCheck {
  const confirm = wordListPatterns(rule.confirmWith);
  const reject = wordListPatterns(rule.rejectWith);
  const spellsOut = (phrase: string) => initialsOf(phrase) === rule.text.replaceAll('.', '').toUpperCase();
  const otherExpansions = wordListPatterns(rule.rejectWith.filter(spellsOut));
  const ownExpansions = wordListPatterns(rule.confirmWith.filter(spellsOut));
  return {
    rule,
    caseAccepts: (surface) => rule.anyCase || surface === rule.text || surface === rule.text.toUpperCase(),
    contextIn(text, around) {
      if (confirm.length === 0 && reject.length === 0) return acceptAll;
      const sentences = new Sentences(text);
      const confirming = new CueSentences(confirm, sentences);
      const rejecting = new CueSentences(reject, sentences);
      // Most blocks name one sense or none: then every occurrence gets the same verdict, with no sentence work.
      if (!rejecting.anywhere()) {
        if (confirm.length === 0 || confirming.anywhere()) return acceptAll;
        return around && confirmedAround(confirm, reject, around()) ? acceptAll : rejectAll;
      }
      if (!confirming.anywhere()) return rejectAll;
      const verdicts = new Map<number, boolean>();
      // Most acronyms have no other sense whose words spell them out: no sentence is searched for one.
      const otherSpelledOut = otherExpansions.length > 0 ? new CueSentences(otherExpansions, sentences) : null;
      const ownSpelledOut = new CueSentences(ownExpansions, sentences);
      const judge = (i: number): boolean => {
        // The other sense written out in the next sentence ("in GD … Geometry Dash = …") says what the acronym
        // stands for, more than an everyday confirming word beside it ("baby") does.
        if (otherSpelledOut?.anyIn(i - 1, i + 1) && !ownSpelledOut.anyIn(i - 1, i + 1)) return false;
        if (rejecting.anyIn(i, i)) return false;
        if (confirming.anyIn(i, i)) return true;
        if (rejecting.anyIn(i - 1, i + 1)) return false;
        if (confirming.anyIn(i - 1, i + 1)) return true;
        return false;
      };
      return {
        acceptsAt(position) {
          const i = sentences.indexOf(position);
          let verdict = verdicts.get(i);
          if (verdict === undefined) verdicts.set(i, (verdict = judge(i)));
          return verdict;
        },
      };
    },
  };
}
