import nlp from 'compromise';

/** The slots a wording may use: the claim's subject term, its object words, a figure read from the sentence. */
const slots: Record<string, string> = {
  // "insulin levels", "elevated oestrogen levels": the level is the subject's head noun.
  // "insulin levels", "prolactin after birth", "it's prolactin that …": words that keep the subject the subject.
  subject:
    '[<subject>#LgSubject+] (level|levels|concentration|concentrations)? (after birth|after the birth|after childbirth|after delivery|postpartum|post partum|during pregnancy|in pregnancy)? (that|which)?',
  object: '[<object>#LgObject+]',
  figure: '[<figure>#LgFigure+]',
};

const irregular: Record<string, string[]> = {
  be: ['be', 'is', 'are', 'am', 'was', 'were', 'been', 'being', "'s", "'re"],
  have: ['have', 'has', 'had', 'having', "'ve"],
  do: ['do', 'does', 'did', 'doing', 'done'],
};

const conjugated = new Map<string, string[]>();

/** Every form of a verb phrase's first word, the rest kept: "go down" → go down, goes down, went down… */
export function verbForms(phrase: string): string[] {
  let forms = conjugated.get(phrase);
  if (!forms) conjugated.set(phrase, (forms = conjugate(phrase)));
  return forms;
}

function conjugate(phrase: string): string[] {
  const [verb, ...rest] = phrase.trim().split(/\s+/);
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  let forms = irregular[verb!.toLowerCase()];
  if (!forms) {
    // A pronoun first makes compromise read the word as a verb ("tank", "lower" alone read as nouns).
    const conjugated = (nlp(`we ${verb!}`).verbs().conjugate() as Record<string, string>[])[0] ?? {};
    const past = conjugated.PastTense === verb ? undefined : conjugated.PastTense;
    forms = [verb!, conjugated.PresentTense, past, conjugated.Gerund, conjugated.Participle].filter(
      (f): f is string => typeof f === 'string' && !f.includes(' '),
    );
  }
  return [...new Set(forms)].map((f) => `${f}${tail}`);
}

export interface ExpandedWording {
  match: string;
  problems: string[];
}

/**
 * Turns a wording from claim-language.json into compromise match syntax: macros replaced, `~verb` alternatives
 * spelled out (compromise's `{root}` syntax does not work inside an alternation), slots made named groups.
 * compromise does not nest parentheses, so a wording that would need it is reported.
 */
export function expandWording(wording: string, macros: Record<string, string>): ExpandedWording {
  const problems: string[] = [];
  let text = wording;
  // Macros may not use macros: one pass keeps the syntax predictable.
  text = text.replace(/\{([a-z-]+)\}/g, (whole, name: string) => {
    if (name in slots) return whole;
    const macro = macros[name];
    if (macro === undefined) {
      problems.push(`unknown placeholder {${name}}`);
      return whole;
    }
    return macro;
  });
  text = text.replace(/\(([^()]*)\)/g, (_whole, inner: string) => {
    const alternatives = inner.split('|').flatMap((alt) => (alt.startsWith('~') ? verbForms(alt.slice(1)) : [alt]));
    return `(${alternatives.join('|')})`;
  });
  if (/~/.test(text)) problems.push('a ~verb must be an alternative inside parentheses');
  text = text.replace(/\{([a-z]+)\}/g, (whole, name: string) => slots[name] ?? whole);
  let depth = 0;
  for (const char of text) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth > 1) problems.push('nested parentheses (the pattern syntax has one level)');
    if (depth < 0) problems.push('unbalanced parentheses');
    if (depth > 1 || depth < 0) break;
  }
  if (depth > 0) problems.push('unbalanced parentheses');
  return { match: text, problems };
}
