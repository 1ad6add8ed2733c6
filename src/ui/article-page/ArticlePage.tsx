import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { articleDocument } from '../../glossary/article-document.ts';
import { cardDisclaimer, claimSupportText, evidenceLead, referenceLinkLabel } from '../../glossary/card-text.ts';
import { glossary, referenceByNumber } from '../../glossary/glossary.ts';
import { type ArticleBlock, type ArticleTextBlock } from '../../glossary/types.ts';
import { createTermMatcher } from '../../match/term-matcher.ts';
import { extensionPageUrl, glossaryEntry, sentenceId } from '../extension-links.tsx';
import { dwellMs, graceMs } from '../hover-intent.ts';
import { reveal, useFragment } from '../page-fragment.ts';
import { ArticleTermCard } from './ArticleTermCard.tsx';
import { blockRuns, quotedPassages, type BlockRun, type InlinePiece, type QuotedPassage } from './article-pieces.ts';

// ---------------------------------------------------------------------------------------------------------
// The article, cut once: blocks grouped for drawing, terms found by the extension's own matcher, passages.

const matcher = createTermMatcher(glossary.terms);
const passages = quotedPassages(glossary);
/** Sentence number → the passages (quotes) that include it. */
const passagesBySentence = new Map<number, QuotedPassage[]>();
for (const passage of passages) {
  for (let n = passage.first; n <= passage.last; n++)
    passagesBySentence.set(n, [...(passagesBySentence.get(n) ?? []), passage]);
}
const originalSite = new URL(glossary.article.url).hostname.replace(/^www\./, '');
const referenceId = (n: number) => `ref-${n}`;

type Group =
  | { kind: 'block'; block: ArticleTextBlock }
  | { kind: 'separator' }
  | { kind: 'list'; items: ArticleTextBlock[] }
  | { kind: 'references'; items: ArticleTextBlock[] };

/** Consecutive list items make one list, consecutive references one reference list. */
function groupBlocks(blocks: ArticleBlock[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'separator') groups.push({ kind: 'separator' });
    else if (block.kind === 'list-item' || block.kind === 'reference') {
      const kind = block.kind === 'list-item' ? 'list' : 'references';
      if (last?.kind === kind) last.items.push(block);
      else groups.push({ kind, items: [block] });
    } else groups.push({ kind: 'block', block });
  }
  return groups;
}
const groups = groupBlocks(articleDocument.blocks);

/** Each block's sentences with their terms (references are cited, not explained), cut once. */
const runs = new Map<ArticleTextBlock, BlockRun[]>();
const runsOf = (block: ArticleTextBlock): BlockRun[] => {
  let cut = runs.get(block);
  if (!cut) runs.set(block, (cut = blockRuns(block, block.kind === 'reference' ? [] : matcher.find(block.text))));
  return cut;
};

const snippet = (text: string, words = 9) => {
  const all = text.split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : text;
};

// ---------------------------------------------------------------------------------------------------------

interface OpenCard {
  termId: string;
  anchor: HTMLElement;
  /** Focus moved into the card (click, tap, Enter). */
  focus: boolean;
  /** Opened on purpose (click, tap, Enter): stays until closed, rather than following pointer and focus. */
  sticky: boolean;
}

/**
 * article.html: the article as the project received it (glossary/article/), its headings and paragraphs,
 * every glossary term underlined with its card on hover, focus or tap, every quoted sentence marked, with
 * notes beside it naming the entries and claims that quote it and what other sources report, and a link to
 * the original. `#sentence-<n>` (what the cards link to) lands on a sentence.
 */
