import type { Settings } from '../settings/settings.ts';
import type { FirstStage, FullStage } from './first-stage.ts';

/** Where the full stage, once imported, leaves its start function for the first stage (the content script's own global). */
export const fullStageKey = Symbol.for('lactation-glossary/full-stage');

/** Starts the full stage with the settings the first stage read. */
export type StartFullStage = (settings: Settings) => Promise<FullStage>;

/**
 * Where the first stage notes that it runs in this frame (the content script's own global, which scripts the
 * extension runs in the frame through the scripting API share: src/messages/tab-report.ts reads it).
 */
export const firstStageKey = Symbol.for('lactation-glossary/first-stage');

export interface FirstStageNote extends FirstStage {
  /** False once the extension that started it is updated or removed (its API gone). */
  running(): boolean;
}

/** Where the card's own file, once imported, leaves the function that makes the card's popover. */
export const cardStageKey = Symbol.for('lactation-glossary/card-stage');
