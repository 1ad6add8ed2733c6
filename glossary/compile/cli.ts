// `npm run glossary`: validates glossary/ and writes the compiled glossary the extension and the CLI import,
// the part of it the content script's full stage reads (its finder), the quick screen's data that the first
// stage reads instead of the whole glossary, and the article cut into blocks and sentences for the article page.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenDataOf } from '../../src/match/term-matcher.ts';
import { compileGlossaryAndArticle, GlossaryError } from './compile-glossary.ts';
import { finderDataOf } from './finder-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outFile = resolve(here, '../../src/glossary/generated/glossary.json');
const screenWordsFile = resolve(here, '../../src/glossary/generated/screen-words.json');
const screenPatternsFile = resolve(here, '../../src/glossary/generated/screen-patterns.json');
const articleFile = resolve(here, '../../src/glossary/generated/article.json');
const finderFile = resolve(here, '../../src/glossary/generated/finder.json');

/** Written whole then renamed, so a `scan` compiling at the same time never reads half a file. */
function writeWhole(file: string, value: unknown, indent?: number) {
  const partFile = `${file}.${process.pid}.part`;
  writeFileSync(partFile, `${JSON.stringify(value, null, indent)}\n`);
  renameSync(partFile, file);
}

try {
  const { glossary, article } = compileGlossaryAndArticle(root);
  mkdirSync(dirname(outFile), { recursive: true });
  // The article page's text and the finder's part first: the glossary's time stamp tells `scan` the compile
  // is up to date.
  writeWhole(articleFile, article, 1);
  writeWhole(finderFile, finderDataOf(glossary));
  writeWhole(outFile, glossary, 1);
  // Two files: the first stage holds the candidate expressions and parses the patterns only when one is met.
  const screen = screenDataOf(glossary.terms);
  writeWhole(screenWordsFile, screen.candidates);
  writeWhole(screenPatternsFile, screen.patterns);
  console.log(
    `glossary: ${glossary.terms.length} terms, ${glossary.claims.length} claims, ${glossary.references.length} references`,
  );
} catch (error) {
  if (!(error instanceof GlossaryError)) throw error;
  console.error(`The glossary has ${error.problems.length} problem(s):\n${error.message}`);
  process.exit(1);
}
