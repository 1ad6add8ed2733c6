/** The compiled glossary: what `glossary/compile` writes and the extension and the CLI read. */

export interface ArticleInfo {
  title: string;
  author: string;
  url: string;
}

export interface Reference {
  number: number;
  authors: string;
  year: number;
  title: string;
  journal: string;
  citation: string;
  doi: string | null;
  pmid: string | null;
  /** The best link: the DOI, else the PubMed record, else a PubMed search for the exact title. */
  link: string;
  /** True when `link` is a search, because no identifier could be confirmed. */
  linkIsSearch: boolean;
}

export interface Quote {
  text: string;
  refs: number[];
  /** The article's URL with a text fragment that scrolls to this quote. */
  link: string;
  /** The id of the claim this quote states, whose evidence note the term card shows under it. */
  claim?: string;
}

export interface AcronymRule {
  text: string;
  /** Unambiguous acronyms may also match in lower case (pcos); the rest must match as written or in capitals. */
  anyCase: boolean;
  /** When not empty, one of these words must appear in the same block for the acronym to count. */
  confirmWith: string[];
  /** Any of these words in the same block means the acronym is used in another sense. */
  rejectWith: string[];
}

export interface Term {
  id: string;
  label: string;
  /** Other names shown to the reader ("also: …"), matched too. */
  aliases: string[];
  /** Spelling variants, adjective forms and common misspellings: matched, not shown. */
  variants: string[];
  /** Every form the matcher looks for: label, aliases, variants and their plurals (derived at compile time). */
  forms: string[];
  acronyms: AcronymRule[];
  definition: string;
  quotes: Quote[];
  related: string[];
  /** Continuations that turn the term into another one ("insulin-like growth factor"). */
  notFollowedBy: string[];
}

export interface ClaimFigure {
  value?: number;
  low?: number;
  high?: number;
  unit: string;
}

/** How the fact-checker recognises a page sentence that speaks to a claim. */
export interface ClaimCheckRule {
  /** Word groups: the sentence must contain a word of every group (besides the claim's subject terms). */
  cues: string[][];
  /** The kind of figure compared: a share of a population, a duration, or none (a statement). */
  figure: 'share' | 'duration' | 'none';
  /** The place the article's figure is about, with the words that name it. */
  places: Record<string, string[]>;
  /** Words that show the sentence measures what the article measures ("at risk"). */
  measureCues: string[];
}

export interface Claim {
  id: string;
  statement: string;
  quote: Quote;
  subjects: string[];
  measure: string;
  population: string;
  figures: ClaimFigure[];
  direction: 'rise' | 'fall' | 'none';
  polarity: 'positive' | 'negative';
  time: string;
  evidence: string | null;
  check: ClaimCheckRule;
}

export interface Glossary {
  article: ArticleInfo;
  references: Reference[];
  terms: Term[];
  claims: Claim[];
}
