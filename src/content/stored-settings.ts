import { extensionApi } from './extension-api.ts';
import { parseSettings, type Settings } from '../settings/settings.ts';

// The first stage reads the same stored item as src/settings/settings-store.ts ("sync:settings": key
// "settings" of storage.sync), straight from the browser's storage API: the storage library the rest of the
// extension uses would more than double the first stage's size.
const key = 'settings';

export async function readSettings(): Promise<Settings> {
  const stored = await extensionApi().storage.sync.get(key);
  return parseSettings(stored[key] ?? null).settings;
}

/** Calls `callback` with the new settings whenever they change; returns the way to stop. */
export function watchStoredSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && key in changes) callback(parseSettings(changes[key]!.newValue ?? null).settings);
  };
  extensionApi().storage.onChanged.addListener(listener);
  return () => extensionApi().storage.onChanged.removeListener(listener);
}
