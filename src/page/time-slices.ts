/**
 * Runs work in slices of a few milliseconds so the page never feels it: after each slice the main thread is
 * handed back (a macrotask via MessageChannel, which is not throttled like nested setTimeout).
 */
export interface SliceStats {
  /** Total time of our tasks (slices, mutation callbacks, set-up), ms. */
  busyMs: number;
  /** The longest single task of ours on the page's main thread (a slice or a mutation callback), ms. */
  longestTaskMs: number;
  slices: number;
}

const sliceBudgetMs = 5;

const nextMacrotask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Counts `spentMs` of our work on the page's main thread (a slice, or a mutation callback) in `stats`. */
export function countTask(stats: SliceStats, spentMs: number): void {
  stats.busyMs += spentMs;
  if (spentMs > stats.longestTaskMs) stats.longestTaskMs = spentMs;
}

/**
 * Calls `step` until it returns false, yielding to the page whenever a slice has used its budget. Each step
 * should be small (one block of text). `betweenSlices` runs before each yield. Stops early when `signal` aborts.
 */
export async function runInSlices(
  step: () => boolean,
  stats: SliceStats,
  signal: AbortSignal,
  betweenSlices?: () => void,
): Promise<void> {
  for (;;) {
    if (signal.aborted) return;
    const started = performance.now();
    let done = false;
    while (!(done = !step()) && performance.now() - started < sliceBudgetMs);
    if (!done) betweenSlices?.();
    countTask(stats, performance.now() - started);
    stats.slices++;
    if (done) return;
    await nextMacrotask();
  }
}
