import type { FinderData, Glossary } from '../../src/glossary/types.ts';

/** The part of the compiled glossary the content script's finder reads (src/glossary/types.ts, FinderData). */
export function finderDataOf(glossary: Glossary): FinderData {
  return {
    terms: glossary.terms.map(
      ({ id, label, aliases, forms, acronyms, notFollowedBy, notPrecededBy, notMisspellings, rejectWith }) => ({
        id,
        label,
        aliases,
        forms,
        acronyms,
        notFollowedBy,
        notPrecededBy,
        notMisspellings,
        rejectWith,
      }),
    ),
    claimSubjects: [...new Set(glossary.claims.flatMap((claim) => claim.subjects))],
  };
}
