import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type {
  AcronymRule,
  ArticleDocument,
  ArticleInfo,
  Glossary,
  Quote,
  Reference,
  Term,
} from '../../src/glossary/types.ts';
import { compileClaims } from './compile-claims.ts';
import { inflectedForms } from './inflect.ts';
import { readArticle, type ReadArticle } from './read-article.ts';
import { textFragmentLink } from './text-fragment.ts';

/** Ids every build must have: the article's core terms, which tests, the CLI and other tools look up by id. */
export const requiredTermIds = [
  'insulin',
  'insulin-resistance',
  'prolactin',
  'insufficient-glandular-tissue',
  'lactational-amenorrhea',
  'galactagogue',
  'pcos',
  'metabolic-syndrome',
  'gestational-diabetes',
  'prediabetes',
  'type-2-diabetes',
  'colostrum',
  'lactose',
  'cortisol',
  'estrogen',
  'progesterone',
  'mammary-gland',
  'milk-supply',
  'lactogenesis',
  'lactogenic-diet',
];

export interface GlossaryProblem {
  file: string;
  entry: string;
  reason: string;
}

export class GlossaryError extends Error {
  constructor(readonly problems: GlossaryProblem[]) {
    super(problems.map((p) => `${p.file}: entry "${p.entry}": ${p.reason}`).join('\n'));
    this.name = 'GlossaryError';
  }
}

type Json = Record<string, unknown>;

/** Collects problems instead of stopping at the first, so one build run shows everything to fix. */
class Checker {
  readonly problems: GlossaryProblem[] = [];
  constructor(readonly root: string) {}

  report(file: string, entry: string, reason: string) {
    this.problems.push({ file: relative(this.root, file) || file, entry, reason });
  }

