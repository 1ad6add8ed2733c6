import MiniSearch from 'minisearch';
import { glossary } from './index.ts';
import type { Term } from './types.ts';

/**
 * Look-up by label, alias, acronym or listed variant, with prefix and typo tolerance ("galactogogue",
 * "amenorhea", "prolactine"), labels weighted above the rest.
 */
export function createTermSearch(terms: Term[] = glossary.terms) {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const index = new MiniSearch<{ id: string; label: string; names: string; definition: string }>({
    fields: ['label', 'names', 'definition'],
    storeFields: [],
    searchOptions: { boost: { label: 3, names: 2, definition: 0.2 }, prefix: true, fuzzy: 0.25, combineWith: 'AND' },
  });
  index.addAll(
    terms.map((t) => ({ id: t.id, label: t.label, names: [...t.aliases, ...t.variants, ...t.acronyms.map((a) => a.text)].join(' | '), definition: t.definition })),
  );
  return {
    search(query: string, limit = 8): Term[] {
      const text = query.trim();
      if (!text) return [];
      return index
        .search(text)
        .slice(0, limit)
        .map((r) => byId.get(r.id as string)!)
        .filter(Boolean);
    },
  };
}
