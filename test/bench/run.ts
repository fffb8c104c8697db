/**
 * `npm run bench`: every benchmark in its own process (so each peak RSS is its own), one after
 * the other, each printing its figures. Pass names to run some: `npm run bench -- aws scale`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const all = ['aws', 'azure', 'gcp', 'scale'];
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`no benchmark "${name}" (known: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', env: { ...process.env, DUTYSCAN_BENCH: '1' } });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
