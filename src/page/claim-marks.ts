import type { HighlightChanges } from './batched-highlight.ts';
import type { ClaimCheck } from '../claims/check-claims.ts';
import { staticRangeFor } from './block-ranges.ts';
import type { TextBlock } from './collect-text-blocks.ts';

/** A page sentence the fact-checker flagged, and where it is. */
export interface ClaimMark {
  check: ClaimCheck;
  range: StaticRange;
  /** The sentence's text nodes: a hover on any of them finds it. */
  nodes: Text[];
}

/**
 * The flagged sentences of a page, drawn with their own highlight (a second style, apart from the terms'
 * underline), with the same per-text-node look-up for hovering. Never touches the DOM.
 */
export class ClaimMarks {
  readonly #highlights: Record<'agrees' | 'differs', HighlightChanges>;
  readonly #marks: ClaimMark[] = [];
  readonly #byNode = new WeakMap<Text, ClaimMark[]>();
  readonly #parents = new WeakMap<Element, number>();

  /** One highlight per verdict shown on the page ("related" sentences are not marked). */
  constructor(highlights: Record<'agrees' | 'differs', HighlightChanges>) {
    this.#highlights = highlights;
  }

  #highlightOf(check: ClaimCheck): HighlightChanges | null {
    return check.verdict === 'related' ? null : this.#highlights[check.verdict];
  }

  add(check: ClaimCheck, block: TextBlock): void {
    const highlight = this.#highlightOf(check);
    if (!highlight) return;
    const range = staticRangeFor(block, check.start, check.end);
    if (!range) return;
    // Hover look-ups find the sentence from any of its text nodes.
    const nodes = block.segments
      .filter((s) => s.start < check.end && s.start + s.length > check.start)
      .map((s) => s.node);
    if (nodes.length === 0) return;
    const mark: ClaimMark = { check, range, nodes };
    for (const node of nodes) {
      this.#byNode.set(node, [...(this.#byNode.get(node) ?? []), mark]);
      const parent = node.parentElement;
      if (parent) this.#parents.set(parent, (this.#parents.get(parent) ?? 0) + 1);
    }
    this.#marks.push(mark);
    highlight.add(range);
  }

  isMarkedParent(element: Element): boolean {
    return (this.#parents.get(element) ?? 0) > 0;
  }

  markAt(node: Text): ClaimMark | null {
    return this.#byNode.get(node)?.[0] ?? null;
  }

  /** Removes the flags of sentences that left the page or that the user dismissed. */
  drop(shouldDrop: (mark: ClaimMark) => boolean): void {
    for (let i = this.#marks.length - 1; i >= 0; i--) {
      const mark = this.#marks[i]!;
      if (!shouldDrop(mark)) continue;
      this.#marks.splice(i, 1);
      this.#highlightOf(mark.check)?.delete(mark.range);
      for (const node of mark.nodes) {
        const remaining = (this.#byNode.get(node) ?? []).filter((m) => m !== mark);
        this.#byNode.set(node, remaining);
        const parent = node.parentElement;
        if (parent) this.#parents.set(parent, Math.max(0, (this.#parents.get(parent) ?? 1) - 1));
      }
    }
  }

  list(): readonly ClaimMark[] {
    return this.#marks;
  }
}
