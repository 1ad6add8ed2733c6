import type { QuickScreen } from '../match/quick-screen.ts';
import {
  attributeSkips,
  blockElementOf,
  isBlockElement,
  isInline,
  isInSkippedSubtree,
  ownElementPrefix,
  skippingAttributeNames,
} from './collect-text-blocks.ts';
import type { NeighbourDependents } from './neighbour-dependents.ts';
import { mayHoldTerms } from './term-screen.ts';

/** What the page changed since the last pass: the work the next pass has to do. */
export interface PageChanges {
  /** Elements whose subtree is scanned again. */
  dirtyRoots: Set<Element>;
  /** Subtrees hidden, shown, made editable or not: what was marked under them is forgotten first. */
  rootsToEmpty: Set<Element>;
  /** Nodes left their place: marked blocks that left the page are dropped. */
  sawRemovals: boolean;
  /**
   * Elements put inside a hidden or editable subtree. One may be a marked block moved there (a move is a
   * removal and an addition), which is still connected yet must lose its underlines.
   */
  addedToSkipped: boolean;
}

export interface ChangeIntakeOptions {
  /** Screens added subtrees, so ones with no term cost no pass. */
  screen: QuickScreen;
  /** While true, changes are not noted (a full rescan is queued: it reads them all). */
  ignoring?: () => boolean;
  /** Told of every batch of records first (a walk under way follows the nodes the page removed). */
  onRecords?: (records: MutationRecord[]) => void;
  /** Once a burst of changes has settled into something to scan. */
  onSettled: () => void;
  /** The time each of the observer's callbacks took: it is a task on the page's main thread. */
  onTask?: (ms: number) => void;
  /** Blocks judged by what is around them, scanned again when that changes. */
  neighbourDependents?: NeighbourDependents;
}

/** Beyond this many changed places at once, one full rescan is cheaper than many small ones. */
export const maxDirtyRootsBeforeFullRescan = 200;
/** Mutations are gathered for this long, so a burst costs one pass. */
export const mutationSettleMs = 50;
/**
 * A still page that adds this many places to read at once (a "load more", the next page of an infinite
 * scroll) is read without waiting: such a batch comes whole, and the reader is looking at it.
 */
export const manyPlacesAtOnce = 10;
/** A page that never stops changing (a ticking clock, a live counter) still gets a pass this often. */
export const maxSettleWaitMs = 500;
/** How long one batch of mutations may spend screening added nodes for terms before it just queues them. */
const maxScreeningMsPerBatch = 4;

/** What one batch of records shares while it is noted. */
interface Batch {
  /** Until when (`performance.now()`) added nodes are screened for terms; after it they are just queued. */
  screenUntil: number;
  /** Whether each element met is in a skipped subtree, so changes deep in one tree climb it once. */
  skipStates: Map<Element, boolean>;
}

const observed: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: skippingAttributeNames,
  attributeOldValue: true,
};

/**
 * Listens to a document's changes (and to the open shadow roots it is told of) and turns them into the
 * places a pass has to read again: new paragraphs, posts and pages on their own, a block whose text changed,
 * a subtree hidden, shown or made editable. Bursts settle for `mutationSettleMs` before `onSettled`, but for
 * many places added to a still page at once (`manyPlacesAtOnce`).
 */
export class ChangeIntake {
  #changes: PageChanges = emptyChanges();
  readonly #options: ChangeIntakeOptions;
  readonly #observer: MutationObserver;
  readonly #watchedShadowRoots = new WeakSet<ShadowRoot>();
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the last burst settled: a page that changed that recently is not still. */
  #lastSettledAt = -Infinity;
  /** When the changes the settle timer waits for began (`performance.now()`), or null when none wait. */
  #waitingSince: number | null = null;

  constructor(doc: Document, options: ChangeIntakeOptions) {
    this.#options = options;
    this.#observer = new MutationObserver((records) => this.#take(records));
    this.#observer.observe(doc, observed);
  }

