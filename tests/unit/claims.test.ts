import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkClaims, type ClaimCheck } from '../../src/claims/check-claims.ts';
import { claimHeadline } from '../../src/claims/describe.ts';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';

const matcher = createTermMatcher(glossary.terms);
const check = (text: string) => checkClaims(text, glossary, matcher);

interface Case {
  id: string;
  text: string;
  claim: string | null;
  accept: string[];
}

const read = (file: string) =>
  readFileSync(`tests/fixtures/corpus/${file}`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Case);

// Four development sets, none written to fit the checker: the corpus's claim sentences; 299 sentences in the
// style of forums, Q&A answers, blogs and health pages (two thirds use a claim's words but state no claim);
// and two sets of 161 and 195 written as held-out sets by someone who never saw the checker, read only after
// the checker was first measured on them (README, "The fact-checker", gives those first figures).
const sets = {
  'claims-dev.jsonl': read('claims-dev.jsonl'),
  'claims-real-style.jsonl': read('claims-real-style.jsonl'),
  'claims-holdout.jsonl': read('claims-holdout.jsonl'),
  'claims-holdout-2.jsonl': read('claims-holdout-2.jsonl'),
};
const cases = Object.values(sets).flat();

/**
 * Sentences the checker gets wrong today, and why. Each is still run: it must keep failing in the same way
 * (a silent miss, never a wrong flag), and a fix shows up as a test to move out of this list.
 */
const knownMisses: Record<string, string> = {
  r006: 'two verbs share the subject ("lactose makes milk thicker and … lowers the volume"): only the first is read',
  r029: 'the subject is misspelt ("estrogan"), so the glossary does not find it',
  r096: '"gdm" in lower case is not taken as the acronym (the finder’s case rule for acronyms)',
  r117: 'a contrast ("prolactin is more about actually making the milk") states no primary role',
  r170: 'the second clause\'s subject is a pronoun ("it does nothing for milk production")',
  r258: '"GD" without a confirming word nearby is not taken as gestational diabetes',
  h018: 'a conditional ("if your estrogen is running high") is never read as a statement',
  h085: 'a fragment with no verb of its own ("One lesser-known job of prolactin: getting the pancreas to add beta cells")',
  h092: '"GD" without a confirming word nearby is not taken as gestational diabetes',
  h094: '"tissue that lacks insulin … fails to lactate": the absence is a verb, not "without"',
  h107: '"take insulin out of the picture and …": an imperative conditional',
  h108: 'the hormone "doing most of the heavy lifting": an idiom for primary',
  h136: '"prolactin is a minor player" with no object in its clause',
  k028: 'the proposition is a noun phrase ("put 40% of the world\'s population in the prediabetes-or-type 2 diabetes bracket")',
  k044: '"us women" in lower case: "us" is read as the pronoun, so no place is named (related, not agrees)',
  k064: '"breast tissue lacking insulin still makes milk": the absence is a participle, not "without"',
  k065: '"India … 40 percent of its population": the figure and the subject sit apart, with "its" for the place',
  k073: 'a comparative ("the more lactose gets made the more water follows it into the milk")',
  k074: 'two subjects share the verb ("prolactin and placental lactogen push the pancreas")',
  k108: 'a fused relative ("how big a job insulin does in making milk")',
  k131: 'an "=" for the verb ("prolactin = the #1 milk making hormone")',
  k161: 'the figure comes last as a fraction of a noun phrase ("works out to about a tenth")',
};

/** The verdict the sentence gets for its claim ("none" when nothing is said), and the flags shown for others. */
function outcome(c: Case) {
  const results = check(c.text);
  const flags = results.filter((r) => r.verdict !== 'related');
  const forClaim = results.find((r) => r.claimId === c.claim);
  const verdict = c.claim === null ? (flags[0]?.verdict ?? 'none') : (forClaim?.verdict ?? 'none');
  const wrongFlags = flags.filter((f) => f.claimId !== c.claim || !c.accept.includes(f.verdict));
  return { verdict, flags, wrongFlags };
}

const tally = new Map<string, { shown: number; right: number; misses: number }>();
afterAll(() => {
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log('flags shown / right / misses (claim sentences with no verdict a reader accepts), per claim:');
  for (const [claim, t] of rows) console.log(`  ${claim.padEnd(32)} ${t.shown} / ${t.right} / ${t.misses}`);
});

