import { storage } from 'wxt/utils/storage';

/** How many occurrences of a term get underlined. */
export type Density = 'every' | 'first-in-post' | 'first-on-page';

export const densities: readonly Density[] = ['every', 'first-in-post', 'first-on-page'];

/**
 * Forum readers meet the same term in post after post: one underline per post keeps every post explained
 * without turning a thread into a sea of dots.
 */
export const defaultDensity: Density = 'first-in-post';

/** Stored values are untrusted (old versions, hand edits, sync conflicts): anything unknown is the default. */
export const parseDensity = (value: unknown): Density =>
  densities.includes(value as Density) ? (value as Density) : defaultDensity;

export const densityItem = storage.defineItem<unknown>('sync:density', { fallback: defaultDensity });
