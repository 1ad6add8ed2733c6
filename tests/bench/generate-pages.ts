import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';
import { readCorpus } from '../unit/corpus.ts';

/** Everyday forum chatter with none of the glossary's terms (checked below with the matcher itself). */
const filler = [
  'We finally got some sleep last night after a week of cluster feeding.',
  'Has anyone tried the side-lying position? It saved my back in the early days.',
  'My partner took the night shift on Saturday and it made a huge difference.',
  'Thanks everyone for the kind replies, this group has been a lifeline.',
  'The nursing pillow we bought turned out to be too firm, so we returned it.',
  'Our health visitor weighs the baby every two weeks and says the curve looks fine.',
  'I keep a little notebook by the chair to write down feeds and nappies.',
  'Going back to work next month and I am nervous about pumping at the office.',
  'Does anyone have a favourite water bottle that does not leak in a bag?',
  'The baby has started smiling in her sleep, which melts my heart every time.',
  // Everyday words holding the start of a term's name ("ir", "pre", "lam", "type"), as nearly every real page has.
  'Their first present was a sun hat, and my sister claims it is the best type of gift.',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A deterministic pseudo-random sequence, so every run measures the same page. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function postHtml(index: number, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<article class="post" id="post-${index}"><div class="author">member${index}</div>${body}</article>`;
}

/**
 * A forum thread with about `textBytes` of text. With `withTerms`, one paragraph in four is a passage of the
 * labelled corpus (real-looking mentions of the glossary's terms); otherwise only filler.
 */
export function forumThread(
  textBytes: number,
  withTerms: boolean,
  seed = 7,
  { claimSentences = true } = {},
): { html: string; posts: number } {
  const matcher = createTermMatcher(glossary.terms);
  const claimSubjects = new Set(glossary.claims.flatMap((c) => c.subjects));
  // Without claim sentences: only passages that name no claim's subject, so nothing goes to the fact-checker.
  const passages = readCorpus('tests/fixtures/corpus/dev.jsonl')
    .map((r) => r.text)
    .filter((text) => claimSentences || !matcher.find(text).some((m) => claimSubjects.has(m.termId)));
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const posts: string[] = [];
  let size = 0;
  while (size < textBytes) {
    const paragraphs = Array.from({ length: 2 + Math.floor(next() * 4) }, () =>
      withTerms && next() < 0.25 ? pick(passages) : `${pick(filler)} ${pick(filler)}`,
    );
    size += paragraphs.reduce((n, p) => n + p.length, 0);
    posts.push(postHtml(posts.length + 1, paragraphs));
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thread</title></head><body><h1>Support thread</h1><div id="thread">${posts.join('\n')}</div></body></html>`;
  return { html, posts: posts.length };
}

/** The filler must really hold no term, or the "page with no terms" figure would be wrong. */
export function assertFillerHasNoTerms(): void {
  const matcher = createTermMatcher(glossary.terms);
  const found = filler.flatMap((f) => matcher.find(f));
  if (found.length > 0) throw new Error(`filler text contains terms: ${found.map((m) => m.surface).join(', ')}`);
}

export { filler };
