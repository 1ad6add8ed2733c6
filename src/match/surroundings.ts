/** Checks on the text around a candidate match: word boundaries, web addresses, code identifiers. */

const wordChar = /[\p{L}\p{N}_\p{M}]/u;
const letterChar = /[\p{L}_\p{M}]/u;

/**
 * A match must not sit inside a larger word (prolactinoma, hyperprolactinemia, insulinResistance).
 * Digits may follow a word, as footnote numbers do ("prolactin3"), but not an acronym ("T2D" in "T2D5").
 */
export function isWholeWord(text: string, start: number, end: number, isAcronym: boolean): boolean {
  if (isEmphasised(text, start, end)) return true;
  const before = text[start - 1];
  const after = text[end];
  if (before !== undefined && wordChar.test(before) && !followsFootnote(text, start)) return false;
  if (after === undefined) return true;
  return isAcronym ? !wordChar.test(after) : !letterChar.test(after);
}

/** A footnote number ending the sentence before, with no space after it: "…effective removal.3Insulin and…". */
const footnoteBefore = /[\p{L})\]][.,;:!?]\d{1,3}$/u;
const followsFootnote = (text: string, start: number) =>
  /\d/.test(text[start - 1]!) && footnoteBefore.test(text.slice(Math.max(0, start - 6), start));

/** Markdown emphasis with underscores around the whole form, as people type it: "_PCOS_", "__insulin__". */
function isEmphasised(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (text[from - 1] === '_' && start - from < 2) from--;
  while (text[to] === '_' && to - end < 2) to++;
  if (from === start || to - end !== start - from) return false;
  return !wordChar.test(text[from - 1] ?? ' ') && !wordChar.test(text[to] ?? ' ');
}

