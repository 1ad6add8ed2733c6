import type { Claim, ClaimEvidence, ClaimSupport, Glossary, Quote, Reference, Term } from './types.ts';

// What a term card says, shared by the Preact card (src/ui/TermCard.tsx) and its plain-text form
// (`scan --card`), so the text a reviewer reads is the text a reader sees.

/** The line every card ends with: information, not advice, pointing to a professional as the article does. */
export const cardDisclaimer =
  'Information, not medical advice. For your own situation, ask a doctor or a lactation consultant.';

/** How the card introduces a claim's evidence note under a quote that states the claim. */
export const evidenceLead = 'What other sources report:';

/**
 * Names shown after the label: acronyms and aliases, never the matcher-only variants, and an acronym once
 * however the matcher also reads it ("IGT", not "igt" and "I.G.T." too).
 */
export function otherNames(term: Term): string[] {
  const key = (name: string) => name.replaceAll('.', '').toUpperCase();
  const names = [...term.acronyms.map((a) => a.text), ...term.aliases];
  return names.filter((n, i) => names.findIndex((m) => key(m) === key(n)) === i && n !== term.label);
}

/**
 * The evidence note to show under a quote: the linked claim's, when it has one. A quote that states one of the
 * article's figures carries what other sources report, so the reference under it never reads as support the
 * source does not give.
 */
export function quoteEvidence(quote: Quote, claims: readonly Claim[]): ClaimEvidence | null {
  if (quote.claim === undefined) return null;
  return claims.find((c) => c.id === quote.claim)?.evidence ?? null;
}

/** How far the article's own source backs a claim, said plainly under its evidence (claim card, article page). */
export const claimSupportText = {
  supported: 'Other sources back what the article says here.',
  'not-supported': 'The article’s source, or the public record, does not back this claim as the article states it.',
  unclear: 'Whether a source backs this claim is unclear.',
} as const satisfies Record<ClaimSupport, string>;

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

/** "[2] Sadovnikova A, Garcia SC, Hovey RC (2021). A comparative review …. Journal 26(2):181–196." */
export const referenceCitation = (ref: Reference): string =>
  `[${ref.number}] ${shortAuthors(ref)} (${ref.year}). ${ref.title}. ${ref.journal} ${ref.citation}.`;

/**
 * The term's card as plain text, in the card's order: label, other names, definition, each quote with the
 * article link, its references (citation and link) and evidence note, related terms by label, disclaimer. One
 * line each and no blank line inside, so cards printed one after another split on blank lines.
 */
export function termCardText(
  term: Term,
  glossary: Pick<Glossary, 'article' | 'references' | 'terms' | 'claims'>,
): string {
  const lines: string[] = [term.label];
  const names = otherNames(term);
  if (names.length > 0) lines.push(`also: ${names.join(', ')}`);
  lines.push(term.definition, 'In the article:');
  for (const quote of term.quotes) {
    lines.push(`  “${quote.text}”`);
    lines.push(`    Read it in “${glossary.article.title}” by ${glossary.article.author}: ${quote.link}`);
    for (const n of quote.refs) {
      const ref = glossary.references.find((r) => r.number === n);
      if (ref) lines.push(`    ${referenceCitation(ref)} ${referenceLinkLabel(ref)}: ${ref.link}`);
    }
    const evidence = quoteEvidence(quote, glossary.claims);
    if (evidence) lines.push(`    ${evidenceLead} ${evidence.note}`);
  }
  const related = term.related
    .map((id) => glossary.terms.find((t) => t.id === id)?.label)
    .filter((l): l is string => l !== undefined);
  if (related.length > 0) lines.push(`Related: ${related.join(', ')}`);
  lines.push(cardDisclaimer);
  return lines.join('\n');
}