  readJson(file: string, entry: string): unknown {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      this.report(file, entry, `cannot read JSON: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Checks `obj` has exactly the allowed keys, with the required ones present and of the right kind. */
  shape(
    file: string,
    entry: string,
    obj: unknown,
    required: Record<string, Kind>,
    optional: Record<string, Kind> = {},
  ): obj is Json {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      this.report(file, entry, 'is not a JSON object');
      return false;
    }
    let ok = true;
    for (const [key, kind] of Object.entries(required)) {
      if (!(key in obj)) {
        this.report(file, entry, `missing required field "${key}"`);
        ok = false;
      } else if (!isKind((obj as Json)[key], kind)) {
        this.report(file, entry, `field "${key}" must be ${kind}`);
        ok = false;
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      if (key in required) continue;
      if (!(key in optional)) {
        this.report(file, entry, `unknown field "${key}"`);
        ok = false;
      } else if (!isKind(value, optional[key]!)) {
        this.report(file, entry, `field "${key}" must be ${optional[key]}`);
        ok = false;
      }
    }
    return ok;
  }
}

type Kind =
  | 'a non-empty string'
  | 'a string'
  | 'a boolean'
  | 'a number'
  | 'a list of strings'
  | 'a non-empty list'
  | 'a list'
  | 'a string or null'
  | 'an object';

function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'a non-empty string':
      return typeof value === 'string' && value.trim() !== '';
    case 'a string':
      return typeof value === 'string';
    case 'a boolean':
      return typeof value === 'boolean';
    case 'a number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'a list of strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
    case 'a non-empty list':
      return Array.isArray(value) && value.length > 0;
    case 'a list':
      return Array.isArray(value);
    case 'a string or null':
      return value === null || typeof value === 'string';
    case 'an object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

function referenceLink(doi: string | null, pmid: string | null, title: string) {
  if (doi) return { link: `https://doi.org/${doi}`, linkIsSearch: false };
  if (pmid) return { link: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`, linkIsSearch: false };
  return {
    link: `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(`"${title}"[Title]`)}`,
    linkIsSearch: true,
  };
}

/** Context words are found with ASCII word boundaries (src/match/acronym-context.ts). */
function checkContextWords(check: Checker, file: string, entry: string, words: string[], owner: string) {
  for (const word of words) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?$/.test(word))
      check.report(file, entry, `context word "${word}" of ${owner} must be ASCII letters, digits, spaces or hyphens`);
  }
}

/**
 * Every term records the mainstream pages or guidelines its definition was checked against (issue 12), so a
 * definition nobody checked cannot ship: `review: { checkedAgainst: [{ publisher, title }, …] }`.
 */
function checkReview(check: Checker, file: string, entry: string, review: unknown) {
  if (!check.shape(file, entry, review, { checkedAgainst: 'a non-empty list' })) {
    return;
  }
  (review.checkedAgainst as unknown[]).forEach((source, index) => {
    const where = `review.checkedAgainst entry ${index + 1}`;
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      check.report(file, entry, `${where} is not an object with "publisher" and "title"`);
      return;
    }
    for (const key of ['publisher', 'title']) {
      const value = (source as Json)[key];
      if (typeof value !== 'string' || value.trim() === '') check.report(file, entry, `${where} has no "${key}"`);
    }
    for (const key of Object.keys(source)) {
      if (key !== 'publisher' && key !== 'title') check.report(file, entry, `${where} has unknown field "${key}"`);
    }
  });
}

/**
 * Reads and validates `glossary/` (article, references, one file per term, claims) and returns the compiled
 * glossary. Throws a GlossaryError naming the file, the entry and the reason for every problem found.
 */
export function compileGlossary(root: string): Glossary {
  return compileGlossaryAndArticle(root).glossary;
}

/**
 * The compiled glossary, and the article read into blocks and sentences for the article page. They are
 * written to two files: the glossary goes into every bundle, the article's text only into the article page.
 */
export function compileGlossaryAndArticle(root: string): { glossary: Glossary; article: ArticleDocument } {
  const check = new Checker(root);
  const articleDir = join(root, 'article');

  // Article
  const articleFile = join(articleDir, 'article.json');
  const articleJson = check.readJson(articleFile, 'article');
  let article: ArticleInfo = { title: '', author: '', url: '' };
  let articleText = '';
  let articleReader: ReadArticle | null = null;
  if (
    check.shape(
      articleFile,
      'article',
      articleJson,
      {
        title: 'a non-empty string',
        author: 'a non-empty string',
        url: 'a non-empty string',
        textFile: 'a non-empty string',
      },
      { authorNote: 'a string' },
    )
  ) {
    article = {
      title: articleJson.title as string,
      author: articleJson.author as string,
      url: articleJson.url as string,
    };
    const textPath = join(articleDir, articleJson.textFile as string);
    if (existsSync(textPath)) {
      const raw = readFileSync(textPath, 'utf8');
      articleText = collapseWhitespace(raw);
      articleReader = readArticle(raw);
    } else check.report(articleFile, 'article', `text file "${String(articleJson.textFile)}" does not exist`);
  }

  const makeQuote = (
    file: string,
    entry: string,
    raw: unknown,
    index: number,
    refNumbers: Set<number>,
  ): Quote | null => {
    const where = `quote ${index + 1}`;
    // `claim` links a quote that states one of the article's checkable claims (checked once claims are compiled).
    if (!check.shape(file, entry, raw, { text: 'a non-empty string', refs: 'a list' }, { claim: 'a non-empty string' }))
      return null;
    const text = collapseWhitespace(raw.text as string);
    let ok = true;
    if (articleText && !articleText.includes(text)) {
      check.report(file, entry, `${where} is not verbatim in the article: "${text.slice(0, 80)}"`);
      ok = false;
    }
    for (const ref of raw.refs as unknown[]) {
      if (typeof ref !== 'number' || !refNumbers.has(ref)) {
        check.report(file, entry, `${where} cites unknown reference ${JSON.stringify(ref)}`);
        ok = false;
      }
    }
    if (!ok) return null;
    // (Without an article text, already reported, there are no sentences to point to.)
    const sentences = articleReader?.sentencesOf(text) ?? { first: 0, last: 0 };
    const quote: Quote = { text, refs: raw.refs as number[], link: textFragmentLink(article.url, text), sentences };
    if (typeof raw.claim === 'string') quote.claim = raw.claim;
    return quote;
  };

  // References
  const referencesFile = join(root, 'references.json');
  const referencesJson = check.readJson(referencesFile, 'references');
  const references: Reference[] = [];
  if (Array.isArray(referencesJson)) {
    referencesJson.forEach((raw, index) => {
      const entry = `reference ${(raw as Json)?.number ?? index + 1}`;
      if (
        !check.shape(referencesFile, entry, raw, {
          number: 'a number',
          authors: 'a non-empty string',
          year: 'a number',
          title: 'a non-empty string',
          journal: 'a non-empty string',
          citation: 'a string',
          doi: 'a string or null',
          pmid: 'a string or null',
        })
      )
        return;
      const doi = raw.doi as string | null;
      if (doi !== null && !/^10\.\d{4,9}\/\S+$/.test(doi)) check.report(referencesFile, entry, `"${doi}" is not a DOI`);
      references.push({
        ...(raw as unknown as Reference),
        ...referenceLink(doi, raw.pmid as string | null, raw.title as string),
      });
    });
  } else if (referencesJson !== undefined) {
    check.report(referencesFile, 'references', 'must be a list');
  }
  const refNumbers = new Set(references.map((r) => r.number));

  // Terms
  const termsDir = join(root, 'terms');
  const terms: Term[] = [];
  const owners = new Map<string, { id: string; file: string }>();
  // Entries that exist but are malformed still count as present, so one mistake gives one message.
  const presentIds = new Set<string>();
  for (const name of readdirSync(termsDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = join(termsDir, name);
    const raw = check.readJson(file, name);
    const entry = typeof (raw as Json)?.id === 'string' ? ((raw as Json).id as string) : name;
    presentIds.add(entry);
    if (
      !check.shape(
        file,
        entry,
        raw,
        {
          id: 'a non-empty string',
          label: 'a non-empty string',
          aliases: 'a list of strings',
          definition: 'a non-empty string',
          quotes: 'a non-empty list',
          related: 'a list of strings',
          review: 'an object',
        },
        {
          variants: 'a list of strings',
          acronyms: 'a list',
          notFollowedBy: 'a list of strings',
          notPrecededBy: 'a list of strings',
          notMisspellings: 'a list of strings',
          rejectWith: 'a list of strings',
          findOnPages: 'a boolean',
        },
      )
    )
      continue;
    const id = raw.id as string;
    checkReview(check, file, entry, raw.review);
    if (!idPattern.test(id)) check.report(file, entry, `id "${id}" must use only a-z, 0-9 and single hyphens`);
    if (name !== `${id}.json`) check.report(file, entry, `file name must be "${id}.json"`);
    const acronyms: AcronymRule[] = [];
    for (const rawAcronym of (raw.acronyms as unknown[] | undefined) ?? []) {
      if (
        !check.shape(
          file,
          entry,
          rawAcronym,
          { text: 'a non-empty string' },
          {
            alsoWritten: 'a list of strings',
            anyCase: 'a boolean',
            confirmWith: 'a list of strings',
            rejectWith: 'a list of strings',
          },
        )
      )
        continue;
      const a = rawAcronym;
      const contextWords = [...((a.confirmWith as string[]) ?? []), ...((a.rejectWith as string[]) ?? [])];
      checkContextWords(check, file, entry, contextWords, String(a.text));
      // Other spellings with the same rules ("I.G.T.", "igt"), each a rule of its own: one list of context words
      // to keep, not one copy per spelling.
      const rules = {
        anyCase: a.anyCase === true,
        confirmWith: (a.confirmWith as string[]) ?? [],
        rejectWith: (a.rejectWith as string[]) ?? [],
      };
      for (const text of [a.text as string, ...((a.alsoWritten as string[]) ?? [])]) acronyms.push({ text, ...rules });
    }
    checkContextWords(check, file, entry, (raw.rejectWith as string[]) ?? [], id);
    const surfaces = [
      raw.label as string,
      ...(raw.aliases as string[]),
      ...((raw.variants as string[]) ?? []),
      ...acronyms.map((a) => a.text),
    ];
    for (const surface of new Set(surfaces.map((s) => collapseWhitespace(s).toLowerCase()))) {
      const owner = owners.get(surface);
      if (owner && owner.id !== id)
        check.report(
          file,
          entry,
          `alias "${surface}" is also claimed by "${owner.id}" (${relative(root, owner.file)})`,
        );
      else owners.set(surface, { id, file });
    }
    const quotes = (raw.quotes as unknown[])
      .map((q, i) => makeQuote(file, entry, q, i, refNumbers))
      .filter((q): q is Quote => q !== null);
    // An entry with `findOnPages: false` has a card (popup, related links) but no written form for the finder.
    const findOnPages = raw.findOnPages !== false;
    terms.push({
      id,
      label: raw.label as string,
      aliases: raw.aliases as string[],
      variants: (raw.variants as string[]) ?? [],
      forms: findOnPages
        ? inflectedForms([raw.label as string, ...(raw.aliases as string[]), ...((raw.variants as string[]) ?? [])])
        : [],
      acronyms: findOnPages ? acronyms : [],
      definition: collapseWhitespace(raw.definition as string),
      quotes,
      related: raw.related as string[],
      notFollowedBy: (raw.notFollowedBy as string[]) ?? [],
      notPrecededBy: ((raw.notPrecededBy as string[]) ?? []).map((prefix) => prefix.toLowerCase()),
      notMisspellings: (raw.notMisspellings as string[]) ?? [],
      rejectWith: (raw.rejectWith as string[]) ?? [],
    });
  }
  const termIds = presentIds;
  for (const term of terms) {
    for (const related of term.related) {
      if (!termIds.has(related))
        check.report(join(termsDir, `${term.id}.json`), term.id, `related term "${related}" does not exist`);
      else if (related === term.id)
        check.report(join(termsDir, `${term.id}.json`), term.id, 'lists itself as a related term');
    }
  }
  for (const id of requiredTermIds) {
    if (!termIds.has(id)) check.report(termsDir, id, 'required term is missing (every build must have it)');
  }

  // Claims
  const { claims, claimLanguage } = compileClaims({
    root,
    termIds,
    readJson: (file, entry) => check.readJson(file, entry),
    report: (file, entry, reason) => check.report(file, entry, reason),
    makeQuote: (file, entry, raw) => makeQuote(file, entry, raw, 0, refNumbers),
  });

  // Quote → claim links. A term's quote that states a claim must name it, so the card can show the claim's
  // evidence note under the quote: a reference under a figure must never read as support the source does not give.
  const claimIds = new Set(claims.map((c) => c.id));
  for (const term of terms) {
    const file = join(termsDir, `${term.id}.json`);
    term.quotes.forEach((quote, index) => {
      const where = `quote ${index + 1}`;
      const stated = claims.filter((c) => quote.text.includes(c.quote.text)).map((c) => c.id);
      if (quote.claim !== undefined && !claimIds.has(quote.claim))
        check.report(file, term.id, `${where} links claim "${quote.claim}", which is not among the compiled claims`);
      else if (quote.claim === undefined && stated.length > 0)
        check.report(
          file,
          term.id,
          `${where} states claim ${stated.map((id) => `"${id}"`).join(' or ')}: link it with "claim"`,
        );
    });
  }

  if (check.problems.length > 0) throw new GlossaryError(check.problems);
  return { glossary: { article, references, terms, claims, claimLanguage }, article: articleReader!.document };
}
