import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built extension as users load it: `npm run build` makes these three.
const builds = ['chrome-mv3', 'firefox-mv2', 'firefox-mv3'];

describe('the built full stage', () => {
  it.each(builds)('%s: opens with V8’s compile hint, so Chrome compiles it off the page’s main thread', (build) => {
    const code = readFileSync(resolve('.output', build, 'full-stage.js'), 'utf8');
    // The hint works only as the file's first line; minification would have dropped it (wxt.config.ts).
    expect(code.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    // Positive control: this is the full stage (the card and the scanner), not an empty or renamed file.
    expect(code).toContain('fullStage');
    expect(code.length).toBeGreaterThan(100_000);
  });
});
