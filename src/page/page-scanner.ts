import { searchPieceLength, type BlockSearch, type TermMatch, type TermMatcher } from '../match/index.ts';
import type { Density } from '../settings/index.ts';
import {
  attributeSkips,
  blockElementOf,
  isInline,
  isInSkippedSubtree,
  skippingAttributeNames,
  TextBlockWalker,
  type TextBlock,
} from './collect-text-blocks.ts';
import { mayHoldTerms, TermScreen } from './term-screen.ts';
import { TermMarks } from './term-marks.ts';
import { countTask, runInSlices, type SliceStats } from './time-slices.ts';

/** The name of the CSS highlight that underlines glossary terms (styled by `::highlight(…)` in highlights.css). */
const termHighlightName = 'lactation-glossary-term';

/** One highlight name per underline style, so the style is a choice of stylesheet rule, not injected CSS. */
export const highlightNameFor = (style: string) => (style === 'dotted' ? termHighlightName : `${termHighlightName}-${style}`);

export interface ScannerOptions {
  density: Density;
  /** Defaults to termHighlightName. */
  highlightName?: string;
  /** Called after each pass over new or changed text (to update the toolbar badge, say). */
  onUpdate?: () => void;
}

/** Beyond this many changed places at once, one full rescan is cheaper than many small ones. */
const maxDirtyRootsBeforeFullRescan = 200;
/** Mutations are gathered for this long, so a burst costs one pass. */
const mutationSettleMs = 50;
/** How long one batch of mutations may spend screening added nodes for terms before it just queues them. */
const maxScreeningMsPerBatch = 4;

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
  stop(): void;
}

/**
 * Finds the glossary's terms in a document and keeps its underlines current as the page changes:
 * collect (page text blocks) → find (matcher) → mark (CSS highlights), in time slices, visible text first.
 */
