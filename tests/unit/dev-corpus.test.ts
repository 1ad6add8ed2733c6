import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeScore, readCorpus, scanRecords, scoreCorpus } from './corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'dev-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('finds at least 97% of the labelled terms of the dev corpus and none of its look-alikes (scan command)', () => {
  // The labelled passages written for this project (copied from ../shared/corpus/dev.jsonl).
  const records = readCorpus('tests/fixtures/corpus/dev.jsonl');
  const score = scoreCorpus(records, scanRecords(records));
  console.log(describeScore('dev corpus', score));
  expect(score.recalled / score.labelled).toBeGreaterThanOrEqual(0.97);
  expect(score.lookAlikesMatched).toEqual([]);
});

/** The least recall a held-out set must keep, unless its row says why it keeps less. */
const usualLeastRecall = 0.98;

it.each([
  // Measured unseen first on 6 December 2026: recall 0.968 and 0.989, 9 and 7 look-alikes matched.
  ['terms-holdout-a.jsonl', ['ha031 "IBCLC"'], usualLeastRecall],
  ['terms-holdout-b.jsonl', [], usualLeastRecall],
  // Written after those mends, measured unseen: recall 0.971 (201/207), 1 look-alike matched.
  ['terms-holdout-c.jsonl', [], usualLeastRecall],
  // Written to stress misspellings and acronyms as people type them; unseen: recall 0.854, no look-alike.
  ['terms-holdout-d.jsonl', [], usualLeastRecall],
  // The last, in the mix of kinds the dev set has, written after all those mends: unseen 140/140, no look-alike.
  ['terms-holdout-e.jsonl', [], usualLeastRecall],
  // Forum and social text, product pages, search results; unseen: recall 0.966 (143/148), 7 look-alikes matched
  // (2 of them IBCLC). Its four misspellings outside the variant lists led to reading misspelt words.
  ['terms-holdout-f.jsonl', ['hf009 "IBCLC"', 'hf081 "IBCLC"'], usualLeastRecall],
  // The natural mix of kinds, a natural share of typos, written after all of f's mends; unseen: recall 0.986
  // (137/139, all 18 misspellings found), 4 look-alikes matched (an airline's LAM, tags in an array, IBCLC).
  ['terms-holdout-g.jsonl', ['hg027 "IBCLC"'], usualLeastRecall],
  // Words outside breastfeeding, acronyms in other senses, shops and leaflets, written after g's mends; unseen:
  // recall 124/124 (16 misspellings), 2 look-alikes matched (a brand, "Oestrogel"; "PCOs", parking officers).
  ['terms-holdout-h.jsonl', [], usualLeastRecall],
  // Phone typing (lower case, emoji, text-speak, dictation), quoted replies, code-switching, written after h's
  // mends; unseen: recall 0.952 (159/167; 3 of its 21 scored misspellings missed), 3 look-alikes matched. Mended:
  // "GD" is confirmed by "prediabetic" and "a1c", "IGT" by "brewers". Left: lower-case "gd" (3: in texting it is
  // also "good", as in hi006), a slip in a word's first three letters (2) and "deit" (a four-letter word is not
  // read as misspelt). Kept: the Spanish "prolactina" and "insulina", which the writer left out as not English:
  // the card names the same hormone, so the underline is right for a reader of either language.
  ['terms-holdout-i.jsonl', ['hi004 "prolactina"', 'hi041 "insulina"', 'hi075 "prolactina"'], 0.96],
])(
  'finds the terms of the held-out set %s, and of its look-alikes only %j (kept, with the reason above)',
  (file, kept, leastRecall) => {
    const records = readCorpus(`tests/fixtures/corpus/${file}`);
    const score = scoreCorpus(records, scanRecords(records));
    console.log(describeScore(file, score));
    expect(score.recalled / score.labelled).toBeGreaterThanOrEqual(leastRecall);
    expect(score.lookAlikesMatched.map((m) => m.split(' matched')[0])).toEqual(kept);
  },
);

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
