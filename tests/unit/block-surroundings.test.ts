// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { surroundingsOf } from '../../src/page/block-surroundings.ts';

function pageOf(body: string, title = 'A thread') {
  return new DOMParser().parseFromString(
    `<!doctype html><head><title>${title}</title><script>var note = "insulin resistance";</script></head><body>${body}</body>`,
    'text/html',
  );
}

describe('what is around a block', () => {
  it('is the page title, the end of the element before and the start of the one after', () => {
    const doc = pageOf('<article><p>Before it.</p><h2 id="block">The LAM method</h2><p>After it.</p></article>');
    const surroundings = surroundingsOf(doc.getElementById('block')!);
    const around = surroundings.neighbours();
    expect(surroundings.title()).toBe('A thread');
    expect(around).toContain('Before it.');
    expect(around).toContain('After it.');
    expect(around).not.toContain('The LAM method');
  });

  it('reads a neighbour across its inline markup and nested elements', () => {
    const doc = pageOf(
      '<div><p>My <b>insulin</b> resistance</p><p id="block">IR</p><ul><li>first <i>item</i></li><li>second</li></ul></div>',
    );
    const around = surroundingsOf(doc.getElementById('block')!).neighbours();
    expect(around).toContain('My insulin resistance');
    expect(around).toContain('first itemsecond');
  });

  it('reads only the nearest part of a long neighbour', () => {
    const doc = pageOf(
      `<p>start ${'filler '.repeat(400)} end</p><p id="block">IR</p><p>first ${'filler '.repeat(400)} last</p>`,
    );
    const around = surroundingsOf(doc.getElementById('block')!).neighbours();
    expect(around).toContain('end');
    expect(around).toContain('first');
    expect(around).not.toContain('start');
    expect(around).not.toContain('last');
  });

  it("never holds another post's text, a script's, hidden text or the page's head", () => {
    const doc = pageOf(
      '<div class="post">insulin resistance</div><div class="post" id="post">IR</div>' +
        '<div><script>var x = "insulin resistance";</script><p id="block">IR</p><p hidden>insulin resistance</p></div>',
    );
    // A post's neighbours are other posts; a paragraph's are a script and hidden text here.
    expect(surroundingsOf(doc.getElementById('post')!).neighbours()).toBe('');
    expect(surroundingsOf(doc.getElementById('block')!).neighbours()).not.toContain('insulin');
    expect(surroundingsOf(doc.body).neighbours()).toBe('');
    // The positive control: the same words in a plain neighbour are read.
    const plain = pageOf('<div><p>insulin resistance</p><p id="block">IR</p></div>');
    expect(surroundingsOf(plain.getElementById('block')!).neighbours()).toContain('insulin resistance');
  });
});