describe.each(Object.entries(sets))('%s', (_file, set) => {
  const expected = set.filter((c) => !(c.id in knownMisses));
  it.each(expected.map((c) => [c.id, c.text, c] as const))('%s: %s', (_id, _text, c) => {
    const { verdict, flags, wrongFlags } = outcome(c);
    for (const f of flags) {
      const t = tally.get(f.claimId) ?? { shown: 0, right: 0, misses: 0 };
      t.shown++;
      if (!wrongFlags.includes(f)) t.right++;
      tally.set(f.claimId, t);
    }
    expect(wrongFlags.map((f) => `${f.claimId} ${f.verdict}`)).toEqual([]);
    expect(c.accept).toContain(verdict);
  });

  const misses = set.filter((c) => c.id in knownMisses);
  if (misses.length > 0) {
    it.each(misses.map((c) => [c.id, knownMisses[c.id]!, c] as const))('%s is a known miss: %s', (_id, _why, c) => {
      const { verdict, wrongFlags } = outcome(c);
      const t = tally.get(c.claim ?? 'none') ?? { shown: 0, right: 0, misses: 0 };
      t.misses++;
      tally.set(c.claim ?? 'none', t);
      // A miss is silence, never a wrong flag; once it is right, move it out of knownMisses.
      expect(wrongFlags).toEqual([]);
      expect(c.accept).not.toContain(verdict);
    });
  }
});

it('meets the bar on the development sets together: ≥ 95% verdicts right, ≥ 97% of flags right, no flag on a sentence stating no claim', () => {
  let right = 0;
  let flagsShown = 0;
  let flagsRight = 0;
  const flaggedWithoutClaim: string[] = [];
  for (const c of cases) {
    const { verdict, flags, wrongFlags } = outcome(c);
    if (c.accept.includes(verdict) && (c.claim !== null || flags.length === 0)) right++;
    flagsShown += flags.length;
    flagsRight += flags.length - wrongFlags.length;
    if (c.claim === null && flags.length > 0) flaggedWithoutClaim.push(c.id);
  }
  console.log(
    `claim verdicts: ${right}/${cases.length} right (${((100 * right) / cases.length).toFixed(1)}%); flags shown: ${flagsShown}, right: ${flagsRight}`,
  );
  expect(right / cases.length).toBeGreaterThanOrEqual(0.95);
  expect(flagsRight / flagsShown).toBeGreaterThanOrEqual(0.97);
  expect(flaggedWithoutClaim).toEqual([]);
});

