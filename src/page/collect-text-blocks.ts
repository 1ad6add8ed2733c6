/**
 * Page text as a reader sees it: blocks (paragraph-like runs of text) whose text joins the text nodes
 * across inline markup, so `insulin <b>resistance</b>` is one phrase. Pure DOM traversal, no layout: it
 * runs in the content script and, on a parsed document, in the `scan` command.
 */

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
  /**
   * The node's length when collected. (Reading `node.data` again would copy the whole text into the content
   * script in Firefox, once per term found: quadratic on a long paragraph.)
   */
  length: number;
}

export interface TextBlock {
  /** The nearest block-level element around the text: where the block lives on the page. */
  element: Element;
  text: string;
  /** The block's text nodes in order; characters between them are separators that belong to no node. */
  segments: TextSegment[];
}

/** Elements whose text flows inside the surrounding paragraph. Everything else starts a new block. */
const inlineTags = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'br',
]);

/** What a reader does not read as prose, or what must never be touched (the design's skip list). */
const skippedTags = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'head',
  'title',
  'button',
];

/** Prefix of the extension's own elements (the popover host), which are never scanned. */
export const ownElementPrefix = 'lactation-glossary-';

/** Stands for skipped inline content (code, an input…): no term may span it, and it is not a space. */
export const skippedContentMark = '\uFFFC';

/**
 * The attributes that hide an element, hand its text to an editor or make it a control, stated once: the
 * walk reads them through one selector (one native query for a subtree's skipped elements instead of several
 * attribute reads per element from script), and the change intake through `attributeSkips`.
 */
const skippingAttributes: Record<string, { selector: string[]; skips: (value: string) => boolean }> = {
  hidden: { selector: ['[hidden]'], skips: () => true },
  contenteditable: {
    selector: ['[contenteditable]:not([contenteditable="false"])'],
    skips: (value) => value !== 'false',
  },
  role: {
    selector: ['[role="textbox"]', '[role="button"]'],
    skips: (value) => value === 'textbox' || value === 'button',
  },
  style: {
    selector: [
      '[style*="display:none"]',
      '[style*="display: none"]',
      '[style*="visibility:hidden"]',
      '[style*="visibility: hidden"]',
    ],
    skips: (value) => /display: ?none|visibility: ?hidden/.test(value),
  },
};
const skippedAttributeSelector = Object.values(skippingAttributes)
  .flatMap((rule) => rule.selector)
  .join(',');
const skippedSelector = [...skippedTags, skippedAttributeSelector].join(',');

/** The attributes whose change may hide, show or hand text to an editor. */
export const skippingAttributeNames = Object.keys(skippingAttributes);

/** Whether `name="value"` (null: absent) makes its element skipped, as the walk's selector decides. */
export function attributeSkips(name: string, value: string | null): boolean {
  return value !== null && (skippingAttributes[name]?.skips(value) ?? false);
}
const skippedTagSet = new Set(skippedTags);

/** Above this many elements, one query for all skipped elements would itself be a long task. */
const maxElementsForOneQuery = 20_000;

/** An element whose text is never read: a script, code, a control, an editor, hidden text, our own UI. */
export function isSkipped(element: Element): boolean {
  return element.matches(skippedSelector) || element.localName.startsWith(ownElementPrefix);
}

export const isInline = (element: Element) => inlineTags.has(element.localName);

/** An element that starts a block of its own (not text, not an inline element). */
export const isBlockElement = (node: Node) => node.nodeType === 1 && !isInline(node as Element);

/**
 * Elements whose open shadow root is read: custom elements, and the block elements that may host one; never
 * the extension's own (the card's text is not the page's: read, it would count and underline its terms).
 */
const mayHostShadowRoot = (tag: string) =>
  (tag.includes('-') || !inlineTags.has(tag)) && !tag.startsWith(ownElementPrefix);

/** The element's open shadow root, if it is an element whose shadow root is read. */
export const openShadowRootOf = (element: Element): ShadowRoot | null =>
  mayHostShadowRoot(element.localName) ? element.shadowRoot : null;

/**
 * The elements besides custom elements and span (an inline element, whose shadow root is not read) that the
 * DOM standard lets host a shadow root: `attachShadow` throws on any other, and a declarative shadow root is not
 * attached to one.
 */
export const shadowHostTags =
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section'.split(' ');
/**
 * The elements most common on pages that can never host a shadow root, the most common first. No selector
 * reads a hyphen in a name, so custom elements are selected as what is none of these (nor span): an element
 * this list misses is only looked at for nothing, and a longer list costs each element more to match.
 */
