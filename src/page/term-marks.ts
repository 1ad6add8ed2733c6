import type { HighlightChanges } from './batched-highlight.ts';
import type { TermMatch } from '../match/term-matcher.ts';
import type { Density } from '../settings/settings.ts';
import { nodeOffsetAt, staticRangeFor } from './block-ranges.ts';
import type { TextBlock } from './collect-text-blocks.ts';
import { postContainerOf } from './post-container.ts';

/**
 * One term occurrence on the page. Its range is made when first needed: a long paragraph may hold thousands
 * of occurrences, of which the density setting underlines a few.
 */
export class TermMark {
  /** Whether the density setting lets this occurrence be underlined. */
  shown = false;
  #range: StaticRange | null = null;

  constructor(
    readonly termId: string,
    private readonly block: TextBlock,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): StaticRange {
    return (this.#range ??= staticRangeFor(this.block, this.start, this.end)!);
  }
}

interface BlockMarks {
  element: Element;
  /** The text blocks the marks were found in (their text is what the fact-checker reads). */
  blocks: TextBlock[];
  marks: TermMark[];
  nodes: Text[];
  /** The post (or the document) whose "first occurrence" this block competes for. */
  container: Node;
}

interface Interval {
  start: number;
  end: number;
  mark: TermMark;
}

/**
 * Every term occurrence found on the page, grouped by block element, and the CSS highlight that draws the
 * ones the density setting shows. The page's DOM is never touched: occurrences are StaticRanges registered
 * with CSS.highlights, and a per-text-node interval map answers "which term is at this caret position"
 * without walking all ranges.
 */
export class TermMarks {
  readonly #highlight: HighlightChanges;
  readonly #blocks = new Map<Element, BlockMarks>();
  #intervals = new WeakMap<Text, Interval[]>();
  /** How many underlined occurrences start in each element: the hover test for "is this text underlined". */
  #markedParents = new WeakMap<Element, number>();
  /** For each container, which block holds the first shown occurrence of each term. */
  readonly #firstOwners = new Map<Node, Map<string, Element>>();
  /** The blocks of each container, to find its earliest holder of a term without going through the page's. */
  readonly #byContainer = new Map<Node, Set<BlockMarks>>();
  #density: Density;

  constructor(highlight: HighlightChanges, density: Density) {
    this.#highlight = highlight;
    this.#density = density;
  }

  /**
   * Replaces what is known of `element` with the matches found in its blocks now. `inDocumentOrder` says no
   * block already known comes after it (a scan from top to bottom), which spares order comparisons.
   */
  replace(element: Element, found: { block: TextBlock; matches: TermMatch[] }[], inDocumentOrder = false): void {
    this.drop(element);
    const marks: TermMark[] = [];
    for (const { block, matches } of found) {
      for (const match of matches) {
        // (Both ends fall in the block's text nodes, or there is nothing to underline.)
        if (nodeOffsetAt(block, match.start, false) && nodeOffsetAt(block, match.end, true))
          marks.push(new TermMark(match.termId, block, match.start, match.end));
      }
    }
    if (marks.length === 0) return;
    // Listed only for an element with marks: most of a page's elements have none.
    const nodes = found.flatMap(({ block }) => block.segments.map((segment) => segment.node));
    const container =
      this.#density === 'first-on-page' ? element.ownerDocument : (postContainerOf(element) ?? element.ownerDocument);
    const entry: BlockMarks = { element, blocks: found.map((f) => f.block), marks, nodes, container };
    this.#blocks.set(element, entry);
    let siblings = this.#byContainer.get(container);
    if (!siblings) this.#byContainer.set(container, (siblings = new Set()));
    siblings.add(entry);
    this.#show(entry, inDocumentOrder);
  }

