import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileGlossary, GlossaryError } from '../../glossary/compile/compile-glossary.ts';

let copy = '';
afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

/** A copy of glossary/ with one claim (or the claim language) edited, and the problems its compile reports. */
function problemsAfter(edit: { claim?: (claim: any) => void; language?: (language: any) => void }) {
  copy = mkdtempSync(join(tmpdir(), 'claims-'));
  cpSync(resolve('glossary'), copy, { recursive: true });
  const claimsFile = join(copy, 'claims.json');
  const claims = JSON.parse(readFileSync(claimsFile, 'utf8'));
  edit.claim?.(claims.find((c: { id: string }) => c.id === 'gdm-us-10-percent'));
  writeFileSync(claimsFile, JSON.stringify(claims));
  const languageFile = join(copy, 'claim-language.json');
  const language = JSON.parse(readFileSync(languageFile, 'utf8'));
  edit.language?.(language);
  writeFileSync(languageFile, JSON.stringify(language));
  try {
    compileGlossary(copy);
  } catch (error) {
    if (error instanceof GlossaryError) return error.problems;
    throw error;
  }
  return [];
}

describe('compiling the claims as propositions', () => {
  it('accepts the real claims (positive control for the failures below)', () => {
    expect(problemsAfter({})).toEqual([]);
  });

  it('fails on a subject that is not a glossary term, with file, entry and reason', () => {
    expect(problemsAfter({ claim: (c) => (c.subject = 'gestational-diabetis') })).toContainEqual({
      file: 'claims.json',
      entry: 'gdm-us-10-percent',
      reason: 'subject "gestational-diabetis" is not a glossary term',
    });
  });

  it('fails on a relation that has no wording', () => {
    expect(problemsAfter({ claim: (c) => (c.relation = 'is-common-in') })).toContainEqual({
      file: 'claims.json',
      entry: 'gdm-us-10-percent',
      reason: 'relation "is-common-in" has no wording in claim-language.json',
    });
    expect(problemsAfter({ language: (l) => (l.relations['share-with'].wordings = []) })).toContainEqual({
      file: 'claim-language.json',
      entry: 'relations.share-with',
      reason: 'has no wording',
    });
  });

  it('fails on a figure without a measure, or with a measure its relation does not count', () => {
    expect(problemsAfter({ claim: (c) => delete c.qualifiers.figure.measure })).toContainEqual({
      file: 'claims.json',
      entry: 'gdm-us-10-percent',
      reason: 'qualifiers.figure has no "measure" (what the figure counts)',
    });
    expect(problemsAfter({ claim: (c) => (c.qualifiers.figure.measure = 'diagnosed') })).toContainEqual(
      expect.objectContaining({
        entry: 'gdm-us-10-percent',
        reason: expect.stringContaining('is not a measure of its relation'),
      }),
    );
  });

  it('fails on an evidence note without its support level, and on a misspelt field', () => {
    expect(problemsAfter({ claim: (c) => delete c.evidence.support })).toContainEqual(
      expect.objectContaining({
        entry: 'gdm-us-10-percent',
        reason: expect.stringContaining('"evidence" needs "support"'),
      }),
    );
    expect(problemsAfter({ claim: (c) => (c.qualifers = {}) })).toContainEqual(
      expect.objectContaining({ entry: 'gdm-us-10-percent', reason: 'it has unknown field "qualifers"' }),
    );
  });

  it('fails on another setting or a list of sharers that is not a list of words', () => {
    expect(problemsAfter({ language: (l) => (l.objects['milk-volume'].otherSetting = 'gut') })).toContainEqual(
      expect.objectContaining({
        entry: 'objects.milk-volume',
        reason: '"otherSetting" must be a non-empty list of words',
      }),
    );
    expect(problemsAfter({ language: (l) => (l.places.world.otherSetting = ['moon']) })).toContainEqual(
      expect.objectContaining({ entry: 'places.world', reason: 'it has unknown field "otherSetting"' }),
    );
    expect(problemsAfter({ language: (l) => (l.relations['is-primary-hormone-for'].sharedWith = []) })).toContainEqual(
      expect.objectContaining({
        entry: 'relations.is-primary-hormone-for',
        reason: '"sharedWith" must be a non-empty list of words',
      }),
    );
  });

  it('fails on a wording with an unknown placeholder or a malformed pattern', () => {
    const problems = problemsAfter({
      language: (l) => {
        l.relations['share-with'].wordings[0].match = '{figure} of {people} (at risk';
      },
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ entry: 'relations.share-with', reason: 'wording 1: unknown placeholder {people}' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        entry: 'relations.share-with',
        reason: expect.stringContaining('wording 1 must place the claim'),
      }),
    );
  });

  it('derives each claim’s support from its evidence note', () => {
    copy = '';
    const { claims } = compileGlossary(resolve('glossary'));
    const support = Object.fromEntries(claims.map((c) => [c.id, c.support]));
    expect(support['diabetes-2030-projection']).toBe('not-supported');
    expect(support['lactose-draws-water']).toBe('supported');
    expect(support['estrogen-shortens-lam']).toBe('unclear');
  });
});
