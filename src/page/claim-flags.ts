import { BatchedHighlight } from './batched-highlight.ts';
import type { ClaimCheck } from '../claims/check-claims.ts';
import { onAbort } from './on-abort.ts';
import { maxClaimTextLength } from '../messages/messages.ts';
import { claimAnswers } from './claim-answers.ts';
import { ClaimMarks, type ClaimMark } from './claim-marks.ts';
import type { TextBlock } from './collect-text-blocks.ts';
import type { PageScanner } from './page-scanner.ts';

/**
 * The CSS highlights of flagged sentences, one per verdict (styled in highlights.css): a sentence that
 * differs from the article must look different from one that agrees, and not by colour alone.
 */
const claimHighlightNames = {
  agrees: 'lactation-glossary-claim-agrees',
  differs: 'lactation-glossary-claim-differs',
} as const;

export interface ClaimFlags {
  readonly marks: ClaimMarks;
  /** Sentences about a claim's subject that measure something else: listed in the popup, not marked. */
  related(): readonly ClaimCheck[];
  /** Checks the blocks found since the last call; call after each scan pass. */
  update(): Promise<void>;
  /** Hides the flags the user dismissed. */
  applyDismissals(isDismissed: (check: ClaimCheck) => boolean): void;
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
  /** Aborted: the flags and their highlights go, and answers still on their way are dropped. */
  signal: AbortSignal,
): ClaimFlags {
  const highlights = { agrees: new Highlight(), differs: new Highlight() };
  for (const verdict of ['agrees', 'differs'] as const)
    CSS.highlights.set(claimHighlightNames[verdict], highlights[verdict]);
  // Drawn together when an update is over (batched-highlight.ts): on a long page the background answers batch
  // after batch for seconds, and each draw costs the page a rebuild of every underline's markers.
  const drawing = {
    agrees: new BatchedHighlight(highlights.agrees, { drawsProgress: false }),
    differs: new BatchedHighlight(highlights.differs, { drawsProgress: false }),
  };
  const drawAll = () => Object.values(drawing).forEach((highlight) => highlight.draw());
  const marks = new ClaimMarks(drawing);
  const checked = new WeakSet<TextBlock>();
  const answers = claimAnswers(check);
  const related = new Map<string, { check: ClaimCheck; block: TextBlock }>();
  let dismissed = isDismissed;
  onAbort(signal, () => {
    marks.drop(() => true);
    Object.values(drawing).forEach((highlight) => highlight.discard());
    related.clear();
    for (const name of Object.values(claimHighlightNames)) CSS.highlights.delete(name);
  });

  return {
    marks,
    related: () => [...related.values()].map((r) => r.check),
    async update() {
      marks.drop((mark: ClaimMark) => mark.nodes.some((node) => !node.isConnected));
      for (const [key, r] of related) if (!r.block.segments.every((s) => s.node.isConnected)) related.delete(key);
      const pending = scanner.marks
        .blocksMentioning(subjectTermIds)
        .filter((b) => !checked.has(b) && b.text.length <= maxClaimTextLength);
      // Flags are added, and drawn, once every batch is answered: hover and the popup find no flag not yet drawn.
      pending.forEach((b) => checked.add(b));
      const results = await answers.answer(
        pending.map((b) => b.text),
        signal,
      );
      if (signal.aborted) return;
      const flagged: { check: ClaimCheck; block: TextBlock }[] = [];
      results.forEach((checks, index) => {
        const block = pending[index]!;
        for (const c of checks ?? []) {
          if (dismissed(c)) continue;
          if (c.verdict === 'related') related.set(`${c.claimId}|${c.sentence}`, { check: c, block });
          else flagged.push({ check: c, block });
        }
      });
      try {
        // Dismissals made while the background was answering count too.
        for (const { check: c, block } of flagged) if (!dismissed(c)) marks.add(c, block);
      } finally {
        drawAll();
      }
    },
    applyDismissals(next) {
      dismissed = next;
      marks.drop((mark) => next(mark.check));
      drawAll(); // the flag the reader dismissed goes now
    },
  };
}
