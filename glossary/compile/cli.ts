// `npm run glossary`: validates glossary/ and writes the compiled glossary the extension and the CLI import.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGlossary, GlossaryError } from './compile-glossary.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outFile = resolve(here, '../../src/glossary/generated/glossary.json');

try {
  const glossary = compileGlossary(root);
  mkdirSync(dirname(outFile), { recursive: true });
  // Written whole then renamed, so a `scan` compiling at the same time never reads half a file.
  const partFile = `${outFile}.${process.pid}.part`;
  writeFileSync(partFile, `${JSON.stringify(glossary, null, 1)}\n`);
  renameSync(partFile, outFile);
  console.log(`glossary: ${glossary.terms.length} terms, ${glossary.claims.length} claims, ${glossary.references.length} references`);
} catch (error) {
  if (!(error instanceof GlossaryError)) throw error;
  console.error(`The glossary has ${error.problems.length} problem(s):\n${error.message}`);
  process.exit(1);
}