  /** Forgets `element`'s occurrences and removes their underlines. */
  drop(element: Element): void {
    const entry = this.#blocks.get(element);
    if (!entry) return;
    this.#blocks.delete(element);
    const siblings = this.#byContainer.get(entry.container);
    siblings?.delete(entry);
    if (siblings?.size === 0) this.#byContainer.delete(entry.container);
    this.#hide(entry);
    const owners = this.#firstOwners.get(entry.container);
    if (!owners) return;
    const handedOver = new Set<string>();
    for (const [termId, owner] of owners) {
      if (owner === element) {
        owners.delete(termId);
        handedOver.add(termId);
      }
    }
    // Another block of the same post may now hold the first occurrence of those terms.
    if (handedOver.size > 0 && this.#density !== 'every') this.#reshowContainer(entry.container, handedOver);
    // A post left with no underline is forgotten: as a key here, a removed post would be kept alive.
    if (owners.size === 0) this.#firstOwners.delete(entry.container);
  }

  /** Forgets every block at or under `root` (its subtree was hidden or made editable, so none may stay). */
  dropWithin(root: Element): void {
    this.dropWhere((element) => root.contains(element));
  }

  /** Forgets every block for which `test` holds (one moved into a hidden subtree, say). */
  dropWhere(test: (element: Element) => boolean): void {
    for (const element of [...this.#blocks.keys()]) {
      if (test(element)) this.drop(element);
    }
  }

  /** Drops blocks that left the page (their text nodes are no longer connected). */
  dropDisconnected(): void {
    for (const [element, entry] of this.#blocks) {
      if (!element.isConnected || entry.nodes.some((node) => !node.isConnected)) this.drop(element);
    }
  }

  /**
   * Forgets everything at once: dropping block by block would hand each first occurrence on, and deleting
   * ranges from the highlight one by one is quadratic in Firefox (250 ms for a few thousand underlines).
   */
  clear(): void {
    for (const entry of this.#blocks.values()) for (const mark of entry.marks) mark.shown = false;
    this.#highlight.clear();
    this.#intervals = new WeakMap();
    this.#markedParents = new WeakMap();
    this.#blocks.clear();
    this.#byContainer.clear();
    this.#firstOwners.clear();
  }

  get density(): Density {
    return this.#density;
  }

  /** The occurrence at `offset` in `node`, if it is underlined. */
  markAt(node: Text, offset: number): TermMark | null {
    const intervals = this.#intervals.get(node);
    if (!intervals) return null;
    for (const interval of intervals) {
      if (offset >= interval.start && offset < interval.end) return interval.mark;
    }
    return null;
  }

  /** The text blocks that mention any of `termIds` (each block once, as found by the latest scan). */
  blocksMentioning(termIds: ReadonlySet<string>): TextBlock[] {
    const blocks: TextBlock[] = [];
    for (const entry of this.#blocks.values()) {
      if (entry.marks.some((m) => termIds.has(m.termId))) blocks.push(...entry.blocks);
    }
    return blocks;
  }

  /** True when `element` directly holds the start of an underlined occurrence. */
  isMarkedParent(element: Element): boolean {
    return (this.#markedParents.get(element) ?? 0) > 0;
  }

  /** Underlined occurrences in document order (for keyboard navigation). */
  shownMarks(): TermMark[] {
    const marks = [...this.#blocks.values()].flatMap((entry) => entry.marks.filter((m) => m.shown));
    return marks.sort((a, b) => compareRanges(a.range, b.range));
  }

  /** How many times each term occurs on the page (all occurrences, whatever the density). */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.#blocks.values()) {
      for (const mark of entry.marks) counts.set(mark.termId, (counts.get(mark.termId) ?? 0) + 1);
    }
    return counts;
  }

  /** How many occurrences are underlined. */
  get shownCount(): number {
    let total = 0;
    for (const entry of this.#blocks.values()) for (const mark of entry.marks) if (mark.shown) total++;
    return total;
  }

  #show(entry: BlockMarks, inDocumentOrder = false): void {
    let owners = this.#firstOwners.get(entry.container);
    if (!owners) this.#firstOwners.set(entry.container, (owners = new Map()));
    const displaced = new Set<Element>();
    for (const mark of entry.marks) {
      if (this.#density !== 'every') {
        const owner = owners.get(mark.termId);
        if (owner && owner !== entry.element) {
          // Only the earliest block in the container keeps the underline.
          if (inDocumentOrder || (owner.isConnected && precedes(owner, entry.element))) continue;
          displaced.add(owner);
          // The holder left or now comes after this block: the container's earliest block with the term takes
          // over, which may be one between the two that was never underlined.
          const earliest = this.#earliestHolder(entry.container, mark.termId);
          if (earliest && earliest !== entry) {
            this.#makeOwner(owners, earliest, mark.termId);
            continue;
          }
        } else if (owner === entry.element) {
          continue; // a later occurrence in the same block
        }
        owners.set(mark.termId, entry.element);
      }
      this.#setShown(mark, true);
    }
    for (const element of displaced) {
      const other = this.#blocks.get(element);
      if (other) this.#restrictToOwned(other);
    }
  }

  /** Of the container's blocks still on the page, the first that holds `termId`. */
  #earliestHolder(container: Node, termId: string): BlockMarks | null {
    let earliest: BlockMarks | null = null;
    for (const candidate of this.#byContainer.get(container) ?? []) {
      if (!candidate.element.isConnected || !candidate.marks.some((m) => m.termId === termId)) continue;
      if (!earliest || precedes(candidate.element, earliest.element)) earliest = candidate;
    }
    return earliest;
  }

  #hide(entry: BlockMarks): void {
    for (const mark of entry.marks) this.#setShown(mark, false);
  }

  /** After `entry` lost ownership of some terms, un-underline what it no longer owns. */
  #restrictToOwned(entry: BlockMarks): void {
    const owners = this.#firstOwners.get(entry.container);
    const seen = new Set<string>();
    for (const mark of entry.marks) {
      const owns = owners?.get(mark.termId) === entry.element && !seen.has(mark.termId);
      seen.add(mark.termId);
      if (mark.shown !== owns) this.#setShown(mark, owns);
    }
  }