export function startPageScanner(doc: Document, matcher: TermMatcher, { density, highlightName = termHighlightName, onUpdate }: ScannerOptions): PageScanner {
  const setupStarted = performance.now();
  const abort = new AbortController();
  const highlight = new Highlight();
  CSS.highlights.set(highlightName, highlight);
  const marks = new TermMarks(highlight, density);
  const stats: ScanStats = { busyMs: 0, longestTaskMs: 0, slices: 0, fullScans: 0, incrementalScans: 0, lastPassEndedAt: 0 };
  const dirtyRoots = new Set<Element>();
  /** Dirty roots whose subtree was hidden, shown or made editable: what was marked under them is forgotten first. */
  const rootsToEmpty = new Set<Element>();
  let sawRemovals = false;
  let fullRescanQueued = true;
  let running: Promise<void> = Promise.resolve();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The walks of the pass under way: the page may remove the very node one was about to read. */
  const activeWalkers = new Set<TextBlockWalker>();

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
        long = { block, search: matcher.search(block.text) };
        return true;
      }
      const matches = matcher.find(block.text);
      if (matches.length > 0) found.push({ block, matches });
      return true;
    };
  }

  /**
   * Blocks around the middle of the viewport, so what the reader sees is underlined first. Positions are only
   * read after the page has painted once (reading scrollY or elementFromPoint earlier forces a layout of the
   * whole page on our time), and only when the page is scrolled: at the top, document order is visible-first.
   */
  let painted = false;
  const view = doc.defaultView;
  view?.requestAnimationFrame(() => setTimeout(() => (painted = true), 0));
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
    // walk. (Skipped when the page had terms already: it would only add to the walk.)
    let screen = hadTerms ? null : new TermScreen(body, matcher, watchShadowRoot);
    const done = new Set<Element>();
    let inDocumentOrder = true;
    let visibleChecked = false;
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
      if (!visibleChecked && painted) {
        visibleChecked = true;
        for (const root of visibleRoots()) visible.push(subtreeScan(root, done, () => false));
        if (visible.length > 0) inDocumentOrder = false;
      }
      while (visible.length > 0) {
        if (visible[0]!()) return true;
        visible.shift();
      }
      return main();
    };
  }

  function incrementalScan(roots: Element[]): () => boolean {
    stats.incrementalScans++;
    if (sawRemovals) marks.dropDisconnected(); // a read per marked node: only when something left the page
    sawRemovals = false;
    for (const root of rootsToEmpty) marks.dropWithin(root);
    rootsToEmpty.clear();
    // Keep only the outermost changed roots: their scan covers the rest.
    const outermost = roots.filter((root) => root.isConnected && !roots.some((other) => other !== root && other.contains(root)));
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
      while (!abort.signal.aborted && (fullRescanQueued || dirtyRoots.size > 0 || sawRemovals)) {
        if (fullRescanQueued || dirtyRoots.size > maxDirtyRootsBeforeFullRescan) {
          fullRescanQueued = false;
          dirtyRoots.clear();
          rootsToEmpty.clear();
          sawRemovals = false;
          await runInSlices(startingWith(fullScan), stats, abort.signal);
        } else {
          const roots = [...dirtyRoots];
          dirtyRoots.clear();
          await runInSlices(startingWith(() => incrementalScan(roots)), stats, abort.signal);
        }
        activeWalkers.clear();
        stats.lastPassEndedAt = performance.now();
        onUpdate?.();
      }
    });
  }

  function markDirty(root: Element | null) {
    if (root) dirtyRoots.add(root);
  }

  /** What one batch of changes shares while it is noted. */
  interface Batch {
    /** Until when (`performance.now()`) added nodes are screened for terms; after it they are just queued. */
    screenUntil: number;
    /** Whether each element met is in a skipped subtree, so changes deep in one tree climb it once. */
    skipStates: Map<Element, boolean>;
  }

  /** New paragraphs, posts and pages are scanned on their own; text changed inside a block rescans that block. */
  function noteChange(record: MutationRecord, batch: Batch) {
    const { target } = record;
    if (record.type === 'attributes') {
      noteSkipChange(target as Element, record.attributeName ?? '', record.oldValue, batch);
      return;
    }
    if (isInSkippedSubtree(target, batch.skipStates)) return;
    if (record.type === 'characterData') {
      markDirty(blockElementOf(target));
      return;
    }
    for (const node of record.addedNodes) {
      if (dirtyRoots.size > maxDirtyRootsBeforeFullRescan) break; // a full rescan reads them all anyway
      const isBlock = node.nodeType === 1 && !isInline(node as Element);
      // Past the batch's screening time, added nodes are scanned without screening (the scan runs in slices).
      if (!mayHoldTerms(node, matcher, batch.screenUntil, watchShadowRoot)) {
        if (!isBlock) markDirty(blockElementOf(target)); // it may complete a term split across nodes
      } else {
        markDirty(isBlock ? (node as Element) : blockElementOf(target));
      }
    }
    if (record.removedNodes.length > 0) sawRemovals = true;
    for (const node of record.removedNodes) {
      // Removed blocks drop their marks when found disconnected; removed inline text changes its block.
      if (node.nodeType !== 1 || isInline(node as Element)) markDirty(blockElementOf(target));
    }
  }

  /**
   * An element hidden or shown, or made editable or not ("Show more", spoilers, "Edit post"): its text is
   * scanned again from scratch. Style changes that do not hide or show (animations) cost one test each.
   */
  function noteSkipChange(element: Element, name: string, oldValue: string | null, batch: Batch) {
    if (attributeSkips(name, oldValue) === attributeSkips(name, element.getAttribute(name))) return;
    if (element.parentElement && isInSkippedSubtree(element.parentElement, batch.skipStates)) return;
    const root = isInline(element) ? blockElementOf(element) : element;
    if (!root) return;
    dirtyRoots.add(root);
    rootsToEmpty.add(root);
  }

  const observer = new MutationObserver((records) => {
    if (fullRescanQueued) return;
    const started = performance.now();
    // Between two slices of a pass: a walk whose next node left the page carries on where it would have gone.
    if (activeWalkers.size > 0 && records.some((r) => r.removedNodes.length > 0)) for (const walker of activeWalkers) walker.followRemovals(records);
    const batch: Batch = { screenUntil: started + maxScreeningMsPerBatch, skipStates: new Map() };
    const dirtyBefore = dirtyRoots.size;
    for (const record of records) {
      if (dirtyRoots.size > maxDirtyRootsBeforeFullRescan) break;
      noteChange(record, batch);
    }
    // This callback is a task of ours too: it counts in the figures the tests and the benchmark read.
    countTask(stats, performance.now() - started);
    // Style changes that neither hide nor show (animations) must not keep postponing the pass.
    if (dirtyRoots.size === dirtyBefore && records.every((r) => r.type === 'attributes')) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(schedule, mutationSettleMs);
  });
  const observed: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: skippingAttributeNames,
    attributeOldValue: true,
  };
  observer.observe(doc, observed);
  // A document's observer hears nothing from inside shadow trees: each one the walk enters is watched too.
  const watchedShadowRoots = new WeakSet<ShadowRoot>();
  function watchShadowRoot(root: ShadowRoot) {
    if (watchedShadowRoots.has(root)) return;
    watchedShadowRoots.add(root);
    observer.observe(root, observed);
  }
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
    stop() {
      abort.abort();
      observer.disconnect();
      clearTimeout(settleTimer);
      marks.clear();
      CSS.highlights.delete(highlightName);
    },
  };
}
