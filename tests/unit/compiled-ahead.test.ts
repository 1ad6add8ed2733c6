import { describe, expect, it } from 'vitest';
import { compiledAhead } from '../../src/match/compiled-ahead.ts';

describe('compiledAhead', () => {
  it('gives back the same expression, which then searches a text from its start', () => {
    const expression = /milk/gi;
    expect(compiledAhead(expression)).toBe(expression);
    expect(expression.lastIndex).toBe(0);
    expect(expression.exec('Milk came in on day three')?.index).toBe(0);
  });

  it('leaves an expression that would find something in spaces ready for a text of its own', () => {
    // Positive control for the reset: this one does find something in the long run of spaces.
    const spaces = / +/g;
    compiledAhead(spaces);
    expect(spaces.lastIndex).toBe(0);
    expect(spaces.exec('a b')?.index).toBe(1);
  });
});
