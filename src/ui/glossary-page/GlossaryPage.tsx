import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardDisclaimer, referenceCitation, referenceLinkLabel } from '../../glossary/card-text.ts';
import { glossary } from '../../glossary/glossary.ts';
import { type Term } from '../../glossary/types.ts';
import { createTermSearch } from '../../glossary/term-search.ts';
import { extensionPageUrl } from '../extension-links.tsx';
import { reveal, useFragment } from '../page-fragment.ts';
import { TermCard } from '../TermCard.tsx';

/** Every entry A–Z by label, as a reader looks for it ("Insulin resistance" after "Insulin"). */
const entriesAtoZ: Term[] = [...glossary.terms].sort((a, b) =>
  a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }),
);

/** References come from the compiled glossary, each listed once: the cards cite them by number. */
const referenceId = (n: number) => `ref-${n}`;

/** What a fragment of this page may name: an entry, the references, one reference. */
const pageIds = new Set([
  ...glossary.terms.map((t) => t.id),
  'references',
  ...glossary.references.map((r) => referenceId(r.number)),
]);

/**
 * glossary.html: every entry A–Z with its full card, a filter box with the popup's typo-tolerant search,
 * `#<term-id>` deep links (on load and on hashchange), related terms as links within the page, and the
 * article's references once at the end. An address naming no entry shows everything, with a note.
 */
export function GlossaryPage() {
  const search = useMemo(() => createTermSearch(), []);
  const [query, setQuery] = useState('');
  const fragment = useFragment();
  /** The fragment still to scroll to once the entry is drawn. */
  const pendingReveal = useRef<string | null>(null);

  const matches = query.trim() === '' ? null : search.search(query, entriesAtoZ.length);
  const shown = matches ?? entriesAtoZ;
  const unknownFragment = fragment !== null && !pageIds.has(fragment);

  // A deep link always shows its entry, and an unknown one the whole list, whatever the filter said.
  useLayoutEffect(() => {
    pendingReveal.current = fragment;
    if (fragment !== null && query !== '' && !shown.some((t) => t.id === fragment)) setQuery('');
  }, [fragment]);
  useLayoutEffect(() => {
    const target = pendingReveal.current === null ? null : document.getElementById(pendingReveal.current);
    if (!target) return;
    pendingReveal.current = null;
    reveal(target, 'start');
  });

  return (
    <>
      <header class="glossary-header">
        <h1>Lactation Glossary: all {entriesAtoZ.length} terms</h1>
        <p class="intro">
          Each term as the extension’s cards explain it, from “{glossary.article.title}” by {glossary.article.author}:{' '}
          <a href={extensionPageUrl({ page: 'article', fragment: null })}>read the article in the extension</a> or{' '}
          <a href={glossary.article.url} target="_blank" rel="noopener noreferrer">
            on the author’s site
          </a>
          .
        </p>
        {unknownFragment && (
          <p class="note" role="status">
            There is no entry “{fragment}” in the glossary, so every term is listed below.
          </p>
        )}
        <div class="filter" role="search">
          <input
            type="search"
            class="search"
            aria-label="Filter the terms"
            placeholder="Filter the terms (typos are fine: galactogogue, amenorhea)"
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          <p class="filter-status" role="status" aria-live="polite">
            {matches === null
              ? ''
              : matches.length === 0
                ? `No term matches “${query.trim()}”.`
                : `${matches.length} of ${entriesAtoZ.length} terms match “${query.trim()}”.`}
          </p>
        </div>
        {matches === null && (
          <nav class="index" aria-label="Terms A to Z">
            <ul>
              {entriesAtoZ.map((term) => (
                <li key={term.id}>
                  <a href={`#${term.id}`}>{term.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main>
        <ol class="entries" aria-label={matches === null ? 'All terms, A to Z' : 'Matching terms'}>
          {shown.map((term) => (
            <li class="entry" id={term.id} key={term.id} tabIndex={-1}>
              <TermCard term={term} place="glossary-page" onOpenTerm={(id) => (location.hash = id)} />
            </li>
          ))}
        </ol>
        <section class="references" id="references" aria-labelledby="references-title">
          <h2 id="references-title">References cited by the article</h2>
          <ol>
            {glossary.references.map((ref) => (
              <li key={ref.number} id={referenceId(ref.number)}>
                {referenceCitation(ref)}{' '}
                <a href={ref.link} target="_blank" rel="noopener noreferrer">
                  {referenceLinkLabel(ref)}
                </a>
              </li>
            ))}
          </ol>
        </section>
      </main>
      <footer class="glossary-footer">{cardDisclaimer}</footer>
    </>
  );
}
