import { describe, expect, it } from 'vitest';
import type { ClaimCheck } from '../../src/claims/check-claims.ts';
import { maxClaimTexts } from '../../src/messages/messages.ts';
import { claimAnswers } from '../../src/page/claim-answers.ts';

/** A background that answers each text with one check naming it, and remembers what it was sent. */
function fakeBackground({ failing = false } = {}) {
  const sent: string[][] = [];
  const check = async (texts: string[]): Promise<ClaimCheck[][]> => {
    sent.push(texts);
    if (failing) throw new Error('Could not establish connection. Receiving end does not exist.');
    return texts.map((text) => [
      { claimId: 'onset', verdict: 'agrees', start: 0, end: text.length, sentence: text, pageFigures: [], reasons: [] },
    ]);
  };
  return { check, sent };
}

const live = new AbortController().signal;

describe('the fact-checker’s answers', () => {
  it('asks once per distinct text and answers every block, in order', async () => {
    const background = fakeBackground();
    const answers = claimAnswers(background.check);
    const quoted = 'My milk came in on day 3.';
    const result = await answers.answer([quoted, 'Mine took five days.', quoted], live);
    expect(background.sent).toEqual([[quoted, 'Mine took five days.']]);
    expect(result.map((checks) => checks?.[0]?.sentence)).toEqual([quoted, 'Mine took five days.', quoted]);

    // A page that re-renders its posts: the same texts in new blocks are answered without asking again.
    const again = await answers.answer([quoted, 'A new reply, day 4.'], live);
    expect(background.sent).toEqual([[quoted, 'Mine took five days.'], ['A new reply, day 4.']]);
    expect(again.map((checks) => checks?.[0]?.sentence)).toEqual([quoted, 'A new reply, day 4.']);
  });

  it('sends at most the request’s limit of texts at a time', async () => {
    const background = fakeBackground();
    const texts = Array.from({ length: maxClaimTexts * 2 + 1 }, (_, i) => `Post ${i}: day ${i % 7}.`);
    const result = await claimAnswers(background.check).answer(texts, live);
    expect(background.sent.map((batch) => batch.length)).toEqual([maxClaimTexts, maxClaimTexts, 1]);
    expect(result.every((checks) => checks?.length === 1)).toBe(true);
  });

  it('keeps no answer it did not get: an unreachable background is asked again next time', async () => {
    const failing = fakeBackground({ failing: true });
    const answers = claimAnswers((texts) => failing.check(texts));
    expect(await answers.answer(['Day 3.'], live)).toEqual([undefined]);
    expect(await answers.answer(['Day 3.'], live)).toEqual([undefined]);
    expect(failing.sent).toEqual([['Day 3.'], ['Day 3.']]);
  });

  it('stops asking once its page’s flags are stopped', async () => {
    const background = fakeBackground();
    const stop = new AbortController();
    stop.abort();
    expect(await claimAnswers(background.check).answer(['Day 3.'], stop.signal)).toEqual([undefined]);
    expect(background.sent).toEqual([]);
  });
});

describe('the fact-checker’s kept answers', () => {
  it('let the oldest go on a page that streams text for hours, and ask for them again', async () => {
    const background = fakeBackground();
    const answers = claimAnswers(background.check);
    const post = (i: number) => `${i} `.padEnd(19_000, 'x');
    for (let i = 0; i < 120; i++) await answers.answer([post(i)], live); // 2.28 M characters in all
    background.sent.length = 0;
    await answers.answer([post(119)], live);
    expect(background.sent).toEqual([]); // the newest is kept
    await answers.answer([post(0)], live);
    expect(background.sent).toEqual([[post(0)]]); // the oldest went
  });
});