describe('reading a sentence as a proposition', () => {
  const verdictOf = (text: string, claimId: string) =>
    check(text).find((r) => r.claimId === claimId)?.verdict ?? 'none';

  it('does not count a "without" or a "not" that belongs to another clause or phrase', () => {
    expect(check('Tumour cells without estrogen receptors respond poorly to hormone therapy.')).toEqual([]);
    expect(check('LAM is not reliable as long-term birth control.')).toEqual([]);
    expect(check('Lactational amenorrhea means nursing mothers who have not had a period since the birth.')).toEqual(
      [],
    );
    expect(verdictOf('Milk making leans on insulin too, not just prolactin.', 'insulin-role-in-milk')).toBe('agrees');
  });

  it('reads a hyphen between a phrase’s words as a space, and a hyphenated word as one word', () => {
    expect(verdictOf('Insulin plays a key role in breast-milk production.', 'insulin-role-in-milk')).toBe('agrees');
    expect(verdictOf('Insulin plays a key role in breast milk production.', 'insulin-role-in-milk')).toBe('agrees');
    // "milk" inside "milk-shake" is still not milk production: the phrase's ends stay whole words.
    expect(verdictOf('Insulin plays a key role in the milk-shake business.', 'insulin-role-in-milk')).toBe('none');
  });

  it('says nothing of lactose drawing water into the gut, and does of lactose drawing it into milk', () => {
    const lactose = (text: string) => verdictOf(text, 'lactose-draws-water');
    expect(lactose('Lactose is an osmotic agent when lactase does not break it down in the gut.')).toBe('none');
    expect(lactose('In lactose intolerance, lactose acts as an osmotic agent.')).toBe('none');
    // Positive controls: the same wordings without the gut, milk named in the same clause, and a denial.
    expect(lactose('Lactose is an osmotic agent.')).toBe('agrees');
    expect(lactose('Lactose acts as an osmotic agent, pulling water into milk.')).toBe('agrees');
    expect(lactose('Lactose is the main osmotic agent in breast milk, and it is well digested by babies.')).toBe(
      'agrees',
    );
    expect(lactose('Lactose draws water into breast milk, which is why breastfed babies have soft stools.')).toBe(
      'agrees',
    );
    expect(lactose('Lactose has nothing to do with milk volume; it is just a sugar the baby digests.')).toBe('differs');
  });

  it('does not make a hormone listed with another the primary one', () => {
    const primary = (text: string) => verdictOf(text, 'prolactin-primary-hormone');
    expect(primary('Hormones such as progesterone and prolactin regulate milk production.')).toBe('none');
    expect(primary('Milk production is mainly driven by prolactin, oxytocin and insulin.')).toBe('none');
    // Positive controls: prolactin alone, another hormone in another clause or set apart, and a denial.
    expect(primary('Prolactin regulates milk production.')).toBe('agrees');
    expect(primary('Milk production is mainly driven by prolactin.')).toBe('agrees');
    expect(primary('Oxytocin lets the milk flow, while prolactin drives milk production.')).toBe('agrees');
    expect(primary('Unlike oxytocin, prolactin is the primary hormone for milk production.')).toBe('agrees');
    expect(
      primary('The primary hormone for milk production is prolactin, and oxytocin is responsible for the let-down.'),
    ).toBe('agrees');
    expect(primary('Milk production has nothing to do with prolactin or oxytocin.')).toBe('differs');
  });

  it('does not read a share of people with another condition as a share of everyone', () => {
    const projection = (text: string) => verdictOf(text, 'diabetes-2030-projection');
    for (const people of [
      'women with gestational diabetes',
      'women with a previous gestational diabetes',
      'women who developed gestational diabetes',
      'adults who were diagnosed with prediabetes',
      'people who’ve had prediabetes',
    ])
      expect(projection(`Up to 50% of ${people} develop type 2 diabetes within ten years.`), people).toBe('none');
    // Positive controls: a share of everyone, and people "living with" the subject itself.
    expect(projection('By 2030, 40% of people worldwide will have type 2 diabetes.')).not.toBe('none');
    expect(
      projection(
        'By 2030 up to half of all the people on the planet could be living with prediabetes or type 2 diabetes.',
      ),
    ).not.toBe('none');
  });

  it('reads the negation of the clause’s own verb and denials as contradictions', () => {
    expect(verdictOf('Lactose doesn’t change how much milk there is.', 'lactose-draws-water')).toBe('differs');
    expect(verdictOf('Insulin has nothing to do with milk supply.', 'insulin-role-in-milk')).toBe('differs');
    expect(verdictOf('Prolactin is the main hormone behind milk production.', 'prolactin-primary-hormone')).toBe(
      'agrees',
    );
    expect(verdictOf('Prolactin isn’t the main hormone behind milk production.', 'prolactin-primary-hormone')).toBe(
      'differs',
    );
  });

  it('reads the opposite change at the article’s time as differing', () => {
    expect(verdictOf('a couple of weeks after the birth my insulin shot up', 'insulin-falls-two-weeks')).toBe(
      'differs',
    );
    expect(verdictOf('Two weeks after giving birth, insulin levels go down.', 'insulin-falls-two-weeks')).toBe(
      'agrees',
    );
  });

  it('says nothing about a mention that states no claim, a question, a conditional or a quoted title', () => {
    expect(
      check('Gestational diabetes doesn’t show up until the third trimester, when the pancreas is under more strain.'),
    ).toEqual([]);
    expect(check('Gestational diabetes is most common in mothers with obesity.')).toEqual([]);
    expect(check('Is prolactin the main hormone for milk production?')).toEqual([]);
    expect(check('If insulin plays a role in milk production, should I eat less sugar?')).toEqual([]);
    expect(check('I saved a post called "Insulin plays a major role in milk production" to read later.')).toEqual([]);
    // Positive control: the same statement, stated.
    expect(verdictOf('Insulin plays a major role in milk production.', 'insulin-role-in-milk')).toBe('agrees');
  });

  it('names a place the places’ words do not list as another place, not as no place', () => {
    const reasonFor = (text: string) => check(text).find((r) => r.claimId === 'gdm-us-10-percent')?.reasons[0];
    expect(reasonFor('In Chennai about 10% of women are at risk for gestational diabetes.')).toBe(
      'This sentence is about another place; the article’s figure is for the United States.',
    );
    // Positive control: a sentence that names no place says so.
    expect(reasonFor('About 10% of women are at risk for gestational diabetes.')).toBe(
      'The article’s figure is for the United States; this sentence does not say where.',
    );
  });

  it('calls another measure, place or year related, never a contradiction', () => {
    expect(check('Gestational diabetes affects about 6% of pregnancies in the US.')).toMatchObject([
      { claimId: 'gdm-us-10-percent', verdict: 'related' },
    ]);
    expect(check('In Canada about 10% of women are at risk for gestational diabetes.')).toMatchObject([
      { verdict: 'related' },
    ]);
    expect(check('By 2045, 40% of the world’s population could have prediabetes or type 2 diabetes.')).toMatchObject([
      { verdict: 'related' },
    ]);
    expect(
      verdictOf('Half of all pregnant women in America are at risk of gestational diabetes!', 'gdm-us-10-percent'),
    ).toBe('differs');
  });
});

