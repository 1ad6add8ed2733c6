import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWith, type Handlers } from '../../src/messages/answer.ts';
import { askContent } from '../../src/messages/channel.ts';
import { parseBackgroundRequest, parseContentRequest, type BackgroundMessages } from '../../src/messages/messages.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('one message protocol: each request and its answer defined once', () => {
  const handlers: Handlers<BackgroundMessages> = {
    'check-claims': ({ texts }) => texts.map(() => []),
    'page-terms': () => undefined, // told, not asked
  };

  it('answers a well-formed request with its handler, and nothing else', async () => {
    await expect(
      answerWith(handlers, parseBackgroundRequest({ type: 'check-claims', texts: ['a', 'b'] })),
    ).resolves.toEqual([[], []]);
    // Malformed, from an unknown sender, or of a type this receiver has no handler for: no answer at all.
    expect(answerWith(handlers, parseBackgroundRequest({ type: 'check-claims', texts: 'not a list' }))).toBeUndefined();
    expect(answerWith(handlers, parseBackgroundRequest({ type: 'steal-settings' }))).toBeUndefined();
    expect(
      answerWith(handlers, parseBackgroundRequest({ type: 'open-extension-page', page: 'glossary', fragment: null })),
    ).toBeUndefined();
    expect(
      answerWith(handlers, parseBackgroundRequest({ type: 'page-terms', distinctTerms: 2, enabled: true })),
    ).toBeUndefined();
  });

  it("gives the content script's answer to the popup, and null when the page stays silent", async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, message: unknown) => {
      expect(parseContentRequest(message)).toEqual({ type: 'show-term', termId: 'prolactin' });
      return true;
    });
    await expect(askContent(7, { type: 'show-term', termId: 'prolactin' })).resolves.toBe(true);
    // A page with no content script (a browser page, a store) rejects; a busy or frozen one never answers.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(askContent(7, { type: 'page-report' })).resolves.toBeNull();
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise(() => {}));
    const silent = askContent(7, { type: 'page-report' }, 500);
    vi.advanceTimersByTime(500);
    await expect(silent).resolves.toBeNull();
  });
});
