import nlp from 'compromise';
import type { Claim, ClaimFigure, ClaimLanguage, Glossary } from '../glossary/types.ts';
import type { TermMatch, TermMatcher } from '../match/term-matcher.ts';
import { describeClaimFigure } from './describe.ts';
import { overlaps, phraseSpans, type Span } from './find-phrases.ts';
import { parseSentence, readProposition, type ParsedSentence, type Reading } from './read-proposition.ts';
import { readDurations, readShares, readYears, type Figure } from './read-figures.ts';

export type Verdict = 'agrees' | 'differs' | 'related';

export interface ClaimCheck {
  claimId: string;
  verdict: Verdict;
  /** UTF-16 offsets of the sentence in the text given to checkClaims. */
  start: number;
  end: number;
  sentence: string;
  /** The figures the page gives, as written ("50%", "a few days"). */
  pageFigures: string[];
  /** Why it was flagged, in plain words; says so when the page measures something else. */
  reasons: string[];
}

type Judgement = Pick<ClaimCheck, 'verdict' | 'pageFigures' | 'reasons'>;

/** Percentage points within which a share agrees with the article's. */
const shareTolerance = 1.5;
/** Days within which a time after birth agrees with the article's. */
const durationTolerance = 4;
const daysPer: Record<ClaimFigure['unit'], number> = { '%': 1, day: 1, week: 7, month: 30, year: 365 };

const claimRange = (f: ClaimFigure): [number, number] => [
  (f.value ?? f.low!) * daysPer[f.unit],
  (f.value ?? f.high!) * daysPer[f.unit],
];
const agreesWith = (range: [number, number], page: Figure, tolerance: number) =>
  page.low <= range[1] + tolerance && page.high >= range[0] - tolerance;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Bracketed footnote marks right after a sentence's end ("was 8.9%.[2] Trends", "[3–5]", "[note 1]"), which
 * keep compromise from ending the sentence there: one flagged "sentence" ran four sentences long on a real page.
 */
