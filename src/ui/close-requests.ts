/**
 * The platform's "close" for a card opened by touch: Android's back gesture or button, Esc, and assistive
 * technology's dismiss, through `CloseWatcher` (Chromium 126+, Firefox 149+ on desktop and Android:
 * https://html.spec.whatwg.org/multipage/interaction.html#close-requests-and-close-watchers).
 *
 * There is deliberately no fallback that pushes a history entry and closes on `popstate`. The page shares its
 * session history with us, and that trick is not safe there: the page's router sees a `popstate` of its own URL
 * (Next.js reloads on an entry it did not make, others refetch); closing the card by a tap or Esc would need a
 * `history.back()` that can race a link the same tap followed, or undo the page's own `pushState`; and an entry
 * left behind is a dead Back press. Where CloseWatcher is missing, Back does what it does without the extension.
 */
interface CloseWatcherLike extends EventTarget {
  destroy(): void;
}
type CloseWatcherConstructor = new () => CloseWatcherLike;

/** Calls `close` on the next close request; the returned function stops listening. A no-op where unsupported. */
export function onCloseRequest(win: Window, close: () => void): () => void {
  const Watcher = (win as Window & { CloseWatcher?: CloseWatcherConstructor }).CloseWatcher;
  if (typeof Watcher !== 'function') return () => undefined;
  let watcher: CloseWatcherLike;
  try {
    watcher = new Watcher();
  } catch {
    return () => undefined;
  }
  watcher.addEventListener('close', () => close());
  return () => watcher.destroy();
}
