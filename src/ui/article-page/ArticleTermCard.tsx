import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { termById } from '../../glossary/glossary.ts';
import { TermCard } from '../TermCard.tsx';
import { keepBesideTerm } from '../beside-term.ts';

export interface ArticleTermCardProps {
  termId: string;
  /** The underlined term the card belongs to. */
  anchor: HTMLElement;
  /** Move focus into the card when it opens (a click, a tap, Enter): its links are then one Tab away. */
  focus: boolean;
  onOpenTerm(termId: string): void;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

/** Where the card becomes a bottom sheet (article-page.css). */
const sheetQuery = '(max-width: 600px)';

const tabbable = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex="0"]';

/**
 * The term card on the article page: the same TermCard as everywhere, in a non-modal dialog placed next to
 * its term with Floating UI (a bottom sheet on narrow screens, by CSS). Tab from its last control goes on to
 * what follows the term, Shift+Tab from the card back to the term, as if the card sat right after it.
 */
export function ArticleTermCard({
  termId,
  anchor,
  focus,
  onOpenTerm,
  onClose,
  onPointerEnter,
  onPointerLeave,
}: ArticleTermCardProps) {
  const floating = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const term = termById(termId);

  useLayoutEffect(() => {
    const element = floating.current;
    if (!element) return undefined;
    return keepBesideTerm(anchor, element);
  }, [anchor]);

  // On a phone the card is a sheet along the bottom (CSS): the page scrolls so the sheet does not cover the
  // term, with room added below the article while the sheet is open so that even the last term can move up.
  useLayoutEffect(() => {
    const card = floating.current?.querySelector('.card');
    if (!card || !matchMedia(sheetQuery).matches) return undefined;
    const root = document.documentElement;
    const sheetTop = card.getBoundingClientRect().top;
    root.style.setProperty('--lg-sheet-room', `${innerHeight - sheetTop}px`);
    const term = anchor.getBoundingClientRect();
    if (term.bottom > sheetTop - 8)
      scrollBy({ top: term.bottom - sheetTop + 16, behavior: 'instant' as ScrollBehavior });
    return () => root.style.removeProperty('--lg-sheet-room');
  }, [anchor, termId]);

  useEffect(() => {
    if (focus) dialog.current?.focus({ preventScroll: true });
  }, [focus, termId, anchor]);

  if (!term) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !floating.current) return;
    const inCard = [...floating.current.querySelectorAll<HTMLElement>(tabbable)];
    const active = document.activeElement;
    if (event.shiftKey && (active === dialog.current || active === inCard[0])) {
      event.preventDefault();
      anchor.focus();
    } else if (!event.shiftKey && active === inCard.at(-1)) {
      const outside = [...document.querySelectorAll<HTMLElement>(tabbable)].filter(
        (e) => !floating.current!.contains(e),
      );
      const next = outside[outside.indexOf(anchor) + 1];
      if (!next) return;
      event.preventDefault();
      next.focus();
    }
  };

  const close = (
    <div class="card-controls">
      <button type="button" aria-label="Close (Esc)" title="Close (Esc)" onClick={onClose}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M3.5 3.5l9 9m0-9l-9 9" />
        </svg>
      </button>
    </div>
  );
  return (
    <div
      class="term-popover"
      ref={floating}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      onKeyDown={onKeyDown}
    >
      <div
        role="dialog"
        aria-modal="false"
        aria-label={`${term.label}: definition and sources`}
        tabIndex={-1}
        ref={dialog}
      >
        <TermCard term={term} place="article-page" controls={close} onOpenTerm={onOpenTerm} />
      </div>
    </div>
  );
}
