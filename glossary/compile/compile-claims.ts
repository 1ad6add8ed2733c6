import { join } from 'node:path';
import type {
  Claim,
  ClaimEvidence,
  ClaimFigure,
  ClaimLanguage,
  ClaimQualifiers,
  ClaimRelation,
  ClaimSupport,
  ClaimVocabulary,
  Quote,
  RelationWording,
} from '../../src/glossary/types.ts';
import { parseWordPattern } from '../../src/claims/match-words.ts';
import { expandWording } from './expand-wording.ts';

/** What compile-glossary.ts lends this step: its problem list, JSON reading and quote checking. */
export interface ClaimsCompileContext {
  root: string;
  termIds: ReadonlySet<string>;
  readJson(file: string, entry: string): unknown;
  report(file: string, entry: string, reason: string): void;
  makeQuote(file: string, entry: string, raw: { text: unknown; refs: unknown }): Quote | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isWords = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isText);
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const supports: ClaimSupport[] = ['supported', 'not-supported', 'unclear'];
const units: ClaimFigure['unit'][] = ['%', 'day', 'week', 'month', 'year'];

/** Reports keys of `obj` outside `allowed`, so a misspelt field is an error rather than silently ignored. */
function unknownKeys(obj: Json, allowed: string[], report: (reason: string) => void, what: string) {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) report(`${what} has unknown field "${key}"`);
}

function readVocabulary(
  raw: unknown,
  termIds: ReadonlySet<string>,
  report: (reason: string) => void,
  { canBeSetElsewhere = false } = {},
): ClaimVocabulary | null {
  if (!isObject(raw) || !isText(raw.label) || !isWords(raw.words)) {
    report('needs a "label" and a non-empty list of "words"');
    return null;
  }
  // Only an object can be set elsewhere (lactose in the gut, not in milk).
  unknownKeys(raw, ['label', 'words', 'terms', ...(canBeSetElsewhere ? ['otherSetting'] : [])], report, 'it');
  const terms = raw.terms === undefined ? [] : raw.terms;
  if (!Array.isArray(terms) || !terms.every(isText)) report('"terms" must be a list of glossary ids');
  else for (const t of terms) if (!termIds.has(t)) report(`term "${t}" is not a glossary term`);
  const otherSetting = raw.otherSetting;
  if (otherSetting !== undefined && !isWords(otherSetting)) report('"otherSetting" must be a non-empty list of words');
  return {
    label: raw.label,
    words: raw.words,
    ...(Array.isArray(terms) && terms.length > 0 ? { terms: terms as string[] } : {}),
    ...(isWords(otherSetting) ? { otherSetting } : {}),
  };
}

function readRelation(
  raw: unknown,
  macros: Record<string, string>,
  report: (reason: string) => void,
): ClaimRelation | null {
  if (!isObject(raw) || !isText(raw.label)) {
    report('needs a "label"');
    return null;
  }
  unknownKeys(raw, ['label', 'measures', 'wordings', 'sharedWith'], report, 'it');
  const sharedWith = raw.sharedWith;
  if (sharedWith !== undefined && !isWords(sharedWith)) report('"sharedWith" must be a non-empty list of words');
  const measures =
    isObject(raw.measures) && Object.values(raw.measures).every(isText) ? (raw.measures as Record<string, string>) : {};
  if (raw.measures !== undefined && measures !== raw.measures) report('"measures" must map a measure id to its label');
  if (!Array.isArray(raw.wordings) || raw.wordings.length === 0) {
    report('has no wording');
    return null;
  }
  const wordings: RelationWording[] = [];
  raw.wordings.forEach((w: unknown, index) => {
    const where = `wording ${index + 1}`;
    if (!isObject(w) || !isText(w.match) || !['affirm', 'deny', 'opposite'].includes(w.says as string)) {
      report(`${where} needs "says" (affirm, deny or opposite) and a "match"`);
      return;
    }
    unknownKeys(w, ['says', 'match', 'measure', 'fixed'], report, where);
    const expanded = expandWording(w.match, macros);
    for (const problem of expanded.problems) report(`${where}: ${problem}`);
    try {
      parseWordPattern(expanded.match);
    } catch (error) {
      report(`${where}: ${(error as Error).message}`);
    }
    if (!w.match.includes('{subject}')) report(`${where} must place the claim's {subject}`);
    const hasMeasures = Object.keys(measures).length > 0;
    if (hasMeasures && !(isText(w.measure) && w.measure in measures))
      report(`${where} must name one of the measures ${Object.keys(measures).join(', ')}`);
    if (hasMeasures && !w.match.includes('{figure}')) report(`${where} must place the {figure} it measures`);
    wordings.push({
      says: w.says as RelationWording['says'],
      measure: hasMeasures && isText(w.measure) ? w.measure : null,
      match: expanded.match,
      fixedPolarity: w.fixed === true,
    });
  });
  return { label: raw.label, measures, wordings, ...(isWords(sharedWith) ? { sharedWith } : {}) };
}

