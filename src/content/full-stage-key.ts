import type { FullStage } from './first-stage.ts';

/** Where the full stage, once imported, leaves its start function for the first stage (the content script's own global). */
export const fullStageKey = Symbol.for('lactation-glossary/full-stage');

export type StartFullStage = () => Promise<FullStage>;

/** Where the first stage notes that it runs in this frame, with a way to tell whether its extension still does. */
export const firstStageKey = Symbol.for('lactation-glossary/first-stage');
