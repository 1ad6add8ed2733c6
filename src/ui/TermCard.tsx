import type { Term } from '../glossary/types.ts';
import {
  cardDisclaimer,
  evidenceLead,
  otherNames,
  quoteEvidence,
  referenceLinkLabel,
  shortAuthors,
} from '../glossary/card-text.ts';
import { glossary, referenceByNumber, termById } from '../glossary/glossary.ts';
import { articleSentence, ExtensionPageLink, glossaryEntry, type CardPlace } from './extension-links.tsx';

/** The author's site, as the card names the original: "hilaryjacobson.com". */
const originalSite = new URL(glossary.article.url).hostname.replace(/^www\./, '');

export interface TermCardProps {
  term: Term;
  /** Opens another term's card in place (related terms). */
  onOpenTerm(termId: string): void;
  /** Extra controls for the card's header (the popover's pin and close buttons). */
  controls?: preact.ComponentChildren;
  /** Where the card is shown (how its links to glossary.html and article.html open): a web page by default. */
  place?: CardPlace;
}

/**
 * The card for one term: the plain-language definition, what the article says (verbatim, linked to the
 * sentence), the papers the article cites for it, what other sources report where a quote states one of the
 * article's claims, related terms, and the reminder that this is not advice. Shared by the popover on pages, the
 * toolbar popup, the glossary page (one card per entry) and the article page; `scan --card` prints the same
 * content as text (src/glossary/card-text.ts). Each quote links to its sentence both in the article page kept
 * in the extension (works offline, cannot break when the site changes) and on the author's site.
 */
export function TermCard({ term, onOpenTerm, controls, place = 'page' }: TermCardProps) {
  const names = otherNames(term);
  const headingId = `lg-card-title-${term.id}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <header class="card-header">
        <div>
          <h2 class="card-title" id={headingId}>
            {term.label}
          </h2>
          {names.length > 0 && <p class="card-aliases">also: {names.join(', ')}</p>}
        </div>
        {controls}
      </header>
      <p class="card-definition">{term.definition}</p>
      <section class="card-article" aria-label={`What the article says: ${term.label}`}>
        <h3 class="card-section-title">In the article</h3>
        {term.quotes.map((quote) => {
          const evidence = quoteEvidence(quote, glossary.claims);
          return (
            <figure class="card-quote" key={quote.link}>
              <blockquote>“{quote.text}”</blockquote>
              <figcaption>
                Read it in “{glossary.article.title}” by {glossary.article.author}:{' '}
                <ExtensionPageLink
                  to={articleSentence(quote)}
                  place={place}
                  class="card-in-extension"
                  aria-label="Read it in the article, in the extension"
                >
                  in the extension
                </ExtensionPageLink>
                {' or '}
                <a
                  href={quote.link}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={`Read it in the article on ${originalSite}`}
                >
                  on {originalSite}
                </a>
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
        <nav class="card-related" aria-label={`Terms related to ${term.label}`}>
          <span class="card-section-title">Related:</span>{' '}
          {term.related.map((id) => {
            const related = termById(id);
            if (!related) return null;
            // On the glossary page every entry is there: related terms are links within the page.
            return place === 'glossary-page' ? (
              <a class="card-related-term" key={id} href={`#${id}`}>
                {related.label}
              </a>
            ) : (
              <button type="button" class="card-related-term" key={id} onClick={() => onOpenTerm(id)}>
                {related.label}
              </button>
            );
          })}
        </nav>
      )}
      {place !== 'glossary-page' && (
        <p class="card-more">
          <ExtensionPageLink to={glossaryEntry(term.id)} place={place}>
            {term.label} in the glossary of all terms
          </ExtensionPageLink>
        </p>
      )}
      <footer class="card-footer">{cardDisclaimer}</footer>
    </article>
  );
}
