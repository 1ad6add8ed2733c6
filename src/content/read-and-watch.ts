/**
 * Follows a stored value from a read made now: `take` gets each change `watch` reports, and what `read`
 * returns unless a change came first (the change is newer than the read). A failed read is ignored (the
 * extension updated or removed meanwhile). Returns the way to stop watching.
 */
export function readAndWatch<T>(
  read: () => Promise<T>,
  watch: (callback: (value: T) => void) => () => void,
  take: (value: T) => void,
): () => void {
  let changed = false;
  const unwatch = watch((value) => {
    changed = true;
    take(value);
  });
  void read().then(
    (value) => changed || take(value),
    () => undefined,
  );
  return unwatch;
}
