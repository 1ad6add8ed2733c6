import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardStageKey } from '../src/content/full-stage-key.ts';
import { createCardPopover, type LoadCardPopover } from '../src/ui/card-popover.tsx';

// Imported by the full stage once its first pass is done, or at the first card wanted: the card, Preact and
// Floating UI, which the first underline need not wait for (src/ui/hover-cards.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, LoadCardPopover>)[cardStageKey] = createCardPopover;
});
