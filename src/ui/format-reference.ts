import type { Reference } from '../glossary/index.ts';

/** "Watt AP, Lefevre C, … (2021)": the first three authors, then "et al.". */
export function shortAuthors(reference: Reference): string {
  const authors = reference.authors.split(/,\s*/);
  return authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
}

/** What the reference's link leads to, in the words a reader expects. */
export function referenceLinkLabel(reference: Reference): string {
  if (reference.linkIsSearch) return 'Search PubMed for this title';
  return reference.doi ? `DOI ${reference.doi}` : `PubMed ${reference.pmid}`;
}
