import nlp from 'compromise';

/** A figure read from a sentence: a share of a population in percent, a duration in days, or a year. */
export interface Figure {
  kind: 'share' | 'duration' | 'year';
  low: number;
  high: number;
  /** The words on the page. */
  text: string;
  /** "a few days": no exact number was given. */
  approximate: boolean;
  /** Where the words are in the sentence (UTF-16 offsets). */
  start: number;
  end: number;
}

/** Number words and digits to a value, with compromise ("two" → 2, "thirty" → 30, "a few" → 3). */
function numberValue(words: string): number | null {
  const trimmed = words.trim().replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const worded: Record<string, number> = { a: 1, an: 1, 'a couple': 2, 'a couple of': 2, 'a few': 3 };
  if (trimmed.toLowerCase() in worded) return worded[trimmed.toLowerCase()]!;
  const values = nlp(trimmed).numbers().get() as unknown as unknown[];
  const value = values[0];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const numberWord = String.raw`(?:\d+(?:\.\d+)?|a few|a couple of|a couple|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)`;
const fractionWords: [RegExp, number][] = [
  [/\b(?:one|a) half\b|\bhalf\b/i, 50],
  [/\btwo[- ]thirds\b/i, 66.7],
  [/\bthree[- ]quarters\b/i, 75],
  [/\b(?:a|one) third\b/i, 33.3],
  [/\b(?:a|one) quarter\b/i, 25],
  [/\b(?:a|one) fifth\b/i, 20],
  [/\b(?:a|one) tenth\b/i, 10],
];

/** Shares of a population: "10%", "30 – 50 percent", "2% to 10%", "half", "a quarter", "1 in 3", "one in four". */
export function readShares(sentence: string): Figure[] {
  const shares: Figure[] = [];
  const percent = String.raw`\s*(?:%|percent\b|per cent\b)`;
  const range = new RegExp(
    String.raw`(?:between\s+)?(${numberWord})(?:${percent})?\s*(?:–|—|-|to|and)\s*(${numberWord})${percent}`,
    'gi',
  );
  const taken: [number, number][] = [];
  for (const m of sentence.matchAll(range)) {
    const low = numberValue(m[1]!);
    const high = numberValue(m[2]!);
    if (low === null || high === null) continue;
    shares.push({
      kind: 'share',
      low: Math.min(low, high),
      high: Math.max(low, high),
      text: m[0],
      approximate: false,
      ...at(m),
    });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  const single = new RegExp(String.raw`(${numberWord})${percent}`, 'gi');
  for (const m of sentence.matchAll(single)) {
    if (taken.some(([s, e]) => m.index! >= s && m.index! < e)) continue;
    const value = numberValue(m[1]!);
    if (value !== null)
      shares.push({ kind: 'share', low: value, high: value, text: m[0], approximate: false, ...at(m) });
  }
  const ratio = new RegExp(String.raw`\b(${numberWord})\s+(?:in|out of|in every)\s+(${numberWord})\b`, 'gi');
  for (const m of sentence.matchAll(ratio)) {
    const part = numberValue(m[1]!);
    const whole = numberValue(m[2]!);
    if (part !== null && whole && part <= whole)
      shares.push({
        kind: 'share',
        low: (100 * part) / whole,
        high: (100 * part) / whole,
        text: m[0],
        approximate: false,
        ...at(m),
      });
  }
  for (const [pattern, value] of fractionWords) {
    const m = sentence.match(pattern);
    if (m) shares.push({ kind: 'share', low: value, high: value, text: m[0], approximate: false, ...at(m) });
  }
  const majority = sentence.match(/\b(?:the|a) (?:vast )?majority\b/i);
  if (majority)
    shares.push({ kind: 'share', low: 51, high: 100, text: majority[0], approximate: true, ...at(majority) });
  return shares;
}

const unitDays: Record<string, number> = {
  hour: 1 / 24,
  hr: 1 / 24,
  day: 1,
  week: 7,
  wk: 7,
  month: 30,
  mo: 30,
  year: 365,
  yr: 365,
};

const at = (m: RegExpMatchArray) => ({ start: m.index!, end: m.index! + m[0].length });

/** Times said without a number: right after birth, within days. */
const wordedTimes: [RegExp, number, number][] = [
  [
    /\b(?:immediately|right away|straight away|right after|straight after|instantly|within hours|within a day|the same day|the moment|the second|as soon as)\b/i,
    0,
    1,
  ],
  [
    /\b(?:within (?:a few |the first few |the first )?days|in the (?:first )?(?:few )?days|(?:a )?day or two|first (?:few )?days|the days after)\b/i,
    0,
    7,
  ],
  [/\b(?:a fortnight|fortnight)\b/i, 14, 14],
  [/\bmonths? later\b|\bfor months\b/i, 30, 180],
];

/** Durations: "two weeks", "5 days", "a few days", "2–6 weeks", "a fortnight", "within days". */
export function readDurations(sentence: string): Figure[] {
  const pattern = new RegExp(
    String.raw`(${numberWord}|a|an)(?:\s*(?:–|-|to|or)\s*(${numberWord}))?[\s-]+(hour|hr|day|week|wk|month|mo|year|yr)s?\b`,
    'gi',
  );
  const durations: Figure[] = [];
  for (const m of sentence.matchAll(pattern)) {
    const low = numberValue(m[1]!);
    const high = m[2] ? numberValue(m[2]) : low;
    if (low === null || high === null) continue;
    const days = unitDays[m[3]!.toLowerCase()]!;
    durations.push({
      kind: 'duration',
      low: low * days,
      high: high * days,
      text: m[0],
      approximate: /few|couple/i.test(m[1]!),
      ...at(m),
    });
  }
  for (const [pattern, low, high] of wordedTimes) {
    const m = sentence.match(pattern);
    if (m && !durations.some((d) => d.start < at(m).end && at(m).start < d.end))
      durations.push({ kind: 'duration', low, high, text: m[0], approximate: true, ...at(m) });
  }
  return durations;
}

export function readYears(sentence: string): Figure[] {
  return [...sentence.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => ({
    kind: 'year' as const,
    low: Number(m[1]),
    high: Number(m[1]),
    text: m[0],
    approximate: false,
    ...at(m),
  }));
}
