import type { AcronymRule } from '../glossary/index.ts';
import { escapeRegExp } from './escape-regexp.ts';

/** Short all-capital words (TB, OB, IFG) are abbreviations themselves: match them in their own case only. */
const isAbbreviation = (word: string) => word.length <= 4 && word === word.toUpperCase() && /[A-Z]/.test(word);

/**
 * Tests whether any of `words` occurs as a whole word in a text. Plain \b expressions (no Unicode classes):
 * they run in a fraction of the time, and the context words are plain ASCII.
 */
function wordListTest(words: string[]): ((text: string) => boolean) | null {
  if (words.length === 0) return null;
  const escape = (w: string) => escapeRegExp(w).replace(/\s+/g, '[\\s\\u00A0-]+');
  const wholeWords = (list: string[], flags: string) => (list.length ? new RegExp(`\\b(?:${list.map(escape).join('|')})\\b`, flags) : null);
  const anyCase = wholeWords(words.filter((w) => !isAbbreviation(w)), 'i');
  const exactCase = wholeWords(words.filter(isAbbreviation), '');
  return (text) => Boolean(anyCase?.test(text) || exactCase?.test(text));
}

export interface AcronymCheck {
  rule: AcronymRule;
  /** True when `surface` is written in a case the rule accepts (IGT, not igt, unless any case is allowed). */
  caseAccepts(surface: string): boolean;
  /**
   * True when the block's words confirm the glossary sense (or the rule needs no confirmation). It depends on the
   * block alone, so a caller meeting the acronym many times in one block asks once.
   */
  contextAccepts(blockText: string): boolean;
}

/** Case and context rules of one acronym: "IGT" near "glucose tolerance" is not insufficient glandular tissue. */
export function acronymCheck(rule: AcronymRule): AcronymCheck {
  const confirm = wordListTest(rule.confirmWith);
  const reject = wordListTest(rule.rejectWith);
  return {
    rule,
    caseAccepts: (surface) => rule.anyCase || surface === rule.text || surface === rule.text.toUpperCase(),
    contextAccepts(blockText) {
      if (reject?.(blockText)) return false;
      return confirm ? confirm(blockText) : true;
    },
  };
}
