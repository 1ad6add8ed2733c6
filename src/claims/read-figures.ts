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
}

/** Number words and digits to a value, with compromise ("two" → 2, "thirty" → 30, "a few" → 3). */
function numberValue(words: string): number | null {
  const trimmed = words.trim().replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const values = nlp(trimmed).numbers().get() as unknown as unknown[];
  const value = values[0];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const numberWord = String.raw`(?:\d+(?:\.\d+)?|a few|a couple of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)`;
const fractionWords: [RegExp, number][] = [
  [/\b(?:one|a) half\b|\bhalf\b/i, 50],
  [/\btwo[- ]thirds\b/i, 66.7],
  [/\bthree[- ]quarters\b/i, 75],
  [/\b(?:a|one) third\b/i, 33.3],
  [/\b(?:a|one) quarter\b/i, 25],
  [/\b(?:a|one) fifth\b/i, 20],
  [/\b(?:a|one) tenth\b/i, 10],
  [/\bmost\b/i, 60],
  [/\bmajority\b/i, 60],
];

/** Shares of a population: "10%", "30 – 50 percent", "2% to 10%", "half", "a quarter", "1 in 3", "one in four". */
export function readShares(sentence: string): Figure[] {
  const shares: Figure[] = [];
  const percent = String.raw`\s*(?:%|percent\b|per cent\b)`;
  const range = new RegExp(String.raw`(${numberWord})(?:${percent})?\s*(?:–|—|-|to)\s*(${numberWord})${percent}`, 'gi');
  const taken: [number, number][] = [];
  for (const m of sentence.matchAll(range)) {
    const low = numberValue(m[1]!);
    const high = numberValue(m[2]!);
    if (low === null || high === null) continue;
    shares.push({ kind: 'share', low: Math.min(low, high), high: Math.max(low, high), text: m[0], approximate: false });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  const single = new RegExp(String.raw`(${numberWord})${percent}`, 'gi');
  for (const m of sentence.matchAll(single)) {
    if (taken.some(([s, e]) => m.index! >= s && m.index! < e)) continue;
    const value = numberValue(m[1]!);
    if (value !== null) shares.push({ kind: 'share', low: value, high: value, text: m[0], approximate: false });
  }
  const ratio = new RegExp(String.raw`\b(${numberWord})\s+(?:in|out of)\s+(${numberWord})\b`, 'gi');
  for (const m of sentence.matchAll(ratio)) {
    const part = numberValue(m[1]!);
    const whole = numberValue(m[2]!);
    if (part !== null && whole) shares.push({ kind: 'share', low: (100 * part) / whole, high: (100 * part) / whole, text: m[0], approximate: false });
  }
  for (const [pattern, value] of fractionWords) {
    const m = sentence.match(pattern);
    if (m) shares.push({ kind: 'share', low: value, high: value, text: m[0], approximate: value === 60 });
  }
  return shares;
}

const unitDays: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/** Durations: "two weeks", "5 days", "a few days", "2–6 weeks". */
export function readDurations(sentence: string): Figure[] {
  const pattern = new RegExp(String.raw`(${numberWord})(?:\s*(?:–|-|to)\s*(${numberWord}))?\s+(day|week|month|year)s?\b`, 'gi');
  const durations: Figure[] = [];
  for (const m of sentence.matchAll(pattern)) {
    const low = numberValue(m[1]!);
    const high = m[2] ? numberValue(m[2]) : low;
    if (low === null || high === null) continue;
    const days = unitDays[m[3]!.toLowerCase()]!;
    durations.push({ kind: 'duration', low: low * days, high: high * days, text: m[0], approximate: /few|couple/i.test(m[1]!) });
  }
  return durations;
}

export function readYears(sentence: string): Figure[] {
  return [...sentence.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => ({ kind: 'year' as const, low: Number(m[1]), high: Number(m[1]), text: m[0], approximate: false }));
}
