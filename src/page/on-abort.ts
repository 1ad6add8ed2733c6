/** Runs `stop` once when `signal` aborts, or at once if it already has (a run stopped while it was starting). */
export function onAbort(signal: AbortSignal, stop: () => void): void {
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
}
