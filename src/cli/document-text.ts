import { Window } from 'happy-dom';
import { collectTextBlocks } from '../page/collect-text-blocks.ts';

/** Blocks are joined with this separator in the text the `scan` command reports offsets into. */
const blockSeparator = '\n';

export interface DocumentBlock {
  text: string;
  /** Offset of the block in the document's text. */
  offset: number;
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
      blocks.push({ text: block.text, offset });
      offset += block.text.length + blockSeparator.length;
    }
    return blocks;
  } finally {
    void window.happyDOM.close();
  }
}

/** A plain-text file is one block per paragraph (blank-line separated), offsets into the file as read. */
export function plainTextBlocks(text: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) blocks.push({ text: m[0], offset: m.index });
  return blocks;
}
