/**
 * The finds of one global expression in one text, asked for a piece at a time. A search that met nothing in
 * its piece ran on to the next find or the end of the text: that is kept, so on a long text with few finds
 * each piece does not search the rest of the text again (a 2 MB block of prose was read 64 times over).
 */
export class CandidateCursor {
  readonly #expression: RegExp;
  readonly #text: string;
  /** The last search: where it started, and what it found there or after (null: nothing to the end). */
  #last: { from: number; found: RegExpExecArray | null } | null = null;

  constructor(expression: RegExp, text: string) {
    this.#expression = expression;
    this.#text = text;
  }

  /** The first find starting in [from, to), or null. */
  next(from: number, to: number): RegExpExecArray | null {
    const last = this.#last;
    // No find starts between where the last search began and what it found: from anywhere in there, it is the same.
    const known = last && last.from <= from && (!last.found || last.found.index >= from);
    if (!known) {
      this.#expression.lastIndex = from;
      this.#last = { from, found: this.#expression.exec(this.#text) };
    }
    const { found } = this.#last!;
    return found && found.index < to ? found : null;
  }
}
