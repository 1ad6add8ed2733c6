import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CorpusRecord {
  id: string;
  kind: string;
  text: string;
  expected: { term: string; surface: string }[];
  optional: string[];
  not_terms: { surface: string; why: string }[];
}

/** Canonical names of the corpus (corpus README) → glossary ids. */
export const canonicalToId: Record<string, string> = {
  insulin: 'insulin',
  'insulin resistance': 'insulin-resistance',
  prolactin: 'prolactin',
  'insufficient glandular tissue': 'insufficient-glandular-tissue',
  'lactational amenorrhea': 'lactational-amenorrhea',
  galactagogue: 'galactagogue',
  'polycystic ovary syndrome': 'pcos',
  'metabolic syndrome': 'metabolic-syndrome',
  'gestational diabetes': 'gestational-diabetes',
  prediabetes: 'prediabetes',
  'type 2 diabetes': 'type-2-diabetes',
  colostrum: 'colostrum',
  lactose: 'lactose',
  cortisol: 'cortisol',
  estrogen: 'estrogen',
  progesterone: 'progesterone',
  'mammary gland': 'mammary-gland',
  'milk supply': 'milk-supply',
  lactogenesis: 'lactogenesis',
  'lactogenic diet': 'lactogenic-diet',
};

export function readCorpus(file: string): CorpusRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusRecord);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * Spans of `surface` in `text` as the corpus README defines them: whole-word occurrences, or, when there
 * are none, occurrences inside longer words.
 */
export function surfaceSpans(text: string, surface: string): [number, number][] {
  const all: [number, number][] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) all.push([i, i + surface.length]);
  const whole = all.filter(([s, e]) => !isWordChar(text[s - 1]) && !isWordChar(text[e]));
  return whole.length ? whole : all;
}

/** A term the scan command reported. */
interface ScanLine {
  file: string;
  term: string;
  surface: string;
  start: number;
  end: number;
}

/** Each record's terms as the scan command finds them (the extension's own matcher), by record id. */
export function scanRecords(records: CorpusRecord[]): Map<string, ScanLine[]> {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  try {
    const files = records.map((r) => {
      const file = join(dir, `${r.id}.txt`);
      writeFileSync(file, r.text);
      return file;
    });
    const output = execFileSync('npx', ['tsx', 'src/cli/scan.ts', '--json', ...files], { encoding: 'utf8' });
    const found = new Map<string, ScanLine[]>();
    for (const line of output.split('\n').filter(Boolean)) {
      const match = JSON.parse(line) as ScanLine;
      if (!('term' in match)) continue; // claim lines
      const id = match.file.slice(dir.length + 1, -'.txt'.length);
      found.set(id, [...(found.get(id) ?? []), match]);
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CorpusScore {
  labelled: number;
  recalled: number;
  /** Reports of the corpus's terms, and those neither labelled nor optional where they are found. */
  reported: number;
  misses: string[];
  lookAlikesMatched: string[];
  unlabelled: string[];
}

const overlaps = (a: { start: number; end: number }, [s, e]: [number, number]) => a.start < e && s < a.end;

/** Scores what was found as the corpus README suggests: optional surfaces skipped, look-alikes never matched. */
export function scoreCorpus(records: CorpusRecord[], found: Map<string, ScanLine[]>): CorpusScore {
  const score: CorpusScore = {
    labelled: 0,
    recalled: 0,
    reported: 0,
    misses: [],
    lookAlikesMatched: [],
    unlabelled: [],
  };
  const corpusIds = new Set(Object.values(canonicalToId));
  for (const record of records) {
    const matches = found.get(record.id) ?? [];
    const optionalSpans = record.optional.flatMap((s) => surfaceSpans(record.text, s));
    for (const expected of record.expected) {
      if (record.optional.includes(expected.surface)) continue;
      score.labelled++;
      const spans = surfaceSpans(record.text, expected.surface);
      const hit = matches.some(
        (m) => m.term === canonicalToId[expected.term] && spans.some((span) => overlaps(m, span)),
      );
      if (hit) score.recalled++;
      else score.misses.push(`${record.id} ${expected.term} "${expected.surface}"`);
    }
    for (const lookAlike of record.not_terms) {
      const spans = surfaceSpans(record.text, lookAlike.surface);
      for (const m of matches.filter((m) => spans.some((span) => overlaps(m, span)))) {
        score.lookAlikesMatched.push(`${record.id} "${lookAlike.surface}" matched as ${m.term} (${lookAlike.why})`);
      }
    }
    for (const m of matches) {
      if (!corpusIds.has(m.term)) continue;
      score.reported++;
      const expectedHere = record.expected.some(
        (e) =>
          canonicalToId[e.term] === m.term && surfaceSpans(record.text, e.surface).some((span) => overlaps(m, span)),
      );
      if (!expectedHere && !optionalSpans.some((span) => overlaps(m, span))) {
        score.unlabelled.push(`${record.id} ${m.term} "${m.surface}"`);
      }
    }
  }
  return score;
}

/** One line of figures, then one line per miss, look-alike matched and unlabelled report. */
export function describeScore(name: string, score: CorpusScore): string {
  const right = score.reported - score.unlabelled.length;
  return [
    `${name}: recall ${score.recalled}/${score.labelled} = ${(score.recalled / score.labelled).toFixed(3)}; ` +
      `precision ${right}/${score.reported} = ${(right / score.reported).toFixed(3)}; ` +
      `look-alikes matched: ${score.lookAlikesMatched.length}; other unlabelled matches of corpus terms: ${score.unlabelled.length}`,
    ...score.misses.map((m) => `  missed ${m}`),
    ...score.lookAlikesMatched.map((m) => `  ${m}`),
    ...score.unlabelled.map((u) => `  unlabelled ${u}`),
  ].join('\n');
}
