import nlp from 'compromise';

/** The plural compromise gives for a phrase's head noun, if only the last word changes; else null. */
function pluralOf(surface: string): string | null {
  const doc = nlp(surface);
  doc.nouns().toPlural();
  const plural = doc.text();
  const before = surface.split(/\s+/);
  const after = plural.split(/\s+/);
  const sameExceptLast =
    before.length === after.length &&
    before.slice(0, -1).every((word, i) => word.toLowerCase() === after[i]!.toLowerCase()) &&
    after.at(-1)!.toLowerCase() !== before.at(-1)!.toLowerCase();
  // Guard against compromise pluralising a modifier ("insulins resistant") or an already plural word.
  return sameExceptLast && after.at(-1)!.toLowerCase().startsWith(before.at(-1)!.toLowerCase().slice(0, -2))
    ? plural
    : null;
}

/**
 * Every written form of a term the matcher should find: each surface and, for nouns, its plural
 * ("mammary gland" → "mammary glands", "milk supply" → "milk supplies"). compromise knows the irregular
 * plurals; it runs here, at compile time in Node, so no page ever pays for loading it.
 */
export function inflectedForms(surfaces: string[]): string[] {
  const forms = new Map<string, string>();
  for (const surface of surfaces) {
    for (const form of [surface, pluralOf(surface)]) {
      if (form && !forms.has(form.toLowerCase())) forms.set(form.toLowerCase(), form);
    }
  }
  return [...forms.values()];
}
