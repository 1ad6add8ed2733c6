import { onAbort } from '../page/on-abort.ts';

/**
 * The content side's start and stop, as one small state machine: `run` is called for the settings in force and
 * again whenever they change in a way `modeOf` tells apart (the site switched on or off, another density or
 * underline style). Each run gets its own AbortSignal, aborted before the next run starts and when `lifetime`
 * ends (the extension updated or unloaded), so everything a run starts is stopped in one place, by the signal
 * it was given. Changes are applied one after another: a quick on-off-on cannot leave two runs going.
 */
export interface FollowSettingsOptions<S> {
  /** The settings in force now. */
  initial: S;
  /** Calls back with new settings whenever they change; returns the way to stop listening. */
  watch: (callback: (settings: S) => void) => () => void;
  /** What tells two settings apart for this page: a run is restarted only when it changes. */
  modeOf: (settings: S) => string;
  run: (settings: S, signal: AbortSignal) => Promise<void> | void;
  lifetime: AbortSignal;
}

/** Starts the first run; resolves once it has started. */
export async function followSettings<S>({
  initial,
  watch,
  modeOf,
  run,
  lifetime,
}: FollowSettingsOptions<S>): Promise<void> {
  let mode: string | null = null;
  let current: AbortController | null = null;
  const apply = async (settings: S) => {
    const wanted = modeOf(settings);
    if (lifetime.aborted || wanted === mode) return;
    mode = wanted;
    current?.abort();
    current = new AbortController();
    await run(settings, AbortSignal.any([lifetime, current.signal]));
  };
  let applying = apply(initial);
  const unwatch = watch((settings) => {
    // A run that failed to start does not stop the next one.
    applying = applying.catch(() => undefined).then(() => apply(settings));
  });
  onAbort(lifetime, unwatch);
  await applying;
}
