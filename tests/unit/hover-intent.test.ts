import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dwellMs, graceMs, HoverIntent, readyAfterMs, settleMs, sweepSpeed } from '../../src/ui/hover-intent.ts';

/**
 * The hover rules on a fake clock: each test moves a pretend pointer over pretend terms and reads what opened
 * and closed, to the millisecond, with no browser and no real time.
 */
function pointerOverTerms() {
  const events: string[] = [];
  /** What the card was told to make ready (a term) or drop (null), in order. */
  const dwells: (string | null)[] = [];
  const intent = new HoverIntent<string>({
    open: (term) => events.push(`open ${term}`),
    close: () => events.push('close'),
    dwelling: (term) => dwells.push(term),
  });
  let x = 0;
  let now = 0;
  return {
    intent,
    events,
    dwells,
    /** Lets `ms` pass with the pointer still. */
    wait(ms: number) {
      vi.advanceTimersByTime(ms);
      now += ms;
    },
    /** Moves `dx` px in `ms` (the wait comes first, as a real move takes its time), onto `term` or nothing. */
    move(term: string | null, { dx = 2, ms = 16, onCard = false } = {}) {
      vi.advanceTimersByTime(ms);
      now += ms;
      x += dx;
      intent.pointerMoved(term, { x, y: 100, t: now }, onCard);
    },
  };
}