export const neverShadowHostTags = (
  'a li img svg path g use i b td tr ul br em strong button input option script style link meta source picture ' +
  'figure time label small sup code pre table tbody form th ol dt dd dl hr iframe noscript select textarea ' +
  'figcaption rect circle polygon text defs symbol title head html'
).split(' ');
/** The elements whose shadow root `openShadowRootOf` may read, and some it never does (see above). */
const mayHostShadowRootSelector = `${shadowHostTags.join(',')},:not(span,${neverShadowHostTags.join(',')})`;

/**
 * The elements under `root` that may have a shadow root `openShadowRootOf` reads, for looking at each. One
 * native query leaves out the links, list items, table cells, images and icons that make up most of a page:
 * each element looked at from the content script gets a wrapper in its world (and each kind of element its
 * prototype). On 22 real pages the look took 77.6 ms in all instead of 104.5, 6.6 ms instead of 19.5 on the
 * page with most elements; a median page saves 0.4 ms (medians of 8 loads each, Chromium 156).
 * Above `maxElementsForOneQuery` elements, every element, read a step at a time: the query would be a long task.
 */
export function possibleShadowHostsUnder(root: Element | ShadowRoot): ArrayLike<Element> {
  if (root.nodeType === 1) {
    const all = (root as Element).getElementsByTagName('*');
    if (all.length > maxElementsForOneQuery) return all;
  }
  return root.querySelectorAll(mayHostShadowRootSelector);
}

/** The nearest ancestor-or-self that is a block (not an inline element). */
export function blockElementOf(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && isInline(element) && element.parentElement) element = element.parentElement;
  return element;
}

/**
 * True when the node or one of its ancestors is skipped: such text is never collected. `known` keeps the
 * answer for each element asked about, so many changes deep in one tree cost one climb, not one each.
 */
export function isInSkippedSubtree(node: Node, known?: Map<Element, boolean>): boolean {
  const climbed: Element[] = [];
  let skipped: boolean | undefined;
  for (
    let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    element;
    element = element.parentElement
  ) {
    skipped = known?.get(element);
    if (skipped !== undefined) break;
    if (isSkipped(element)) {
      skipped = true;
      break;
    }
    climbed.push(element);
  }
  skipped ??= (node.ownerDocument ?? (node as Document)).designMode === 'on';
  if (known) for (const element of climbed) known.set(element, skipped);
  return skipped;
}

/** The skipped elements under `root` (and, for our own UI, the custom elements named with our prefix). */
function skippedUnder(root: Node): Set<Element> {
  const skipped = new Set<Element>();
  if ('querySelectorAll' in root) {
    for (const element of (root as ParentNode).querySelectorAll(skippedSelector)) skipped.add(element);
  }
  return skipped;
}

/**
 * Walks the blocks under `root` (an element, a document or a shadow root) in document order, entering open
 * shadow roots, one block per `next()` call so the content script can stop after a few milliseconds.
 * A class rather than a generator: V8 cannot optimise a long-running loop inside a generator (no on-stack
 * replacement), and a walk of a big page would then run unoptimised from start to end.
 * Every DOM read is a call across the script's world boundary: each node is read once.
 */
export class TextBlockWalker {
  private readonly root: Node;
  /** Skipped elements found by one query, or null on huge subtrees, where each element is tested as met. */
  private readonly skipped: Set<Element> | null;
  private readonly shadowRoots: ShadowRoot[] = [];
  private node: Node | null;
  private text = '';
  private segments: TextSegment[] = [];
  private blockElement: Element | null = null;
  private inner: TextBlockWalker | null = null;
  private readonly onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  /** `onShadowRoot` is told of each open shadow root the walk enters (to watch it for changes, say). */
  constructor(root: Node, onShadowRoot?: (root: ShadowRoot) => void) {
    this.root = root;
    this.onShadowRoot = onShadowRoot;
    const skippedRoot = isInSkippedSubtree(root);
    const elements = 'getElementsByTagName' in root ? (root as Element).getElementsByTagName('*').length : 0;
    this.skipped = skippedRoot ? new Set() : elements <= maxElementsForOneQuery ? skippedUnder(root) : null;
    this.node = skippedRoot ? null : root.firstChild;
    // The root's own shadow root too: a component added to the page may hold all its text there.
    const own = !skippedRoot && root.nodeType === 1 ? openShadowRootOf(root as Element) : null;
    if (own) {
      this.shadowRoots.push(own);
      onShadowRoot?.(own);
    }
  }

