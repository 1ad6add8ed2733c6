/**
 * The post a block belongs to, for the "first in each post" density: the nearest element that forums and
 * blogs use for one message (schema.org Comment/Post markup, ARIA article/comment roles, <article>, and the
 * common post/comment/message class names). Null means the block is in no post; the page is its container.
 */
const postSelector = [
  'article',
  '[role="article"]',
  '[role="comment"]',
  '[itemprop="comment"]',
  '[itemtype*="Comment"]',
  '[itemtype*="Posting"]',
  '[itemtype*="Message"]',
  '[class~="post"]',
  '[class~="comment"]',
  '[class~="message"]',
  '[class~="reply"]',
].join(',');

export const postContainerOf = (element: Element): Element | null => element.closest(postSelector);

/** Whether the element is itself a post (a message, comment or article) by the same marks. */
export const isPost = (element: Element): boolean => element.matches(postSelector);
