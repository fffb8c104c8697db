/**
 * Provenance: `dutyscan contract draft` on the Chinese agreement in the seed documents must
 * reproduce the hand-written profile config/contracts/cn-cloud-security-2026.yaml for the
 * clauses the source contains (2.2.1 and 2.2.2: ids, obligations, the truncation note) and
 * invent nothing (every clause, definition and quoted ending is in the seed, nothing beyond
 * what the hand-written profile has).
 *
 * It reads the seeds, which the project's tests must never do, so it is a script for CI
 * (.ci/run), not part of npm test. It runs the built CLI as a user would (npm run build first).
 *
 * Usage: tsx scripts/provenance/contract-draft.ts [SEEDS_DIR]
 * (default: $DUTYSCAN_SEEDS, else ../shared/seeds beside the repository)
 * Prints one line per check and "N passed, N failed"; exits 1 when a check fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { contractProfileSchema, type ContractProfile } from '../../src/mapping/schema.js';
import { packageRoot } from '../../src/util/paths.js';

const SEED = '003_e84c8049e4253e0e.txt';
const seeds = resolve(process.argv[2] ?? process.env.DUTYSCAN_SEEDS ?? join(packageRoot, '..', 'shared', 'seeds'));

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}
const same = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const squash = (s: string) => s.replace(/\s+/g, '');

function draft(seedFile: string): { profile: ContractProfile; yaml: string; lint: string } | undefined {
  const bin = join(packageRoot, 'bin', 'dutyscan.js');
  if (!existsSync(join(packageRoot, 'dist', 'src', 'cli', 'main.js'))) {
    check('the CLI is built', false, 'dist/ is missing: run npm run build first');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-provenance-'));
  try {
    const out = join(dir, 'cn-cloud-security-2026.yaml');
    execFileSync(process.execPath, [bin, 'contract', 'draft', seedFile, '-o', out], { encoding: 'utf8' });
    const yaml = readFileSync(out, 'utf8');
    let lint = '';
    try {
      execFileSync(process.execPath, [bin, 'contract', 'lint', out], { encoding: 'utf8' });
    } catch (e) {
      lint = `${(e as { status: number }).status}\n${(e as { stdout: string }).stdout}`;
    }
    return { profile: contractProfileSchema.parse(parse(yaml)), yaml, lint };
  } catch (e) {
    check('contract draft runs on the seed', false, (e as Error).message.split('\n')[0]);
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const seedFile = join(seeds, SEED);
  if (!existsSync(seedFile)) {
    check(`the seed ${SEED} is there`, false, `not found in ${seeds}; pass the seeds folder as the first argument or DUTYSCAN_SEEDS`);
    return;
  }
  const seedText = squash(readFileSync(seedFile, 'utf8'));
  const hand = contractProfileSchema.parse(parse(readFileSync(join(packageRoot, 'config', 'contracts', 'cn-cloud-security-2026.yaml'), 'utf8')));
  const result = draft(seedFile);
  if (!result) return;
  const { profile, lint } = result;
  check('contract draft runs on the seed and writes a valid profile', true);

  check('the drafted clauses are exactly the hand-written ones (2.2.1, 2.2.2): nothing invented, nothing lost',
    JSON.stringify(profile.clauses.map((c) => c.id)) === JSON.stringify(hand.clauses.map((c) => c.id)),
    `drafted ${profile.clauses.map((c) => c.id).join(', ')}; hand-written ${hand.clauses.map((c) => c.id).join(', ')}`);
  for (const h of hand.clauses) {
    const d = profile.clauses.find((c) => c.id === h.id);
    check(`${h.id}: the same obligations`, d !== undefined && same(d.obligations, h.obligations),
      `drafted [${d?.obligations.join(', ')}]; hand-written [${h.obligations.join(', ')}]`);
    check(`${h.id}: relies only on definitions the hand-written profile names`, d !== undefined && d.relies_on.every((r) => h.relies_on.includes(r)),
      `drafted [${d?.relies_on.join(', ')}]; hand-written [${h.relies_on.join(', ')}]`);
    check(`${h.id}: the same heading (the hand-written title begins with it)`, d !== undefined && h.title.startsWith(d.title), `drafted "${d?.title}"`);
    check(`${h.id}: the drafted summary is the seed's own text`, d !== undefined && seedText.includes(squash(d.summary.replace(/…$/, ''))));
    check(`${h.id}: marked review: required`, d?.review === 'required');
  }
  for (const d of profile.definitions) {
    const h = hand.definitions.find((x) => x.clause === d.clause);
    check(`definition ${d.clause} ${d.term}: in the hand-written profile, and its meaning is the seed's text`,
      h !== undefined && h.term.split(' ')[0] === d.term && seedText.includes(squash(d.meaning)), h ? '' : 'not in the hand-written profile');
  }

  const notes = profile.notes ?? '';
  const ending = /ending with “([^”]+)”/.exec(notes)?.[1] ?? '';
  check("the notes say the source is cut off in 2.2.2, as the hand-written profile's notes do",
    /cut off in clause 2\.2\.2/.test(notes) && /cut off in the middle of\s+clause 2\.2\.2/.test(hand.notes ?? ''), notes.slice(0, 200));
  check('the notes quote where the source stops, the same words as the hand-written notes, and they end the seed\'s clause text',
    ending.endsWith('用户名和密') && (hand.notes ?? '').includes('用户名和密') && seedText.includes(`${squash(ending)}文档评论`), `quoted “${ending}”`);
  check('nothing after the cut is drafted: the seed has no 2.2.3 and neither has the profile', !seedText.includes('2.2.3') && !profile.clauses.some((c) => c.id > '2.2.2'));
  check('the page furniture after the cut is left out and named', /left out: “文档评论\(0\)”, “1亿VIP精品文档”, “相关文档”/.test(notes));
  check('the notes name the customer (甲方) and provider (乙方) from the preamble', /Customer: 甲方/.test(notes) && /provider: 乙方/.test(notes));
  check("the provider's clauses 2.1.1-2.1.7 are listed as not mapped, and 2.1.8 (a liability exclusion) is no duty",
    [1, 2, 3, 4, 5, 6, 7].every((n) => notes.includes(`2.1.${n} `)) && !notes.includes('2.1.8') && !profile.clauses.some((c) => c.id.startsWith('2.1')));
  check('contract lint accepts the draft and lists both clauses as unreviewed (exit 4)', lint.startsWith('4\n') && lint.includes('clause 2.2.1') && lint.includes('clause 2.2.2'), lint);
}

main();
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
