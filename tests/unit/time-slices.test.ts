import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInSlices } from '../../src/page/time-slices.ts';

describe('runInSlices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs `betweenSlices` before each yield to the page, and not once the work is done', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let stepsLeft = 10;
    const log: string[] = [];
    const step = () => {
      now += 2; // each step takes 2 ms: three fit in a 5 ms slice
      log.push('step');
      return --stepsLeft > 0;
    };
    const stats = { busyMs: 0, longestTaskMs: 0, slices: 0 };
    await runInSlices(step, stats, new AbortController().signal, () => log.push('between'));
    expect(stats.slices).toBe(4);
    expect(log.join(' ')).toBe('step step step between step step step between step step step between step');
  });
});
