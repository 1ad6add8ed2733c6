// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { NeighbourDependents } from '../../src/page/neighbour-dependents.ts';

function thread() {
  const doc = new DOMParser().parseFromString(
    '<!doctype html><body><article id="a"><p id="before">My <b id="bold">insulin</b> resistance</p><p id="ir">IR slowed my supply.</p>' +
      '<ul id="list"><li id="item">first</li></ul></article><article id="far"><p id="other">Another post.</p></article></body>',
    'text/html',
  );
  const dependents = new NeighbourDependents();
  const byId = (id: string) => doc.getElementById(id)!;
  const ir = byId('ir');
  dependents.add(ir);
  return { dependents, ir, byId };
}

describe('blocks judged by their neighbours', () => {
  it('are scanned again when the text beside them changes, even deep inside a neighbour', () => {
    const { dependents, ir, byId } = thread();
    expect(dependents.affectedBy(byId('bold').firstChild!)).toEqual([ir]);
    expect(dependents.affectedBy(byId('item').firstChild!)).toEqual([ir]);
  });

  it('are scanned again when a neighbour is removed or one is added beside them', () => {
    const { dependents, ir, byId } = thread();
    const article = byId('a');
    const before = byId('before');
    before.remove();
    // A child-list change of the article: the nodes around what it removed.
    expect(dependents.affectedBy(article, { previousSibling: null, nextSibling: ir, addedNodes: [] })).toContain(ir);
    const added = article.ownerDocument.createElement('p');
    article.insertBefore(added, ir);
    expect(dependents.affectedBy(article, { previousSibling: null, nextSibling: ir, addedNodes: [added] })).toContain(
      ir,
    );
  });

  it('are left alone by a change elsewhere on the page, and nothing is asked while none is known', () => {
    const { dependents, byId } = thread();
    expect(dependents.affectedBy(byId('other').firstChild!)).toEqual([]);
    expect(new NeighbourDependents().affectedBy(byId('before').firstChild!)).toEqual([]);
  });
});
