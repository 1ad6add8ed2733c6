import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileGlossary, GlossaryError, requiredTermIds } from '../../glossary/compile/compile-glossary.ts';

const source = resolve('glossary');
let copy = '';

/** A throwaway copy of glossary/ that a test may break. */
function glossaryCopy() {
  copy = mkdtempSync(join(tmpdir(), 'glossary-'));
  cpSync(source, copy, { recursive: true });
  return copy;
}

function editJson(file: string, edit: (json: any) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json));
}

function problemsOf(root: string) {
  try {
    compileGlossary(root);
  } catch (error) {
    if (error instanceof GlossaryError) return error.problems;
    throw error;
  }
  throw new Error('expected the compile to fail');
}

afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

describe('the real glossary', () => {
  const glossary = compileGlossary(source);

  it('has every id the design requires', () => {
    const ids = glossary.terms.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(requiredTermIds));
  });

  it('links each quote to its sentence in the article with a text fragment', () => {
    const insulin = glossary.terms.find((t) => t.id === 'insulin')!;
    expect(insulin.quotes[0]!.link).toBe(
      'https://hilaryjacobson.com/insulin-resistance/insulin-impacts-each-stage-of-milk-production/#:~:text=The%20hormone%20insulin%2C%20best%20known,major%20role%20in%20milk%20production.',
    );
  });

  it('links references by DOI, and by a PubMed title search where no identifier is known', () => {
    const [watt, sadovnikova] = glossary.references;
    expect(watt!.linkIsSearch).toBe(true);
    expect(watt!.link).toContain('pubmed.ncbi.nlm.nih.gov/?term=');
    expect(decodeURIComponent(watt!.link)).toContain('"Insulin regulates human mammosphere development and function"');
    expect(sadovnikova!.link).toBe('https://doi.org/10.1007/s10911-021-09490-7');
  });

  it('carries the checkable claims with their quotes and references', () => {
    const gdm = glossary.claims.find((c) => c.id === 'gdm-us-10-percent')!;
    expect(gdm.quote.refs).toEqual([3]);
    expect(gdm.qualifiers.figure).toEqual({ value: 10, unit: '%', measure: 'at-risk' });
    expect(gdm).toMatchObject({
      subjects: ['gestational-diabetes'],
      relation: 'share-with',
      object: 'population',
      support: 'not-supported',
    });
  });
});

