import nlp from 'compromise';
import type { ClaimRelation, RelationWording } from '../glossary/types.ts';
import { type Span } from './find-phrases.ts';
import { matchWords, parseWordPattern, type Word, type WordMatch, type WordPattern } from './match-words.ts';

interface TermJson {
  text: string;
  normal: string;
  implicit?: string | null;
  machine?: string | null;
  tags: string[];
  offset: { start: number; length: number };
}

/** A sentence read once by compromise: its words with their tags and offsets, and its clauses. */
export interface ParsedSentence {
  text: string;
  words: Word[];
  clauses: Span[];
}

/** What one clause of a sentence says about a claim's proposition. */
export interface Reading {
  /** The claim itself, its denial (or its own verb negated), or the opposite change. */
  says: 'affirm' | 'deny' | 'opposite';
  /** For relations with figures: which measure the sentence's wording counts. */
  measure: string | null;
  /** The words that state it. */
  span: Span;
  subject: Span;
  figure: Span | null;
}

/** The spans to tag before matching: the claim's subject term, its object's words, the figures of its kind. */
export interface ReadingSlots {
  subject: Span[];
  object: Span[];
  figure: Span[];
}

const spanOf = (offset: { start: number; length: number }): Span => ({
  start: offset.start,
  end: offset.start + offset.length,
});

export function parseSentence(text: string): ParsedSentence {
  const doc = nlp(text);
  const terms = (doc.json({ offset: true }) as { terms: TermJson[] }[]).flatMap((s) => s.terms);
  const words = terms.map((t): Word => ({
    forms: [
      ...new Set(
        [t.normal, t.implicit, t.machine]
          .filter((f): f is string => typeof f === 'string' && f !== '')
          .map((f) => f.toLowerCase()),
      ),
    ],
    tags: new Set(t.tags),
    ...spanOf(t.offset),
  }));
  const clauses = (doc.clauses().json({ offset: true }) as { offset?: { start: number; length: number } }[]).flatMap(
    (c) => (c.offset ? [spanOf(c.offset)] : []),
  );
  return { text, words, clauses };
}

const patterns = new Map<string, WordPattern>();
const patternOf = (match: string) => {
  let pattern = patterns.get(match);
  if (!pattern) patterns.set(match, (pattern = parseWordPattern(match)));
  return pattern;
};

/** Words that, right after a negative, make it a contrast rather than a denial: "not just prolactin". */
const contrastAfterNegative = new Set(['just', 'only', 'merely', 'simply', 'solely', 'exclusively']);
const negativeWords = new Set([
  'not',
  'never',
  'no',
  "n't",
  'nothing',
  'neither',
  'nor',
  'cannot',
  "can't",
  "won't",
  "don't",
  "doesn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "didn't",
  'dont',
  'doesnt',
  'isnt',
  'cant',
  'wont',
  'didnt',
  'arent',
]);

/** Whether the verb of the matched words is negated: a negative among them that is not "not just". */
function isNegated(words: Word[]): boolean {
  return words.some((word, i) => {
    const negative = word.tags.has('Negative') || word.forms.some((f) => negativeWords.has(f));
    const next = words[i + 1];
    return negative && !(next && next.forms.some((f) => contrastAfterNegative.has(f)));
  });
}

/** The sentence's words before `span`, within the clause that holds it. */
function clausePrefix(sentence: ParsedSentence, span: Span): string {
  const clause = sentence.clauses.find((c) => c.start <= span.start && span.start < c.end);
  return sentence.text.slice(clause?.start ?? 0, span.start);
}

/** Whether the words sit inside one clause (compromise's clauses), as a statement's subject, verb and object do. */
const withinOneClause = (sentence: ParsedSentence, span: Span) =>
  sentence.clauses.some((c) => c.start <= span.start && span.end <= c.end);

const conditional = /\b(?:if|whether|unless|in case|wonder|wondering|wondered)\b/i;
const reportedBelief =
  /\b(?:people|some|they|many|everyone|folks|others|somebody|someone)\s+(?:say|says|said|think|thinks|believe|believes|claim|claims|assume|assumes)\s+(?:that\s+)?$/i;
