import { BatchedHighlight } from './batched-highlight.ts';
import { searchPieceLength, type QuickScreen } from '../match/quick-screen.ts';
import { type BlockSearch, type Surroundings, type TermMatch, type TermMatcher } from '../match/term-matcher.ts';
import type { Density } from '../settings/settings.ts';
import { ChangeIntake, mutationSettleMs, type PageChanges } from './change-intake.ts';
import { HighlightWindow } from './highlight-window.ts';
import { onAbort } from './on-abort.ts';
import { blockElementOf, isInSkippedSubtree, TextBlockWalker, type TextBlock } from './collect-text-blocks.ts';
import { TermScreen } from './term-screen.ts';
import { TermMarks } from './term-marks.ts';
import { neighbourTextOf } from './block-surroundings.ts';
import { NeighbourDependents } from './neighbour-dependents.ts';
import { countTask, runInSlices, type SliceStats } from './time-slices.ts';

/** The name of the CSS highlight that underlines glossary terms (styled by `::highlight(…)` in highlights.css). */
const termHighlightName = 'lactation-glossary-term';

/** One highlight name per underline style, so the style is a choice of stylesheet rule, not injected CSS. */
export const highlightNameFor = (style: string) =>
  style === 'dotted' ? termHighlightName : `${termHighlightName}-${style}`;

export interface ScannerOptions {
  density: Density;
  /** Defaults to termHighlightName. */
  highlightName?: string;
  /** Called after each pass over new or changed text (to update the toolbar badge, say). */
  onUpdate?: () => void;
  /** Aborted: the scanner stops listening and scanning, and its underlines go. */
  signal: AbortSignal;
  /**
   * The page has just been screened and may hold a term (the first stage found a candidate, or it would not
   * have loaded this): the first pass walks it without screening it again.
   */
  screened?: boolean;
}

export interface ScanStats extends SliceStats {
  fullScans: number;
  incrementalScans: number;
  /** When the last pass finished (performance.now() of the page), so tests can tell how prompt marking was. */
  lastPassEndedAt: number;
}

export interface PageScanner {
  readonly marks: TermMarks;
  readonly stats: ScanStats;
  /** Resolves when everything queued so far has been scanned. */
  idle(): Promise<void>;
}

/**
 * Finds the glossary's terms in a document and keeps its underlines current as the page changes:
 * collect (page text blocks) → find (matcher) → mark (CSS highlights), in time slices, visible text first.
 */
