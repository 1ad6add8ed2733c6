export { checkClaims, type ClaimCheck, type Verdict } from './check-claims.ts';
