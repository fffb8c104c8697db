/**
 * `npm run bench`: every benchmark in its own process (so each peak RSS is its own), one after
 * the other, each printing its figures. Pass names to run some: `npm run bench -- aws scale`;
 * what follows a benchmark's name, up to the next one, is its own arguments:
 * `npm run bench -- scale small medium --latency=20`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const all = ['aws', 'azure', 'gcp', 'scale'];

/** The benchmarks asked for, each with the arguments that follow its name. */
function parse(args: readonly string[]): { name: string; args: string[] }[] {
  const runs: { name: string; args: string[] }[] = [];
  for (const arg of args) {
    const current = runs.at(-1);
    if (all.includes(arg) || !current) runs.push({ name: arg, args: [] });
    else current.args.push(arg);
  }
  return runs;
}

const asked = parse(process.argv.slice(2));
const wanted = asked.length > 0 ? asked : all.map((name) => ({ name, args: [] }));
let failed = 0;
for (const { name, args } of wanted) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`no benchmark "${name}" (known: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n=== bench: ${[name, ...args].join(' ')} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit', env: { ...process.env, DUTYSCAN_BENCH: '1' } });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
