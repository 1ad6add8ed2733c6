// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectTextBlocks } from '../../src/page/index.ts';

function blocksOf(markup: string) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html');
  return collectTextBlocks(doc.body).map((b) => b.text);
}

describe('page text collection', () => {
  it('joins text across inline markup into one block', () => {
    expect(blocksOf('<p>My insulin <b>resistance</b> got <a href="#">worse</a>.</p>')).toEqual(['My insulin resistance got worse.']);
  });

  it('splits blocks at paragraph-like elements, including text around a nested block', () => {
    expect(blocksOf('<div>before<p>inside</p>after</div><li>item</li>')).toEqual(['before', 'inside', 'after', 'item']);
  });

  it('reads a line break as a newline', () => {
    expect(blocksOf('<p>Gestational<br>diabetes</p>')).toEqual(['Gestational\ndiabetes']);
  });

  it('skips scripts, styles, form fields, editors, code and hidden text', () => {
    const blocks = blocksOf(`
      <script>var prolactin = 1</script><style>.insulin{}</style>
      <textarea>insulin</textarea><input value="insulin"><select><option>insulin</option></select>
      <div contenteditable="true">insulin draft</div><div role="textbox">insulin</div>
      <pre>insulin</pre><p hidden>hidden insulin</p><p style="display: none">none insulin</p>
      <lactation-glossary-popover>our own card</lactation-glossary-popover>
      <p>visible</p>`);
    expect(blocks).toEqual(['visible']);
  });

  it('keeps inline code out of the text without joining the words around it', () => {
    expect(blocksOf('<p>call <code>insulin_level()</code> daily</p>')).toEqual(['call \uFFFC daily']);
  });

  it('maps every block character back to its text node', () => {
    const doc = new DOMParser().parseFromString('<p>one <i>two</i> three</p>', 'text/html');
    const [block] = collectTextBlocks(doc.body);
    const rebuilt = block!.segments.map((s) => s.node.data).join('');
    expect(rebuilt).toBe(block!.text);
    expect(block!.segments.map((s) => s.start)).toEqual([0, 4, 7]);
  });
});
