/**
 * Page text as a reader sees it: blocks (paragraph-like runs of text) whose text joins the text nodes
 * across inline markup, so `insulin <b>resistance</b>` is one phrase. Pure DOM traversal, no layout: it
 * runs in the content script and, on a parsed document, in the `scan` command.
 */

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
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
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'LABEL',
  'MARK', 'NOBR', 'Q', 'RUBY', 'RB', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U',
  'VAR', 'WBR', 'BR',
]);

/** What a reader does not read as prose, or what must never be touched (the design's skip list). */
const skippedTags = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD',
  'SAMP', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Prefix of the extension's own elements (the popover host), which are never scanned. */
export const ownElementPrefix = 'LACTATION-GLOSSARY-';

/** Stands for skipped inline content (code, an input…): no term may span it, and it is not a space. */
export const skippedContentMark = '\uFFFC';

export function isSkipped(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (skippedTags.has(tag) || tag.startsWith(ownElementPrefix)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (element.getAttribute('role') === 'textbox') return true;
  const style = (element as HTMLElement).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

export const isInline = (element: Element) => inlineTags.has(element.tagName.toUpperCase());

/** The nearest ancestor-or-self that is a block (not an inline element). */
export function blockElementOf(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && isInline(element) && element.parentElement) element = element.parentElement;
  return element;
}

/** True when the node or one of its ancestors is skipped: such text is never collected. */
export function isInSkippedSubtree(node: Node): boolean {
  for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (isSkipped(element)) return true;
  }
  return (node.ownerDocument ?? (node as Document)).designMode === 'on';
}

/**
 * Yields the blocks under `root` (an element, a document or a shadow root) in document order, entering open
 * shadow roots. A generator, so the content script can stop after a few milliseconds and resume later.
 */
export function* iterateTextBlocks(root: Node): Generator<TextBlock> {
  if (isInSkippedSubtree(root)) return;
  let text = '';
  let segments: TextSegment[] = [];
  let blockElement: Element | null = null;

  function* flush(): Generator<TextBlock> {
    if (segments.length > 0 && blockElement && /\S/.test(text)) yield { element: blockElement, text, segments };
    text = '';
    segments = [];
    blockElement = null;
  }

  // Iterative pre-order walk: pages nest deeper than a recursive walk's stack allows.
  const pendingShadowRoots: ShadowRoot[] = [];
  let node: Node | null = root.firstChild;
  const climbFrom = (from: Node): Node | null => {
    let current: Node | null = from;
    while (current && current !== root) {
      if (current.nextSibling) return current.nextSibling;
      current = current.parentNode;
      if (current && current !== root && current.nodeType === 1 && !isInline(current as Element)) boundaries++;
    }
    return null;
  };
  let boundaries = 0;

  while (node) {
    if (boundaries > 0) {
      yield* flush();
      boundaries = 0;
    }
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        blockElement ??= blockElementOf(node);
        segments.push({ node: node as Text, start: text.length });
        text += data;
      }
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const shadow = (element as HTMLElement).shadowRoot;
      if (shadow) pendingShadowRoots.push(shadow);
      if (isSkipped(element)) {
        if (isInline(element) || element.tagName.toUpperCase() === 'CODE') text += skippedContentMark;
        else yield* flush();
      } else if (element.tagName.toUpperCase() === 'BR') {
        text += '\n';
      } else {
        if (!isInline(element)) yield* flush();
        descend = element.firstChild !== null;
        if (!descend && !isInline(element)) boundaries++;
      }
    }
    node = descend ? node.firstChild : climbFrom(node);
  }
  yield* flush();
  for (const shadow of pendingShadowRoots) yield* iterateTextBlocks(shadow);
}

export const collectTextBlocks = (root: Node): TextBlock[] => [...iterateTextBlocks(root)];
