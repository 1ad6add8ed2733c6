import type { FullStage } from './first-stage.ts';

/** Where the full stage, once imported, leaves its start function for the first stage (the content script's own global). */
export const fullStageKey = Symbol.for('lactation-glossary/full-stage');

export type StartFullStage = () => Promise<FullStage>;
