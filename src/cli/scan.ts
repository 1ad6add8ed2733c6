// `npm run scan`: the glossary and the matcher from the command line (contract in DESIGN.md).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { glossary } from '../glossary/index.ts';
import { checkClaims } from '../claims/index.ts';
import { createTermMatcher } from '../match/index.ts';
import { htmlDocumentBlocks, plainTextBlocks } from './document-text.ts';

const usage = `Usage:
  npm run --silent scan -- --terms [--json]     list the glossary's terms
  npm run --silent scan -- [--json] FILE...     find terms and check claims in .txt and .html files`;

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

// `scan … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

function scanFiles(files: string[], json: boolean) {
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
      for (const match of matcher.find(block.text)) {
        const start = block.offset + match.start;
        const end = block.offset + match.end;
        if (json) console.log(JSON.stringify({ file, term: match.termId, surface: match.surface, start, end }));
        else console.log(`${file}:${start}-${end}\t${match.termId}\t${JSON.stringify(match.surface)}`);
      }
      for (const check of checkClaims(block.text, glossary.claims, matcher)) {
        const start = block.offset + check.start;
        const end = block.offset + check.end;
        if (json) console.log(JSON.stringify({ file, claim: check.claimId, verdict: check.verdict, start, end, sentence: check.sentence }));
        else console.log(`${file}:${start}-${end}\tclaim ${check.claimId}\t${check.verdict}\t${check.reasons.join(' ')}`);
      }
    }
  }
  if (failed) process.exit(1);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && !['--json', '--terms'].includes(a));

if (unknown.length > 0 || args.includes('--help')) {
  console.error(unknown.length ? `Unknown option ${unknown.join(', ')}\n${usage}` : usage);
  process.exit(unknown.length ? 2 : 0);
} else if (args.includes('--terms')) {
  listTerms(json);
} else if (files.length > 0) {
  scanFiles(files, json);
} else {
  console.error(usage);
  process.exit(2);
}
