/* global console, process */
// `npm run test:real-pages`: the real-page suite reads ../shared/pages/readability/ in place (another project's
// pages, never copied here). Where that folder is absent it says so in one line and passes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('../shared/pages/readability')) {
  console.log(
    'real pages: ../shared/pages/readability/ is absent here (it belongs to another project), nothing to run',
  );
  process.exit(0);
}
const { status } = spawnSync('npx', ['vitest', 'run', '--project', 'robustness'], { stdio: 'inherit' });
process.exit(status ?? 1);
