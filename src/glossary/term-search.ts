import MiniSearch from 'minisearch';
import { glossary } from './glossary.ts';
import type { Term } from './types.ts';

/** Case, spacing and hyphens aside: "Insulin-resistance " and "insulin resistance" are the same name. */
const normalizedName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[\s\-\u2010\u2011]+/g, ' ')
    .trim();

/**
 * Look-up by label, alias, acronym or listed variant, with prefix and typo tolerance ("galactogogue",
 * "amenorhea", "prolactine"), labels weighted above the rest. A term whose name is exactly what was typed comes
 * first: MiniSearch scores "insulin" higher in "Insulin resistance" (two fields hold it) than in "Insulin".
 */
export function createTermSearch(terms: Term[] = glossary.terms) {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const index = new MiniSearch<{ id: string; label: string; names: string; definition: string }>({
    fields: ['label', 'names', 'definition'],
    storeFields: [],
    searchOptions: { boost: { label: 3, names: 2, definition: 0.2 }, prefix: true, fuzzy: 0.25, combineWith: 'AND' },
  });
  index.addAll(
    terms.map((t) => ({
      id: t.id,
      label: t.label,
      names: [...t.aliases, ...t.variants, ...t.acronyms.map((a) => a.text)].join(' | '),
      definition: t.definition,
    })),
  );
  const byName = new Map<string, Term[]>();
  for (const t of terms) {
    for (const name of new Set(
      [t.label, ...t.aliases, ...t.variants, ...t.acronyms.map((a) => a.text)].map(normalizedName),
    )) {
      byName.set(name, [...(byName.get(name) ?? []), t]);
    }
  }
  return {
    search(query: string, limit = 8): Term[] {
      const text = query.trim();
      if (!text) return [];
      const exact = byName.get(normalizedName(text)) ?? [];
      const ranked = index
        .search(text)
        .map((r) => byId.get(r.id as string)!)
        .filter((t) => t && !exact.includes(t));
      return [...exact, ...ranked].slice(0, limit);
    },
  };
}
