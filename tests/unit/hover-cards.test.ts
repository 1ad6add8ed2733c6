// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimFlags } from '../../src/page/claim-flags.ts';
import type { PageScanner } from '../../src/page/page-scanner.ts';
import type { CardPopover } from '../../src/ui/card-popover.tsx';
import { startHoverCards } from '../../src/ui/hover-cards.ts';

/** A popover that notes which cards it was asked to show. */
function fakePopover() {
  const shown: string[] = [];
  const popover = {
    shown,
    pinned: false,
    lastOpenMs: null,
    prepare: () => undefined,
    show: async (content: { kind: string; termId?: string }) => void shown.push(content.termId ?? content.kind),
    hide: () => undefined,
    contains: () => false,
    setPinned: () => undefined,
  };
  return popover as typeof popover & CardPopover;
}

/** Settles the promises under way (the popover's load, the card's show). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hover cards whose card code loads on its own', () => {
  let run: AbortController;
  let loads: number;
  let finishLoad: (popover: CardPopover) => void;
  let failLoad: (error: Error) => void;

  /** The page's one underlined term, "prolactin", and the cards started on it. */
  function start() {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'prolactin rises';
    document.body.replaceChildren(paragraph);
    const text = paragraph.firstChild!;
    const mark = {
      termId: 'prolactin',
      shown: true,
      range: { startContainer: text, startOffset: 0, endContainer: text, endOffset: 9 },
    };
    const scanner = {
      marks: { shownMarks: () => [mark] },
      idle: () => Promise.resolve(), // its first pass is over
    } as unknown as PageScanner;
    const claims = { marks: { list: () => [] } } as unknown as ClaimFlags;
    const ctx = {
      addEventListener: (
        target: EventTarget,
        type: string,
        listener: EventListener,
        options?: AddEventListenerOptions,
      ) => target.addEventListener(type, listener, options),
      requestAnimationFrame: (callback: FrameRequestCallback) => requestAnimationFrame(callback),
      setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    } as unknown as ContentScriptContext;
    return startHoverCards(
      ctx,
      scanner,
      claims,
      () => undefined,
      run.signal,
      () => {
        loads++;
        return new Promise<CardPopover>((resolve, reject) => {
          finishLoad = resolve;
          failLoad = reject;
        });
      },
    );
  }

  beforeEach(() => {
    run = new AbortController();
    loads = 0;
  });
  afterEach(() => run.abort());

  it('leaves the card code unloaded while the page is only read, and loads it once when a card is wanted', async () => {
    const cards = start();
    await settled();
    expect(loads).toBe(0); // the first pass is over and no card was wanted: a page only read never loads it
    await cards.moveToTerm('next');
    expect(loads).toBe(1);
    const popover = fakePopover();
    finishLoad(popover);
    await settled();
    expect(popover.shown).toEqual(['prolactin']);
    await cards.moveToTerm('next');
    await settled();
    expect(popover.shown).toEqual(['prolactin', 'prolactin']);
    expect(loads).toBe(1);
  });

  it('opens a card asked for before the code is in once it is, and not one closed meanwhile', async () => {
    const cards = start();
    await cards.moveToTerm('next'); // asked before the first pass is done: the load starts now
    expect(loads).toBe(1);
    const popover = fakePopover();
    finishLoad(popover);
    await settled();
    expect(popover.shown).toEqual(['prolactin']);

    const again = start();
    await again.moveToTerm('next');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })); // closed before the code is in
    const late = fakePopover();
    finishLoad(late);
    await settled();
    expect(late.shown).toEqual([]);
  });

  it('says once on the console when the card code cannot load, and throws nothing into the page', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const cards = start();
    await cards.moveToTerm('next');
    failLoad(new Error('blocked'));
    await settled();
    await cards.moveToTerm('next');
    await settled();
    expect(info).toHaveBeenCalledTimes(1);
    expect(String(info.mock.calls[0]![0])).toContain('blocked');
    // The context menu's look-up is told no card opened, so it shows the term another way.
    expect(await cards.showAtSelection('prolactin')).toBe(false);
    info.mockRestore();
  });
});
