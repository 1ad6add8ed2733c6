/** Checks on the text around a candidate match: word boundaries, web addresses, code identifiers. */

const wordChar = /[\p{L}\p{N}_\p{M}]/u;
const letterChar = /[\p{L}_\p{M}]/u;

/**
 * A match must not sit inside a larger word (prolactinoma, hyperprolactinemia, insulinResistance).
 * Digits may follow a word, as footnote numbers do ("prolactin3"), but not an acronym ("T2D" in "T2D5").
 */
export function isWholeWord(text: string, start: number, end: number, isAcronym: boolean): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (before !== undefined && wordChar.test(before)) return false;
  if (after === undefined) return true;
  return isAcronym ? !wordChar.test(after) : !letterChar.test(after);
}

const tokenStop = /[\s<>"'`()[\]{}|,;]/;

/** The run of characters around [start, end) that contains no space, quote, bracket or separator. */
function tokenAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && !tokenStop.test(text[from - 1]!)) from--;
  while (to < text.length && !tokenStop.test(text[to]!)) to++;
  return text.slice(from, to);
}

const urlLike =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|:\/\/|\.(?:com|org|net|edu|gov|io|info|html?|php|aspx?)(?:[/?#:]|$)/i;
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
  const token = tokenAround(text, start, end);
  if (token.length === end - start) return false;
  if (urlLike.test(token) || emailLike.test(token)) return true;
  return identifierLike.test(token) && !slashedWords.test(token);
}

/** A lower-case letter followed by a capital inside the match: a camelCase identifier (milkSupply), not prose. */
const camelCase = /\p{Ll}\p{Lu}/u;

/**
 * A written form matched across a camelCase joint ("milkSupply", "MilkSupply" for the form "milksupply") is a
 * program identifier, unless it is a hashtag (#MilkSupply), which people write for people.
 */
export const isCamelCaseIdentifier = (text: string, start: number, end: number): boolean =>
  text[start - 1] !== '#' && camelCase.test(text.slice(start, end));
