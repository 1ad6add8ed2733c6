import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';

// The built extension as users load it: `npm run build` makes these three.
const builds = ['chrome-mv3', 'firefox-mv2', 'firefox-mv3'];

describe('the built full stage and card stage', () => {
  it.each(builds)('%s: open with V8’s compile hint, so Chrome compiles them off the page’s main thread', (build) => {
    for (const [file, name] of [
      ['full-stage.js', 'fullStage'],
      ['card-stage.js', 'cardStage'],
    ]) {
      const code = readFileSync(resolve('.output', build, file!), 'utf8');
      // The hint works only as the file's first line; minification would have dropped it (wxt.config.ts).
      expect(code.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
      // Positive control: this is the stage itself (the scanner, or the card), not an empty or renamed file.
      expect(code).toContain(name);
      expect(code.length).toBeGreaterThan(50_000);
    }
  });

  it.each(builds)('%s: the full stage leaves the card (Preact, Floating UI) to the card stage', (build) => {
    const full = readFileSync(resolve('.output', build, 'full-stage.js'), 'utf8');
    const card = readFileSync(resolve('.output', build, 'card-stage.js'), 'utf8');
    // The card's heading class and Floating UI's flip middleware are in the card stage only (minified names vary).
    for (const marker of ['card-title', 'name:"flip"'])
      expect([full.includes(marker), card.includes(marker)]).toEqual([false, true]);
    // Nor the cards' text: a definition is in the card stage only.
    const definition = glossary.terms.find((term) => term.id === 'prolactin')!.definition.slice(0, 60);
    expect([full.includes(definition), card.includes(definition)]).toEqual([false, true]);
  });
});

describe('the built first stage, in Chrome', () => {
  // Run on a page in happy-dom, with the extension API's globals watched: what the first stage reads of them
  // as it loads and screens the page. (Reading `chrome` or `browser` sets up the API's bindings in the frame,
  // about 1.5 ms on a page that never needs them.)
  async function apiReadsOn(paragraph: string): Promise<string[]> {
    const window = new Window({ url: 'https://forum.example/t/1' });
    try {
      const p = window.document.createElement('p');
      p.textContent = paragraph;
      window.document.body.append(p);
      const reads: string[] = [];
      for (const name of ['chrome', 'browser'])
        Object.defineProperty(window, name, {
          get: () => (reads.push(name), name === 'chrome' ? { runtime: {} } : undefined),
          configurable: true,
        });
      (window as unknown as { eval: (code: string) => void }).eval(
        readFileSync(resolve('.output/chrome-mv3/first-stage.js'), 'utf8'),
      );
      await window.happyDOM.waitUntilComplete(); // the screen's steps and timers, all run
      return reads;
    } finally {
      await window.happyDOM.close();
    }
  }

  it('reads no extension API on a page without terms', async () => {
    expect(await apiReadsOn('We finally got some sleep last night after a week of cluster feeding.')).toEqual([]);
    // Positive control: where a term is found, it asks the API whether the extension is still there.
    expect(await apiReadsOn('Her prolactin was checked at six weeks.')).toContain('chrome');
  });
});
