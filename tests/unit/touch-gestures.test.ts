import { describe, expect, it } from 'vitest';
import { placeSheet, sheetGapPx, sheetMaxShare } from '../../src/ui/sheet-placement.ts';
import { longPressMs, TapTracker, tapSlopPx } from '../../src/ui/tap-gesture.ts';

describe('telling a tap from a scroll', () => {
  it('counts a short touch that stays put as a tap, wobble included', () => {
    const tracker = new TapTracker();
    tracker.down(1, 100, 200, 0);
    expect(tracker.move(1, 104, 203)).toBe(false);
    expect(tracker.up(1, 103, 202, 120)).toBe('tap');
  });

  it('never counts a touch that moved past the slop as a tap, even if it comes back', () => {
    const tracker = new TapTracker();
    tracker.down(1, 100, 200, 0);
    expect(tracker.move(1, 100, 200 - tapSlopPx - 1)).toBe(true);
    tracker.move(1, 100, 200);
    expect(tracker.up(1, 100, 200, 150)).toBeNull();
  });

  it('ignores a touch the browser cancelled (it became a scroll or a zoom)', () => {
    const tracker = new TapTracker();
    tracker.down(1, 100, 200, 0);
    tracker.cancel(1);
    expect(tracker.up(1, 100, 200, 80)).toBeNull();
  });

  it('calls a touch held still for the long-press time a long press, not a tap', () => {
    const tracker = new TapTracker();
    tracker.down(1, 100, 200, 0);
    expect(tracker.pressing).toEqual({ x: 100, y: 200, t: 0 });
    expect(tracker.up(1, 101, 200, longPressMs + 10)).toBe('long-press');
  });

  it('spoils the gesture when a second finger comes down (a pinch)', () => {
    const tracker = new TapTracker();
    tracker.down(1, 100, 200, 0);
    tracker.down(2, 160, 260, 20, false);
    expect(tracker.pressing).toBeNull();
    expect(tracker.up(1, 100, 200, 100)).toBeNull();
  });

  it('starts afresh with each first finger', () => {
    const tracker = new TapTracker();
    tracker.down(1, 100, 200, 0);
    tracker.move(1, 100, 100);
    tracker.down(2, 50, 50, 500); // the first pointerup never came
    expect(tracker.up(2, 50, 50, 560)).toBe('tap');
  });
});

describe('where the bottom sheet goes', () => {
  const screen = 740;
  const cap = Math.round(screen * sheetMaxShare);

  it('sits at the bottom, as tall as its content, when the term is high on the screen', () => {
    expect(
      placeSheet({ viewportHeight: screen, avoid: { top: 100, bottom: 120 }, contentHeight: 300, mayScroll: true }),
    ).toEqual({ side: 'bottom', maxHeight: 300, scrollBy: 0 });
  });

  it('is capped at 60% of the screen, scrolling inside beyond that', () => {
    expect(
      placeSheet({ viewportHeight: screen, avoid: { top: 100, bottom: 120 }, contentHeight: 2000, mayScroll: true }),
    ).toEqual({ side: 'bottom', maxHeight: cap, scrollBy: 0 });
  });

  it('moves to the top for a term in the lower part of the screen', () => {
    const placement = placeSheet({
      viewportHeight: screen,
      avoid: { top: 600, bottom: 620 },
      contentHeight: 2000,
      mayScroll: true,
    });
    expect(placement).toEqual({ side: 'top', maxHeight: cap, scrollBy: 0 });
    expect(placement.maxHeight + sheetGapPx).toBeLessThanOrEqual(600);
  });

  it('takes the roomier side, shortened, for a term in the middle', () => {
    const placement = placeSheet({
      viewportHeight: screen,
      avoid: { top: 380, bottom: 400 },
      contentHeight: 2000,
      mayScroll: true,
    });
    expect(placement.side).toBe('top');
    expect(placement.maxHeight).toBeLessThanOrEqual(380 - sheetGapPx);
    expect(placement.scrollBy).toBe(0);
  });

  it('scrolls the page when neither side leaves a readable sheet (a short landscape screen)', () => {
    const placement = placeSheet({
      viewportHeight: 360,
      avoid: { top: 150, bottom: 210 },
      contentHeight: 2000,
      mayScroll: true,
    });
    expect(placement.side).toBe('bottom');
    expect(placement.scrollBy).toBeGreaterThan(0);
    // After the scroll the term's bottom sits just above the sheet.
    expect(210 - placement.scrollBy).toBeLessThanOrEqual(360 - placement.maxHeight - sheetGapPx);
    expect(150 - placement.scrollBy).toBeGreaterThanOrEqual(0);
  });

  it('covers the term only when there is no room and no scrolling left', () => {
    const placement = placeSheet({
      viewportHeight: 360,
      avoid: { top: 150, bottom: 210 },
      contentHeight: 2000,
      mayScroll: false,
    });
    expect(placement.scrollBy).toBe(0);
    expect(placement.maxHeight).toBeGreaterThanOrEqual(Math.round(360 * 0.4));
  });

  it('ignores a term that is off screen', () => {
    expect(
      placeSheet({ viewportHeight: screen, avoid: { top: -80, bottom: -60 }, contentHeight: 200, mayScroll: true })
        .side,
    ).toBe('bottom');
    expect(placeSheet({ viewportHeight: screen, avoid: null, contentHeight: 200, mayScroll: true })).toEqual({
      side: 'bottom',
      maxHeight: 200,
      scrollBy: 0,
    });
  });
});
