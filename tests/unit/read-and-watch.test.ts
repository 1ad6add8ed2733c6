import { describe, expect, it } from 'vitest';
import { readAndWatch } from '../../src/content/read-and-watch.ts';

/** A stored value whose read answers when the test says, and whose changes the test sends. */
function store<T>() {
  let answer!: (value: T) => void;
  let fail!: () => void;
  const reading = new Promise<T>((resolve, reject) => ((answer = resolve), (fail = () => reject(new Error('gone')))));
  const listeners = new Set<(value: T) => void>();
  return {
    read: () => reading,
    watch: (callback: (value: T) => void) => (listeners.add(callback), () => listeners.delete(callback)),
    change: (value: T) => listeners.forEach((l) => l(value)),
    answer: async (value: T) => (answer(value), await reading),
    fail: async () => (fail(), await reading.catch(() => undefined)),
  };
}

describe('following a stored value from a read made now', () => {
  it('takes the read, then each change', async () => {
    const s = store<string>();
    const taken: string[] = [];
    readAndWatch(s.read, s.watch, (v) => taken.push(v));
    await s.answer('read');
    s.change('changed');
    expect(taken).toEqual(['read', 'changed']);
  });

  it('keeps a change that came before the read answered: the change is newer', async () => {
    const s = store<string>();
    const taken: string[] = [];
    readAndWatch(s.read, s.watch, (v) => taken.push(v));
    s.change('changed');
    await s.answer('read');
    expect(taken).toEqual(['changed']);
  });

  it('ignores a failed read and stops when asked', async () => {
    const s = store<string>();
    const taken: string[] = [];
    const stop = readAndWatch(s.read, s.watch, (v) => taken.push(v));
    await s.fail();
    s.change('changed');
    stop();
    s.change('after');
    expect(taken).toEqual(['changed']);
  });
});
