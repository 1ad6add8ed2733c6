// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimFlags } from '../../src/page/claim-flags.ts';
import type { PageScanner } from '../../src/page/page-scanner.ts';
import type { CardPopover } from '../../src/ui/card-popover.tsx';
import { startHoverCards } from '../../src/ui/hover-cards.ts';
import { readyAfterMs } from '../../src/ui/hover-intent.ts';

/** What the pointer is over, as the page's geometry would say (happy-dom has no layout to ask). */
const pointer = vi.hoisted(() => ({ over: null as unknown }));
vi.mock('../../src/page/term-under-pointer.ts', () => ({ termUnderPointer: () => pointer.over }));
vi.mock('../../src/page/claim-under-pointer.ts', () => ({ claimUnderPointer: () => null }));

/** A popover that notes which cards it was asked to show, and to make ready out of sight. */
function fakePopover() {
  const shown: string[] = [];
  const readied: (string | null)[] = [];
  const popover = {
    shown,
    readied,
    pinned: false,
    lastOpenMs: null,
    prepare: (card: { content: { termId?: string } } | null) => void readied.push(card?.content.termId ?? null),
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
  /** The term's mark, as the scanner would hold it. */
  let mark: { termId: string; shown: boolean; range: StaticRangeInit };

  /** The page's one underlined term, "prolactin", and the cards started on it. */
  function start() {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'prolactin rises';
    document.body.replaceChildren(paragraph);
    const text = paragraph.firstChild!;
    mark = {
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
      // A frame is a timer here, so fake timers drive the pointer's handling too.
      requestAnimationFrame: (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 16),
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
    pointer.over = null;
  });
  afterEach(() => {
    run.abort();
    vi.useRealTimers();
  });

  /**
   * The mouse moved, with `over` now under it (a mark, or nothing), and its frame ran. Always to the same point:
   * the hover intent reads a sweep from the events' time stamps, which fake timers do not drive, so a move of
   * any distance could read as a sweep on a fast run.
   */
  async function mouseMovedOver(over: unknown) {
    pointer.over = over;
    document.dispatchEvent(new PointerEvent('pointermove', { pointerType: 'mouse', clientX: 10, clientY: 10 }));
    await vi.advanceTimersByTimeAsync(16);
  }

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

  it('loads the card code when the mouse reaches a term, and makes its card ready once the code is in', async () => {
    vi.useFakeTimers();
    start();
    await mouseMovedOver(null);
    expect(loads).toBe(0); // the pointer on no term: nothing loads
    await mouseMovedOver(mark);
    expect(loads).toBe(1);
    await vi.advanceTimersByTimeAsync(readyAfterMs + 10); // rested on the term while the code loads
    const popover = fakePopover();
    finishLoad(popover);
    await vi.advanceTimersByTimeAsync(0);
    expect(popover.readied).toEqual(['prolactin']);
    await vi.advanceTimersByTimeAsync(200); // the dwell ends
    expect(popover.shown).toEqual(['prolactin']);
  });

  it('makes no card ready for a term the mouse left before the card code was in', async () => {
    vi.useFakeTimers();
    start();
    await mouseMovedOver(mark);
    await vi.advanceTimersByTimeAsync(readyAfterMs + 10);
    await mouseMovedOver(null);
    const popover = fakePopover();
    finishLoad(popover);
    await vi.advanceTimersByTimeAsync(400);
    expect(loads).toBe(1);
    expect(popover.readied.filter(Boolean)).toEqual([]);
    expect(popover.shown).toEqual([]);
  });

  it('opens a card asked for before the code is in once it is, and not one closed meanwhile', async () => {
    const cards = start();
    await cards.moveToTerm('next'); // asked before the code is in: the load starts now
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
