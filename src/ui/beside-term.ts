import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type Middleware,
  type ReferenceElement,
} from '@floating-ui/dom';

/**
 * Keeps a card beside its term with Floating UI: below it, or above where there is more room; shifted into the
 * viewport; never taller than the room left on its side (the card scrolls instead of running off-screen,
 * through `--lg-max-height`). It follows scrolling and resizing until the returned function is called.
 * `wrapsLines`: the term is a range that may break across lines, and the card sits by the line it is on.
 */
export function keepBesideTerm(
  term: ReferenceElement,
  card: HTMLElement,
  { wrapsLines = false }: { wrapsLines?: boolean } = {},
): () => void {
  const middleware: Middleware[] = [
    ...(wrapsLines ? [inline()] : []),
    offset(6),
    flip({ padding: 8 }),
    shift({ padding: 8 }),
    size({
      padding: 8,
      apply: ({ availableHeight }) => card.style.setProperty('--lg-max-height', `${Math.max(160, availableHeight)}px`),
    }),
  ];
  return autoUpdate(term, card, () => {
    void computePosition(term, card, { strategy: 'fixed', placement: 'bottom-start', middleware }).then(({ x, y }) => {
      card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  });
}
