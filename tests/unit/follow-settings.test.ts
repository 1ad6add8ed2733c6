import { describe, expect, it } from 'vitest';
import { followSettings } from '../../src/content/follow-settings.ts';

interface FakeSettings {
  on: boolean;
  density: string;
}

/** A settings source the test changes, and a log of the runs started and stopped. */
function harness() {
  let listener: ((settings: FakeSettings) => void) | null = null;
  const log: string[] = [];
  const lifetime = new AbortController();
  let runs = 0;
  const started = followSettings<FakeSettings>({
    initial: { on: true, density: 'first-in-post' },
    watch: (callback) => {
      listener = callback;
      return () => (listener = null);
    },
    modeOf: (s) => (s.on ? s.density : 'off'),
    run: async (settings, signal) => {
      const name = `run ${++runs} ${settings.on ? settings.density : 'off'}`;
      // Starting takes a while (the cards' shadow root is made asynchronously, say).
      await Promise.resolve();
      log.push(`start ${name}`);
      signal.addEventListener('abort', () => log.push(`stop ${name}`));
    },
    lifetime: lifetime.signal,
  });
  const change = (settings: FakeSettings) => listener?.(settings);
  /** Lets every queued change be applied. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { started, change, settled, log, end: () => lifetime.abort(), listening: () => listener !== null };
}

describe('following the settings: one run at a time, each stopped by its own signal', () => {
  it('starts for the settings in force and restarts only when they change for this page', async () => {
    const h = harness();
    await h.started;
    expect(h.log).toEqual(['start run 1 first-in-post']);
    h.change({ on: true, density: 'first-in-post' }); // nothing that matters here changed
    await h.settled();
    expect(h.log).toEqual(['start run 1 first-in-post']);
    h.change({ on: true, density: 'every' });
    await h.settled();
    expect(h.log).toEqual(['start run 1 first-in-post', 'stop run 1 first-in-post', 'start run 2 every']);
  });

  it('applies a quick off-on-off in order, leaving exactly the last one running', async () => {
    const h = harness();
    await h.started;
    h.change({ on: false, density: 'every' });
    h.change({ on: true, density: 'every' });
    h.change({ on: false, density: 'every' });
    await h.settled();
    expect(h.log).toEqual([
      'start run 1 first-in-post',
      'stop run 1 first-in-post',
      'start run 2 off',
      'stop run 2 off',
      'start run 3 every',
      'stop run 3 every',
      'start run 4 off',
    ]);
  });

  it('stops the run and stops listening when its lifetime ends', async () => {
    const h = harness();
    await h.started;
    expect(h.listening()).toBe(true);
    h.end();
    expect(h.log).toEqual(['start run 1 first-in-post', 'stop run 1 first-in-post']);
    expect(h.listening()).toBe(false);
  });
});
