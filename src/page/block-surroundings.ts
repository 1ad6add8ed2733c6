import { isSkipped } from './collect-text-blocks.ts';
import type { FirstStageScreen } from '../match/quick-screen.ts';
import type { Surroundings } from '../match/term-matcher.ts';
import { isPost } from './post-container.ts';
import { leadingText, showText } from './term-screen.ts';

/** How much of each neighbour the matcher reads: the end of the one before the block, the start of the one after. */
const neighbourLength = 600;
/**
 * How much the screen of a change reads: the changed block whole, and more of each neighbour than the matcher
 * does, because the acronym a change confirms may be anywhere in the neighbour, not only at its near end.
 */
const screenedLength = 4 * 1024;

/**
 * What is around a block: the page's title ("Colostrum for dairy calves"), and the end of the element just
 * before the block's element and the start of the one just after, where a writer explains an acronym once and
 * then uses it. Never another post's text (a neighbour that is a post is another writer's), nor a skipped
 * element's (a script, code, hidden text), nor the page's head (the body's neighbour). Each is read when asked.
 */
export function surroundingsOf(element: Element): Surroundings {
  return { neighbours: () => neighbourTextOf(element), title: () => element.ownerDocument.title };
}

/** The end of the element before a block and the start of the one after, as `surroundingsOf` gives them. */
export function neighbourTextOf(element: Element): string {
  const [before, after] = neighboursOf(element);
  if (!before && !after) return '';
  const start = after ? leadingText(after, neighbourLength).text.slice(0, neighbourLength) : '';
  return `${before ? textEnd(before, neighbourLength) : ''}\n${start}`;
}

/**
 * Whether a change at `node` (an added or edited block, as `screenedForChange` gives it) may have made a term
 * beside it or in it: an acronym whose sense the matcher takes from the next paragraph ("IR" under "insulin
 * resistance") counts only once the two are read together. The first stage screens a change with this too,
 * so that a page that changed loads the full stage where a fresh load of it would.
 */
export function mayHoldTermWithNeighbours(node: Node, screen: FirstStageScreen): boolean {
  if (node.nodeType !== 1) return false;
  const [before, after] = neighboursOf(node as Element);
  if (!before && !after) return false;
  const own = leadingText(node, screenedLength);
  // A changed subtree this big is screened on its own only: its blocks' neighbours are mostly inside it. One
  // with neither an acronym nor a word confirming one can make no term with its neighbours: they are not read.
  return own.isWhole && screen.mayJoinNeighbours(own.text) && joinedMayHoldTerm(before, own.text, after, screen);
}

/**
 * Whether removing nodes between `before` and `after` may have made a term: the two are neighbours now, and
 * one may confirm an acronym in the other.
 */
export function mayHoldTermOnceJoined(before: Node | null, after: Node | null, screen: FirstStageScreen): boolean {
  const elementAt = (node: Node | null, side: 'previousElementSibling' | 'nextElementSibling') =>
    !node || node.nodeType === 1 ? (node as Element | null) : (node as CharacterData)[side];
  const first = readable(elementAt(before, 'previousElementSibling'));
  const second = readable(elementAt(after, 'nextElementSibling'));
  return first !== null && second !== null && joinedMayHoldTerm(first, '', second, screen);
}

function joinedMayHoldTerm(before: Element | null, middle: string, after: Element | null, screen: FirstStageScreen) {
  const text = `${before ? textEnd(before, screenedLength) : ''}\n${middle}\n${after ? leadingText(after, screenedLength).text : ''}`;
  return screen.quickTestOf(text, true).mayHoldTermAt(0, text.length);
}

/** The elements either side of a block whose text the matcher may read, as `surroundingsOf` does. */
function neighboursOf(element: Element): [before: Element | null, after: Element | null] {
  const parent = element.parentElement;
  if (!parent || parent === element.ownerDocument.documentElement || isPost(element)) return [null, null];
  return [readable(element.previousElementSibling), readable(element.nextElementSibling)];
}

/**
 * The last `length` characters of an element's text, read backwards from its last text node (a neighbour may
 * be a container of megabytes: textContent would copy it all for a few words).
 */
function textEnd(element: Element, length: number): string {
  const walker = element.ownerDocument.createTreeWalker(element, showText);
  let last: Node = element;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  let text = '';
  for (
    let node: Node | null = last.nodeType === 3 ? last : walker.previousNode();
    node && text.length < length;
    node = walker.previousNode()
  )
    text = (node as Text).data + text;
  return text.slice(-length);
}

const readable = (element: Element | null): Element | null =>
  element && !isSkipped(element) && !isPost(element) ? element : null;
