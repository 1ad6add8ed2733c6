/**
 * Messages between the popup, the background and the content scripts. Each crosses a trust boundary, so
 * each is checked for shape where it is received: a malformed message is ignored in one place.
 */
export type Direction = 'next' | 'previous';

export interface PageReportRequest {
  type: 'page-report';
}

export interface MoveToTermRequest {
  type: 'move-to-term';
  direction: Direction;
}

export type ContentRequest = PageReportRequest | MoveToTermRequest;

const hasType = (message: unknown): message is { type: unknown } => typeof message === 'object' && message !== null && 'type' in message;

export function parseContentRequest(message: unknown): ContentRequest | null {
  if (!hasType(message)) return null;
  if (message.type === 'page-report') return { type: 'page-report' };
  if (message.type === 'move-to-term') {
    const direction = (message as { direction?: unknown }).direction;
    return direction === 'next' || direction === 'previous' ? { type: 'move-to-term', direction } : null;
  }
  return null;
}