  /** The next block, or null when the walk is over. */
  next(): TextBlock | null {
    // The hot loop works on locals and writes them back only when it returns.
    const { root, skipped } = this;
    let node = this.node;
    let ended: TextBlock | null = null;
    while (node && !ended) {
      let child: Node | null = null;
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          this.blockElement ??= blockElementOf(node);
          this.segments.push({ node: node as Text, start: this.text.length, length: data.length });
          this.text += data;
        }
      } else if (type === 1) {
        const element = node as Element;
        const tag = element.localName;
        const inline = inlineTags.has(tag);
        // Shadow hosts are custom elements in practice; asking every element costs a call each.
        if (mayHostShadowRoot(tag)) {
          const shadow = element.shadowRoot;
          if (shadow) {
            this.shadowRoots.push(shadow);
            this.onShadowRoot?.(shadow);
          }
        }
        const isSkipped = skipped
          ? skipped.has(element)
          : skippedTagSet.has(tag) || (element.hasAttributes() && element.matches(skippedAttributeSelector));
        if (isSkipped || tag.startsWith(ownElementPrefix)) {
          if (inline || tag === 'code') this.text += skippedContentMark;
          else ended = this.take();
        } else if (tag === 'br') {
          this.text += '\n';
        } else {
          if (!inline) ended = this.take();
          child = element.firstChild;
        }
      }
      if (child) {
        node = child;
        continue;
      }
      // Climb to the next sibling; leaving a block element ends the text run inside it.
      let current: Node = node;
      node = null;
      while (current !== root) {
        const sibling = current.nextSibling;
        if (sibling) {
          node = sibling;
          break;
        }
        const parent = current.parentNode;
        if (!parent) break;
        current = parent;
        if (current !== root && !ended && !inlineTags.has((current as Element).localName)) ended = this.take();
      }
    }
    this.node = node;
    if (ended) return ended;
    const last = this.take();
    if (last) return last;
    // Then the open shadow roots met on the way, each walked the same way.
    while (this.inner || this.shadowRoots.length > 0) {
      this.inner ??= new TextBlockWalker(this.shadowRoots.shift()!, this.onShadowRoot);
      const block = this.inner.next();
      if (block) return block;
      this.inner = null;
    }
    return null;
  }

  /**
   * The page's changes since the last `next()` (a MutationObserver's records, in order): when one removed or
   * moved the node the walk was about to read, or one of its ancestors, the walk carries on where it would
   * have gone, from the node that followed it. Left alone, it would climb the detached tree, end at its top and
   * leave the rest of the page unread. (Between calls no text is pending: each call returns whole blocks.)
   */
  followRemovals(records: Iterable<Removal>): void {
    this.inner?.followRemovals(records);
    // The next node and its ancestors: a removed node that held it is among them, wherever it went since.
    let path = pathOf(this.node);
    for (const record of records) {
      if (!this.node) return;
      for (const removed of record.removedNodes) {
        if (!path.has(removed)) continue;
        this.node = this.followingAfterRemoval(record.target, record.nextSibling);
        path = pathOf(this.node);
        break;
      }
    }
  }

  private followingAfterRemoval(parent: Node, next: Node | null): Node | null {
    const { root } = this;
    if (!root.contains(parent)) return null; // the root itself went
    let following = next;
    for (let current = parent; !following && current !== root;) {
      following = current.nextSibling;
      const up = current.parentNode;
      if (!up) break;
      current = up;
    }
    return following;
  }

  private take(): TextBlock | null {
    const block =
      this.segments.length > 0 && this.blockElement && /\S/.test(this.text)
        ? { element: this.blockElement, text: this.text, segments: this.segments }
        : null;
    this.text = '';
    this.segments = [];
    this.blockElement = null;
    return block;
  }
}

/** What a walk needs of a MutationRecord that removed nodes. */
export interface Removal {
  removedNodes: Iterable<Node>;
  target: Node;
  nextSibling: Node | null;
}

function pathOf(node: Node | null): Set<Node> {
  const path = new Set<Node>();
  for (let at = node; at; at = at.parentNode) path.add(at);
  return path;
}

export function collectTextBlocks(root: Node): TextBlock[] {
  const walker = new TextBlockWalker(root);
  const blocks: TextBlock[] = [];
  for (let block = walker.next(); block; block = walker.next()) blocks.push(block);
  return blocks;
}
