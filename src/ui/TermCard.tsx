import type { Term } from '../glossary/index.ts';
import { cardDisclaimer, evidenceLead, glossary, otherNames, quoteEvidence, referenceByNumber, referenceLinkLabel, shortAuthors, termById } from '../glossary/index.ts';

export interface TermCardProps {
  term: Term;
  /** Opens another term's card in place (related terms). */
  onOpenTerm(termId: string): void;
  /** Extra controls for the card's header (the popover's pin and close buttons). */
  controls?: preact.ComponentChildren;
}

/**
 * The card for one term: the plain-language definition, what the article says (verbatim, linked to the
 * sentence), the papers the article cites for it, what other sources report where a quote states one of the
 * article's claims, related terms, and the reminder that this is not advice. Shared by the popover on pages and
 * by the toolbar popup; `scan --card` prints the same content as text (src/glossary/card-text.ts).
 */
export function TermCard({ term, onOpenTerm, controls }: TermCardProps) {
  const names = otherNames(term);
  const headingId = `lg-card-title-${term.id}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <header class="card-header">
        <div>
          <h2 class="card-title" id={headingId}>{term.label}</h2>
          {names.length > 0 && <p class="card-aliases">also: {names.join(', ')}</p>}
        </div>
        {controls}
      </header>
      <p class="card-definition">{term.definition}</p>
      <section class="card-article" aria-label="What the article says">
        <h3 class="card-section-title">In the article</h3>
        {term.quotes.map((quote) => {
          const evidence = quoteEvidence(quote, glossary.claims);
          return (
            <figure class="card-quote" key={quote.link}>
              <blockquote>“{quote.text}”</blockquote>
              <figcaption>
                <a href={quote.link} target="_blank" rel="noopener noreferrer">
                  Read it in “{glossary.article.title}”
                </a>
                {' '}by {glossary.article.author}
                {quote.refs.length > 0 && (
                  <ul class="card-refs">
                    {quote.refs.map((n) => {
                      const ref = referenceByNumber(n);
                      if (!ref) return null;
                      return (
                        <li key={n}>
                          [{n}] {shortAuthors(ref)} ({ref.year}). {ref.title}. <i>{ref.journal}</i> {ref.citation}.{' '}
                          <a href={ref.link} target="_blank" rel="noopener noreferrer">
                            {referenceLinkLabel(ref)}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                )}
                {evidence && (
                  <p class="card-evidence">
                    <strong>{evidenceLead}</strong> {evidence.note}
                  </p>
                )}
              </figcaption>
            </figure>
          );
        })}
      </section>
      {term.related.length > 0 && (
        <nav class="card-related" aria-label="Related terms">
          <span class="card-section-title">Related:</span>{' '}
          {term.related.map((id) => {
            const related = termById(id);
            return related ? (
              <button type="button" class="card-related-term" key={id} onClick={() => onOpenTerm(id)}>
                {related.label}
              </button>
            ) : null;
          })}
        </nav>
      )}
      <footer class="card-footer">{cardDisclaimer}</footer>
    </article>
  );
}
