import type { ClaimCheck } from '../claims/index.ts';
import { maxClaimTextLength, maxClaimTexts } from '../messages/index.ts';
import { ClaimMarks, type ClaimMark } from './claim-marks.ts';
import type { TextBlock } from './collect-text-blocks.ts';
import type { PageScanner } from './page-scanner.ts';

/** The name of the CSS highlight of flagged sentences (styled in highlights.css). */
export const claimHighlightName = 'lactation-glossary-claim';

export interface ClaimFlags {
  readonly marks: ClaimMarks;
  /** Checks the blocks found since the last call; call after each scan pass. */
  update(): Promise<void>;
  /** Hides the flags the user dismissed. */
  applyDismissals(isDismissed: (check: ClaimCheck) => boolean): void;
  stop(): void;
}

/**
 * The fact-checker on a page: blocks that mention a claim's subject go to `check` (the background, where
 * the language work runs without slowing the page); agreeing and differing sentences come back and get
 * their own highlight. "Related" sentences are not flagged on the page.
 */
export function startClaimFlags(
  scanner: PageScanner,
  subjectTermIds: ReadonlySet<string>,
  check: (texts: string[]) => Promise<ClaimCheck[][]>,
  isDismissed: (check: ClaimCheck) => boolean,
): ClaimFlags {
  const highlight = new Highlight();
  CSS.highlights.set(claimHighlightName, highlight);
  const marks = new ClaimMarks(highlight);
  const checked = new WeakSet<TextBlock>();
  let stopped = false;
  let dismissed = isDismissed;

  return {
    marks,
    async update() {
      marks.drop((mark: ClaimMark) => mark.nodes.some((node) => !node.isConnected));
      const pending = scanner.marks.blocksMentioning(subjectTermIds).filter((b) => !checked.has(b) && b.text.length <= maxClaimTextLength);
      for (let i = 0; i < pending.length && !stopped; i += maxClaimTexts) {
        const batch = pending.slice(i, i + maxClaimTexts);
        batch.forEach((b) => checked.add(b));
        const results = await check(batch.map((b) => b.text)).catch(() => [] as ClaimCheck[][]);
        if (stopped) return;
        results.forEach((checks, index) => {
          for (const c of checks ?? []) {
            if (c.verdict !== 'related' && !dismissed(c) && batch[index]) marks.add(c, batch[index]);
          }
        });
      }
    },
    applyDismissals(next) {
      dismissed = next;
      marks.drop((mark) => next(mark.check));
    },
    stop() {
      stopped = true;
      marks.drop(() => true);
      CSS.highlights.delete(claimHighlightName);
    },
  };
}
