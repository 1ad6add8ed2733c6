import { escapeRegExp } from './escape-regexp.ts';

/**
 * Turns a written form ("insulin resistance", "pre-diabetes", "β-cells") into a regular-expression source
 * that also accepts what pages really contain: any case (the caller uses the `i` flag), a space written as
 * a hyphen, a no-break space or a line break, and a hyphen left out or spaced. (Soft hyphens are removed
 * before matching.)
 */
const gap = '[\\s\\u00A0-]+'; // between words: spaces, no-break spaces, line breaks, hyphens
export const joiner = '[\\s\\u00A0-]*'; // where the form has a hyphen: hyphen, space or nothing

export const surfacePattern = (surface: string): string =>
  surface
    .trim()
    .split(/\s+/)
    .map((word) => word.split('-').map(escapeRegExp).join(joiner))
    .join(gap);

/**
 * The same form with every gap optional: how it may read in a subtree's textContent, where a line break
 * (<br>) between its words leaves no character at all. Accepts everything `surfacePattern` does. Each gap is
 * written as `gap`: the joiner, or a stand-in the reader of the source turns back into it.
 */
export const looseSurfacePattern = (surface: string, gap = joiner): string =>
  surface
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join(gap);
