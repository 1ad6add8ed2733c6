import { storage } from 'wxt/utils/storage';
import { parseSettings, settingsVersion, type Settings } from './settings.ts';

/** The stored settings, one sync item with a version; reads are always parsed (see parseSettings). */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: null });

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue()).settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue({ version: settingsVersion, ...settings });
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** Calls back with the new settings, and the ones they replace, whenever they change. */
export function watchSettings(callback: (settings: Settings, previous: Settings) => void): () => void {
  return settingsItem.watch((value, old) => callback(parseSettings(value).settings, parseSettings(old).settings));
}