export function startPageScanner(
  doc: Document,
  matcher: TermMatcher,
  { density, highlightName = termHighlightName, onUpdate, signal, screened = false }: ScannerOptions,
): PageScanner {
  const setupStarted = performance.now();
  const drawing = new BatchedHighlight(new HighlightWindow(doc, highlightName, signal));
  const marks = new TermMarks(drawing, density);
  const stats: ScanStats = {
    busyMs: 0,
    longestTaskMs: 0,
    slices: 0,
    fullScans: 0,
    incrementalScans: 0,
    lastPassEndedAt: 0,
  };
  /** Until the first pass, and whenever many places changed at once: one pass reads the whole page. */
  let fullRescanQueued = true;
  /** Whether the next such pass screens the page before walking it. */
  let screenBeforeWalk = !screened;
  let running: Promise<void> = Promise.resolve();
  /** The walks of the pass under way: the page may remove the very node one was about to read. */
  const activeWalkers = new Set<TextBlockWalker>();
  /** Blocks whose terms were judged by their neighbours: a change beside them scans them again. */
  const neighbourDependents = new NeighbourDependents();
  /**
   * The screens here leave an acronym's sense to the matcher, which reads the block's neighbours and notes the
   * block among `neighbourDependents`. A screen judging it from the screened text alone would turn away "and
   * IGT" added under the paragraph that explains it, and then not hear of that paragraph changing either.
   */
  const formScreen: QuickScreen = {
    quickTestOf: (text) => matcher.quickTestOf(text, false),
  };

  /**
   * One step per block of `root`'s subtree: find its terms, and when a block element is complete, replace what
   * was known of it. `inDocumentOrder()`: nothing already marked comes after, so no order checks are needed.
   */
  function subtreeScan(root: Node, done: Set<Element>, inDocumentOrder: () => boolean): () => boolean {
    const walker = new TextBlockWalker(root, watchShadowRoot);
    activeWalkers.add(walker);
    let element: Element | null = null;
    let found: { block: TextBlock; matches: TermMatch[] }[] = [];
    /** A block too long to search in one step, and its search so far. */
    let long: { block: TextBlock; search: BlockSearch } | null = null;
    const commit = () => {
      if (element && !done.has(element)) {
        marks.replace(element, found, inDocumentOrder());
        done.add(element);
      }
    };
    // What is around the block being searched (`element`, which a long block keeps until its search ends): one
    // object for the walk, not one per block. A block whose terms its neighbours judged is scanned again when
    // they change.
    const around: Surroundings = {
      neighbours: () => {
        neighbourDependents.add(element!);
        return neighbourTextOf(element!);
      },
      title: () => element!.ownerDocument.title,
    };
    return () => {
      if (long) {
        if (long.search.step()) return true;
        const { matches } = long.search;
        if (matches.length > 0) found.push({ block: long.block, matches });
        long = null;
        return true;
      }
      const block = walker.next();
      if (!block) {
        activeWalkers.delete(walker);
        commit();
        return false;
      }
      if (block.element !== element) {
        commit();
        element = block.element;
        found = [];
      }
      if (block.text.length > searchPieceLength) {
        long = { block, search: matcher.search(block.text, around) };
        return true;
      }
      const matches = matcher.find(block.text, around);
      if (matches.length > 0) found.push({ block, matches });
      return true;
    };
  }

  /**
   * Blocks around the middle of the viewport, so what the reader sees is underlined first. Positions are read
   * in a task of their own right after a frame is painted, when the page's layout is fresh: reading scrollY or
   * elementFromPoint in a pass could force a layout of the whole page on our time (300 ms in Firefox on a page
   * that had just added thousands of posts). Only when the page is scrolled: at the top, document order is
   * visible-first.
   */
  const view = doc.defaultView;
  let visibleAfterPaint: Element[] | null = null;
  function readVisibleRootsAfterNextPaint() {
    visibleAfterPaint = null;
    view?.requestAnimationFrame(() => setTimeout(() => (visibleAfterPaint = visibleRoots()), 0));
  }
  function visibleRoots(): Element[] {
    if (!view || !doc.body || view.scrollY === 0) return [];
    const roots = new Set<Element>();
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const hit = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight * fraction);
      const block = hit && hit !== doc.body && hit !== doc.documentElement ? blockElementOf(hit) : null;
      if (block) roots.add(block.parentElement && block.parentElement !== doc.body ? block.parentElement : block);
    }
    return [...roots];
  }

  function fullScan(): () => boolean {
    stats.fullScans++;
    const hadTerms = marks.shownCount > 0;
    marks.clear();
    const body = doc.body;
    if (!body) return () => false;
    // No term anywhere: the common case on most pages, where screening the text costs a fraction of the
    // walk. (Skipped when the page had terms already, or was just screened: it would only add to the walk.)
    let screen = hadTerms || !screenBeforeWalk ? null : new TermScreen(body, formScreen, watchShadowRoot);
    screenBeforeWalk = true;
    const done = new Set<Element>();
    let inDocumentOrder = true;
    let visibleChecked = false;
    readVisibleRootsAfterNextPaint();
    const visible: (() => boolean)[] = [];
    // Made once the screen lets the walk go ahead: setting a walk up queries the whole page.
    let main: (() => boolean) | null = null;
    return () => {
      if (screen) {
        if (screen.step()) return true;
        if (!screen.mayHoldTerms) return false;
        screen = null;
      }
      main ??= subtreeScan(body, done, () => inDocumentOrder);
      if (!visibleChecked && visibleAfterPaint) {
        visibleChecked = true;
        for (const root of visibleAfterPaint) visible.push(subtreeScan(root, done, () => false));
        if (visible.length > 0) inDocumentOrder = false;
      }
      while (visible.length > 0) {
        if (visible[0]!()) return true;
        visible.shift();
      }
      return main();
    };
  }

  function incrementalScan({ dirtyRoots, rootsToEmpty, sawRemovals, addedToSkipped }: PageChanges): () => boolean {
    stats.incrementalScans++;
    if (sawRemovals) marks.dropDisconnected(); // a read per marked node: only when something left the page
    if (addedToSkipped) {
      const skipStates = new Map<Element, boolean>();
      marks.dropWhere((element) => isInSkippedSubtree(element, skipStates));
    }
    for (const root of rootsToEmpty) marks.dropWithin(root);
    const roots = [...dirtyRoots];
    // Keep only the outermost changed roots: their scan covers the rest.
    const outermost = roots.filter(
      (root) => root.isConnected && !roots.some((other) => other !== root && other.contains(root)),
    );
    const done = new Set<Element>();
    let index = 0;
    let current: (() => boolean) | null = null;
    return () => {
      for (;;) {
        const root = outermost[index];
        if (!root) return false;
        current ??= isInSkippedSubtree(root) ? () => false : subtreeScan(root, done, () => false);
        if (current()) return true;
        if (!done.has(root)) marks.drop(root); // its text no longer holds a term
        current = null;
        index++;
      }
    };
  }

  /** A job whose set-up runs inside its first slice, so its cost is timed and sliced like the rest. */
  function startingWith(setUp: () => () => boolean): () => boolean {
    let step: (() => boolean) | null = null;
    return () => {
      if (step) return step();
      step = setUp();
      return true;
    };
  }

  let firstScheduled = () => {};
  const scheduledOnce = new Promise<void>((resolve) => (firstScheduled = resolve));
  function schedule() {
    firstScheduled();
    running = running.then(async () => {
      while (!signal.aborted && (fullRescanQueued || intake.pending)) {
        if (fullRescanQueued || intake.overflowing) {
          fullRescanQueued = false;
          intake.take();
          await runInSlices(startingWith(fullScan), stats, signal, drawing.drawIfDue);
        } else {
          const changes = intake.take();
          await runInSlices(
            startingWith(() => incrementalScan(changes)),
            stats,
            signal,
            drawing.drawIfDue,
          );
        }
        activeWalkers.clear();
        drawing.draw();
        stats.lastPassEndedAt = performance.now();
        onUpdate?.();
      }
    });
  }

  const intake = new ChangeIntake(doc, {
    screen: formScreen,
    neighbourDependents,
    ignoring: () => fullRescanQueued,
    // Between two slices of a pass: a walk whose next node left the page carries on where it would have gone.
    onRecords: (records) => {
      if (activeWalkers.size > 0 && records.some((r) => r.removedNodes.length > 0))
        for (const walker of activeWalkers) walker.followRemovals(records);
    },
    onSettled: schedule,
    // The observer's callback is a task of ours too: it counts in the figures the tests and the benchmark read.
    onTask: (ms) => countTask(stats, ms),
  });
  const watchShadowRoot = intake.watchShadowRoot;
  onAbort(signal, () => {
    intake.disconnect();
    marks.clear();
    drawing.discard();
  });
  // Start when the page has finished its own loading work, not in the middle of it.
  if (view?.requestIdleCallback) view.requestIdleCallback(schedule, { timeout: 300 });
  else schedule();
  stats.busyMs += performance.now() - setupStarted;

  return {
    marks,
    stats,
    idle: async () => {
      // Wait for the first pass to be started (the page's idle time may come late), for a pending mutation
      // batch, then for the chain of passes to drain.
      await scheduledOnce;
      await new Promise((resolve) => setTimeout(resolve, mutationSettleMs + 10));
      let current: Promise<void>;
      do {
        current = running;
        await current;
      } while (current !== running);
    },
  };
}
