import { extensionApi } from './extension-api.ts';

/** The content script's files imported on demand: web-accessible files of the extension (wxt.config.ts). */
export type StageFile = '/full-stage.js' | '/card-stage.js';

/**
 * Imports a stage file in the content script's own world. A second import of the same address is the same
 * module, so the file runs once however often it is asked for.
 */
export const importStageFile = (file: StageFile) => import(/* @vite-ignore */ extensionApi().runtime.getURL(file));

/** Imports a stage file and returns what it leaves under `key` on the content script's global (`name` for errors). */
export async function loadStage<T>(file: StageFile, key: symbol, name: string): Promise<T> {
  await importStageFile(file);
  const registered = (globalThis as Record<symbol, T | undefined>)[key];
  if (!registered) throw new Error(`${name} did not register`);
  return registered;
}