export function ArticlePage() {
  const [card, setCard] = useState<OpenCard | null>(null);
  const cardRef = useRef(card);
  cardRef.current = card;
  const timers = useRef({ open: 0, close: 0 });
  const fragment = useFragment();

  const clearTimers = () => {
    clearTimeout(timers.current.open);
    clearTimeout(timers.current.close);
  };
  const close = (returnFocus: boolean) => {
    clearTimers();
    const open = cardRef.current;
    setCard(null);
    if (returnFocus) open?.anchor.focus();
  };
  const closeSoon = () => {
    clearTimeout(timers.current.open);
    if (cardRef.current && !cardRef.current.sticky)
      timers.current.close = window.setTimeout(() => close(false), graceMs);
  };

  useLayoutEffect(() => {
    if (fragment === null) return;
    setCard(null);
    const target = document.getElementById(fragment);
    if (target) reveal(target, 'center');
  }, [fragment]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const open = cardRef.current;
      if (event.key !== 'Escape' || !open) return;
      const active = document.activeElement;
      close(active === open.anchor || document.querySelector('.term-popover')?.contains(active) === true);
    };
    // A tap or click anywhere else closes the card (the card's own term toggles it in its click handler).
    const onPointerDown = (event: PointerEvent) => {
      const open = cardRef.current;
      const target = event.target as Node;
      if (open && !open.anchor.contains(target) && !document.querySelector('.term-popover')?.contains(target))
        close(false);
    };
    addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown, true);
      clearTimers();
    };
  }, []);

  const termHandlers = (termId: string) => ({
    onPointerEnter(event: PointerEvent) {
      // Touch has no hover: a tap is a click.
      if (event.pointerType === 'touch' || cardRef.current?.sticky) return;
      const anchor = event.currentTarget as HTMLElement;
      clearTimers();
      if (cardRef.current?.anchor === anchor) return;
      timers.current.open = window.setTimeout(() => setCard({ termId, anchor, focus: false, sticky: false }), dwellMs);
    },
    onPointerLeave: closeSoon,
    onFocus(event: FocusEvent) {
      const anchor = event.currentTarget as HTMLElement;
      // Keyboard focus shows the card beside the term; a click's focus waits for the click.
      if (cardRef.current?.sticky || !anchor.matches(':focus-visible')) return;
      clearTimers();
      setCard({ termId, anchor, focus: false, sticky: false });
    },
    onBlur(event: FocusEvent) {
      const open = cardRef.current;
      const next = event.relatedTarget as Node | null;
      if (!open || open.sticky || open.anchor !== event.currentTarget) return;
      if (next && document.querySelector('.term-popover')?.contains(next)) return;
      close(false);
    },
    onClick(event: MouseEvent) {
      const anchor = event.currentTarget as HTMLElement;
      clearTimers();
      if (cardRef.current?.anchor === anchor && cardRef.current.sticky) return close(true);
      setCard({ termId, anchor, focus: true, sticky: true });
    },
  });

  const drawPieces = (sentence: number, pieces: InlinePiece[]) =>
    pieces.map((piece, i) => {
      if (piece.kind === 'text') return <Fragment key={i}>{piece.text}</Fragment>;
      if (piece.kind === 'citation') {
        return (
          <a key={i} class="citation" href={`#${referenceId(piece.reference)}`}>
            {piece.text}
          </a>
        );
      }
      const occurrence = `${sentence}.${i}`;
      return (
        <button
          key={i}
          type="button"
          class="term"
          data-term={piece.termId}
          data-occurrence={occurrence}
          aria-haspopup="dialog"
          aria-expanded={card?.anchor.dataset.occurrence === occurrence}
          {...termHandlers(piece.termId)}
        >
          {piece.text}
        </button>
      );
    });

  const drawText = (block: ArticleTextBlock) =>
    runsOf(block).map((run) => {
      if (run.kind === 'gap') return run.text;
      const quotedBy = passagesBySentence.get(run.number);
      if (!quotedBy) return <Fragment key={run.number}>{drawPieces(run.number, run.pieces)}</Fragment>;
      const isClaim = quotedBy.some((p) => p.claims.length > 0);
      return (
        <mark key={run.number} id={sentenceId(run.number)} class={isClaim ? 'quoted claim' : 'quoted'} tabIndex={-1}>
          {drawPieces(run.number, run.pieces)}
        </mark>
      );
    });

  const notesFor = (block: ArticleTextBlock) => {
    const numbers = new Set(block.sentences.map((s) => s.number));
    const here = passages.filter((p) => numbers.has(p.first));
    if (here.length === 0) return null;
    return (
      // Not a landmark: one per paragraph would crowd the page's landmarks. The notes follow their paragraph.
      <div class="notes">
        {here.map((passage) => (
          <PassageNote key={`${passage.first}-${passage.last}`} passage={passage} />
        ))}
      </div>
    );
  };

  return (
    <>
      <header class="article-banner">
        <p>
          <strong>Lactation Glossary</strong> · the article as the project received it, kept in the extension. The
          original:{' '}
          <a href={glossary.article.url} target="_blank" rel="noopener noreferrer">
            “{glossary.article.title}” on {originalSite}
          </a>
          .
        </p>
        <p class="banner-help">
          Underlined terms open their card when you point at them, reach them with Tab, or tap them. Marked sentences
          are quoted by the glossary; the notes beside them say by which entries and claims, and what other sources
          report. <a href={extensionPageUrl({ page: 'glossary', fragment: null })}>All terms</a>
        </p>
      </header>
      <main>
        <article class="article" lang="en">
          {groups.map((group, i) => {
            if (group.kind === 'separator') return <hr key={i} />;
            if (group.kind === 'list') {
              return (
                <div class="row" key={i}>
                  <ul class="text">
                    {group.items.map((item) => (
                      <li key={item.sentences[0]!.number} data-source="">
                        {drawText(item)}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            }
            if (group.kind === 'references') {
              return (
                <section class="row article-references" key={i} aria-labelledby="article-references-title">
                  <div class="text">
                    <h2 id="article-references-title">References</h2>
                    <ul>
                      {group.items.map((item) => {
                        const ref = item.reference === undefined ? undefined : referenceByNumber(item.reference);
                        return (
                          <li
                            key={item.reference}
                            id={item.reference === undefined ? undefined : referenceId(item.reference)}
                            tabIndex={-1}
                          >
                            <span data-source="">{drawText(item)}</span>
                            {ref && (
                              <>
                                {' '}
                                <a class="reference-link" href={ref.link} target="_blank" rel="noopener noreferrer">
                                  {referenceLinkLabel(ref)}
                                </a>
                              </>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                </section>
              );
            }
            const { block } = group;
            if (block.kind === 'title') {
              return (
                <header class="row" key={i}>
                  <div class="text">
                    <h1 data-source="">{drawText(block)}</h1>
                    <p class="byline">By {glossary.article.author}</p>
                  </div>
                </header>
              );
            }
            if (block.kind === 'heading') {
              return (
                <div class="row" key={i}>
                  <h2 class="text" data-source="">
                    {drawText(block)}
                  </h2>
                </div>
              );
            }
            return (
              <div class="row" key={i}>
                <p class="text" data-source="">
                  {drawText(block)}
                </p>
                {notesFor(block)}
              </div>
            );
          })}
        </article>
        {card && (
          <ArticleTermCard
            termId={card.termId}
            anchor={card.anchor}
            focus={card.focus}
            onOpenTerm={(id) => setCard({ ...card, termId: id, sticky: true })}
            onClose={() => close(true)}
            onPointerEnter={() => clearTimeout(timers.current.close)}
            onPointerLeave={closeSoon}
          />
        )}
      </main>
      <footer class="article-footer">{cardDisclaimer}</footer>
    </>
  );
}

/** Beside a marked passage: who quotes it, the claims it states with their evidence, and where it is online. */
function PassageNote({ passage }: { passage: QuotedPassage }) {
  return (
    <div class="passage-note">
      <p class="passage-quote">
        <a href={`#${sentenceId(passage.first)}`}>“{snippet(passage.text)}”</a>
        {passage.last > passage.first &&
          (passage.last === passage.first + 1
            ? ' and the sentence after it'
            : ` and the ${passage.last - passage.first} sentences after it`)}
      </p>
      {passage.terms.length > 0 && (
        <p>
          Quoted in the glossary by{' '}
          {passage.terms.map((term, i) => (
            <Fragment key={term.id}>
              {i > 0 && ', '}
              <a href={extensionPageUrl(glossaryEntry(term.id))}>{term.label}</a>
            </Fragment>
          ))}
          .
        </p>
      )}
      {passage.claims.map((claim) => (
        <div class={`claim-note ${claim.support}`} key={claim.id}>
          <p>
            <strong>A checkable claim:</strong> {claim.statement}
          </p>
          <p class="claim-support">{claimSupportText[claim.support]}</p>
          {claim.evidence && (
            <p>
              <strong>{evidenceLead}</strong> {claim.evidence.note}
            </p>
          )}
        </div>
      ))}
      <p>
        <a href={passage.link} target="_blank" rel="noopener noreferrer">
          This passage on {originalSite}
        </a>
      </p>
    </div>
  );
}
