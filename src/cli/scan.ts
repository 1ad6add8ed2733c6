// `npm run scan`: the glossary and the matcher from the command line. Its output formats are a contract other
// tools rely on (README, "The `scan` command"): change them only together with the README.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ensureCompiledGlossary } from './ensure-glossary.ts';

const usage = `Usage:
  npm run --silent scan -- --terms [--json]     list the glossary's terms
  npm run --silent scan -- [--json] FILE...     find terms and check claims in .txt and .html files
  npm run --silent scan -- --card ID            print what the card of glossary entry ID shows, as plain text
  npm run --silent scan -- --cards              print every card, separated by blank lines
  npm run --silent scan -- --help               show this help`;

// `scan … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
const json = args.includes('--json');
const cardIndex = args.indexOf('--card');
const cardId = cardIndex >= 0 ? args[cardIndex + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && !(cardIndex >= 0 && i === cardIndex + 1));
const unknown = args.filter(
  (a) => a.startsWith('--') && !['--json', '--terms', '--card', '--cards', '--help'].includes(a),
);

if (args.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
if (unknown.length > 0) fail(`Unknown option ${unknown.join(', ')}`);
if (cardIndex >= 0 && (cardId === undefined || cardId.startsWith('--')))
  fail('--card needs the id of a glossary entry (see --terms)');

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

// The glossary is imported only once it is compiled, so --help and the messages above work on a fresh clone.
ensureCompiledGlossary();
const { glossary, termById } = await import('../glossary/glossary.ts');
const { termCardText } = await import('../glossary/card-text.ts');

function listTerms(json: boolean) {
  if (json) {
    for (const term of glossary.terms) {
      const aliases = [...term.aliases, ...term.variants, ...term.acronyms.map((a) => a.text)];
      console.log(JSON.stringify({ id: term.id, label: term.label, aliases }));
    }
    return;
  }
  const idWidth = Math.max(...glossary.terms.map((t) => t.id.length));
  const labelWidth = Math.max(...glossary.terms.map((t) => t.label.length));
  console.log(`${'id'.padEnd(idWidth)}  ${'label'.padEnd(labelWidth)}  aliases`);
  for (const term of glossary.terms) {
    const aliases = [...term.aliases, ...term.acronyms.map((a) => a.text)].join(', ');
    console.log(`${term.id.padEnd(idWidth)}  ${term.label.padEnd(labelWidth)}  ${aliases}`);
  }
}

async function scanFiles(files: string[], json: boolean) {
  const { checkClaims } = await import('../claims/check-claims.ts');
  const { createTermMatcher } = await import('../match/term-matcher.ts');
  const { htmlDocumentBlocks, plainTextBlocks } = await import('./document-text.ts');
  const matcher = createTermMatcher(glossary.terms);
  let failed = false;
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`scan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      failed = true;
      continue;
    }
    const isHtml = ['.html', '.htm', '.xhtml'].includes(extname(file).toLowerCase());
    const blocks = isHtml ? htmlDocumentBlocks(content) : plainTextBlocks(content);
    for (const block of blocks) {
      for (const match of matcher.find(block.text, block.around)) {
        const start = block.offset + match.start;
        const end = block.offset + match.end;
        if (json) console.log(JSON.stringify({ file, term: match.termId, surface: match.surface, start, end }));
        else console.log(`${file}:${start}-${end}\t${match.termId}\t${JSON.stringify(match.surface)}`);
      }
      for (const check of checkClaims(block.text, glossary, matcher)) {
        const start = block.offset + check.start;
        const end = block.offset + check.end;
        if (json)
          console.log(
            JSON.stringify({
              file,
              claim: check.claimId,
              verdict: check.verdict,
              start,
              end,
              sentence: check.sentence,
            }),
          );
        else
          console.log(`${file}:${start}-${end}\tclaim ${check.claimId}\t${check.verdict}\t${check.reasons.join(' ')}`);
      }
    }
  }
  if (failed) process.exit(1);
}

/** Prints the card of one entry, or of all of them separated by blank lines. */
function printCards(ids: string[]) {
  const missing = ids.filter((id) => !termById(id));
  if (missing.length > 0) {
    console.error(`scan: no glossary entry with id "${missing.join('", "')}" (list the ids with --terms)`);
    process.exit(1);
  }
  console.log(ids.map((id) => termCardText(termById(id)!, glossary)).join('\n\n'));
}

if (cardIndex >= 0) {
  printCards([cardId!]);
} else if (args.includes('--cards')) {
  printCards(glossary.terms.map((t) => t.id));
} else if (args.includes('--terms')) {
  listTerms(json);
} else if (files.length > 0) {
  await scanFiles(files, json);
} else {
  fail('Nothing to do.');
}
