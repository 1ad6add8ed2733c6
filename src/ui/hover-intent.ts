/**
 * When a hover becomes an intent to read: the timing rules users know from hover dictionaries
 * (WCAG 1.4.13: hoverable, dismissible, persistent). Pure timing over "what is under the pointer"; no DOM.
 */
export const dwellMs = 150;
export const graceMs = 300;
/** Faster than this (px per ms) the pointer is sweeping across text, not reading it. */
export const sweepSpeed = 1.2;
/** A sweep that stops on a term (no further movement for this long) counts as resting there. */
export const settleMs = 80;
/**
 * How far into the dwell the card is made ready: late enough that a pointer crossing a term on its way costs
 * the page nothing, early enough to leave most of the dwell for the work.
 */
export const readyAfterMs = 50;

export interface HoverIntentCallbacks<T> {
  open(target: T): void;
  close(): void;
  /**
   * The pointer has rested `readyAfterMs` on `target`: its card opens when the dwell ends unless the pointer
   * moves on, so it can be made ready meanwhile. Null: that dwell stopped short, and no card opens for it.
   */
  dwelling?(target: T | null): void;
}

export class HoverIntent<T> {
  #candidate: T | null = null;
  #open: T | null = null;
  #dwell: ReturnType<typeof setTimeout> | undefined;
  #ready: ReturnType<typeof setTimeout> | undefined;
  /** The candidate `dwelling` was told of. */
  #readied: T | null = null;
  #settle: ReturnType<typeof setTimeout> | undefined;
  #grace: ReturnType<typeof setTimeout> | undefined;
  #pinned = false;
  /** Opened from the keyboard: stays until closed or replaced, whatever the pointer does. */
  #sticky = false;
  #last: { x: number; y: number; t: number } | null = null;
  readonly #callbacks: HoverIntentCallbacks<T>;

  constructor(callbacks: HoverIntentCallbacks<T>) {
    this.#callbacks = callbacks;
  }

  get pinned(): boolean {
    return this.#pinned;
  }

  set pinned(value: boolean) {
    this.#pinned = value;
    if (value) this.#cancelGrace();
  }

  /** The pointer moved; `target` is the term under it (null: none), `onCard` when it is over the open card. */
  pointerMoved(target: T | null, at: { x: number; y: number; t: number }, onCard: boolean): void {
    const speed = this.#last
      ? Math.hypot(at.x - this.#last.x, at.y - this.#last.y) / Math.max(1, at.t - this.#last.t)
      : 0;
    this.#last = at;
    clearTimeout(this.#settle);
    if (onCard) {
      this.#cancelGrace();
      this.#setCandidate(null);
      return;
    }
    const sweeping = speed > sweepSpeed;
    if (this.#open !== null) {
      if (target === this.#open) this.#cancelGrace();
      else this.#startGrace();
    }
    if (sweeping) {
      this.#setCandidate(null);
      // No pointer events come while it rests: if this was the last move, it stopped on `target`.
      if (target !== null && target !== this.#open)
        this.#settle = setTimeout(() => this.#setCandidate(target), settleMs);
      return;
    }
    this.#setCandidate(target === this.#open ? null : target);
  }

  /** The pointer left the page or went somewhere with no text: same as moving off the term. */
  pointerLeft(): void {
    clearTimeout(this.#settle);
    this.#setCandidate(null);
    if (this.#open !== null) this.#startGrace();
  }

  /** Opens at once (keyboard navigation); `sticky` keeps it open until it is closed or replaced. */
  openNow(target: T, { sticky = false } = {}): void {
    // Not a dwell stopping short: the card opens now (for the dwell's target, or replacing it).
    this.#clearCandidate();
    this.#cancelGrace();
    this.#sticky = sticky;
    this.#open = target;
    this.#callbacks.open(target);
  }

  close(): void {
    clearTimeout(this.#settle);
    this.#setCandidate(null);
    this.#cancelGrace();
    this.#pinned = false;
    this.#sticky = false;
    if (this.#open === null) return;
    this.#open = null;
    this.#callbacks.close();
  }

  #setCandidate(target: T | null): void {
    if (target === this.#candidate) return;
    const readied = this.#readied;
    this.#clearCandidate();
    if (readied !== null) this.#callbacks.dwelling?.(null);
    this.#candidate = target;
    if (target === null) return;
    this.#ready = setTimeout(() => {
      this.#readied = target;
      this.#callbacks.dwelling?.(target);
    }, readyAfterMs);
    this.#dwell = setTimeout(() => {
      if (this.#candidate === target) this.openNow(target);
    }, dwellMs);
  }

  #clearCandidate(): void {
    this.#candidate = null;
    this.#readied = null;
    clearTimeout(this.#dwell);
    clearTimeout(this.#ready);
  }

  #cancelGrace(): void {
    clearTimeout(this.#grace);
    this.#grace = undefined;
  }

  #startGrace(): void {
    if (this.#pinned || this.#sticky || this.#grace !== undefined) return;
    this.#grace = setTimeout(() => {
      this.#grace = undefined;
      if (!this.#pinned) this.close();
    }, graceMs);
  }
}
