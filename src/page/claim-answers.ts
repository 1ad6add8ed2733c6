import type { ClaimCheck } from '../claims/check-claims.ts';
import { maxClaimTexts } from '../messages/messages.ts';

/** Characters of text whose answers are kept; past this the oldest go (a page that streams posts for hours). */
const keptCharacters = 2_000_000;

export interface ClaimAnswers {
  /**
   * The background's checks of each text, in order; undefined for a text it could not answer (unreachable,
   * or `signal` aborted first). Each distinct text is sent once, in batches of `maxClaimTexts`.
   */
  answer(texts: readonly string[], signal: AbortSignal): Promise<(ClaimCheck[] | undefined)[]>;
}

/**
 * The fact-checker's answers, asked of the background once per text: forums quote earlier posts word for word,
 * and a page that re-renders its posts (React, Vue) hands the scan new blocks with the old text. Each text
 * sent costs the page its copy into the message and the answer's back, on the page's main thread.
 */
export function claimAnswers(check: (texts: string[]) => Promise<ClaimCheck[][]>): ClaimAnswers {
  const known = new Map<string, ClaimCheck[]>();
  let knownCharacters = 0;
  return {
    async answer(texts, signal) {
      const unknown = [...new Set(texts.filter((text) => !known.has(text)))];
      for (let i = 0; i < unknown.length && !signal.aborted; i += maxClaimTexts) {
        const batch = unknown.slice(i, i + maxClaimTexts);
        const results = await check(batch).catch(() => null);
        if (!results || signal.aborted) continue;
        batch.forEach((text, index) => {
          if (!known.has(text)) knownCharacters += text.length; // (two updates may ask for one text)
          known.set(text, results[index] ?? []);
        });
      }
      const answers = texts.map((text) => known.get(text));
      for (const text of known.keys()) {
        if (knownCharacters <= keptCharacters) break;
        known.delete(text);
        knownCharacters -= text.length;
      }
      return answers;
    },
  };
}
