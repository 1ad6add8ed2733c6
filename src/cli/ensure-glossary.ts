import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const sourceDir = join(repo, 'glossary');
const compiledFile = join(repo, 'src/glossary/generated/glossary.json');

/** The newest modification time among the glossary's sources (term files, claims, article, compile step). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Compiles the glossary when the compiled file is missing or older than its sources, so `scan` on a fresh clone
 * or right after editing a term file shows what the glossary says now. If the compile fails and an older
 * compiled file exists, that one is used with a warning; with none, the compile's problems are printed and the
 * command fails. Nothing is written to stdout, which belongs to the command's own output.
 */
export function ensureCompiledGlossary(): void {
  const exists = existsSync(compiledFile);
  if (exists && statSync(compiledFile).mtimeMs >= newestSource(sourceDir)) return;
  // Run the compile step with the same loader (tsx) this process runs under.
  const result = spawnSync(process.execPath, [...process.execArgv, join(repo, 'glossary/compile/cli.ts')], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status === 0) return;
  const problems = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim();
  if (exists) {
    console.error(`scan: the glossary does not compile; using the last compiled glossary.\n${problems}`);
    return;
  }
  console.error(`scan: the glossary does not compile and was never compiled.\n${problems}`);
  process.exit(1);
}