  #reshowContainer(container: Node, termIds: Set<string>): void {
    const owners = this.#firstOwners.get(container) ?? new Map<string, Element>();
    this.#firstOwners.set(container, owners);
    for (const termId of termIds) {
      const first = this.#earliestHolder(container, termId);
      if (first) this.#makeOwner(owners, first, termId);
    }
  }

  /** Underlines `holder`'s first occurrence of `termId`, as the one its container shows. */
  #makeOwner(owners: Map<string, Element>, holder: BlockMarks, termId: string): void {
    owners.set(termId, holder.element);
    this.#setShown(
      holder.marks.find((m) => m.termId === termId)!,
      true,
    );
  }

  #setShown(mark: TermMark, shown: boolean): void {
    if (mark.shown === shown) return;
    mark.shown = shown;
    const { range } = mark;
    if (shown) this.#highlight.add(range);
    else this.#highlight.delete(range);
    // The interval map answers hover look-ups for underlined text; it lives on the start node.
    const node = range.startContainer as Text;
    // (A range that goes on into the next node covers the rest of this one; its length is not read: see TextSegment.)
    const end = range.endContainer === node ? range.endOffset : Infinity;
    const list = this.#intervals.get(node) ?? [];
    if (shown) list.push({ start: range.startOffset, end, mark });
    else list.splice(list.findIndex((i) => i.mark === mark) >>> 0, 1);
    this.#intervals.set(node, list);
    const parent = node.parentElement;
    if (parent) this.#markedParents.set(parent, (this.#markedParents.get(parent) ?? 0) + (shown ? 1 : -1));
  }
}

const precedes = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

function compareRanges(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  return precedes(a.startContainer, b.startContainer) ? -1 : 1;
}
