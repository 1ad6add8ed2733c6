/**
 * Tap, long press or neither: what a finger (or pen) did on the page, from its pointer events alone. Pure
 * timing and distance, no DOM, so the rules can be tested in Node.
 *
 * A finger always wobbles a little: Android counts movement under 8 dp as a tap ("touch slop",
 * https://developer.android.com/reference/android/view/ViewConfiguration#getScaledTouchSlop()), Chromium's
 * gesture detector a little more. Beyond the slop the finger is scrolling or selecting, and once the browser
 * takes the gesture over for scrolling or zooming it sends `pointercancel`: neither is ever a tap.
 */
export const tapSlopPx = 10;
/** Held this long without moving, a touch is a long press (Android's default long-press timeout is 400–500 ms). */
export const longPressMs = 500;

export type GestureEnd = 'tap' | 'long-press' | null;

interface Press {
  id: number;
  x: number;
  y: number;
  t: number;
  /** Left the slop, was cancelled, or a second finger came down: no longer a tap or a long press. */
  spoiled: boolean;
}

export class TapTracker {
  #press: Press | null = null;

  /** A touch or pen pointer went down. A second finger while one is down (a pinch) spoils the gesture. */
  down(id: number, x: number, y: number, t: number, isPrimary = true): void {
    if (isPrimary) this.#press = { id, x, y, t, spoiled: false };
    else if (this.#press) this.#press.spoiled = true;
  }

  /** Returns true when this move took the pointer out of the slop (the gesture is now a scroll or a drag). */
  move(id: number, x: number, y: number): boolean {
    const press = this.#press;
    if (!press || press.id !== id || press.spoiled) return false;
    if (Math.hypot(x - press.x, y - press.y) <= tapSlopPx) return false;
    press.spoiled = true;
    return true;
  }

  /** The browser took the gesture over (scroll, zoom, its own long-press menu). */
  cancel(id: number): void {
    if (this.#press?.id === id) this.#press = null;
  }

  /** The pointer went up: a tap if it stayed in the slop and was short, a long press if it stayed and was long. */
  up(id: number, x: number, y: number, t: number): GestureEnd {
    const press = this.#press;
    if (!press || press.id !== id) return null;
    this.#press = null;
    if (press.spoiled || Math.hypot(x - press.x, y - press.y) > tapSlopPx) return null;
    return t - press.t < longPressMs ? 'tap' : 'long-press';
  }

  /** Where the pointer went down, while it is still down and could be a tap or a long press. */
  get pressing(): { x: number; y: number; t: number } | null {
    const press = this.#press;
    return press && !press.spoiled ? { x: press.x, y: press.y, t: press.t } : null;
  }
}
