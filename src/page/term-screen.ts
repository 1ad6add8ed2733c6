import { searchPieceLength, type QuickScreen, type QuickTest } from '../match/quick-screen.ts';
import { blockElementOf, isBlockElement, openShadowRootOf, possibleShadowHostsUnder } from './collect-text-blocks.ts';

/** Elements looked at per step (text goes as the matcher's search does, `searchPieceLength` per step). */
const elementsPerStep = 4_000;
/**
 * How much text is read from the start of a node, text node by text node, before its whole text is built:
 * most pages with a term have one early, and building a big page's whole text (5 ms for 1 MB) is then wasted.
 */
export const firstReadLength = 8 * 1024;

/**
 * Decides, a piece at a time, whether any block under a node may hold a term: its text (the matcher's quick
 * test) and the text of every open shadow root under it, which textContent leaves out. A page, or a subtree
 * added to one, with no term then costs one read of its text and of its elements instead of a walk of its
 * blocks, and a big one costs it over several tasks.
 */
export class TermScreen {
  readonly #matcher: QuickScreen;
  /** Nodes still to screen: the first node, then each open shadow root found under one. */
  readonly #pending: Node[];
  #node: Node | null = null;
  #text: QuickTest | null = null;
  #tested = 0;
  #elements: ArrayLike<Element> | null = null;
  #looked = 0;
  #mayHoldTerms = false;
  readonly #onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  /** `onShadowRoot` is told of each open shadow root found (to watch it for changes, as the walk does). */
  constructor(node: Node, matcher: QuickScreen, onShadowRoot?: (root: ShadowRoot) => void) {
    this.#matcher = matcher;
    this.#pending = [node];
    this.#onShadowRoot = onShadowRoot;
  }

  /** The verdict once `step` has returned false. */
  get mayHoldTerms(): boolean {
    return this.#mayHoldTerms;
  }

  readonly #found = (root: ShadowRoot) => {
    this.#pending.push(root);
    this.#onShadowRoot?.(root);
  };

  /** Screens one piece; false once the verdict is in. */
  step(): boolean {
    if (this.#mayHoldTerms) return false;
    if (!this.#node) {
      const next = this.#pending.shift();
      if (!next) return false;
      this.#node = next;
      const start = leadingText(next, firstReadLength);
      const whole = holdsWholeBlocks(next);
      const startTest = this.#matcher.quickTestOf(start.text, whole);
      if (start.isWhole) this.#text = startTest;
      else if (startTest.mayHoldTermAt(0, startTest.length)) {
        this.#mayHoldTerms = true;
        return false;
      } else this.#text = this.#matcher.quickTestOf(next.textContent ?? '', whole);
      this.#tested = 0;
      this.#elements = null;
      this.#looked = 0;
      return true;
    }
    const text = this.#text!;
    if (this.#tested < text.length) {
      const from = this.#tested;
      this.#tested += searchPieceLength;
      this.#mayHoldTerms = text.mayHoldTermAt(from, this.#tested);
      return !this.#mayHoldTerms;
    }
    if (!this.#elements) {
      this.#elements = elementsUnder(this.#node, this.#found);
      return true;
    }
    const elements = this.#elements;
    const end = Math.min(this.#looked + elementsPerStep, elements.length);
    for (let i = this.#looked; i < end; i++) {
      const shadowRoot = openShadowRootOf(elements[i]!);
      if (shadowRoot) this.#found(shadowRoot);
    }
    this.#looked = end;
    if (end === elements.length) this.#node = null;
    return true;
  }
}

/**
 * Whether the blocks of `node`'s text end where it does: a document, a shadow root or a block element, and not
 * text or an inline element added to a paragraph, whose block has more text around it.
 */
const holdsWholeBlocks = (node: Node) => node.nodeType === 9 || node.nodeType === 11 || isBlockElement(node);

/**
 * What to screen once `node` is added to the page or its text changes: the node, where it holds whole blocks;
 * else the block it is part of, whose text it may complete into a term ("milk", then " supply" streamed in
 * word by word, as chat answers are) or whose other words may confirm an acronym in it. Not where that block
 * is the page's body or root element: then every change would read the whole page again.
 */
export function screenedForChange(node: Node): Node {
  if (holdsWholeBlocks(node)) return node;
  const block = blockElementOf(node);
  const root = node.ownerDocument;
  return block && block !== root?.body && block !== root?.documentElement ? block : node;
}

/** NodeFilter.SHOW_TEXT, which is no global where the `scan` command runs this (Node, with happy-dom). */
export const showText = 4;

/**
 * About the first `length` characters of `node`'s text (its text nodes in order, as textContent joins them,
 * without copying a big node's whole text), and whether that is all of it.
 */
export function leadingText(node: Node, length: number): { text: string; isWhole: boolean } {
  if (node.nodeType === 3) return { text: (node as Text).data, isWhole: true };
  const walker = (node.ownerDocument ?? document).createTreeWalker(node, showText);
  let text = '';
  for (let next = walker.nextNode(); next; next = walker.nextNode()) {
    text += (next as Text).data;
    if (text.length >= length) return { text, isWhole: walker.nextNode() === null };
  }
  return { text, isWhole: true };
}

/** The elements under `node` that may host a shadow root, after handing over its own shadow root. */
function elementsUnder(node: Node, found: (root: ShadowRoot) => void): ArrayLike<Element> {
  if (node.nodeType === 1) {
    const own = openShadowRootOf(node as Element);
    if (own) found(own);
    return possibleShadowHostsUnder(node as Element);
  }
  // A shadow root; text and other nodes have no elements under them.
  return node.nodeType === 11 ? possibleShadowHostsUnder(node as ShadowRoot) : [];
}

/**
 * The screen's verdict at once, for a subtree just added to the page. Past `deadline` (a `performance.now()`
 * time) the answer is yes: the scan that follows, unlike this, runs in slices.
 */
export function mayHoldTerms(
  node: Node,
  matcher: QuickScreen,
  deadline: number,
  onShadowRoot?: (root: ShadowRoot) => void,
): boolean {
  const screen = new TermScreen(node, matcher, onShadowRoot);
  while (performance.now() < deadline) if (!screen.step()) return screen.mayHoldTerms;
  return true;
}