describe('a broken glossary fails the compile with file, entry and reason', () => {
  it('rejects a quote that is not verbatim in the article', () => {
    const root = glossaryCopy();
    editJson(
      join(root, 'terms/prolactin.json'),
      (t) => (t.quotes[0].text = 'Prolactin is the only hormone for milk production.'),
    );
    expect(problemsOf(root)).toEqual([
      {
        file: 'terms/prolactin.json',
        entry: 'prolactin',
        reason: 'quote 1 is not verbatim in the article: "Prolactin is the only hormone for milk production."',
      },
    ]);
  });

  it('accepts a quote whose whitespace differs from the article', () => {
    const root = glossaryCopy();
    editJson(
      join(root, 'terms/prolactin.json'),
      (t) => (t.quotes[0].text = 'Prolactin is the primary\n  hormone for milk production.'),
    );
    expect(compileGlossary(root).terms.find((t) => t.id === 'prolactin')!.quotes[0]!.text).toBe(
      'Prolactin is the primary hormone for milk production.',
    );
  });

  it('rejects an unknown reference', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/lactose.json'), (t) => (t.quotes[1].refs = [7]));
    expect(problemsOf(root)).toEqual([
      { file: 'terms/lactose.json', entry: 'lactose', reason: 'quote 2 cites unknown reference 7' },
    ]);
  });

  it('rejects an alias claimed by two entries', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/prediabetes.json'), (t) => t.variants.push('Type II Diabetes'));
    expect(problemsOf(root)).toEqual([
      {
        file: 'terms/type-2-diabetes.json',
        entry: 'type-2-diabetes',
        reason: 'alias "type ii diabetes" is also claimed by "prediabetes" (terms/prediabetes.json)',
      },
    ]);
  });

  it('rejects a related term that does not exist', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/cortisol.json'), (t) => t.related.push('adrenaline'));
    expect(problemsOf(root)).toEqual([
      { file: 'terms/cortisol.json', entry: 'cortisol', reason: 'related term "adrenaline" does not exist' },
    ]);
  });

  it('rejects a missing required field', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/colostrum.json'), (t) => delete t.definition);
    expect(problemsOf(root)).toEqual([
      { file: 'terms/colostrum.json', entry: 'colostrum', reason: 'missing required field "definition"' },
    ]);
  });

  it('rejects an id outside [a-z0-9-]', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/mammosphere.json'), (t) => (t.id = 'Mammo_sphere'));
    expect(problemsOf(root)).toEqual(
      expect.arrayContaining([
        {
          file: 'terms/mammosphere.json',
          entry: 'Mammo_sphere',
          reason: 'id "Mammo_sphere" must use only a-z, 0-9 and single hyphens',
        },
      ]),
    );
  });

  it('rejects a context word the matcher cannot find with word boundaries', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/colostrum.json'), (t) => (t.rejectWith = ['calves', 'vet.']));
    expect(problemsOf(root)).toEqual([
      {
        file: 'terms/colostrum.json',
        entry: 'colostrum',
        reason: 'context word "vet." of colostrum must be ASCII letters, digits, spaces or hyphens',
      },
    ]);
  });

  it('gives each spelling an acronym is also written in the same rules, and rejects an empty one', () => {
    const igt = compileGlossary(source).terms.find((t) => t.id === 'insufficient-glandular-tissue')!;
    const [written, ...others] = igt.acronyms;
    expect(igt.acronyms.map((a) => a.text)).toEqual(['IGT', 'I.G.T.', 'igt']);
    expect(written!.confirmWith).toContain('breastfeeding');
    for (const other of others) expect({ ...other, text: written!.text }).toEqual(written);
    const root = glossaryCopy();
    editJson(join(root, 'terms/insufficient-glandular-tissue.json'), (t) => (t.acronyms[0].alsoWritten = ['igt', ' ']));
    expect(problemsOf(root)).toEqual([
      {
        file: 'terms/insufficient-glandular-tissue.json',
        entry: 'insufficient-glandular-tissue',
        reason: 'field "alsoWritten" must be a list of strings',
      },
    ]);
  });

  it('rejects a misspelt field name instead of ignoring it', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/cortisol.json'), (t) => (t.alias = ['hydrocortisone']));
    expect(problemsOf(root)).toEqual([
      { file: 'terms/cortisol.json', entry: 'cortisol', reason: 'unknown field "alias"' },
    ]);
  });

  it('rejects a missing required term', () => {
    const root = glossaryCopy();
    unlinkSync(join(root, 'terms/lactogenic-diet.json'));
    expect(problemsOf(root)).toEqual(
      expect.arrayContaining([
        { file: 'terms', entry: 'lactogenic-diet', reason: 'required term is missing (every build must have it)' },
      ]),
    );
  });

  it('rejects a claim whose quote is not in the article and whose subject is unknown', () => {
    const root = glossaryCopy();
    editJson(join(root, 'claims.json'), (claims) => {
      claims[0].quote = '20% of women in the United States are at risk for gestational diabetes.';
      claims[0].subject = ['gestational-diabetes', 'gdm'];
    });
    // (The term quote linked to that claim is reported too: the claim no longer compiles.)
    expect(problemsOf(root)).toEqual(
      expect.arrayContaining([
        { file: 'claims.json', entry: 'gdm-us-10-percent', reason: 'subject "gdm" is not a glossary term' },
        {
          file: 'claims.json',
          entry: 'gdm-us-10-percent',
          reason:
            'quote 1 is not verbatim in the article: "20% of women in the United States are at risk for gestational diabetes."',
        },
      ]),
    );
  });

  it('rejects a term without a review of what its definition was checked against', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/colostrum.json'), (t) => delete t.review);
    expect(problemsOf(root)).toEqual([
      { file: 'terms/colostrum.json', entry: 'colostrum', reason: 'missing required field "review"' },
    ]);
  });

  it('rejects a review with an empty list of pages checked against', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/cortisol.json'), (t) => (t.review.checkedAgainst = []));
    expect(problemsOf(root)).toEqual([
      { file: 'terms/cortisol.json', entry: 'cortisol', reason: 'field "checkedAgainst" must be a non-empty list' },
    ]);
  });

  it('rejects a review entry without a publisher or a title', () => {
    const root = glossaryCopy();
    let added = 0;
    editJson(join(root, 'terms/pcos.json'), (t) => {
      delete t.review.checkedAgainst[0].title;
      added = t.review.checkedAgainst.push({ publisher: ' ', title: 'Polycystic ovary syndrome' });
    });
    expect(problemsOf(root)).toEqual([
      { file: 'terms/pcos.json', entry: 'pcos', reason: 'review.checkedAgainst entry 1 has no "title"' },
      { file: 'terms/pcos.json', entry: 'pcos', reason: `review.checkedAgainst entry ${added} has no "publisher"` },
    ]);
  });

  it('rejects a quote linked to a claim that does not exist', () => {
    const root = glossaryCopy();
    editJson(join(root, 'terms/cortisol.json'), (t) => (t.quotes[0].claim = 'cortisol-doubles'));
    expect(problemsOf(root)).toEqual([
      {
        file: 'terms/cortisol.json',
        entry: 'cortisol',
        reason: 'quote 1 links claim "cortisol-doubles", which is not among the compiled claims',
      },
    ]);
  });

  it('rejects a quote that states one of the claims without linking it, so its evidence note cannot go missing', () => {
    const linked = compileGlossary(source)
      .terms.flatMap((t) => t.quotes.map((q, i) => ({ id: t.id, index: i, claim: q.claim })))
      .find((q) => q.claim !== undefined)!;
    const root = glossaryCopy();
    editJson(join(root, `terms/${linked.id}.json`), (t) => delete t.quotes[linked.index].claim);
    expect(problemsOf(root)).toEqual([
      {
        file: `terms/${linked.id}.json`,
        entry: linked.id,
        reason: `quote ${linked.index + 1} states claim "${linked.claim}": link it with "claim"`,
      },
    ]);
  });

  it('gives an entry kept off pages (findOnPages: false) a card but no form for the finder', () => {
    const sensitivity = compileGlossary(source).terms.find((t) => t.id === 'insulin-sensitivity')!;
    expect(sensitivity.label).toBe('Insulin sensitivity');
    expect(sensitivity.forms).toEqual([]);
    expect(sensitivity.acronyms).toEqual([]);
  });

  it('reports malformed JSON with the file name', () => {
    const root = glossaryCopy();
    writeFileSync(join(root, 'terms/insulin.json'), '{ "id": "insulin", ');
    const [problem] = problemsOf(root);
    expect(problem!.file).toBe('terms/insulin.json');
    expect(problem!.reason).toMatch(/^cannot read JSON/);
  });
});