/** A move this fast is a sweep; the slow default (2 px in 16 ms) is reading. */
const sweep = { dx: 40, ms: 10 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hover intent', () => {
  it('says when the pointer has rested long enough to make the card ready, and when that dwell stops short', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(readyAfterMs - 1);
    expect(p.dwells).toEqual([]); // crossing a term on the way costs nothing
    p.wait(1);
    expect(p.dwells).toEqual(['insulin']);
    p.wait(dwellMs - readyAfterMs - 30);
    p.move(null, { dx: 400, ms: 10 }); // off the text before the dwell ends
    expect(p.dwells).toEqual(['insulin', null]);
    p.wait(dwellMs);
    expect(p.events).toEqual([]);
    // Resting again: the dwell ends and the card made ready opens; it is not dropped first.
    p.move('insulin', { dx: 400, ms: 10 });
    p.move('insulin');
    p.wait(dwellMs);
    expect(p.events).toEqual(['open insulin']);
    expect(p.dwells).toEqual(['insulin', null, 'insulin']);
  });

  it('says nothing of a term crossed before the card would be made ready, nor of a sweep until it stops', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.move('prolactin', { ms: readyAfterMs - 10 });
    p.move(null, { ms: readyAfterMs - 10 });
    p.move('insulin', sweep);
    p.move('prolactin', sweep);
    p.wait(readyAfterMs);
    expect(p.dwells).toEqual([]);
    p.wait(settleMs);
    expect(p.dwells).toEqual(['prolactin']);
    p.intent.close();
    expect(p.dwells).toEqual(['prolactin', null]);
    expect(p.events).toEqual([]); // no card had opened: nothing to close
  });

  it('moves the card made ready from term to term, and opens from the keyboard without dropping first', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(readyAfterMs);
    p.move('prolactin');
    p.wait(readyAfterMs);
    expect(p.dwells).toEqual(['insulin', null, 'prolactin']);
    p.intent.openNow('estrogen', { sticky: true });
    expect(p.events).toEqual(['open estrogen']);
    expect(p.dwells).toEqual(['insulin', null, 'prolactin']);
    p.wait(dwellMs * 2); // the dwell on prolactin was replaced: it does not open
    expect(p.events).toEqual(['open estrogen']);
  });

  it("reads these tests' sweep as a sweep and their slow moves as reading", () => {
    expect(sweep.dx / sweep.ms).toBeGreaterThan(sweepSpeed);
    expect(2 / 16).toBeLessThan(sweepSpeed);
  });

  it('opens a card only after the pointer has rested on a term for the dwell time', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs - 1);
    expect(p.events).toEqual([]);
    p.wait(1);
    expect(p.events).toEqual(['open insulin']);
  });

  it('restarts the dwell when the pointer moves to another term, and forgets it when it leaves the text', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs - 20);
    p.move('prolactin', { ms: 10 });
    p.wait(dwellMs - 1);
    expect(p.events).toEqual([]);
    p.wait(1);
    expect(p.events).toEqual(['open prolactin']);

    const q = pointerOverTerms();
    q.move('insulin');
    q.wait(dwellMs - 20);
    q.move(null, { ms: 10 });
    q.wait(dwellMs * 3);
    expect(q.events).toEqual([]);
  });

  it('small moves within the same term keep the dwell running rather than restarting it', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    for (let moved = 0; moved < dwellMs - 16; moved += 16) p.move('insulin', { dx: 1 });
    p.wait(16);
    expect(p.events).toEqual(['open insulin']);
  });

  it('opens nothing while the pointer sweeps fast across terms', () => {
    const p = pointerOverTerms();
    p.move(null);
    // Longer on each term than the dwell, but never still: a hand sweeping along the lines.
    for (const term of ['insulin resistance', null, 'insufficient glandular tissue', 'lactational amenorrhea']) {
      for (let spent = 0; spent <= dwellMs * 2; spent += sweep.ms) p.move(term, sweep);
    }
    p.move(null, sweep);
    p.wait(graceMs * 10);
    expect(p.events).toEqual([]);
  });

  it('opens where a sweep stops on a term: after it settles and then dwells', () => {
    const p = pointerOverTerms();
    p.move(null);
    p.move('insulin', sweep);
    p.move('prolactin', sweep);
    p.wait(settleMs + dwellMs - 1);
    expect(p.events).toEqual([]);
    p.wait(1);
    expect(p.events).toEqual(['open prolactin']);
  });

  it('stays open during the grace period off the term, and closes after it', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.move(null);
    p.wait(graceMs - 1);
    expect(p.events).toEqual(['open insulin']);
    p.wait(1);
    expect(p.events).toEqual(['open insulin', 'close']);
  });

  it('stays open when the pointer comes back to the term, or reaches the card, within the grace period', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.move(null);
    p.wait(graceMs - 50);
    p.move('insulin');
    p.wait(graceMs * 5);
    expect(p.events).toEqual(['open insulin']);

    p.move(null);
    p.wait(graceMs - 50);
    p.move(null, { onCard: true });
    p.wait(graceMs * 5);
    expect(p.events).toEqual(['open insulin']);
    // Off the card again: the grace period starts over.
    p.move(null);
    p.wait(graceMs);
    expect(p.events).toEqual(['open insulin', 'close']);
  });

  it('starts the grace period when the pointer leaves the page', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.intent.pointerLeft();
    p.wait(graceMs - 1);
    expect(p.events).toEqual(['open insulin']);
    p.wait(1);
    expect(p.events).toEqual(['open insulin', 'close']);
  });

  it('does not let moves during the grace period push it back', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.move(null);
    for (let waited = 0; waited < graceMs - 16; waited += 16) p.move(null);
    p.wait(16);
    expect(p.events).toEqual(['open insulin', 'close']);
  });

  it('replaces the open card when another term is hovered, without closing it first', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.move('prolactin');
    p.wait(dwellMs);
    expect(p.events).toEqual(['open insulin', 'open prolactin']);
    // The grace period started when the pointer left insulin is over with the new card.
    p.wait(graceMs * 5);
    expect(p.events).toEqual(['open insulin', 'open prolactin']);
  });

  it('keeps a pinned card open whatever the pointer does, until it is closed', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.intent.pinned = true;
    p.move(null);
    p.intent.pointerLeft();
    p.wait(graceMs * 10);
    expect(p.events).toEqual(['open insulin']);
    p.intent.close();
    expect(p.events).toEqual(['open insulin', 'close']);
    expect(p.intent.pinned).toBe(false);
  });

  it('pinning during the grace period cancels it', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.move(null);
    p.wait(graceMs - 50);
    p.intent.pinned = true;
    p.wait(graceMs * 5);
    expect(p.events).toEqual(['open insulin']);
  });

  it('keeps a card opened from the keyboard until it is closed or replaced', () => {
    const p = pointerOverTerms();
    p.intent.openNow('IGT', { sticky: true });
    expect(p.events).toEqual(['open IGT']);
    p.move(null);
    p.intent.pointerLeft();
    p.wait(graceMs * 10);
    expect(p.events).toEqual(['open IGT']);
    p.move('insulin');
    p.wait(dwellMs);
    expect(p.events).toEqual(['open IGT', 'open insulin']);
  });

  it('closes at once, and a pending dwell never opens after a close', () => {
    const p = pointerOverTerms();
    p.move('insulin');
    p.wait(dwellMs);
    p.move('prolactin');
    p.intent.close();
    p.wait(dwellMs * 5);
    expect(p.events).toEqual(['open insulin', 'close']);
    // Closing with nothing open says nothing.
    p.intent.close();
    expect(p.events).toEqual(['open insulin', 'close']);
  });
});
