import { escapeRegExp } from './escape-regexp.ts';

/**
 * The screen's first words as prefix trees, walked in script over a short text. Building the screen's two
 * expressions and searching a paragraph with them cost a page 3.4 ms in Chrome 156 (their compilation, in
 * every process that loads the script); walking the same words, 0.6 ms. The walk answers only whether a
 * first word starts anywhere in the text: where one does, the expressions take over and find where.
 */

/**
 * A prefix tree written into a string, one UTF-16 code unit a number, so a frame reads it where it lies
 * instead of parsing (allocating) hundreds of objects. A node at offset `o`: `nodes[o]` is 0, or 1 where a
 * word ends there, or 2 + k where a word ends there that must be followed by one of `secondWordStarts[k]`;
 * `nodes[o + 1]` is its number of children, then each child's character code and offset. The root is at 0,
 * and `firstAscii[c]` is the offset of its child for an ASCII code `c` (0 for none).
 */
export interface WalkTree {
  nodes: string;
  firstAscii: string;
}

/** The words read in any case (walked in folded case), the acronyms read only as written, and the second words' starts. */
export interface ScreenWalk {
  anyCase: WalkTree;
  exactCase: WalkTree;
  secondWordStarts: string[][];
}

/** A node of a tree being built. */
interface BuildNode {
  children: Map<number, BuildNode>;
  /** 1: a word ends here. Else the starts of the second words, one of which must follow the word. */
  end?: 1 | string[];
}

/** A word read in any case and, where the screen's expression asks for one, the starts of its second word. */
export interface WalkWord {
  word: string;
  secondWordStarts?: string[];
}

