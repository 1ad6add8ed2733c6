/* global console, process */
// Runs the whole e2e project several times in a row while another process keeps one core busy, and stops at
// the first failure: the proof that the suite does not fail by chance on a loaded machine (CI's, say).
// Usage: npm run test:e2e:load [-- runs]   (default 5; build first: npm run build)
import { spawn, spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run test:e2e:load [-- runs]   (runs: a whole number, 5 by default)');
  process.exit(2);
}

// One core kept busy for as long as the runs last.
const busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
const stopBusy = () => busy.kill('SIGKILL');
process.on('exit', stopBusy);
process.on('SIGINT', () => process.exit(130));

const durations = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  console.log(`\n== e2e run ${run} of ${runs}, one core kept busy ==`);
  const { status } = spawnSync('npx', ['vitest', 'run', '--project', 'e2e'], { stdio: 'inherit' });
  durations.push(Math.round((Date.now() - started) / 1000));
  if (status !== 0) {
    console.error(`\ne2e run ${run} of ${runs} failed (after ${durations.length - 1} passing runs)`);
    process.exit(1);
  }
}
console.log(`\n${runs} consecutive e2e runs passed under load, in ${durations.join(' s, ')} s`);
// The busy child would keep this script alive: stop it, then leave.
process.exit(0);
