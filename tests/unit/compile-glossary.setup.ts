// Unit tests import the compiled glossary; compile it first so `vitest` alone works on a fresh clone.
import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync('npx', ['tsx', 'glossary/compile/cli.ts'], { stdio: 'inherit' });
}
