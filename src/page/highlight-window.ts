import type { HighlightChanges } from './batched-highlight.ts';
import { onAbort } from './on-abort.ts';

/**
 * Above this many underlines, only those near the viewport are drawn. Chrome rebuilds the markers of every
 * range of every registered highlight on each DOM or style change of the page, wherever it is (an animation,
 * a link's hover style, a card opening): with the 2 471 underlines of the bench's 1 MB thread, each such
 * frame cost the page 21–46 ms of rendering against 3–5 ms without them.
 */
const drawnNearViewportFrom = 300;

/**
 * The band drawn, in viewport heights from the viewport's top: three screens above the viewport, four below
 * it. It moves in steps, once the page or a scrolling box in it has scrolled two screens since it was placed:
 * each move is one change of the highlight, and so one rebuild of its markers (an earlier window that followed
 * each block in and out of view changed it in nearly every frame of a scroll, and made scrolling dear).
 */
const bandAbove = 3;
const bandBelow = 5;
const moveAfterScreens = 2;
/** Placing the band reads every underlined element's position: at most this often (ms) while the page changes. */
const placeAtMostEveryMs = 100;
/**
 * Positions kept longer than this (ms) are read again at the next move: some layout changes give no sign the
 * window sees (an image loading far from the band, in a page whose root has a fixed height).
 */
const positionsKeptMs = 3_000;

/**
 * The CSS highlight registered under `name`, drawing every range it is given until there are more than
 * `drawnNearViewportFrom`, and from then on only those in a band around the viewport (see above). Positions
 * are read when the page is idle, when layout is fresh, never in the middle of the page's own work.
 * Listens to scrolling (passive, in the capture phase: a scrolling box's own scroll events do not bubble)
 * and to resizing until `signal` aborts, when the highlight is unregistered. A print gets every underline.
 */
export class HighlightWindow implements HighlightChanges {
  readonly #doc: Document;
  readonly #view: Window;
  readonly #name: string;
  #watching = false;
  readonly #signal: AbortSignal;
  #drawn = new Highlight();
  readonly #all = new Set<AbstractRange>();
  /** The element each range's text is in: what is measured. */
  readonly #elements = new Map<AbstractRange, Element | null>();
  /**
   * Each measured element's top and bottom in the document's coordinates, which the document's own scrolling
   * leaves as they are: a move of the band then reads no layout. Forgotten when the layout may have moved
   * (the window resized, a scrolling box scrolled, an element drawn moved) and every few seconds.
   */
  #positions: Map<Element, [top: number, bottom: number]> | null = null;
  #positionsReadAt = 0;
  /** The elements whose ranges the band drew when last placed (Firefox lets a content script iterate no highlight). */
  #drawnElements = new Set<Element>();
  #windowed = false;
  /**
   * The document's and each scrolling box's scroll offset when the band was last placed for it. (Weakly held:
   * nothing here may keep an element the page removed alive.)
   */
  readonly #placedAt = new WeakMap<EventTarget, number>();
  #placing = false;
  #lastPlaced = -Infinity;

