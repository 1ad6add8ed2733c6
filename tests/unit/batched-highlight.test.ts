import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchedHighlight, drawIntervalMs } from '../../src/page/batched-highlight.ts';

// Node has no Highlight: the drawn underlines are a set of ranges, as the browser's highlight is.
const range = (name: string) => ({ name }) as unknown as AbstractRange;

describe('BatchedHighlight', () => {
  let drawn: Set<AbstractRange>;
  let batched: BatchedHighlight;
  beforeEach(() => {
    vi.useFakeTimers();
    drawn = new Set();
    batched = new BatchedHighlight(drawn as unknown as Highlight);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('draws nothing until the pass ends, then everything at once', () => {
    const [a, b, c] = [range('a'), range('b'), range('c')];
    batched.add(a);
    batched.add(b);
    batched.add(c);
    batched.delete(b);
    expect(drawn.size).toBe(0);
    batched.draw();
    expect([...drawn]).toEqual([a, c]);
  });

  it('draws a long pass’s progress after the interval, counted from the first change not yet drawn', () => {
    const [a, b] = [range('a'), range('b')];
    batched.add(a);
    vi.advanceTimersByTime(drawIntervalMs - 1);
    batched.add(b); // does not postpone the draw
    expect(drawn.size).toBe(0);
    vi.advanceTimersByTime(1);
    expect([...drawn]).toEqual([a, b]);
    // Nothing pending: no draw is scheduled.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('draws between a pass’s slices once the oldest change is due, should the page hold its timer back', () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const [a, b] = [range('a'), range('b')];
    batched.add(a);
    now += drawIntervalMs - 1;
    batched.add(b);
    batched.drawIfDue();
    expect(drawn.size).toBe(0); // not yet due
    now += 1;
    batched.drawIfDue(); // no timer has run
    expect([...drawn]).toEqual([a, b]);
    batched.drawIfDue(); // nothing pending: nothing to do
    expect(vi.getTimerCount()).toBe(0);
  });

  it('draws only when told, where progress is not drawn (the fact-checker’s flags)', () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const whenTold = new BatchedHighlight(drawn as unknown as Highlight, { drawsProgress: false });
    const [a, b] = [range('a'), range('b')];
    whenTold.add(a);
    now += drawIntervalMs * 3;
    vi.advanceTimersByTime(drawIntervalMs * 3);
    whenTold.add(b);
    expect(drawn.size).toBe(0);
    whenTold.draw();
    expect([...drawn]).toEqual([a, b]);
  });

  it('clears with the next draw, so a full rescan replaces the underlines without a bare frame between', () => {
    const [old, kept, fresh] = [range('old'), range('kept'), range('fresh')];
    batched.add(old);
    batched.add(kept);
    batched.draw();
    batched.clear();
    expect([...drawn]).toEqual([old, kept]); // still drawn while the rescan runs
    batched.add(kept);
    batched.add(fresh);
    batched.delete(old); // after the clear, nothing to delete: Firefox searches the whole highlight per delete
    const deletes = vi.spyOn(drawn, 'delete');
    batched.draw();
    expect([...drawn]).toEqual([kept, fresh]);
    expect(deletes).not.toHaveBeenCalled();
  });

  it('deletes drawn underlines at the next draw', () => {
    const a = range('a');
    batched.add(a);
    batched.draw();
    batched.delete(a);
    expect(drawn.has(a)).toBe(true);
    vi.advanceTimersByTime(drawIntervalMs);
    expect(drawn.has(a)).toBe(false);
  });

  it('forgets what is pending and empties the highlight once discarded (the scanner stopped)', () => {
    const [a, drawnBefore] = [range('a'), range('drawn before')];
    batched.add(drawnBefore);
    batched.draw();
    batched.add(a);
    batched.discard();
    vi.advanceTimersByTime(drawIntervalMs * 2);
    expect(drawn.size).toBe(0);
    // Positive control: after the discard it draws again.
    batched.add(a);
    batched.draw();
    expect(drawn.has(a)).toBe(true);
  });
});