const denialOfWhatFollows =
  /(?:\b(?:not true|untrue|false|a myth|wrong|incorrect|nonsense|not the case)\s+that|\bno way|\bmyth:|\b(?:scaremongering|nonsense|ridiculous|absurd|wrong|misleading|false|untrue|a myth|an exaggeration|overblown|alarmist)\s+to\s+(?:say|claim|suggest|think|believe)(?:\s+that)?)\s+$/i;

/** "… is wrong", "… is a myth" right after the statement: the sentence rejects what it just stated. */
const rejectedAfter =
  /^[^.;!?]{0,40}?\b(?:is|are|was|were|'s)\s+(?:just\s+|simply\s+|completely\s+|totally\s+|plain\s+)?(?:wrong|false|nonsense|a myth|untrue|overblown|exaggerated|not true|not correct|incorrect|rubbish|bs|bunk|debunked)\b/i;

/** Stretches in quotation marks: a title or someone's words quoted, not what the sentence states. */
const quoted = /"[^"]*"|“[^”]*”|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])|‘[^’]*’(?![\p{L}\p{N}])/gu;
const isQuoted = (text: string, span: Span) =>
  [...text.matchAll(quoted)].some((m) => m.index <= span.start && span.end <= m.index + m[0].length);

/**
 * Reads whether `sentence` states the proposition of a claim with `relation`: a wording of the relation must
 * match with the claim's subject as (part of) its grammatical subject, or its object in the passive or
 * copular form, inside one clause. Negation is read from those words only, so a "without" or a "not" elsewhere
 * in the sentence does not count. Conditionals ("if …") and beliefs reported as such state nothing.
 */
/** Wordings written with their own negative ("plays only a minor role") before the plain ones they contain. */
const byFixedFirst = (wordings: RelationWording[]) => [
  ...wordings.filter((w) => w.fixedPolarity),
  ...wordings.filter((w) => !w.fixedPolarity),
];

export function readProposition(
  sentence: ParsedSentence,
  relation: ClaimRelation,
  slots: ReadingSlots,
): Reading | null {
  if (slots.subject.length === 0) return null;
  const inside = (word: Word, spans: Span[]) => spans.some((s) => s.start < word.end && word.start < s.end);
  const words = sentence.words.map((word): Word => {
    const tags = new Set(word.tags);
    if (inside(word, slots.subject)) tags.add('LgSubject');
    if (inside(word, slots.object)) tags.add('LgObject');
    if (inside(word, slots.figure)) tags.add('LgFigure');
    return { ...word, tags };
  });
  for (const wording of byFixedFirst(relation.wordings)) {
    const inOneClause = (m: WordMatch) =>
      wording.fixedPolarity || withinOneClause(sentence, { start: words[m.start]!.start, end: words[m.end]!.end });
    for (const match of matchWords(patternOf(wording.match), words, inOneClause)) {
      const reading = readMatch(sentence, words, match, wording);
      if (reading) return reading;
    }
  }
  return null;
}

function readMatch(
  sentence: ParsedSentence,
  words: Word[],
  match: WordMatch,
  wording: RelationWording,
): Reading | null {
  const spanOfWords = (g: { start: number; end: number } | undefined): Span | null =>
    g ? { start: words[g.start]!.start, end: words[g.end]!.end } : null;
  const span = spanOfWords(match)!;
  const subject = spanOfWords(match.groups.subject);
  if (!subject) return null;
  const prefix = clausePrefix(sentence, span);
  if (
    conditional.test(prefix) ||
    reportedBelief.test(sentence.text.slice(0, span.start)) ||
    isQuoted(sentence.text, span)
  )
    return null;
  const figure = spanOfWords(match.groups.figure);
  const flipped =
    denialOfWhatFollows.test(sentence.text.slice(0, span.start)) || rejectedAfter.test(sentence.text.slice(span.end));
  const negated = (!wording.fixedPolarity && isNegated(words.slice(match.start, match.end + 1))) !== flipped;
  let says: Reading['says'] | null = wording.says;
  if (negated) says = wording.says === 'affirm' ? 'deny' : null; // "doesn't rise" contradicts nothing the article says
  if (!says) return null;
  return { says, measure: wording.measure, span, subject, figure };
}