  constructor(doc: Document, name: string, signal: AbortSignal) {
    this.#doc = doc;
    this.#view = doc.defaultView ?? window;
    this.#name = name;
    this.#signal = signal;
    CSS.highlights.set(name, this.#drawn);
    onAbort(signal, () => CSS.highlights.delete(name));
  }

  /** Set up when the band is first needed: a page with few underlines pays for none of it. */
  #watch(): void {
    if (this.#watching || this.#signal.aborted) return;
    this.#watching = true;
    const listening = { capture: true, passive: true, signal: this.#signal };
    this.#doc.addEventListener('scroll', (event) => this.#scrolled(event.target), listening);
    this.#view.addEventListener('resize', () => this.#layoutMoved(), listening);
    // A print holds the whole page: every underline is drawn for it.
    this.#view.addEventListener('beforeprint', () => this.#drawAll(), listening);
    this.#view.addEventListener('afterprint', () => this.#placeSoon(), listening);
  }

  add(range: AbstractRange): void {
    this.#all.add(range);
    // (Positions kept are not forgotten: only the new ranges' elements are measured at the next move. A page
    // change that moved the others shows as a move of the elements drawn, or is caught every few seconds.)
    if (this.#windowed) return this.#placeSoon();
    this.#drawn.add(range);
    if (this.#all.size > drawnNearViewportFrom) {
      this.#windowed = true;
      this.#watch();
      this.#placeSoon();
    }
  }

  delete(range: AbstractRange): void {
    const element = this.#elements.get(range);
    if (element) {
      this.#positions?.delete(element);
      this.#drawnElements.delete(element);
    }
    this.#all.delete(range);
    this.#elements.delete(range);
    this.#drawn.delete(range);
  }

  clear(): void {
    this.#all.clear();
    this.#elements.clear();
    this.#drawn.clear();
    this.#drawnElements.clear();
    this.#positions = null;
    this.#windowed = false;
  }

  #layoutMoved(): void {
    this.#positions = null;
    this.#placeSoon();
  }

  #scrolled(target: EventTarget | null): void {
    if (!this.#windowed || !target) return;
    const offset = this.#scrollOffsetOf(target);
    const placedAt = this.#placedAt.get(target);
    // A box seen scrolling for the first time has moved by an unknown amount: the band is placed again.
    if (placedAt === undefined || Math.abs(offset - placedAt) >= moveAfterScreens * this.#view.innerHeight) {
      this.#placedAt.set(target, offset);
      // A box's scrolling moves its content within the document; the document's own moves nothing in it.
      if (target === this.#view.document) this.#placeSoon();
      else this.#layoutMoved();
    }
  }

  #scrollOffsetOf(target: EventTarget): number {
    return 'scrollTop' in target ? (target as Element).scrollTop : this.#view.scrollY;
  }

  /**
   * Places the band when the page is next idle (its layout is then fresh, and reading it forces none), at most
   * every `placeAtMostEveryMs`.
   */
  #placeSoon(): void {
    if (this.#placing || !this.#windowed) return;
    this.#placing = true;
    const wait = Math.max(0, this.#lastPlaced + placeAtMostEveryMs - performance.now());
    setTimeout(() => this.#view.requestIdleCallback(() => this.#place(), { timeout: placeAtMostEveryMs }), wait);
  }

  #place(): void {
    this.#placing = false;
    this.#lastPlaced = performance.now();
    if (!this.#windowed || this.#signal.aborted) return;
    const height = this.#view.innerHeight;
    const scrollY = this.#view.scrollY;
    const top = scrollY - bandAbove * height;
    const bottom = scrollY + bandBelow * height;
    // The elements drawn now, a few dozen, are measured again: if one moved (a page's fixed or sticky header
    // moves with every scroll), every position is read again.
    const stale = performance.now() - this.#positionsReadAt > positionsKeptMs;
    if (this.#positions && (stale || this.#drawnMoved(this.#positions, scrollY))) this.#positions = null;
    if (!this.#positions) {
      this.#positions = new Map();
      this.#positionsReadAt = performance.now();
    }
    const positions = this.#positions;
    const drawn = new Highlight();
    const drawnElements = new Set<Element>();
    for (const range of this.#all) {
      let element = this.#elements.get(range);
      if (element === undefined) this.#elements.set(range, (element = range.startContainer.parentElement));
      if (!element) continue;
      let position = positions.get(element);
      if (!position) {
        const rect = element.getBoundingClientRect();
        positions.set(element, (position = [rect.top + scrollY, rect.bottom + scrollY]));
      }
      if (position[1] < top || position[0] > bottom) continue;
      drawn.add(range);
      drawnElements.add(element);
    }
    this.#drawnElements = drawnElements;
    this.#register(drawn);
    // (A box's offset was noted when its scrolling asked for this move.)
    this.#placedAt.set(this.#view.document, this.#view.scrollY);
  }

  #drawnMoved(positions: Map<Element, [number, number]>, scrollY: number): boolean {
    for (const element of this.#drawnElements) {
      const position = positions.get(element);
      if (!position || Math.abs(element.getBoundingClientRect().top + scrollY - position[0]) >= 1) return true;
    }
    return false;
  }

  #drawAll(): void {
    if (!this.#windowed) return;
    // Added one by one: spread into the constructor, a page's hundred thousand ranges would overflow the stack.
    const all = new Highlight();
    for (const range of this.#all) all.add(range);
    this.#register(all);
  }

  /**
   * One change for the page's rendering: a new highlight in place of the old (deleting thousands of ranges
   * one by one is quadratic in Firefox).
   */
  #register(drawn: Highlight): void {
    if (this.#signal.aborted) return; // (a placing timed before the end)
    this.#drawn = drawn;
    CSS.highlights.set(this.#name, drawn);
  }
}
