import { isSkipped } from './collect-text-blocks.ts';
import type { Surroundings } from '../match/term-matcher.ts';
import { isPost } from './post-container.ts';

/** How much of each neighbour is read: the end of the one before the block, the start of the one after. */
const neighbourLength = 600;

/**
 * What is around a block, for a term its own block leaves unclear: the page's title (what the page is about:
 * "Colostrum for dairy calves"), and the end of the element just before the block's element and the start of
 * the one just after, as a writer explains a term once and uses its acronym in the next paragraph, or heads a
 * paragraph with it ("The LAM method"). Never another post's text (a neighbour that is a post is another
 * writer's), nor a skipped element's (a script, code, hidden text), nor the page's head (the body's neighbour).
 */
export function surroundingsOf(element: Element): Surroundings {
  const title = element.ownerDocument.title;
  const parent = element.parentElement;
  if (!parent || parent === element.ownerDocument.documentElement || isPost(element)) return { neighbours: '', title };
  const before = readable(element.previousElementSibling)?.textContent?.slice(-neighbourLength) ?? '';
  const after = readable(element.nextElementSibling)?.textContent?.slice(0, neighbourLength) ?? '';
  return { neighbours: `${before}\n${after}`, title };
}

const readable = (element: Element | null): Element | null =>
  element && !isSkipped(element) && !isPost(element) ? element : null;
