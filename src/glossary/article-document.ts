import compiled from './generated/article.json';
import type { ArticleDocument } from './types.ts';

/**
 * The article read into blocks and numbered sentences (written by `npm run glossary`). Apart from glossary.ts on
 * purpose: only the article page imports the article's text, not every bundle that reads the glossary.
 */
export const articleDocument: ArticleDocument = compiled as unknown as ArticleDocument;
