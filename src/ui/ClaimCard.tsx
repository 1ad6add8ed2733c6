import { claimHeadline, describeClaimFigure } from '../claims/describe.ts';
import { type ClaimCheck } from '../claims/check-claims.ts';
import { claimSupportText } from '../glossary/card-text.ts';
import { glossary, referenceByNumber } from '../glossary/glossary.ts';
import { referenceLinkLabel, shortAuthors } from '../glossary/card-text.ts';

export interface ClaimCardProps {
  check: ClaimCheck;
  onDismiss(): void;
  controls?: preact.ComponentChildren;
}

/**
 * What the page says next to what the article says, figures side by side, with why it was flagged, the
 * article's sentence and its cited source, and what other public records report. It compares statements;
 * it never calls a page or a person wrong.
 */
export function ClaimCard({ check, onDismiss, controls }: ClaimCardProps) {
  const claim = glossary.claims.find((c) => c.id === check.claimId);
  if (!claim) return null;
  const headingId = `lg-claim-title-${claim.id}`;
  return (
    <article class="card claim-card" aria-labelledby={headingId}>
      <header class="card-header">
        <div>
          <h2 class={`card-title claim-verdict ${check.verdict}`} id={headingId}>
            {claimHeadline(check, claim)}
          </h2>
          <p class="card-aliases">Fact check: {claim.statement}</p>
        </div>
        {controls}
      </header>
      <div class="claim-sides">
        <section class="claim-side" aria-label="This page says">
          <h3 class="card-section-title">This page says</h3>
          <blockquote class="claim-page">“{check.sentence}”</blockquote>
          {check.pageFigures.length > 0 && <p class="claim-figure">{check.pageFigures.join(', ')}</p>}
        </section>
        <section class="claim-side" aria-label="The article says">
          <h3 class="card-section-title">The article says</h3>
          <blockquote class="claim-article">“{claim.quote.text}”</blockquote>
          {claim.qualifiers.figure && <p class="claim-figure">{describeClaimFigure(claim.qualifiers.figure)}</p>}
          <a href={claim.quote.link} target="_blank" rel="noopener noreferrer">
            Read it in the article
          </a>
          {claim.quote.refs.map((n) => {
            const ref = referenceByNumber(n);
            return ref ? (
              <p class="card-refs" key={n}>
                Source [{n}]: {shortAuthors(ref)} ({ref.year}). {ref.title}. <i>{ref.journal}</i>.{' '}
                <a href={ref.link} target="_blank" rel="noopener noreferrer">
                  {referenceLinkLabel(ref)}
                </a>
              </p>
            ) : null;
          })}
        </section>
      </div>
      <section aria-label="Why this was flagged">
        <h3 class="card-section-title">Why this was flagged</h3>
        <ul class="claim-reasons">
          {check.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>
      <section aria-label="What other sources report">
        <h3 class="card-section-title">What the article’s source and other public records report</h3>
        {claim.evidence && <p class="claim-evidence">{claim.evidence.note}</p>}
        <p class="claim-support">{claimSupportText[claim.support]}</p>
      </section>
      <button type="button" class="claim-dismiss" onClick={onDismiss}>
        This flag is wrong — hide it on this site
      </button>
      <footer class="card-footer">
        An automatic comparison of wording and figures, not a judgement of the page or its author. Information, not
        medical advice: ask a doctor or a lactation consultant.
      </footer>
    </article>
  );
}
