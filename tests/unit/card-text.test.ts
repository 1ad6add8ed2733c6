import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cardDisclaimer, evidenceLead, otherNames, termCardText } from '../../src/glossary/card-text.ts';
import { glossary, termById } from '../../src/glossary/glossary.ts';
import type { Claim, Glossary, Term } from '../../src/glossary/types.ts';

const article = { title: 'Insulin and milk', author: 'A. Writer', url: 'https://example.org/article' };
const reference = {
  number: 4,
  authors: 'Ampofo AG, Boateng EB',
  year: 2020,
  title: 'Beyond 2020: Modelling obesity and diabetes prevalence',
  journal: 'Diabetes Research and Clinical Practice',
  citation: '167:108362',
  doi: '10.1016/j.diabres.2020.108362',
  pmid: null,
  link: 'https://doi.org/10.1016/j.diabres.2020.108362',
  linkIsSearch: false,
};

function term(overrides: Partial<Term>): Term {
  return {
    id: 'prediabetes',
    label: 'Prediabetes',
    aliases: [],
    variants: ['pre-diabetes'],
    forms: [],
    acronyms: [],
    definition: 'Blood sugar higher than normal.',
    quotes: [],
    related: [],
    notFollowedBy: [],
    notPrecededBy: [],
    notMisspellings: [],
    rejectWith: [],
    ...overrides,
  };
}

function claim(id: string, evidence: Claim['evidence']): Claim {
  return { id, evidence } as Claim;
}

const projection =
  'It is projected that by 2030, 30 – 50% of the world’s population will have pre-diabetes or diabetes type II.';
const prediabetes = term({
  aliases: ['borderline diabetes'],
  acronyms: [{ text: 'PD', anyCase: false, confirmWith: [], rejectWith: [] }],
  quotes: [
    {
      text: projection,
      refs: [4],
      link: 'https://example.org/article#:~:text=It%20is%20projected',
      claim: 'diabetes-2030-projection',
      sentences: { first: 39, last: 39 },
    },
  ],
  related: ['type-2-diabetes', 'no-such-term'],
});
const type2 = term({ id: 'type-2-diabetes', label: 'Type 2 diabetes' });
const small: Pick<Glossary, 'article' | 'references' | 'terms' | 'claims'> = {
  article,
  references: [reference],
  terms: [prediabetes, type2],
  claims: [
    claim('diabetes-2030-projection', {
      support: 'not-supported',
      sourceReports: '25.3% for the highest-risk countries',
      note: 'The cited study projects 25.3% for its highest-risk cluster, not the world.',
    }),
  ],
};

describe('the other names a card shows', () => {
  it('names an acronym once, however else the matcher reads it (lower case, dots)', () => {
    const rule = (text: string) => ({ text, anyCase: false, confirmWith: [], rejectWith: [] });
    const igt = term({ aliases: ['breast hypoplasia'], acronyms: [rule('IGT'), rule('igt'), rule('I.G.T.')] });
    expect(otherNames(igt)).toEqual(['IGT', 'breast hypoplasia']);
  });
});

describe('the plain-text card', () => {
  const text = termCardText(prediabetes, small);
  const lines = text.split('\n');

  it('shows what the card shows, in its order: label, other names, definition, quotes, related terms, disclaimer', () => {
    expect(lines[0]).toBe('Prediabetes');
    expect(lines[1]).toBe('also: PD, borderline diabetes');
    expect(lines[2]).toBe('Blood sugar higher than normal.');
    expect(lines[3]).toBe('In the article:');
    expect(lines[4]).toBe(`  “${projection}”`);
    expect(lines[5]).toBe(
      '    Read it in “Insulin and milk” by A. Writer: https://example.org/article#:~:text=It%20is%20projected',
    );
    expect(lines.at(-2)).toBe('Related: Type 2 diabetes');
    expect(lines.at(-1)).toBe(cardDisclaimer);
  });

  it('never shows the matcher-only variants', () => {
    expect(text).not.toContain('pre-diabetes,');
  });

  it('gives each reference its citation and link', () => {
    expect(lines[6]).toBe(
      '    [4] Ampofo AG, Boateng EB (2020). Beyond 2020: Modelling obesity and diabetes prevalence. Diabetes Research and Clinical Practice 167:108362. DOI 10.1016/j.diabres.2020.108362: https://doi.org/10.1016/j.diabres.2020.108362',
    );
  });

  it('puts the linked claim’s evidence note under the quote, so the reference does not read as support', () => {
    expect(lines[7]).toBe(
      `    ${evidenceLead} The cited study projects 25.3% for its highest-risk cluster, not the world.`,
    );
  });

  it('shows no evidence line for a quote whose claim has no evidence note, nor for an unlinked quote', () => {
    const noNote = termCardText(prediabetes, { ...small, claims: [claim('diabetes-2030-projection', null)] });
    const unlinked = termCardText({ ...prediabetes, quotes: [{ ...prediabetes.quotes[0]!, claim: undefined }] }, small);
    expect(noNote).not.toContain(evidenceLead);
    expect(unlinked).not.toContain(evidenceLead);
  });

  it('has no blank line inside, so cards printed one after another split on blank lines', () => {
    expect(text).not.toMatch(/\n\s*\n/);
  });
});

describe('the real glossary’s cards', () => {
  it('show an evidence note under every quote that states a claim with a note', () => {
    for (const t of glossary.terms) {
      const text = termCardText(t, glossary);
      for (const quote of t.quotes.filter((q) => q.claim)) {
        const note = glossary.claims.find((c) => c.id === quote.claim)?.evidence?.note;
        if (note) expect(text, t.id).toContain(`${evidenceLead} ${note}`);
      }
    }
  });
});

describe('scan --card and --cards', () => {
  const scan = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/scan.ts', ...args], { encoding: 'utf8' });

  it('prints one card as the card module renders it', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/scan.ts', '--card', 'insufficient-glandular-tissue'], {
      encoding: 'utf8',
    });
    expect(out).toBe(`${termCardText(termById('insufficient-glandular-tissue')!, glossary)}\n`);
  });

  it('prints every card, separated by blank lines', () => {
    const cards = scan('--cards').stdout.trimEnd().split('\n\n');
    expect(cards.map((c) => c.split('\n')[0])).toEqual(glossary.terms.map((t) => t.label));
  });

  it('fails with a clear message for an unknown id', () => {
    const result = scan('--card', 'no-such-term');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no glossary entry with id "no-such-term"');
    expect(result.stdout).toBe('');
  });

  it('prints the usage for --help and exits 0', () => {
    const result = scan('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--card ID');
    expect(result.stdout).toContain('--terms [--json]');
  });
});
