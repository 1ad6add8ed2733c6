export { checkClaims, type ClaimCheck, type Verdict } from './check-claims.ts';
export { claimHeadline, describeClaimFigure } from './describe.ts';