const footnotesAfterEnd =
  /(?<=[.!?]["'”’)]?)(?:\[(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[a-z]|note\s+\d{1,3}|citation needed)\])+/gi;

/** Sentences with their offsets, as compromise splits them (footnote marks read as spaces: offsets hold). */
function sentencesOf(text: string): { text: string; start: number }[] {
  const split = text.replace(footnotesAfterEnd, (marks) => ' '.repeat(marks.length));
  const json = nlp(split).json({ offset: true }) as { offset?: { start: number; length: number } }[];
  return json
    .filter((s) => s.offset)
    .map((s) => ({ text: text.slice(s.offset!.start, s.offset!.start + s.offset!.length), start: s.offset!.start }));
}

/** A question asks; it states nothing to check ("Does insulin matter for supply" is often written without "?"). */
const isQuestion = (sentence: string) =>
  /\?\s*["”’')\]]*\s*$/.test(sentence) ||
  /^\W*(?:do|does|did|is|are|was|were|can|could|would|should|will|has|have|had|anyone|any1|how come)\b/i.test(sentence);

/** The place id for a place the places' words do not list, and compromise's tags for a place's name. */
const otherPlace = 'elsewhere';
const placeTags = ['Place', 'Country', 'City', 'Region'];

/**
 * Places named in the sentence, by place id: the places' words, and a city, country or region compromise knows
 * that they do not list ("Chennai", "Kenya") as another place, so the reason names it rather than saying the
 * sentence does not say where.
 */
function placesIn(sentence: ParsedSentence, language: ClaimLanguage): Set<string> {
  const found = new Set<string>();
  const listed: Span[] = [];
  for (const [id, place] of Object.entries(language.places)) {
    const spans = phraseSpans(sentence.text, place.words);
    if (spans.length > 0) found.add(id);
    listed.push(...spans);
  }
  const unlisted = sentence.words.some(
    (word) => placeTags.some((tag) => word.tags.has(tag)) && !listed.some((span) => overlaps(span, word)),
  );
  if (unlisted && otherPlace in language.places) found.add(otherPlace);
  return found;
}

/** Periods named in the sentence; a period named inside a longer one ("pregnancy" in "after pregnancy") does not count. */
function periodsIn(sentence: string, language: ClaimLanguage): Set<string> {
  const found = Object.entries(language.periods).flatMap(([id, p]) =>
    phraseSpans(sentence, p.words).map((span) => ({ id, span })),
  );
  const outer = found.filter(
    (a) =>
      !found.some(
        (b) =>
          b !== a &&
          b.span.start <= a.span.start &&
          a.span.end <= b.span.end &&
          b.span.end - b.span.start > a.span.end - a.span.start,
      ),
  );
  return new Set(outer.map((f) => f.id));
}

/** Before the subject: the last name of a list it ends ("progesterone and prolactin", "a, b, and prolactin"). */
const joinsBefore = /^\s*,?\s*(?:and|or|&|\/)\s*$/i;
/** After the subject: a comma to the next name of the list, or the "and" that ends it (", and" starts a clause). */
const commaAfter = /^\s*,\s*$/;
const joinsAfter = /^(?:\s+(?:and|or|&)\s+|\s*\/\s*)$/i;

/**
 * Whether the subject is listed with one of `others`, which then share what the sentence says of it
 * ("progesterone and prolactin regulate", "prolactin, oxytocin and insulin drive"). "Unlike oxytocin,
 * prolactin …" and "… is prolactin, and oxytocin is …" are not lists.
 */
function isListedWith(sentence: string, subject: Span, others: string[]): boolean {
  const names = phraseSpans(sentence, others).sort((a, b) => a.start - b.start);
  if (names.some((n) => n.end <= subject.start && joinsBefore.test(sentence.slice(n.end, subject.start)))) return true;
  let end = subject.end;
  for (const name of names.filter((n) => n.start >= subject.end)) {
    const between = sentence.slice(end, name.start);
    if (joinsAfter.test(between)) return true;
    if (!commaAfter.test(between)) return false;
    end = name.end;
  }
  return false;
}

/** Between the people counted and a term: the term names a condition they have ("women with gestational diabetes"). */
const withCondition =
  /^\s+(?:with|diagnosed\s+with|who(?:['’]ve|\s+(?:have|has|had|were|was|are|is))?(?:\s+been)?\s+(?:had|have|has|developed|develop|got|get|diagnosed\s+with)|who\s+(?:have|has|had))\s+(?:(?:a|an|the|previous|prior|past|earlier|history\s+of|their|her)\s+){0,3}$/i;

/**
 * Whether the share is of people who have another condition ("up to 50% of women with gestational diabetes
 * develop type 2 diabetes"): a risk among patients, not a share of the population. "Living with" after a
 * verb is the subject itself ("people … living with prediabetes"), so the condition must follow the people.
 */
function isShareOfPeopleWith(sentence: string, subject: Span, people: Span[], matches: TermMatch[]): boolean {
  return matches.some(
    (m) =>
      m.end <= subject.start &&
      people.some((p) => p.end <= m.start && withCondition.test(sentence.slice(p.end, m.start))),
  );
}

/**
 * Whether what the sentence states is set elsewhere than the claim's object: its clause names no object and
 * the sentence names another setting ("lactose is an osmotic agent" where lactase fails in the gut). A denial
 * is still a denial, and "lactose draws water into breast milk, so babies' stools are soft" names milk.
 */
function isSetElsewhere(
  sentence: ParsedSentence,
  reading: Reading,
  objectSpans: Span[],
  otherSetting: string[] | undefined,
): boolean {
  if (!otherSetting) return false;
  const clause =
    sentence.clauses.find((c) => c.start <= reading.span.start && reading.span.end <= c.end) ?? reading.span;
  return !objectSpans.some((o) => overlaps(o, clause)) && phraseSpans(sentence.text, otherSetting).length > 0;
}

/** Spans of a vocabulary item: its words, and its glossary terms as the matcher found them. */
function vocabularySpans(
  sentence: string,
  words: string[],
  termIds: readonly string[] = [],
  matches: TermMatch[],
): Span[] {
  return [...phraseSpans(sentence, words), ...matches.filter((m) => termIds.includes(m.termId))];
}

/** Share claims: the same measure, place and year, then the figures compared. */
function judgeShare(
  claim: Claim,
  reading: Reading,
  figures: Figure[],
  sentence: ParsedSentence,
  language: ClaimLanguage,
): Judgement | null {
  const articleFigure = claim.qualifiers.figure!;
  const inFigure = reading.figure ? figures.filter((f) => overlaps(f, reading.figure!)) : [];
  if (inFigure.length === 0) return null;
  const page: Figure = {
    ...inFigure[0]!,
    low: Math.min(...inFigure.map((f) => f.low)),
    high: Math.max(...inFigure.map((f) => f.high)),
  };
  const pageFigures = inFigure.map((f) => f.text);
  const relation = language.relations[claim.relation]!;
  const range = claimRange(articleFigure);
  const same = agreesWith(range, page, shareTolerance);
  const articleText = describeClaimFigure(articleFigure);
  if (reading.says === 'deny') {
    return same
      ? { verdict: 'differs', pageFigures, reasons: [`The page denies the article’s figure (${articleText}).`] }
      : null;
  }
  const measureLabel = (id: string | null) => (id ? (relation.measures[id] ?? id) : 'something else');
  if (reading.measure !== articleFigure.measure) {
    return {
      verdict: 'related',
      pageFigures,
      reasons: [
        `This sentence counts ${measureLabel(reading.measure)}; the article counts ${measureLabel(articleFigure.measure)}, so the figures are not comparable.`,
      ],
    };
  }
  const places = placesIn(sentence, language);
  const place = claim.qualifiers.place;
  if (place && !places.has(place)) {
    const where = language.places[place]!.label;
    const said = [...places].map((p) => language.places[p]!.label);
    return {
      verdict: 'related',
      pageFigures,
      reasons: [
        said.length > 0
          ? `This sentence is about ${said.join(', ')}; the article’s figure is for ${where}.`
          : `The article’s figure is for ${where}; this sentence does not say where.`,
      ],
    };
  }
  const year = claim.qualifiers.year;
  if (year !== null) {
    const years = readYears(sentence.text);
    if (!years.some((y) => y.low === year)) {
      return {
        verdict: 'related',
        pageFigures,
        reasons: [
          years.length > 0
            ? `This sentence is about ${years.map((y) => y.text).join(', ')}; the article’s figure is for ${year}.`
            : `The article’s figure is for ${year}; this sentence gives no year.`,
        ],
      };
    }
  }
  const scope = `${measureLabel(articleFigure.measure)}${place ? `, ${language.places[place]!.label}` : ''}${year !== null ? `, ${year}` : ''}`;
  return same
    ? {
        verdict: 'agrees',
        pageFigures,
        reasons: [`Same figure as the article (${articleText}) for the same measure (${scope}).`],
      }
    : {
        verdict: 'differs',
        pageFigures,
        reasons: [
          `The page gives ${pageFigures.join(', ')}; the article gives ${articleText} for the same measure (${scope}).`,
        ],
      };
}

/** A change at a time ("insulin falls about two weeks after birth"): the direction, then the timing. */
function judgeTiming(claim: Claim, reading: Reading, sentence: string): Judgement | null {
  const articleFigure = claim.qualifiers.figure!;
  // "well before two weeks", "not two weeks later": a time the sentence sets aside is not the time it gives.
  const durations = readDurations(sentence).filter(
    (d) =>
      !/\b(?:not|before|than|instead of|rather than|and not)\s+(?:about\s+|around\s+)?$/i.test(
        sentence.slice(0, d.start),
      ),
  );
  const pageFigures = durations.map((d) => d.text);
  const articleText = `${describeClaimFigure(articleFigure)}${claim.qualifiers.time ? ` (${claim.qualifiers.time})` : ''}`;
  const range = claimRange(articleFigure);
  const sameTime = durations.some((d) => agreesWith(range, d, durationTolerance));
  if (reading.says === 'deny')
    return {
      verdict: 'differs',
      pageFigures,
      reasons: [`The page says this does not happen as the article states: ${lowerFirst(claim.statement)}`],
    };
  if (reading.says === 'opposite') {
    // Another change at another time is not this claim; with no time given it may be (pregnancy), or not.
    if (!sameTime)
      return durations.length > 0
        ? null
        : {
            verdict: 'related',
            pageFigures,
            reasons: ['The page describes the opposite change, but gives no time to compare with the article’s.'],
          };
    return {
      verdict: 'differs',
      pageFigures,
      reasons: [`The page describes the opposite change; the article says: ${lowerFirst(claim.statement)}`],
    };
  }
  if (durations.length === 0)
    return { verdict: 'related', pageFigures, reasons: ['Same change as the article; no timing to compare.'] };
  return sameTime
    ? { verdict: 'agrees', pageFigures, reasons: [`Same change and timing as the article: ${articleText}.`] }
    : {
        verdict: 'differs',
        pageFigures,
        reasons: [`The page gives ${pageFigures.join(', ')}; the article says ${articleText}.`],
      };
}

function judgeStatement(claim: Claim, reading: Reading): Judgement {
  if (reading.says === 'affirm')
    return {
      verdict: 'agrees',
      pageFigures: [],
      reasons: [`Says what the article says: ${lowerFirst(claim.statement)}`],
    };
  if (reading.says === 'deny')
    return {
      verdict: 'differs',
      pageFigures: [],
      reasons: [`Denies what the article says: ${lowerFirst(claim.statement)}`],
    };
  return {
    verdict: 'differs',
    pageFigures: [],
    reasons: [`Describes the opposite of what the article says: ${lowerFirst(claim.statement)}`],
  };
}

/** The verdict of one sentence on one claim, or null when the sentence does not state it or its contradiction. */
function judge(
  claim: Claim,
  sentence: ParsedSentence,
  matches: TermMatch[],
  language: ClaimLanguage,
): { judgement: Judgement; subject: Span } | null {
  const subject = matches.filter((m) => claim.subjects.includes(m.termId));
  if (subject.length === 0) return null;
  const { qualifiers } = claim;
  const periods = periodsIn(sentence.text, language);
  if (qualifiers.period && qualifiers.periodRequired && !periods.has(qualifiers.period)) return null;
  // A statement about another period ("during pregnancy") is not the article's, which is about after birth.
  const otherPeriod = qualifiers.period !== null && !periods.has(qualifiers.period) && periods.size > 0;
  const object = language.objects[claim.object]!;
  const isShare = qualifiers.figure?.unit === '%';
  const figures = isShare ? readShares(sentence.text) : [];
  const relation = language.relations[claim.relation]!;
  const objectSpans = vocabularySpans(sentence.text, object.words, object.terms, matches);
  const reading = readProposition(sentence, relation, { subject, object: objectSpans, figure: figures });
  if (!reading) return null;
  if (reading.says !== 'deny' && isSetElsewhere(sentence, reading, objectSpans, object.otherSetting)) return null;
  if (
    reading.says === 'affirm' &&
    relation.sharedWith &&
    isListedWith(sentence.text, reading.subject, relation.sharedWith)
  )
    return null;
  if (isShare && isShareOfPeopleWith(sentence.text, reading.subject, objectSpans, matches)) return null;
  let judgement: Judgement | null;
  if (isShare) judgement = judgeShare(claim, reading, figures, sentence, language);
  else if (qualifiers.figure) judgement = judgeTiming(claim, reading, sentence.text);
  else judgement = judgeStatement(claim, reading);
  if (judgement && otherPeriod && judgement.verdict !== 'related') {
    const label = language.periods[qualifiers.period!]!.label;
    judgement = {
      verdict: 'related',
      pageFigures: judgement.pageFigures,
      reasons: [`The article says this happens ${label}; this sentence is about another time.`],
    };
  }
  return judgement ? { judgement, subject: reading.subject } : null;
}

/**
 * Checks the sentences of `text` against the article's claims. A sentence gets a verdict on a claim only when
 * one of its clauses states the claim's proposition (subject, relation, object) or contradicts it; figures,
 * place, year and period then decide between agrees, differs and related. One verdict per subject: where two
 * claims share a subject, the first in claims.json (the more specific) wins. Pure: runs in Node and in the
 * extension's background.
 */
export function checkClaims(
  text: string,
  article: Pick<Glossary, 'claims' | 'claimLanguage'>,
  matcher: TermMatcher,
): ClaimCheck[] {
  const { claims, claimLanguage: language } = article;
  const checks: ClaimCheck[] = [];
  const subjects = new Set(claims.flatMap((c) => c.subjects));
  if (subjects.size === 0) return checks;
  for (const sentence of sentencesOf(text)) {
    const trimmed = sentence.text.trimEnd();
    if (isQuestion(trimmed)) continue;
    const matches = matcher.find(trimmed);
    if (!matches.some((m) => subjects.has(m.termId))) continue;
    const parsed = parseSentence(trimmed);
    const taken: Span[] = [];
    for (const claim of claims) {
      const result = judge(claim, parsed, matches, language);
      if (!result || taken.some((s) => overlaps(s, result.subject))) continue;
      taken.push(result.subject);
      checks.push({
        claimId: claim.id,
        ...result.judgement,
        start: sentence.start,
        end: sentence.start + trimmed.length,
        sentence: trimmed,
      });
    }
  }
  return checks;
}
