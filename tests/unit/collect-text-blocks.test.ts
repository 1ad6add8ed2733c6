// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectTextBlocks, TextBlockWalker } from '../../src/page/collect-text-blocks.ts';
import { attributeSkips, skippingAttributeNames } from '../../src/page/collect-text-blocks.ts';

function blocksOf(markup: string) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html');
  return collectTextBlocks(doc.body).map((b) => b.text);
}

describe('page text collection', () => {
  it('joins text across inline markup into one block', () => {
    expect(blocksOf('<p>My insulin <b>resistance</b> got <a href="#">worse</a>.</p>')).toEqual([
      'My insulin resistance got worse.',
    ]);
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

  it('decides a change of attribute the way the walk reads it (one rule for both)', () => {
    const values: Record<string, string[]> = {
      hidden: ['', 'hidden', 'until-found'],
      contenteditable: ['', 'true', 'false', 'plaintext-only'],
      role: ['textbox', 'button', 'link', 'article'],
      style: [
        'display:none',
        'display: none',
        'visibility: hidden',
        'visibility:hidden',
        'display: block',
        'color: red',
        'display:  none',
      ],
    };
    expect(Object.keys(values)).toEqual(skippingAttributeNames);
    let skipping = 0;
    for (const [name, list] of Object.entries(values)) {
      for (const value of list) {
        const collected = blocksOf(`<p ${name}="${value}">my prolactin</p>`);
        expect(collected.length === 0, `${name}="${value}"`).toBe(attributeSkips(name, value));
        if (collected.length === 0) skipping++;
      }
      expect(attributeSkips(name, null)).toBe(false);
    }
    expect(skipping).toBe(12); // both sides of the rule are met
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

describe('a walk the page changes under', () => {
  /** Walks `markup` one block at a time, letting `change` edit the page after the first block. */
  function walkWithChange(
    markup: string,
    change: (doc: Document) => { removed: Node; parent: Node; next: Node | null }[],
  ) {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html');
    const walker = new TextBlockWalker(doc.body);
    const texts = [walker.next()!.text];
    // What a MutationObserver's records say, in order, for the changes made between two slices.
    walker.followRemovals(
      change(doc).map(({ removed, parent, next }) => ({ removedNodes: [removed], target: parent, nextSibling: next })),
    );
    for (let block = walker.next(); block; block = walker.next()) texts.push(block.text);
    return texts;
  }

  const thread =
    '<div id="t"><article id="a"><p>one</p><p>two</p></article><article id="b"><p>three</p></article><article id="c"><p>four</p></article></div><p>after</p>';

  it('carries on after the post it was about to read is removed', () => {
    const texts = walkWithChange(thread, (doc) => {
      const post = doc.getElementById('a')!;
      const next = post.nextSibling;
      post.remove();
      return [{ removed: post, parent: doc.getElementById('t')!, next }];
    });
    expect(texts).toEqual(['one', 'three', 'four', 'after']);
  });

  it('follows several removals in one batch, in order', () => {
    const texts = walkWithChange(thread, (doc) => {
      const t = doc.getElementById('t')!;
      const [a, b, c] = [doc.getElementById('a')!, doc.getElementById('b')!, doc.getElementById('c')!];
      a.remove();
      b.remove();
      return [
        { removed: a, parent: t, next: b },
        { removed: b, parent: t, next: c },
      ];
    });
    expect(texts).toEqual(['one', 'four', 'after']);
  });

  it('carries on after the last post when that is the one removed, and after a whole removed thread', () => {
    const lastPost = walkWithChange(
      '<div id="t"><article id="a"><p>one</p><p>two</p></article></div><p>after</p>',
      (doc) => {
        const post = doc.getElementById('a')!;
        post.remove();
        return [{ removed: post, parent: doc.getElementById('t')!, next: null }];
      },
    );
    expect(lastPost).toEqual(['one', 'after']);
    const wholeThread = walkWithChange(thread, (doc) => {
      const t = doc.getElementById('t')!;
      const next = t.nextSibling;
      t.remove();
      return [{ removed: t, parent: doc.body, next }];
    });
    expect(wholeThread).toEqual(['one', 'after']);
  });

  it('is not moved by removals elsewhere, and does not follow a post moved to the end', () => {
    const elsewhere = walkWithChange(thread, (doc) => {
      const post = doc.getElementById('c')!;
      const next = post.nextSibling;
      post.remove();
      return [{ removed: post, parent: doc.getElementById('t')!, next }];
    });
    expect(elsewhere).toEqual(['one', 'two', 'three', 'after']);
    const moved = walkWithChange(thread, (doc) => {
      const post = doc.getElementById('a')!;
      const t = doc.getElementById('t')!;
      const next = post.nextSibling;
      t.append(post); // a remove and an add: the add is the observer's to queue, not the walk's to follow
      return [{ removed: post, parent: t, next }];
    });
    expect(moved.slice(0, 3)).toEqual(['one', 'three', 'four']);
  });
});