/** A character code in the case the walk compares: ASCII capitals in lower case, others as `toLowerCase` has them. */
function fold(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/**
 * The codes a character of a word is read as in any case: every character the expression's `i` flag matches
 * it with, folded. An ASCII letter's are its two cases; a Greek beta's are β, Β and ϐ (the symbol form).
 */
const foldedFormsOf = new Map<string, number[]>();
function foldedForms(char: string): number[] {
  const code = char.charCodeAt(0);
  if (code < 128) return [fold(code)];
  // Each non-ASCII character once: the pass below reads every code unit.
  const known = foldedFormsOf.get(char);
  if (known) return known;
  const sameInAnyCase = new RegExp(escapeRegExp(char), 'i');
  const forms = new Set<number>();
  for (let other = 0; other <= 0xffff; other++)
    if (sameInAnyCase.test(String.fromCharCode(other))) forms.add(fold(other));
  const list = [...forms];
  foldedFormsOf.set(char, list);
  return list;
}

/** Every way `text` may read in folded case (a character with two folded forms doubles them). */
function foldedSpellings(text: string): string[] {
  let spellings = [''];
  for (const char of text.split(''))
    spellings = spellings.flatMap((start) => foldedForms(char).map((code) => start + String.fromCharCode(code)));
  return spellings;
}

function addWord(root: BuildNode, codes: number[][], end: 1 | string[]): void {
  let nodes = [root];
  for (const forms of codes)
    nodes = nodes.flatMap((node) =>
      forms.map((code) => {
        let child = node.children.get(code);
        if (!child) node.children.set(code, (child = { children: new Map() }));
        return child;
      }),
    );
  for (const node of nodes) {
    const known = node.end;
    // A word that needs no second word wins: the tree answers whether one may start here.
    node.end = known === 1 || end === 1 ? 1 : [...new Set([...(known ?? []), ...end])];
  }
}

/** `root` written as a `WalkTree`, its second words' starts added to `starts`. */
function writtenTree(root: BuildNode, starts: string[][]): WalkTree {
  const order: BuildNode[] = [];
  const offsets = new Map<BuildNode, number>();
  let length = 0;
  const place = (node: BuildNode) => {
    offsets.set(node, length);
    order.push(node);
    length += 2 + 2 * node.children.size;
    for (const child of node.children.values()) place(child);
  };
  place(root);
  // Offsets stay below the surrogate range: a lone surrogate in a string may not survive bundling as written.
  if (length >= 0xd800) throw new Error(`screen walk: a tree of ${length} code units does not fit its offsets`);
  const endCode = (end: BuildNode['end']) => {
    if (end === undefined) return 0;
    if (end === 1) return 1;
    const known = starts.findIndex((list) => JSON.stringify(list) === JSON.stringify(end));
    return 2 + (known >= 0 ? known : starts.push(end) - 1);
  };
  const units: number[] = [];
  for (const node of order) {
    units.push(endCode(node.end), node.children.size);
    for (const [code, child] of node.children) units.push(code, offsets.get(child)!);
  }
  const firstAscii = Array.from({ length: 128 }, (_, code) => {
    const child = root.children.get(code);
    return child ? offsets.get(child)! : 0;
  });
  return { nodes: String.fromCharCode(...units), firstAscii: String.fromCharCode(...firstAscii) };
}

/** The trees for the screen's words (at build time: written next to the glossary with the expressions). */
export function screenWalkOf(anyCase: WalkWord[], exactCase: string[]): ScreenWalk {
  const anyCaseRoot: BuildNode = { children: new Map() };
  const exactCaseRoot: BuildNode = { children: new Map() };
  for (const { word, secondWordStarts } of anyCase) {
    // The walk passes over every joiner before comparing a start, where the expression could backtrack.
    if (secondWordStarts?.some((start) => !start || isJoiner(start.charCodeAt(0))))
      throw new Error(`screen walk: a second word of "${word}" starts with a space or hyphen, or is empty`);
    addWord(
      anyCaseRoot,
      word.split('').map(foldedForms),
      secondWordStarts ? secondWordStarts.flatMap(foldedSpellings) : 1,
    );
  }
  for (const word of exactCase)
    addWord(
      exactCaseRoot,
      word.split('').map((char) => [char.charCodeAt(0)]),
      1,
    );
  const secondWordStarts: string[][] = [];
  return {
    anyCase: writtenTree(anyCaseRoot, secondWordStarts),
    exactCase: writtenTree(exactCaseRoot, secondWordStarts),
    secondWordStarts,
  };
}

/**
 * Whether a character may join a first word to its second, as the expressions' `[\s\u00A0-]` has it: a
 * hyphen, or white space or a line terminator (what `\s` matches).
 */
export function isJoiner(code: number): boolean {
  if (code < 128) return code === 45 || code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function followedBy(text: string, at: number, starts: string[]): boolean {
  let from = at;
  while (from < text.length && isJoiner(text.charCodeAt(from))) from++;
  return starts.some((start) => {
    if (from + start.length > text.length) return false;
    for (let i = 0; i < start.length; i++) if (fold(text.charCodeAt(from + i)) !== start.charCodeAt(i)) return false;
    return true;
  });
}

/** The offset of the child of the node at `node` for `code`, or 0. */
function childOf(nodes: string, node: number, code: number): number {
  const children = nodes.charCodeAt(node + 1);
  for (let i = node + 2; i < node + 2 + 2 * children; i += 2)
    if (nodes.charCodeAt(i) === code) return nodes.charCodeAt(i + 1);
  return 0;
}

/**
 * Whether a word of the tree at `node` (reached by the characters before `next`) ends at or after `next`.
 * No closure and no object per call: it runs at every position where a first letter matches.
 */
function wordEndsFrom(
  nodes: string,
  node: number,
  text: string,
  next: number,
  folded: boolean,
  starts: string[][],
): boolean {
  for (let at = next; node !== 0; at++) {
    const end = nodes.charCodeAt(node);
    if (end === 1 || (end > 1 && followedBy(text, at, starts[end - 2]!))) return true;
    if (at >= text.length) return false;
    const code = text.charCodeAt(at);
    node = childOf(nodes, node, folded ? fold(code) : code);
  }
  return false;
}

/**
 * Whether any of the screen's first words starts in `text`, where its expressions would find it: anywhere
 * (no word boundary: blocks run together in a subtree's text), in any case or, for the acronyms, as written,
 * and followed by the start of a second word where the word needs one.
 */
export function holdsScreenWord(text: string, walk: ScreenWalk): boolean {
  const { anyCase, exactCase, secondWordStarts: starts } = walk;
  const anyNodes = anyCase.nodes;
  const anyFirst = anyCase.firstAscii;
  const exactNodes = exactCase.nodes;
  const exactFirst = exactCase.firstAscii;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // Most characters start no word: one look in each first-letter table turns them away.
    const anyNode = code < 128 ? anyFirst.charCodeAt(fold(code)) : childOf(anyNodes, 0, fold(code));
    if (anyNode !== 0 && wordEndsFrom(anyNodes, anyNode, text, at + 1, true, starts)) return true;
    const exactNode = code < 128 ? exactFirst.charCodeAt(code) : childOf(exactNodes, 0, code);
    if (exactNode !== 0 && wordEndsFrom(exactNodes, exactNode, text, at + 1, false, starts)) return true;
  }
  return false;
}
