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
  /** The article's sentences the quote spans, by number: the article page marks them, `#sentence-<first>` lands on it. */
  sentences: { first: number; last: number };
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
  /** Prefixes that turn the term into another one ("phyto-" before oestrogens: the plant compounds). */
  notPrecededBy: string[];
  /** Real words a letter or two from the term's words, never read as misspellings of them ("lactase"). */
  notMisspellings: string[];
  /**
   * Words that, in the page's title, say the page speaks of another sense ("Colostrum for dairy calves"): the
   * term's written forms are then not underlined there. (Acronyms have their own rules.)
   */
  rejectWith: string[];
}

/** What the finder reads of a term: its written forms and the rules for them, not the card's text. */
export type FinderTerm = Pick<
  Term,
  | 'id'
  | 'label'
  | 'aliases'
  | 'forms'
  | 'acronyms'
  | 'notFollowedBy'
  | 'notPrecededBy'
  | 'notMisspellings'
  | 'rejectWith'
>;

/**
 * What the content script's full stage reads of the glossary (src/glossary/generated/finder.json): the terms
 * as the finder reads them and the subjects of the article's claims, without the cards' text, which loads
 * with the card (the full stage is fetched and compiled before the first underline: every kilobyte counts).
 */
export interface FinderData {
  terms: FinderTerm[];
  /** Every claim's subjects: a block naming none of them holds no claim to check. */
  claimSubjects: string[];
}

/** A figure the article gives, with what it counts ("at-risk": women at risk, not women diagnosed). */
export interface ClaimFigure {
  value?: number;
  low?: number;
  high?: number;
  unit: '%' | 'day' | 'week' | 'month' | 'year';
  /** A measure id of the claim's relation (see ClaimRelation.measures). */
  measure: string;
}

/** Where and when the article's statement holds; a page sentence about another place or time is only related. */
export interface ClaimQualifiers {
  figure: ClaimFigure | null;
  /** A place id (ClaimLanguage.places), or null when the article names none. */
  place: string | null;
  /** The year the figure is for, if the article gives one. */
  year: number | null;
  /** A period id (ClaimLanguage.periods) the statement is about ("postpartum"), or null. */
  period: string | null;
  /** True when a page sentence must name the period to speak to the claim at all. */
  periodRequired: boolean;
  /** The time as the article words it, for the card ("about two weeks after childbirth"). */
  time: string;
}

/** How far the article's own cited source (or the public record) backs the claim. */
export type ClaimSupport = 'supported' | 'not-supported' | 'unclear';

export interface ClaimEvidence {
  support: ClaimSupport;
  /** What the source reports instead, in a few words, for the card's headline ("25.3% in 2030 for the highest-risk countries, not the world"). */
  sourceReports: string;
  /** The whole note, from SOURCE.md. */
  note: string;
}

/** An article's checkable statement as a proposition: subject term, relation, object, qualifiers. */
export interface Claim {
  id: string;
  statement: string;
  quote: Quote;
  /** The glossary term the statement is about (two where the article names two: "pre-diabetes or diabetes type II"). */
  subjects: string[];
  /** A relation id (ClaimLanguage.relations). */
  relation: string;
  /** An object id (ClaimLanguage.objects). */
  object: string;
  qualifiers: ClaimQualifiers;
  /** Null when no note was needed: the claim then counts as "unclear" unless the data says otherwise. */
  evidence: ClaimEvidence | null;
  support: ClaimSupport;
}

/** One way a sentence can word a relation, in compromise match syntax with the placeholders expanded. */
export interface RelationWording {
  /** What a sentence worded so says: the claim itself, its denial, or the opposite change. */
  says: 'affirm' | 'deny' | 'opposite';
  /** For relations with figures: which measure this wording counts. */
  measure: string | null;
  /** compromise match syntax; named groups: subject, object, figure. */
  match: string;
  /** Whether the wording carries its own negative ("without", "nothing to do with"): then a "not" in it does not flip it. */
  fixedPolarity: boolean;
}

export interface ClaimRelation {
  label: string;
  /** Measure id → how the card names it ("women at risk"). Empty for relations without figures. */
  measures: Record<string, string>;
  wordings: RelationWording[];
  /**
   * What a subject listed with one of these shares with it, so the sentence does not state the relation of the
   * subject alone ("progesterone and prolactin regulate milk production" makes neither the primary hormone).
   */
  sharedWith?: string[];
}

/** A vocabulary item: how it is named on the card, and the words a page uses for it. */
export interface ClaimVocabulary {
  label: string;
  words: string[];
  /** Glossary terms that also name it (their matches count as the words do). */
  terms?: string[];
  /** Words that put a sentence in another setting, where it does not speak of this (lactose in the gut, not in milk). */
  otherSetting?: string[];
}

/** The words the fact-checker reads sentences with (glossary/claim-language.json). */
export interface ClaimLanguage {
  relations: Record<string, ClaimRelation>;
  objects: Record<string, ClaimVocabulary>;
  places: Record<string, ClaimVocabulary>;
  periods: Record<string, ClaimVocabulary>;
}

/** One sentence of an article block: its number in the whole article and where it is in the block's text. */
export interface ArticleSentence {
  number: number;
  start: number;
  end: number;
}

/** A block of the article's text, as received (a list item without its "- " marker). */
export interface ArticleTextBlock {
  kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'reference';
  text: string;
  sentences: ArticleSentence[];
  /** A reference's number ("[2]…"). */
  reference?: number;
}

export type ArticleBlock = ArticleTextBlock | { kind: 'separator' };

/** The article read into blocks and sentences for the article page (src/glossary/generated/article.json). */
export interface ArticleDocument {
  blocks: ArticleBlock[];
}

export interface Glossary {
  article: ArticleInfo;
  references: Reference[];
  terms: Term[];
  claims: Claim[];
  claimLanguage: ClaimLanguage;
}
