import { isSkipped } from './collect-text-blocks.ts';
import type { Surroundings } from '../match/term-matcher.ts';
import { isPost } from './post-container.ts';
import { leadingText, showText } from './term-screen.ts';

/** How much of each neighbour is read: the end of the one before the block, the start of the one after. */
const neighbourLength = 600;

/**
 * What is around a block, for a written form whose other sense may be named there (`rejectWith`): the page's
 * title ("Colostrum for dairy calves"), and the end of the element just before the block's element and the
 * start of the one just after. Never another post's text (a neighbour that is a post is another writer's),
 * nor a skipped element's (a script, code, hidden text), nor the page's head (the body's neighbour).
 */
export function surroundingsOf(element: Element): Surroundings {
  const title = element.ownerDocument.title;
  const parent = element.parentElement;
  if (!parent || parent === element.ownerDocument.documentElement || isPost(element)) return { neighbours: '', title };
  const before = readable(element.previousElementSibling);
  const after = readable(element.nextElementSibling);
  const start = after ? leadingText(after, neighbourLength).text.slice(0, neighbourLength) : '';
  return { neighbours: `${before ? textEnd(before) : ''}\n${start}`, title };
}

/**
 * The last `neighbourLength` characters of an element's text, read backwards from its last text node (a
 * neighbour may be a container of megabytes: textContent would copy it all for a few words).
 */
function textEnd(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, showText);
  let last: Node = element;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  let text = '';
  for (
    let node: Node | null = last.nodeType === 3 ? last : walker.previousNode();
    node && text.length < neighbourLength;
    node = walker.previousNode()
  )
    text = (node as Text).data + text;
  return text.slice(-neighbourLength);
}

const readable = (element: Element | null): Element | null =>
  element && !isSkipped(element) && !isPost(element) ? element : null;
