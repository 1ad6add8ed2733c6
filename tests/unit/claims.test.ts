import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkClaims } from '../../src/claims/index.ts';
import { glossary } from '../../src/glossary/index.ts';
import { createTermMatcher } from '../../src/match/index.ts';

const matcher = createTermMatcher(glossary.terms);
const check = (text: string) => checkClaims(text, glossary.claims, matcher);

interface Case {
  id: string;
  text: string;
  claim: string | null;
  accept: string[];
}

// The corpus sentences written for the project, and more written for these tests: agreeing and differing
// figures, opposite directions, negations, other measures and places, and sentences with numbers that speak
// to no claim.
const corpus = readFileSync('tests/fixtures/corpus/claims-dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Case);
const written: Case[] = [
  { id: 't01', text: 'Roughly 10 percent of women in the US are at risk for gestational diabetes.', claim: 'gdm-us-10-percent', accept: ['agrees'] },
  { id: 't02', text: 'One in four American women is at risk of gestational diabetes.', claim: 'gdm-us-10-percent', accept: ['differs'] },
  { id: 't03', text: 'About 6% of US births involve gestational diabetes.', claim: 'gdm-us-10-percent', accept: ['differs', 'related'] },
  { id: 't04', text: 'By 2030, 80% of the people in the world will have type 2 diabetes or prediabetes.', claim: 'diabetes-2030-projection', accept: ['differs'] },
  { id: 't05', text: 'Insulin levels fall around 14 days after childbirth.', claim: 'insulin-falls-two-weeks', accept: ['agrees'] },
  { id: 't06', text: 'Insulin levels go up two weeks after delivery.', claim: 'insulin-falls-two-weeks', accept: ['differs'] },
  { id: 't07', text: 'Prolactin is not the main hormone behind milk production.', claim: 'prolactin-primary-hormone', accept: ['differs'] },
  { id: 't08', text: 'Insulin plays an important role in making milk.', claim: 'insulin-role-in-milk', accept: ['agrees'] },
  { id: 't09', text: 'Insulin has nothing to do with milk production.', claim: 'insulin-role-in-milk', accept: ['differs'] },
  { id: 't10', text: 'High estrogen shortens lactational amenorrhea.', claim: 'estrogen-shortens-lam', accept: ['agrees'] },
  { id: 't11', text: 'Lactose draws water into the milk.', claim: 'lactose-draws-water', accept: ['agrees'] },
  { id: 't12', text: 'My prolactin was 200 at my last test, two weeks ago.', claim: null, accept: ['none'] },
  { id: 't13', text: 'I pumped 60 ml of colostrum in 3 days.', claim: null, accept: ['none'] },
  { id: 't14', text: 'My insulin dose went up by 5 units in week 30.', claim: null, accept: ['none'] },
  { id: 't15', text: 'In 2019, 9.3% of adults worldwide had diabetes.', claim: null, accept: ['none'] },
  { id: 't16', text: 'I was told my PCOS affects 1 in 10 women.', claim: null, accept: ['none'] },
];

it('gives the right verdict for at least 90% of claim sentences and flags no unrelated sentence', () => {
  const cases = [...corpus, ...written];
  let right = 0;
  const wrong: string[] = [];
  const falseFlags: string[] = [];
  for (const c of cases) {
    const results = check(c.text);
    const flagged = results.filter((r) => r.verdict !== 'related');
    const forClaim = results.find((r) => r.claimId === c.claim);
    const verdict = c.claim === null ? (flagged.length > 0 ? flagged[0]!.verdict : 'none') : (forClaim?.verdict ?? 'none');
    if (c.accept.includes(verdict)) right++;
    else wrong.push(`${c.id} expected ${c.accept.join('|')} got ${verdict}: ${c.text}`);
    if (c.claim === null && flagged.length > 0) falseFlags.push(`${c.id}: ${flagged.map((f) => `${f.claimId} ${f.verdict}`).join(', ')}`);
  }
  console.log(`claim verdicts: ${right}/${cases.length} = ${(right / cases.length).toFixed(3)} right; unrelated sentences flagged: ${falseFlags.length}`);
  for (const w of [...wrong, ...falseFlags]) console.log(`  ${w}`);
  expect(right / cases.length).toBeGreaterThanOrEqual(0.9);
  expect(falseFlags).toEqual([]);
});

it('shows both figures and says why when a figure differs', () => {
  const [result] = check('Half of all pregnant women in America are at risk of gestational diabetes!');
  expect(result).toMatchObject({ claimId: 'gdm-us-10-percent', verdict: 'differs', pageFigures: ['Half'] });
  expect(result!.reasons[0]).toBe('The page gives Half; the article gives 10%.');
});

it('says when the page measures something else rather than calling it a contradiction', () => {
  const [result] = check('CDC data show gestational diabetes in 2% to 10% of pregnancies each year in the US.');
  expect(result!.reasons.join(' ')).toContain('may not be comparable');
});

it('gives sentence offsets into the text', () => {
  const text = 'Hello there. Insulin has a major role in milk production.';
  const [result] = check(text);
  expect(text.slice(result!.start, result!.end)).toBe('Insulin has a major role in milk production.');
});
