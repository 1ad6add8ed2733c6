/* global console, process */
// `npm run lint`'s Firefox half: Mozilla's add-on linter on both Firefox builds, every finding an error but two,
// written down here. The content script's first stage imports its full stage, and the full stage its card's
// file, from the extension's own files (src/content/stage-files.ts, bundled into each of the two):
//   import(browser.runtime.getURL(file))
// The linter flags any import() whose address is not a literal; each address is a fixed file of the package,
// and a literal cannot name it (a content script resolves a literal path against the page's address).
import { execFileSync } from 'node:child_process';

const allowed = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: 'first-stage.js',
    message: 'Unsafe call to import for argument 0',
    count: 1,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: 'full-stage.js',
    message: 'Unsafe call to import for argument 0',
    count: 1,
  },
];

let failed = false;
for (const dir of ['.output/firefox-mv2', '.output/firefox-mv3']) {
  let output;
  try {
    output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--self-hosted=false', '--output=json'], {
      encoding: 'utf8',
    });
  } catch (error) {
    output = error.stdout; // web-ext exits non-zero on errors; the report is still printed
  }
  const report = JSON.parse(output);
  const findings = [...report.errors, ...report.warnings, ...report.notices];
  const unexpected = findings.filter(
    (f) => !allowed.some((a) => a.code === f.code && a.file === f.file && a.message === f.message),
  );
  for (const a of allowed) {
    const seen = findings.filter((f) => f.code === a.code && f.file === a.file && f.message === a.message).length;
    if (seen > a.count)
      unexpected.push({ code: a.code, file: a.file, message: `${a.message} (${seen} times; ${a.count} allowed)` });
  }
  for (const f of unexpected)
    console.error(`${dir}: ${f.code} ${f.file ?? ''}${f.line ? `:${f.line}` : ''} ${f.message}`);
  console.log(`web-ext lint ${dir}: ${findings.length} finding(s), ${unexpected.length} not allowed`);
  failed ||= unexpected.length > 0;
}
process.exit(failed ? 1 : 0);