const tokenStop = /[\s<>"'`()[\]{}|,;]/;

/** The run of characters around [start, end) that contains no space, quote, bracket or separator. */
function tokenAround(text: string, start: number, end: number): [from: number, to: number] {
  let from = start;
  let to = end;
  while (from > 0 && !tokenStop.test(text[from - 1]!)) from--;
  while (to < text.length && !tokenStop.test(text[to]!)) to++;
  return [from, to];
}

/**
 * A hyphenated lower-case string that is a value in source code: quoted, and after the bracket, comma or colon
 * of an array or object ("tags": ["low-milk-supply"]), not a word quoted in prose.
 */
function isQuotedSlug(text: string, from: number, to: number): boolean {
  if (text[from - 1] !== '"' || text[to] !== '"') return false;
  const token = text.slice(from, to);
  if (token !== token.toLowerCase()) return false;
  if (token.includes('-')) return /[[,:{]\s*$/.test(text.slice(Math.max(0, from - 8), from - 1));
  // One word: only as an item of an array of quoted strings ("tags": ["gdm", "colostrum"]), which prose never
  // writes with its brackets; a word quoted in a sentence ("colostrum", "foremilk") still counts.
  return (
    arrayItemsBefore.test(text.slice(Math.max(0, from - 1 - arrayReach), from - 1)) &&
    arrayItemsAfter.test(text.slice(to + 1, to + 1 + arrayReach))
  );
}
/** How far the brackets of an array of quoted strings are looked for. */
const arrayReach = 200;
const arrayItemsBefore = /\[\s*(?:"[^"\n]*"\s*,\s*)*$/;
const arrayItemsAfter = /^(?:\s*,\s*"[^"\n]*")*\s*\]/;

const urlLike =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|:\/\/|\.(?:com|org|net|edu|gov|io|info|html?|php|aspx?)(?:[/?#:]|$)/i;
/** A file's name: "prolactin-results-March.pdf", "igt_notes.docx". */
const fileNameLike = /\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|txt|csv|jpe?g|png|gif|webp|svg|heic|mp[34]|mov|zip)$/i;
const emailLike = /[^\s@]@[^\s@]+\.[a-z]{2,}/i;
const identifierLike = /--|_|=|^[./]|\/[\w-]+\//;
/**
 * Words joined by slashes in prose ("protein/fat/lactose", "PCOS/IR/IGT"): each part a word (one inner
 * hyphen or apostrophe at most, so no "igt-and-breastfeeding" slug), no part all digits (no dates or
 * "2021/…" paths), nothing before the first word or after the last but closing punctuation.
 */
const slashedWords =
  /^(?:[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)?)(?:\/[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)?)+[.:!?]*$/u;

/**
 * Terms spelled inside a web address, an e-mail address, an attribute value or a program identifier
 * (igt-and-breastfeeding, tag--gestational-diabetes, prolactin_ng_ml) are not occurrences; words joined by
 * slashes in prose are.
 */
export function isInsideAddressOrCode(text: string, start: number, end: number): boolean {
  const [from, to] = tokenAround(text, start, end);
  if (isQuotedSlug(text, from, to)) return true;
  const token = text.slice(from, to).replace(emphasisMarks, '');
  if (token.length === end - start) return false;
  if (urlLike.test(token) || emailLike.test(token) || fileNameLike.test(token)) return true;
  return identifierLike.test(token) && !slashedWords.test(token);
}

/** Underscores of markdown emphasis at a token's ends ("_PCOS_,"), which are not an identifier's. */
const emphasisMarks = /^_{1,2}(?=[^_])|(?<=[^_])_{1,2}(?=[.,;:!?]*$)/g;

/**
 * How far an open tag is looked for either side of a match: an attribute list is rarely longer. (Never the whole
 * text: a megabyte-long block with thousands of matches would be read once per match.)
 */
const tagReach = 400;
/**
 * Inside an HTML tag written out as text (`<img alt="the mammary gland">`, in a page showing markup): the
 * attribute values are not the page's words, only what is between tags is.
 */
export function isInsideTag(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - tagReach), start);
  const open = before.lastIndexOf('<');
  if (open < 0 || !/[a-z]/i.test(before[open + 1] ?? '') || before.lastIndexOf('>') > open) return false;
  const after = text.slice(end, end + tagReach);
  const close = after.indexOf('>');
  const nextOpen = after.indexOf('<');
  return close >= 0 && (nextOpen < 0 || close < nextOpen);
}

/** A capital or a digit: what a code joined to an acronym is made of. */
const codeChar = /[\p{Lu}\p{N}]/u;
/**
 * An acronym fused by a hyphen to a code or a capitalised word: an index ("HOMA-IR"), a product or a model
 * ("GD-400"), a receptor's isoform ("IR-A"). "non-PCOS" and "PCOS-related" are still the acronym.
 */
export function isPartOfCode(text: string, start: number, end: number): boolean {
  return (
    (text[start - 1] === '-' && codeChar.test(text[start - 2] ?? '')) ||
    (text[end] === '-' && codeChar.test(text[end + 1] ?? ''))
  );
}

/**
 * A code of capitals and digits the form is fused into by hyphens, as a product's stock number is ("LC-PCOS-060",
 * "PCOS-IN-90"): a joined run with a digit, or of at most four capitals. "PCOS-RELATED" shouted is still the word.
 */
export function isInsideStockCode(text: string, start: number, end: number): boolean {
  const before = /(?:^|[^\p{L}\p{N}])([\p{Lu}\p{N}]+)-$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1];
  const after = /^-([\p{Lu}\p{N}]+)(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 12))?.[1];
  const isCode = (run: string | undefined) => run !== undefined && (/\d/.test(run) || run.length <= 4);
  return isCode(before) || isCode(after);
}

/** "example.com › pcos › breastfeeding": the path of a web address, as search results show it over a title. */
const breadcrumbBefore = /(?:^|\n)[^\S\n]*(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:[^\n›]*›)+[^\n›]*$/;
/** Whether the match is in a step of a web address's breadcrumb path. */
export function isInBreadcrumb(text: string, start: number): boolean {
  return breadcrumbBefore.test(text.slice(Math.max(0, start - 200), start));
}

export const diagramArrow = /-->|-\.->|==>|---/;
/** How much of a line is read either side of an acronym: diagram source has short lines. */
const diagramLineReach = 200;
/**
 * A node's id in diagram source (mermaid's "GDM[Gestational diabetes] --> T2D"): the text shown is the label
 * in brackets, the id before it is a name for the program.
 */
export function isDiagramNodeId(text: string, start: number, end: number): boolean {
  const before = text
    .slice(Math.max(0, start - diagramLineReach), start)
    .split('\n')
    .at(-1)!;
  const after = text.slice(end, end + diagramLineReach).split('\n')[0]!;
  if (!diagramArrow.test(before) && !diagramArrow.test(after)) return false;
  return /(^|[|>;])\s*$/.test(before) && /^\s*($|[[({;:&-]|=)/.test(after);
}

/** A lower-case letter followed by a capital inside the match: a camelCase identifier (milkSupply), not prose. */
const camelCase = /\p{Ll}\p{Lu}/u;

/**
 * A written form matched across a camelCase joint ("milkSupply", "MilkSupply" for the form "milksupply") is a
 * program identifier, unless it is a hashtag (#MilkSupply), which people write for people.
 */
export const isCamelCaseIdentifier = (text: string, start: number, end: number): boolean =>
  text[start - 1] !== '#' && camelCase.test(text.slice(start, end));
