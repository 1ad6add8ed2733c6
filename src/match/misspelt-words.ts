/**
 * Words of the glossary's names as people misspell them beyond the variants each entry lists ("colstrum",
 * "estrogan", "metabollic syndrom", "galactagauge"): a word close enough to a name's word is read as that word,
 * and the matcher then reads the text as if it were spelled right, with all its usual checks. Only long words
 * are read this way (a short word a letter away from another is usually another word), never a word the
 * glossary lists as a form of its own, and never a real word listed as close to one ("lactase", "lactate").
 */
export interface MisspeltWords {
  /** `text` with each misspelt word replaced by the word it stands for; null when no word needs it (the usual case). */
  spelledRight(text: string): Respelled | null;
}

/** A text as spelled right, and where its positions were in the text as written. */
export interface Respelled {
  text: string;
  /** Where a match starting at `position` of the text spelled right starts in the text as written. */
  startAsWritten(position: number): number;
  /** Where a match ending at `position` (exclusive) ends as written: a match ending with a word takes all of it. */
  endAsWritten(position: number): number;
}

/** One word replaced: where it is in the text spelled right and as written, and how long each is. */
interface Replacement {
  at: number;
  length: number;
  writtenAt: number;
  writtenLength: number;
}

/** How far a word may be from a name's word: one edit, two from a word of twelve letters or more. */
const editsAllowed = (word: string) => (word.length >= 12 ? 2 : 1);
/** The shortest name's word read this way, and the shortest misspelling of it ("tisue" for "tissue"). */
const shortestWord = 6;
const shortestMisspelling = 5;

/**
 * `names`: the words of the glossary's names (label and aliases, with their plurals), spelled right.
 * `ownForms`: single words the matcher finds as they are (a listed variant or adjective: left as written).
 * `realWords`: words close to a name's word that are words of their own.
 */
export function createMisspeltWords(names: string[], ownForms: string[], realWords: string[]): MisspeltWords {
  const targets = [...new Set(names.map((w) => w.toLowerCase()))].filter(
    (w) => w.length >= shortestWord && /^\p{L}+$/u.test(w),
  );
  const leftAlone = new Set([...names, ...ownForms, ...realWords].map((w) => w.toLowerCase()));
  /** Words that are a whole term's name on their own ("oestrogen"), not a word of a longer one ("metabolic"). */
  const wholeNames = new Set(ownForms.map((w) => w.toLowerCase()));
  // A misspelling keeps its first three letters, as all but one in the held-out sets did ("colstrum",
  // "metabollic", "tisue"): the candidates are the words starting with a name's word's first three letters.
  // Plain ASCII, without Unicode classes: the expression reads every page the full stage runs on.
  const byStart = new Map<string, string[]>();
  for (const word of targets) byStart.set(word.slice(0, 3), [...(byStart.get(word.slice(0, 3)) ?? []), word]);
  // Each start followed by as many letters as one of its words' misspellings may have, and no more: a long
  // common word with a name's word's start ("production", "constantly") is passed over by the expression itself.
  const startPatterns = [...byStart].flatMap(([start, words]) => {
    if (!/^[a-z]+$/.test(start)) return [];
    const lengths = words.map((w) => w.length);
    const least = Math.max(shortestMisspelling, Math.min(...lengths) - 1) - start.length;
    const most = Math.max(...lengths) + 1 - start.length;
    return [`${start}[a-z]{${least},${most}}`];
  });
  const candidates = new RegExp(`\\b(?:${startPatterns.join('|')})\\b`, 'gi');

  /**
   * Each word's answer once: the words the expression meets are mostly everyday ones ("present", "program"),
   * met again and again on a page, and each costs a comparison with every name's word of its start.
   */
  const answers = new Map<string, string | null>();
  const maxAnswers = 10_000;
  function intendedWord(word: string): string | null {
    const lower = word.toLowerCase();
    let answer = answers.get(lower);
    if (answer === undefined) {
      if (answers.size >= maxAnswers) answers.clear();
      answers.set(lower, (answer = intendedWordOf(lower)));
    }
    return answer;
  }

  /** The name's word `lower` (in lower case) stands for, if it is a misspelling of exactly one. */
  function intendedWordOf(lower: string): string | null {
    if (leftAlone.has(lower)) return null;
    let found: string | null = null;
    for (const target of byStart.get(lower.slice(0, 3)) ?? []) {
      const allowed = editsAllowed(target);
      if (Math.abs(target.length - lower.length) > 1) continue;
      if (allowed === 1 ? !isOneEditApart(lower, target) : editDistance(lower, target, allowed) > allowed) continue;
      if (found && found !== target) return null; // close to two names' words: unsure, so neither
      found = target;
    }
    return found;
  }

  return {
    spelledRight(text) {
      let replacements: Replacement[] | null = null;
      let fixed = '';
      let copiedTo = 0;
      candidates.lastIndex = 0;
      for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
        const intended = intendedWord(m[0]);
        if (!intended || (wholeNames.has(intended) && isLoneCapitalised(text, m.index, m[0]))) continue;
        fixed += text.slice(copiedTo, m.index);
        (replacements ??= []).push({
          at: fixed.length,
          length: intended.length,
          writtenAt: m.index,
          writtenLength: m[0].length,
        });
        fixed += keepCase(m[0], intended);
        copiedTo = m.index + m[0].length;
      }
      return replacements && respelled(fixed + text.slice(copiedTo), replacements);
    },
  };
}

