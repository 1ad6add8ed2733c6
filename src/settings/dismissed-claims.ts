import { storage } from 'wxt/utils/storage';

/** Flags the user marked wrong, per site: "host|claim id|sentence". Kept on this device only. */
const dismissedClaimsItem = storage.defineItem<unknown>('local:dismissedClaims', { fallback: [] });

const maxDismissed = 2000;

export const dismissalKey = (host: string, claimId: string, sentence: string) =>
  `${host}|${claimId}|${sentence.replace(/\s+/g, ' ').trim()}`;

/** The keys in a stored value; anything else there (an old or corrupt value) is ignored. */
const keysIn = (stored: unknown) =>
  new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);

export async function loadDismissedClaims(): Promise<Set<string>> {
  return keysIn(await dismissedClaimsItem.getValue());
}

export async function dismissClaim(key: string): Promise<void> {
  const keys = [...(await loadDismissedClaims()), key];
  await dismissedClaimsItem.setValue(keys.slice(-maxDismissed));
}

export function watchDismissedClaims(callback: (keys: Set<string>) => void): () => void {
  return dismissedClaimsItem.watch((value) => callback(keysIn(value)));
}
