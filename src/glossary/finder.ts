import compiled from './generated/finder.json';
import type { FinderData } from './types.ts';

/** The glossary as the content script's finder reads it (written by `npm run glossary` with the glossary). */
export const finder: FinderData = compiled as unknown as FinderData;
