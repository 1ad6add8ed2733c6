/** Light or dark, from the page's own background behind `element`, so the card matches what it sits on. */
export type Theme = 'light' | 'dark';

function parseColor(value: string): [number, number, number, number] | null {
  const m = value.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+%?))?\s*\)/);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

const luminance = ([r, g, b]: number[]) => (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;

export function pageTheme(element: Element | null): Theme {
  const view = element?.ownerDocument.defaultView;
  for (let current = element; current && view; current = current.parentElement) {
    const color = parseColor(view.getComputedStyle(current).backgroundColor);
    if (color && color[3] > 0.5) return luminance(color) < 0.45 ? 'dark' : 'light';
  }
  // A transparent page shows the canvas: dark only when the page opts in to a dark colour scheme.
  const root = element?.ownerDocument.documentElement;
  const scheme = root && view ? view.getComputedStyle(root).colorScheme : '';
  return scheme.includes('dark') && view?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