/** Reads glossary/claim-language.json: the words the fact-checker reads sentences with. */
function readClaimLanguage(ctx: ClaimsCompileContext): ClaimLanguage {
  const file = join(ctx.root, 'claim-language.json');
  const language: ClaimLanguage = { relations: {}, objects: {}, places: {}, periods: {} };
  const raw = ctx.readJson(file, 'claim language');
  if (!isObject(raw)) {
    if (raw !== undefined) ctx.report(file, 'claim language', 'must be a JSON object');
    return language;
  }
  const macros =
    isObject(raw.macros) && Object.values(raw.macros).every(isText) ? (raw.macros as Record<string, string>) : {};
  if (macros !== raw.macros) ctx.report(file, 'macros', 'must map a name to compromise match syntax');
  for (const [section, read] of [
    ['relations', (v: unknown, report: (r: string) => void) => readRelation(v, macros, report)],
    [
      'objects',
      (v: unknown, report: (r: string) => void) => readVocabulary(v, ctx.termIds, report, { canBeSetElsewhere: true }),
    ],
    ['places', (v: unknown, report: (r: string) => void) => readVocabulary(v, ctx.termIds, report)],
    ['periods', (v: unknown, report: (r: string) => void) => readVocabulary(v, ctx.termIds, report)],
  ] as const) {
    const entries = raw[section];
    if (!isObject(entries)) {
      ctx.report(file, section, 'must be a JSON object');
      continue;
    }
    for (const [id, value] of Object.entries(entries)) {
      const entry = `${section}.${id}`;
      if (!idPattern.test(id)) ctx.report(file, entry, 'id must use only a-z, 0-9 and single hyphens');
      const item = read(value, (reason) => ctx.report(file, entry, reason));
      if (item) (language[section] as Record<string, unknown>)[id] = item;
    }
  }
  return language;
}

function readFigure(
  raw: unknown,
  relation: ClaimRelation | undefined,
  report: (reason: string) => void,
): ClaimFigure | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    report('qualifiers.figure must be an object');
    return null;
  }
  unknownKeys(raw, ['value', 'low', 'high', 'unit', 'measure'], report, 'qualifiers.figure');
  const single = typeof raw.value === 'number';
  const range = typeof raw.low === 'number' && typeof raw.high === 'number' && raw.low <= raw.high;
  if (single === range) report('qualifiers.figure needs either "value" or "low" ≤ "high"');
  if (!units.includes(raw.unit as ClaimFigure['unit']))
    report(`qualifiers.figure.unit must be one of ${units.join(', ')}`);
  if (!isText(raw.measure)) report('qualifiers.figure has no "measure" (what the figure counts)');
  else if (relation && Object.keys(relation.measures).length > 0 && !(raw.measure in relation.measures)) {
    report(
      `qualifiers.figure.measure "${raw.measure}" is not a measure of its relation (${Object.keys(relation.measures).join(', ')})`,
    );
  }
  return {
    ...(single ? { value: raw.value as number } : { low: raw.low as number, high: raw.high as number }),
    unit: raw.unit as ClaimFigure['unit'],
    measure: String(raw.measure),
  };
}