  /** A document's observer hears nothing from inside shadow trees: each one a walk enters is watched too. */
  readonly watchShadowRoot = (root: ShadowRoot): void => {
    if (this.#watchedShadowRoots.has(root)) return;
    this.#watchedShadowRoots.add(root);
    this.#observer.observe(root, observed);
  };

  /** Whether a pass has anything to do. */
  get pending(): boolean {
    const changes = this.#changes;
    return changes.dirtyRoots.size > 0 || changes.sawRemovals || changes.addedToSkipped;
  }

  /** So many places changed that one full rescan is cheaper. */
  get overflowing(): boolean {
    return this.#changes.dirtyRoots.size > maxDirtyRootsBeforeFullRescan;
  }

  /** Hands over what changed so far and starts gathering afresh. */
  take(): PageChanges {
    const changes = this.#changes;
    this.#changes = emptyChanges();
    return changes;
  }

  disconnect(): void {
    this.#observer.disconnect();
    clearTimeout(this.#settleTimer);
  }

  #take(allRecords: MutationRecord[]): void {
    if (this.#options.ignoring?.()) return;
    const records = allRecords.filter((record) => !isOwnElementComingOrGoing(record));
    if (records.length === 0) return;
    const started = performance.now();
    this.#options.onRecords?.(records);
    const batch: Batch = { screenUntil: started + maxScreeningMsPerBatch, skipStates: new Map() };
    const dirtyBefore = this.#changes.dirtyRoots.size;
    for (const record of records) {
      if (this.overflowing) break;
      this.#note(record, batch);
    }
    this.#options.onTask?.(performance.now() - started);
    // Style changes that neither hide nor show (animations) must not keep postponing the pass.
    if (this.#changes.dirtyRoots.size === dirtyBefore && records.every((r) => r.type === 'attributes')) return;
    // Each batch postpones the pass, up to a point: past it the timer already set is left to fire. Many places
    // added to a still page at once need no settling; small changes do, so a stream of them costs one pass.
    const now = performance.now();
    const addedAtOnce =
      this.#waitingSince === null &&
      now - this.#lastSettledAt >= mutationSettleMs &&
      this.#changes.dirtyRoots.size - dirtyBefore >= manyPlacesAtOnce;
    this.#waitingSince ??= now;
    if (now - this.#waitingSince >= maxSettleWaitMs) return;
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(this.#settled, addedAtOnce ? 0 : mutationSettleMs);
  }

  readonly #settled = () => {
    this.#waitingSince = null;
    this.#lastSettledAt = performance.now();
    this.#options.onSettled();
  };

  #note(record: MutationRecord, batch: Batch): void {
    const { target } = record;
    const changes = this.#changes;
    if (record.type === 'attributes') {
      this.#noteSkipChange(target as Element, record.attributeName ?? '', record.oldValue, batch);
      return;
    }
    for (const block of this.#options.neighbourDependents?.affectedBy(target, record) ?? []) markDirty(changes, block);
    if (isInSkippedSubtree(target, batch.skipStates)) {
      for (const node of record.addedNodes) if (node.nodeType === 1) changes.addedToSkipped = true;
      // A marked block taken out of a post hidden in the same burst is no longer inside the post when the
      // pass empties it: only the removal check drops it (found by the e2e property test, in Firefox).
      if (record.removedNodes.length > 0) changes.sawRemovals = true;
      return;
    }
    if (record.type === 'characterData') {
      markDirty(changes, blockElementOf(target));
      return;
    }
    for (const node of record.addedNodes) {
      if (this.overflowing) break; // a full rescan reads them all anyway
      const isBlock = isBlockElement(node);
      // Past the batch's screening time, added nodes are scanned without screening (the scan runs in slices).
      if (!mayHoldTerms(node, this.#options.screen, batch.screenUntil, this.watchShadowRoot)) {
        if (!isBlock) markDirty(changes, blockElementOf(target)); // it may complete a term split across nodes
      } else {
        markDirty(changes, isBlock ? (node as Element) : blockElementOf(target));
      }
    }
    if (record.removedNodes.length > 0) changes.sawRemovals = true;
    for (const node of record.removedNodes) {
      // Removed blocks drop their marks when found disconnected; removed inline text changes its block.
      if (!isBlockElement(node)) markDirty(changes, blockElementOf(target));
    }
  }

  /**
   * An element hidden or shown, or made editable or not ("Show more", spoilers, "Edit post"): its text is
   * scanned again from scratch. Style changes that do not hide or show (animations) cost one test each.
   */
  #noteSkipChange(element: Element, name: string, oldValue: string | null, batch: Batch): void {
    if (attributeSkips(name, oldValue) === attributeSkips(name, element.getAttribute(name))) return;
    if (element.parentElement && isInSkippedSubtree(element.parentElement, batch.skipStates)) return;
    const root = isInline(element) ? blockElementOf(element) : element;
    if (!root) return;
    this.#changes.dirtyRoots.add(root);
    this.#changes.rootsToEmpty.add(root);
    for (const block of this.#options.neighbourDependents?.affectedBy(root) ?? []) this.#changes.dirtyRoots.add(block);
  }
}

const emptyChanges = (): PageChanges => ({
  dirtyRoots: new Set(),
  rootsToEmpty: new Set(),
  sawRemovals: false,
  addedToSkipped: false,
});

/**
 * The extension's own card host put into the page or taken out (it comes and goes alone, as a child of the
 * root element): no text of the page's changed. Read as a change, it would have the whole page read again.
 */
function isOwnElementComingOrGoing({ type, addedNodes, removedNodes }: MutationRecord): boolean {
  if (type !== 'childList' || addedNodes.length + removedNodes.length !== 1) return false;
  const node = addedNodes[0] ?? removedNodes[0]!;
  return node.nodeType === 1 && (node as Element).localName.startsWith(ownElementPrefix);
}

function markDirty(changes: PageChanges, root: Element | null): void {
  if (root) changes.dirtyRoots.add(root);
}