/**
 * Whether `word` at `at` is capitalised alone in running text ("Week 6 on Oestrogel, two pumps"): a name, a
 * brand's or a person's, rather than a misspelt word. A name's words capitalised together ("my Metabollic
 * Syndrom"), a sentence's or a line's first word are still read. (Asked only of a word standing for a whole
 * term's name: a capitalised word of a longer name, "diagnosed with Metabollic syndrome", is that name's.)
 */
function isLoneCapitalised(text: string, at: number, word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const [, before, gap] = /(\S+)(\s+)$/u.exec(text.slice(Math.max(0, at - 40), at)) ?? [];
  // After a line break, or the end of a sentence (a quote or a bracket may close it), a capital starts one.
  if (!before || gap!.includes('\n') || /[.!?:;…]["'”’)\]]*$/u.test(before)) return false;
  if (!/^[\p{Ll}\d]/u.test(before)) return false;
  const after = /^\s+(\S)/u.exec(text.slice(at + word.length, at + word.length + 8))?.[1];
  return !after || !/\p{Lu}/u.test(after);
}

function respelled(text: string, replacements: Replacement[]): Respelled {
  /** The last replacement starting at or before `position`, if any. */
  const replacementAt = (position: number): Replacement | undefined => {
    let lo = 0;
    let hi = replacements.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (replacements[mid]!.at <= position) lo = mid + 1;
      else hi = mid;
    }
    return replacements[lo - 1];
  };
  const asWritten = (position: number, isEnd: boolean): number => {
    const r = replacementAt(isEnd ? position - 1 : position);
    if (!r) return position;
    const offset = position - r.at;
    if (offset >= r.length) return r.writtenAt + r.writtenLength + offset - r.length;
    // Inside the word: a match starts at its start and ends at its end (the matcher never cuts a word).
    return isEnd
      ? r.writtenAt + Math.min(offset, r.writtenLength)
      : r.writtenAt + Math.min(offset, r.writtenLength - 1);
  };
  return {
    text,
    startAsWritten: (position) => asWritten(position, false),
    endAsWritten: (position) => asWritten(position, true),
  };
}

/** `intended` in the case `written` was in: capitalised, in capitals, or as given. */
function keepCase(written: string, intended: string): string {
  if (written === written.toUpperCase()) return intended.toUpperCase();
  if (written[0] === written[0]!.toUpperCase()) return intended[0]!.toUpperCase() + intended.slice(1);
  return intended;
}

/** Whether two different words are one edit apart (a letter added, dropped or changed, or two side by side swapped). */
export function isOneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (i >= b.length) return false;
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Edits between two words (insertions, deletions, substitutions, and swaps of two letters side by side), counted
 * up to `limit`: past it, limit + 1.
 */
export function editDistance(a: string, b: string, limit: number): number {
  let beforeLast: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforeLast[j - 2]! + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > limit) return limit + 1;
    beforeLast = last;
    last = row;
  }
  return Math.min(last[b.length]!, limit + 1);
}