function readQualifiers(
  raw: unknown,
  language: ClaimLanguage,
  relation: ClaimRelation | undefined,
  report: (reason: string) => void,
): ClaimQualifiers {
  const q: Json = isObject(raw) ? raw : {};
  if (!isObject(raw)) report('"qualifiers" must be an object');
  unknownKeys(q, ['figure', 'place', 'year', 'period', 'periodRequired', 'time'], report, 'qualifiers');
  const place = q.place === undefined || q.place === null ? null : String(q.place);
  if (place !== null && !(place in language.places))
    report(`qualifiers.place "${place}" is not a place in claim-language.json`);
  const period = q.period === undefined || q.period === null ? null : String(q.period);
  if (period !== null && !(period in language.periods))
    report(`qualifiers.period "${period}" is not a period in claim-language.json`);
  if (q.year !== undefined && typeof q.year !== 'number') report('qualifiers.year must be a number');
  if (q.time !== undefined && typeof q.time !== 'string') report('qualifiers.time must be a string');
  const figure = readFigure(q.figure, relation, report);
  if (relation && Object.keys(relation.measures).length > 0 && !figure)
    report('its relation counts a share, so qualifiers.figure is required');
  return {
    figure,
    place,
    year: typeof q.year === 'number' ? q.year : null,
    period,
    periodRequired: q.periodRequired === true,
    time: typeof q.time === 'string' ? q.time : '',
  };
}

function readEvidence(raw: unknown, report: (reason: string) => void): ClaimEvidence | null {
  if (raw === undefined) return null;
  if (
    !isObject(raw) ||
    !supports.includes(raw.support as ClaimSupport) ||
    !isText(raw.sourceReports) ||
    !isText(raw.note)
  ) {
    report(`"evidence" needs "support" (${supports.join(', ')}), "sourceReports" and "note"`);
    return null;
  }
  unknownKeys(raw, ['support', 'sourceReports', 'note'], report, 'evidence');
  return { support: raw.support as ClaimSupport, sourceReports: raw.sourceReports, note: raw.note };
}

/**
 * Reads glossary/claims.json and glossary/claim-language.json. Each claim is a proposition: a subject (a
 * glossary term), a relation with its wordings, an object, qualifiers (figure with its measure, place, year,
 * period) and the evidence note that sets its support level.
 */
export function compileClaims(ctx: ClaimsCompileContext): { claims: Claim[]; claimLanguage: ClaimLanguage } {
  const claimLanguage = readClaimLanguage(ctx);
  const file = join(ctx.root, 'claims.json');
  const raw = ctx.readJson(file, 'claims');
  const claims: Claim[] = [];
  if (raw !== undefined && !Array.isArray(raw)) ctx.report(file, 'claims', 'must be a list');
  for (const item of Array.isArray(raw) ? raw : []) {
    const entry = isObject(item) && isText(item.id) ? item.id : 'claim';
    const report = (reason: string) => ctx.report(file, entry, reason);
    if (!isObject(item)) {
      report('is not a JSON object');
      continue;
    }
    unknownKeys(
      item,
      ['id', 'statement', 'quote', 'refs', 'subject', 'relation', 'object', 'qualifiers', 'evidence'],
      report,
      'it',
    );
    for (const key of ['id', 'statement', 'quote', 'relation', 'object'] as const)
      if (!isText(item[key])) report(`missing required field "${key}"`);
    if (!idPattern.test(entry)) report(`id "${entry}" must use only a-z, 0-9 and single hyphens`);
    const subjects = typeof item.subject === 'string' ? [item.subject] : item.subject;
    if (!isWords(subjects)) report('"subject" must be a glossary term id (or a list of them)');
    else for (const s of subjects) if (!ctx.termIds.has(s)) report(`subject "${s}" is not a glossary term`);
    const relation = claimLanguage.relations[String(item.relation)];
    if (isText(item.relation) && !relation) report(`relation "${item.relation}" has no wording in claim-language.json`);
    if (isText(item.object) && !(item.object in claimLanguage.objects))
      report(`object "${item.object}" is not an object in claim-language.json`);
    const qualifiers = readQualifiers(item.qualifiers ?? {}, claimLanguage, relation, report);
    const evidence = readEvidence(item.evidence, report);
    const quote = ctx.makeQuote(file, entry, { text: item.quote, refs: item.refs ?? [] });
    if (!quote || !isWords(subjects) || !relation || !isText(item.statement) || !isText(item.object)) continue;
    claims.push({
      id: entry,
      statement: item.statement,
      quote,
      subjects,
      relation: String(item.relation),
      object: item.object,
      qualifiers,
      evidence,
      support: evidence?.support ?? 'unclear',
    });
  }
  return { claims, claimLanguage };
}
