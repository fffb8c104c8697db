#!/usr/bin/env node
// What `dutyscan --version` costs next to starting Node itself: the two are run alternately, so a
// loaded machine slows both alike, and the medians of N runs each are printed with their ratio.
// Usage: node scripts/cold-start.mjs [runs=10] [-- dutyscan args, default --version]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dash = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 10);
const args = dash >= 0 ? process.argv.slice(dash + 1) : ['--version'];
const bin = join(import.meta.dirname, '..', 'bin', 'dutyscan.js');

function time(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: 'ignore' });
  if (r.status !== 0 && !(argv[0] === bin && args[0] === 'scan')) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = [];
const dutyscan = [];
for (let i = 0; i < runs; i++) {
  node.push(time(['-e', '0']));
  dutyscan.push(time([bin, ...args]));
}
const [n, d] = [median(node), median(dutyscan)];
console.log(`node -e 0:              median ${n.toFixed(0)} ms of ${runs}`);
console.log(`dutyscan ${args.join(' ')}: median ${d.toFixed(0)} ms of ${runs}`);
console.log(`ratio ${(d / n).toFixed(2)}`);
