/**
 * A short all-capital word (US, TB, OB, IGT, PCOS) is an abbreviation in its own right: it is matched in its own
 * case only, since in lower case it is often an ordinary word (us, ob, aids, nice). Longer capitals (IBCLC,
 * GNOME) are no ordinary word in any case. One rule for the matcher's context words and the fact-checker's
 * place and period words.
 */
export const isShortAllCaps = (word: string) => word.length <= 4 && word === word.toUpperCase() && /[A-Z]/.test(word);

/**
 * "PCOs" (parking control officers, polycystic ovaries): capitals and a small final "s", the plural of a
 * shorter abbreviation, not `abbreviation` (one ending in S) in another case ("pcos", "Pcos").
 */
export const isPluralOfShorter = (surface: string, abbreviation: string) =>
  /S$/i.test(abbreviation) && surface.endsWith('s') && surface.slice(0, -1) === abbreviation.slice(0, -1).toUpperCase();
