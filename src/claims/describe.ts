import type { Claim, ClaimFigure } from '../glossary/types.ts';
import type { ClaimCheck } from './check-claims.ts';

/** "10%", "30–50%", "2 weeks". */
export function describeClaimFigure(figure: ClaimFigure): string {
  const number = figure.value !== undefined ? `${figure.value}` : `${figure.low}–${figure.high}`;
  if (figure.unit === '%') return `${number}%`;
  const plural = figure.value === 1 ? '' : 's';
  return `${number} ${figure.unit}${plural}`;
}

/**
 * The verdict as the reader sees it, in the card's title and the popup's list alike. Where the article's own
 * source (or the public record) does not back the claim, an agreeing sentence is not simply "right": the
 * headline says what the source reports.
 */
export function claimHeadline(check: Pick<ClaimCheck, 'verdict'>, claim: Claim): string {
  const reports = claim.evidence?.sourceReports;
  if (check.verdict === 'agrees') {
    if (claim.support === 'not-supported' && reports) return `Matches the article — but ${reports}`;
    if (claim.support === 'unclear' && reports) return `Matches the article — but its source is unclear: ${reports}`;
    if (claim.support === 'unclear') return 'Matches the article, which cites no source for this';
    return 'Agrees with the article';
  }
  // The card's evidence section says when the article's own claim is not backed; the headline stays short.
  if (check.verdict === 'differs') return 'Differs from the article';
  return 'Speaks to the same subject as the article';
}
