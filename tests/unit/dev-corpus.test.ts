import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { canonicalToId, readCorpus, surfaceSpans } from './corpus.ts';

// The labelled passages written for this project (copied from ../shared/corpus/dev.jsonl).
const records = readCorpus('tests/fixtures/corpus/dev.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'dev-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ScanLine {
  file: string;
  term: string;
  surface: string;
  start: number;
  end: number;
}

const overlaps = (a: { start: number; end: number }, [s, e]: [number, number]) => a.start < e && s < a.end;

it('finds at least 97% of the labelled terms of the dev corpus and none of its look-alikes (scan command)', () => {
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

  let labelled = 0;
  let recalled = 0;
  const misses: string[] = [];
  const lookAlikesMatched: string[] = [];
  const unlabelled: string[] = [];
  let reported = 0;
  for (const record of records) {
    const matches = found.get(record.id) ?? [];
    const optionalSpans = record.optional.flatMap((s) => surfaceSpans(record.text, s));
    for (const expected of record.expected) {
      if (record.optional.includes(expected.surface)) continue;
      labelled++;
      const spans = surfaceSpans(record.text, expected.surface);
      const hit = matches.some(
        (m) => m.term === canonicalToId[expected.term] && spans.some((span) => overlaps(m, span)),
      );
      if (hit) recalled++;
      else misses.push(`${record.id} ${expected.term} "${expected.surface}"`);
    }
    for (const lookAlike of record.not_terms) {
      const spans = surfaceSpans(record.text, lookAlike.surface);
      for (const m of matches.filter((m) => spans.some((span) => overlaps(m, span)))) {
        lookAlikesMatched.push(`${record.id} "${lookAlike.surface}" matched as ${m.term} (${lookAlike.why})`);
      }
    }
    for (const m of matches) {
      const isLabelledTerm = Object.values(canonicalToId).includes(m.term);
      if (isLabelledTerm) reported++;
      const expectedHere = record.expected.some(
        (e) =>
          canonicalToId[e.term] === m.term && surfaceSpans(record.text, e.surface).some((span) => overlaps(m, span)),
      );
      if (isLabelledTerm && !expectedHere && !optionalSpans.some((span) => overlaps(m, span))) {
        unlabelled.push(`${record.id} ${m.term} "${m.surface}"`);
      }
    }
  }
  const recall = recalled / labelled;
  // Precision over reports of the corpus's terms: one neither labelled nor optional where it is found is wrong.
  const right = reported - unlabelled.length;
  console.log(
    `dev corpus: recall ${recalled}/${labelled} = ${recall.toFixed(3)}; precision ${right}/${reported} = ${(right / reported).toFixed(3)}; ` +
      `look-alikes matched: ${lookAlikesMatched.length}; other unlabelled matches of corpus terms: ${unlabelled.length}`,
  );
  for (const line of [
    ...misses.map((m) => `missed ${m}`),
    ...lookAlikesMatched,
    ...unlabelled.map((u) => `unlabelled ${u}`),
  ]) {
    console.log(`  ${line}`);
  }
  expect(recall).toBeGreaterThanOrEqual(0.97);
  expect(lookAlikesMatched).toEqual([]);
});

it('prints claim lines in the contract format (scan command)', () => {
  const file = join(dir, 'claims.txt');
  writeFileSync(
    file,
    'Some words first.\n\nAbout 10% of US women are at risk of gestational diabetes. Insulin levels increase two weeks after birth.',
  );
  const lines = execFileSync('npx', ['tsx', 'src/cli/scan.ts', '--json', file], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((l) => 'claim' in l);
  expect(lines).toEqual([
    {
      file,
      claim: 'gdm-us-10-percent',
      verdict: 'agrees',
      start: 19,
      end: 77,
      sentence: 'About 10% of US women are at risk of gestational diabetes.',
    },
    {
      file,
      claim: 'insulin-falls-two-weeks',
      verdict: 'differs',
      start: 78,
      end: 124,
      sentence: 'Insulin levels increase two weeks after birth.',
    },
  ]);
});
