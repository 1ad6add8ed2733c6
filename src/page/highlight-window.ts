/**
 * Above this many underlines, only those in blocks near the viewport are drawn. Chrome rebuilds the markers
 * of every range of every registered highlight on each DOM or style change of the page (a page's animation,
 * a counter ticking, a card opening): on the 1 MB bench thread, 2 400 underlines made each such frame cost
 * about 30 ms of rendering against 5 ms without them; 300 cost about 13 ms, 30 about 5 ms.
 */
export const drawnNearViewportFrom = 300;

/** What the underlines are drawn with: a CSS highlight, or a plain set in unit tests. */
export interface DrawnRanges {
  add(range: AbstractRange, block: Element): unknown;
  delete(range: AbstractRange, block: Element): unknown;
  clear(): void;
}

/**
 * A CSS highlight registered under `name` that draws every range until a pass ends with more than
 * `drawnNearViewportFrom` of them; from then on, only the ranges of blocks within one viewport's height of
 * the viewport, followed by an IntersectionObserver as the reader scrolls (the page's own layout work, off
 * the script's thread). Ranges are kept by block element, the unit the observer watches.
 */
export class HighlightWindow implements DrawnRanges {
  #highlight = new Highlight();
  readonly #name: string;
  readonly #byBlock = new Map<Element, Set<AbstractRange>>();
  #count = 0;
  #observer: IntersectionObserver | null = null;
  /** Blocks the observer last reported within the window. */
  readonly #near = new Set<Element>();
  /** True until a pass ends with many ranges: a pass draws what it finds as it goes. */
  #drawingAll = true;

  constructor(name: string) {
    this.#name = name;
    CSS.highlights.set(name, this.#highlight);
  }

  add(range: AbstractRange, block: Element): void {
    let ranges = this.#byBlock.get(block);
    if (!ranges) {
      this.#byBlock.set(block, (ranges = new Set()));
      this.#observer?.observe(block);
    }
    if (ranges.has(range)) return;
    ranges.add(range);
    this.#count++;
    if (this.#drawingAll || this.#near.has(block)) this.#highlight.add(range);
    if (!this.#observer && this.#count > drawnNearViewportFrom) this.#observeBlocks();
  }

  delete(range: AbstractRange, block: Element): void {
    const ranges = this.#byBlock.get(block);
    if (!ranges?.delete(range)) return;
    this.#count--;
    this.#highlight.delete(range);
    if (ranges.size > 0) return;
    this.#byBlock.delete(block);
    this.#near.delete(block);
    this.#observer?.unobserve(block);
  }

  clear(): void {
    this.#highlight.clear();
    this.#byBlock.clear();
    this.#near.clear();
    this.#count = 0;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#drawingAll = true;
  }

  /**
   * A pass is over: with many ranges, only those near the viewport stay drawn. They go into a new highlight
   * that replaces the old one, because deleting thousands of ranges one by one is quadratic in Firefox.
   */
  passEnded(): void {
    if (!this.#drawingAll || !this.#observer) return;
    this.#drawingAll = false;
    const near = new Highlight();
    for (const block of this.#near) for (const range of this.#byBlock.get(block) ?? []) near.add(range);
    this.#highlight = near;
    CSS.highlights.set(this.#name, near);
  }

  /** Forgets every range and unregisters the highlight. */
  remove(): void {
    this.clear();
    CSS.highlights.delete(this.#name);
  }

  #observeBlocks(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => this.#moved(entries), { rootMargin: '100% 0px' });
    for (const block of this.#byBlock.keys()) this.#observer.observe(block);
  }

  #moved(entries: IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      const ranges = this.#byBlock.get(target);
      if (!ranges || isIntersecting === this.#near.has(target)) continue;
      if (isIntersecting) this.#near.add(target);
      else this.#near.delete(target);
      if (this.#drawingAll) continue;
      for (const range of ranges) {
        if (isIntersecting) this.#highlight.add(range);
        else this.#highlight.delete(range);
      }
    }
  }
}
