/** What a MutationRecord of a child list says of where it changed. */
interface ChildListChange {
  previousSibling: Node | null;
  nextSibling: Node | null;
  addedNodes: Iterable<Node>;
}

/**
 * The blocks whose terms were judged by what is around them (`surroundingsOf`: the elements either side, as
 * for "IR" in the paragraph after one about insulin resistance). A change inside one of their neighbours, or a neighbour
 * added or removed, may change that judgement, so such a block is scanned again with the change; else a pass
 * over the page's changes would disagree with a fresh scan (the e2e property test found such a case).
 * Weakly held: a block the page removed is not kept alive here.
 */
export class NeighbourDependents {
  readonly #blocks = new WeakSet<Element>();
  #any = false;

  add(block: Element): void {
    this.#blocks.add(block);
    this.#any = true;
  }

  /**
   * The blocks that may judge differently after a change at `changed` (an element, or a text node): those
   * beside it or beside one of its ancestors, and, for a change of a child list, those beside the nodes it
   * added and the ones around what it removed. Nothing is read while no such block is known.
   */
  affectedBy(changed: Node, childList?: ChildListChange): Element[] {
    if (!this.#any) return [];
    const affected: Element[] = [];
    const check = (element: Element | null | undefined) => {
      if (element && this.#blocks.has(element)) affected.push(element);
    };
    const beside = childList ? [childList.previousSibling, childList.nextSibling, ...childList.addedNodes] : [];
    for (const node of beside) {
      if (!node) continue;
      if (node.nodeType === 1) check(node as Element);
      check((node as ChildNode & NonDocumentTypeChildNode).previousElementSibling);
      check((node as ChildNode & NonDocumentTypeChildNode).nextElementSibling);
    }
    for (let at = changed.nodeType === 1 ? (changed as Element) : changed.parentElement; at; at = at.parentElement) {
      check(at.previousElementSibling);
      check(at.nextElementSibling);
    }
    return affected;
  }
}
