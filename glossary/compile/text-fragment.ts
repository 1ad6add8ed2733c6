/**
 * Builds `URL#:~:text=start,end` links so a click scrolls the article to the quoted sentence.
 * Spec: https://wicg.github.io/scroll-to-text-fragment/ — '-', ',' and '&' are syntax and must be escaped.
 */
const encodeFragmentPart = (text: string) =>
  encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

const wordsAtEachEnd = 5;

export function textFragmentLink(url: string, quote: string): string {
  const words = quote.trim().split(/\s+/);
  const directive =
    words.length <= wordsAtEachEnd * 2
      ? encodeFragmentPart(words.join(' '))
      : `${encodeFragmentPart(words.slice(0, wordsAtEachEnd).join(' '))},${encodeFragmentPart(words.slice(-wordsAtEachEnd).join(' '))}`;
  return `${url.split('#')[0]}#:~:text=${directive}`;
}