describe('what a flag says', () => {
  const only = (text: string): ClaimCheck => {
    const results = check(text);
    expect(results).toHaveLength(1);
    return results[0]!;
  };

  it('shows both figures and says why when a figure differs', () => {
    const result = only('Half of all pregnant women in America are at risk of gestational diabetes!');
    expect(result).toMatchObject({ claimId: 'gdm-us-10-percent', verdict: 'differs', pageFigures: ['Half'] });
    expect(result.reasons[0]).toBe(
      'The page gives Half; the article gives 10% for the same measure (women at risk, the United States).',
    );
  });

  it('says when the page measures something else', () => {
    const result = only('CDC data show gestational diabetes in 2% to 10% of pregnancies each year in the US.');
    expect(result.verdict).toBe('related');
    expect(result.reasons.join(' ')).toContain('not comparable');
  });

  it('gives sentence offsets into the text', () => {
    const text = 'Hello there. Insulin has a major role in milk production.';
    const result = only(text);
    expect(text.slice(result.start, result.end)).toBe('Insulin has a major role in milk production.');
  });

  it('ends a sentence at its full stop when footnote marks follow it', () => {
    for (const marks of ['[2][14]', '[3–5]', '[2, 3]', '[note 1]']) {
      const text = `Insulin has a major role in milk production.${marks} Trends vary by region, as 2016 figures showed.[a] Fine.`;
      const result = only(text);
      expect(text.slice(result.start, result.end), marks).toBe('Insulin has a major role in milk production.');
    }
    // Positive control: the mark inside a sentence is left as it is.
    const inside = only('Insulin[3] has a major role in milk production. Trends vary.');
    expect(inside.sentence).toBe('Insulin[3] has a major role in milk production.');
  });

  it('heads a match with an unsupported figure with what the article’s own source reports', () => {
    const claim = glossary.claims.find((c) => c.id === 'diabetes-2030-projection')!;
    const result = only('By 2030 maybe 30 to 50 percent of people worldwide will have prediabetes or type 2 diabetes.');
    expect(result.verdict).toBe('agrees');
    expect(claimHeadline(result, claim)).toBe(`Matches the article — but ${claim.evidence!.sourceReports}`);
    expect(claimHeadline(result, claim)).toContain('25.3%');
    const supported = glossary.claims.find((c) => c.id === 'lactose-draws-water')!;
    expect(claimHeadline({ verdict: 'agrees' }, supported)).toBe('Agrees with the article');
  });
});

// A held-out set written by someone who never saw the checker, and never read by whoever tunes it: its figures
// are the honest estimate of how the checker does on text no one fitted it to. Only the bar is asserted here,
// so that the set stays held out (reading its failures would make it one more development set).
it('holds the bar for flags on the held-out set: ≥ 97% of flags right, none on a sentence that states no claim', () => {
  const heldOut = read('claims-holdout-3.jsonl');
  let right = 0;
  let flagsShown = 0;
  let flagsRight = 0;
  let flaggedWithoutClaim = 0;
  for (const c of heldOut) {
    const { verdict, flags, wrongFlags } = outcome(c);
    if (c.accept.includes(verdict) && (c.claim !== null || flags.length === 0)) right++;
    flagsShown += flags.length;
    flagsRight += flags.length - wrongFlags.length;
    if (c.claim === null && flags.length > 0) flaggedWithoutClaim++;
  }
  console.log(
    `held-out claim verdicts: ${right}/${heldOut.length} right (${((100 * right) / heldOut.length).toFixed(1)}%); flags shown: ${flagsShown}, right: ${flagsRight}`,
  );
  expect(flagsRight / flagsShown).toBeGreaterThanOrEqual(0.97);
  expect(flaggedWithoutClaim).toBe(0);
});
