/**
 * The blocks whose terms were judged by what is around them (`surroundingsOf`: the elements either side). A
 * change inside one of their neighbours, or a neighbour added or removed, may change that judgement, so such a
 * block is scanned again with the change; else a pass over the page's changes would disagree with a fresh scan
 * (the e2e property test found "IGT" left underlined after the paragraph confirming it had moved away).
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
   * beside it or beside one of its ancestors, and those beside each node in `beside` (the nodes a change of
   * a child list added, and the ones around what it removed).
   */
  affectedBy(changed: Node, beside: Iterable<Node | null> = []): Element[] {
    if (!this.#any) return [];
    const affected: Element[] = [];
    const check = (element: Element | null | undefined) => {
      if (element && this.#blocks.has(element)) affected.push(element);
    };
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
