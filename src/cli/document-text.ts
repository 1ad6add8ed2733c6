import { Window } from 'happy-dom';
import { collectTextBlocks } from '../page/collect-text-blocks.ts';
import type { Surroundings } from '../match/term-matcher.ts';
import { surroundingsOf } from '../page/block-surroundings.ts';

/** Blocks are joined with this separator in the text the `scan` command reports offsets into. */
const blockSeparator = '\n';

export interface DocumentBlock {
  text: string;
  /** Offset of the block in the document's text. */
  offset: number;
  /** What is around it, as the extension reads it where the block leaves a term's sense unclear. */
  around: Surroundings;
}

/**
 * The text of an HTML document's body as the extension reads it: the same blocks, from the same collection
 * code, joined by a newline. Scripts never run: the parser only builds the tree.
 */
export function htmlDocumentBlocks(html: string): DocumentBlock[] {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const blocks: DocumentBlock[] = [];
    let offset = 0;
    for (const block of collectTextBlocks(document.body as unknown as Node)) {
      blocks.push({ text: block.text, offset, around: surroundingsOf(block.element) });
      offset += block.text.length + blockSeparator.length;
    }
    return blocks;
  } finally {
    void window.happyDOM.close();
  }
}

/**
 * A plain-text file is one block per paragraph (blank-line separated), offsets into the file as read; what is
 * around each is the paragraphs either side (a text file has no title).
 */
export function plainTextBlocks(text: string): DocumentBlock[] {
  const paragraphs: { text: string; offset: number }[] = [];
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) paragraphs.push({ text: m[0], offset: m.index });
  return paragraphs.map((p, i) => ({
    ...p,
    around: { neighbours: () => `${paragraphs[i - 1]?.text ?? ''}\n${paragraphs[i + 1]?.text ?? ''}`, title: () => '' },
  }));
}
