import type { Browser } from 'wxt/browser';
import type { RequestOf } from './messages.ts';

// The receiving side of the protocol, apart from channel.ts: the content script's first stage answers the
// popup with it, and importing wxt/browser (as the sending side must) would read the extension API at load.

/** One receiver's answers: a handler per request type it takes (a type without one gets no answer). */
export type Handlers<M> = {
  [K in keyof M]?: M[K] extends { request: infer R; response: infer A }
    ? (request: R, sender: Browser.runtime.MessageSender) => A | Promise<A> | undefined
    : never;
};

/**
 * The answer of `handlers` to a request that passed its parser (null: malformed, ignored). Undefined means no
 * answer: the sender's promise then resolves to undefined, or another listener may answer.
 */
export function answerWith<M>(
  handlers: Handlers<M>,
  request: RequestOf<M> | null,
  sender: Browser.runtime.MessageSender = {},
): Promise<unknown> | undefined {
  if (!request) return undefined;
  const type = (request as unknown as { type: keyof M }).type;
  const handler = handlers[type] as ((r: unknown, s: Browser.runtime.MessageSender) => unknown) | undefined;
  const answer = handler?.(request, sender);
  return answer === undefined ? undefined : Promise.resolve(answer);
}
