/**
 * Chrome rebuilds the markers of every range of every registered highlight in the frame after any highlight
 * changes (and after any DOM or style change). A pass that added its underlines slice by slice paid that
 * rebuild in each frame it ran through: loading the 1 MB thread cost the page about 330 ms of PrePaint over
 * some 20 frames, against 55 ms without the extension — three times the scan's own script time. So changes
 * are drawn together when a pass ends, or once the first change not yet drawn is `drawIntervalMs` old, so a
 * long pass (a huge page: the part in view is read first) shows its progress.
 */
export const drawIntervalMs = 200;

/** The part of a `Highlight` the underlines change. */
export interface HighlightChanges {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
}

/** A highlight whose additions, deletions and clearing are applied in batches (see above). */
export class BatchedHighlight implements HighlightChanges {
  readonly #highlight: HighlightChanges;
  /** Ranges to add (true) or delete (false) at the next draw. */
  readonly #pending = new Map<AbstractRange, boolean>();
  #clearPending = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet drawn was made (`performance.now()`). */
  #pendingSince = 0;

  readonly #drawsProgress: boolean;

  /**
   * `drawsProgress: false`: drawn only by `draw()`. For the fact-checker's flags, whose answers come from the
   * background over seconds on a long page: one draw at the end, not one per batch of sentences.
   */
  constructor(highlight: HighlightChanges, { drawsProgress = true } = {}) {
    this.#highlight = highlight;
    this.#drawsProgress = drawsProgress;
  }

  add(range: AbstractRange): void {
    this.#pending.set(range, true);
    this.#drawSoon();
  }

  delete(range: AbstractRange): void {
    this.#pending.set(range, false);
    this.#drawSoon();
  }

  /**
   * Everything goes at the next draw, with what is added by then: a full rescan shorter than the interval does
   * not flash the page bare.
   */
  clear(): void {
    this.#pending.clear();
    this.#clearPending = true;
    this.#drawSoon();
  }

  /** Applies what is pending now: a pass has ended. */
  draw(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#clearPending && this.#pending.size === 0) return;
    const cleared = this.#clearPending;
    if (cleared) this.#highlight.clear();
    this.#clearPending = false;
    for (const [range, shown] of this.#pending) {
      if (shown) this.#highlight.add(range);
      // After a clear there is nothing to delete (and in Firefox each delete searches the whole highlight).
      else if (!cleared) this.#highlight.delete(range);
    }
    this.#pending.clear();
  }

  /**
   * Draws if the oldest change waiting is `drawIntervalMs` old. A pass calls it after each of its slices: a
   * page that keeps its main thread busy can hold the timer back for a whole pass (Firefox did, in a test).
   */
  readonly drawIfDue = (): void => {
    if (this.#timer !== undefined && performance.now() - this.#pendingSince >= drawIntervalMs) this.draw();
  };

  /** Drops what is pending, stops the timer and empties the highlight: it is going away. */
  discard(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
    this.#clearPending = false;
    this.#highlight.clear();
  }

  #drawSoon(): void {
    if (!this.#drawsProgress) return;
    if (this.#timer !== undefined) return;
    this.#pendingSince = performance.now();
    this.#timer = setTimeout(() => this.draw(), drawIntervalMs);
  }
}
