import type { TermMatcher } from '../match/index.ts';
import type { Density } from '../settings/index.ts';
import { blockElementOf, isInline, isInSkippedSubtree, iterateTextBlocks, type TextBlock } from './collect-text-blocks.ts';
import { TermMarks } from './term-marks.ts';
import { runInSlices, type SliceStats } from './time-slices.ts';

/** The name of the CSS highlight that underlines glossary terms (styled by `::highlight(…)`). */
export const termHighlightName = 'lactation-glossary-term';

/** Beyond this many changed places at once, one full rescan is cheaper than many small ones. */
const maxDirtyRootsBeforeFullRescan = 200;
/** Mutations are gathered for this long, so a burst costs one pass. */
const mutationSettleMs = 50;

export interface PageScanner {
  readonly marks: TermMarks;
  readonly stats: SliceStats & { fullScans: number; incrementalScans: number };
  /** Resolves when everything queued so far has been scanned. */
  idle(): Promise<void>;
  setDensity(density: Density): void;
  stop(): void;
}

/**
 * Finds the glossary's terms in a document and keeps its underlines current as the page changes:
 * collect (page text blocks) → find (matcher) → mark (CSS highlights), in time slices, visible text first.
 */
export function startPageScanner(doc: Document, matcher: TermMatcher, density: Density): PageScanner {
  const abort = new AbortController();
  const highlight = new Highlight();
  CSS.highlights.set(termHighlightName, highlight);
  let marks = new TermMarks(highlight, density);
  const stats = { busyMs: 0, longestSliceMs: 0, slices: 0, fullScans: 0, incrementalScans: 0 };
  const dirtyRoots = new Set<Element>();
  let fullRescanQueued = true;
  let running: Promise<void> = Promise.resolve();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  /** Scans the blocks under `root`, replacing what was known of each block element found. */
  function* scanSubtree(root: Node, done: Set<Element>): Generator<void> {
    let element: Element | null = null;
    let found: { block: TextBlock; matches: ReturnType<TermMatcher['find']> }[] = [];
    const commit = () => {
      if (element && !done.has(element)) {
        marks.replace(element, found);
        done.add(element);
      }
    };
    for (const block of iterateTextBlocks(root)) {
      if (block.element !== element) {
        commit();
        element = block.element;
        found = [];
      }
      const matches = matcher.find(block.text);
      if (matches.length > 0) found.push({ block, matches });
      yield;
    }
    commit();
  }

  /** Blocks around the middle of the viewport, so what the reader sees is underlined first. */
  function visibleRoots(): Element[] {
    const roots = new Set<Element>();
    const view = doc.defaultView;
    if (!view || !doc.body) return [];
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const hit = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight * fraction);
      const block = hit && hit !== doc.body && hit !== doc.documentElement ? blockElementOf(hit) : null;
      if (block) roots.add(block.parentElement && block.parentElement !== doc.body ? block.parentElement : block);
    }
    return [...roots];
  }

  function* fullScan(): Generator<void> {
    stats.fullScans++;
    marks.clear();
    const body = doc.body;
    // No candidate text at all: the common case on most pages, and it costs one string test.
    if (!body || !matcher.mayContainTerms(body.textContent ?? '')) return;
    const done = new Set<Element>();
    for (const root of visibleRoots()) yield* scanSubtree(root, done);
    yield* scanSubtree(body, done);
  }

  function* incrementalScan(roots: Element[]): Generator<void> {
    stats.incrementalScans++;
    marks.dropDisconnected();
    // Keep only the outermost changed roots: their scan covers the rest.
    const outermost = roots.filter((root) => root.isConnected && !roots.some((other) => other !== root && other.contains(root)));
    const done = new Set<Element>();
    for (const root of outermost) {
      if (!isInSkippedSubtree(root)) yield* scanSubtree(root, done);
      if (!done.has(root)) marks.drop(root); // its text no longer holds a term
    }
  }

  function schedule() {
    running = running.then(async () => {
      while (!abort.signal.aborted && (fullRescanQueued || dirtyRoots.size > 0)) {
        if (fullRescanQueued || dirtyRoots.size > maxDirtyRootsBeforeFullRescan) {
          fullRescanQueued = false;
          dirtyRoots.clear();
          await runInSlices(fullScan(), stats, abort.signal);
        } else {
          const roots = [...dirtyRoots];
          dirtyRoots.clear();
          await runInSlices(incrementalScan(roots), stats, abort.signal);
        }
      }
    });
  }

  function markDirty(root: Element | null) {
    if (root) dirtyRoots.add(root);
  }

  /** New paragraphs, posts and pages are scanned on their own; text changed inside a block rescans that block. */
  function noteChange(record: MutationRecord) {
    const { target } = record;
    if (isInSkippedSubtree(target)) return;
    if (record.type === 'characterData') {
      markDirty(blockElementOf(target));
      return;
    }
    for (const node of record.addedNodes) {
      const isBlock = node.nodeType === 1 && !isInline(node as Element);
      if (!matcher.mayContainTerms(node.textContent ?? '')) {
        if (!isBlock) markDirty(blockElementOf(target)); // it may complete a term split across nodes
      } else {
        markDirty(isBlock ? (node as Element) : blockElementOf(target));
      }
    }
    for (const node of record.removedNodes) {
      // Removed blocks drop their marks when found disconnected; removed inline text changes its block.
      if (node.nodeType !== 1 || isInline(node as Element)) markDirty(blockElementOf(target));
    }
  }

  const observer = new MutationObserver((records) => {
    if (fullRescanQueued) return;
    for (const record of records) {
      if (dirtyRoots.size > maxDirtyRootsBeforeFullRescan) break;
      noteChange(record);
    }
    clearTimeout(settleTimer);
    settleTimer = setTimeout(schedule, mutationSettleMs);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  schedule();

  return {
    get marks() {
      return marks;
    },
    stats,
    idle: async () => {
      // Wait for a pending mutation batch too, then for the chain of passes to drain.
      await new Promise((resolve) => setTimeout(resolve, mutationSettleMs + 10));
      let current: Promise<void>;
      do {
        current = running;
        await current;
      } while (current !== running);
    },
    setDensity(next) {
      marks.clear();
      marks = new TermMarks(highlight, next);
      fullRescanQueued = true;
      schedule();
    },
    stop() {
      abort.abort();
      observer.disconnect();
      clearTimeout(settleTimer);
      marks.clear();
      CSS.highlights.delete(termHighlightName);
    },
  };
}
