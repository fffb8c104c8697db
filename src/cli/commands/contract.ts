import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { loadCatalog } from '../../mapping/catalog.js';
import { EXIT } from '../exit.js';
import { UsageError, parseEnum } from '../select.js';
import { registerContractExport } from './contract-export.js';

const out = (text: string): void => { process.stdout.write(`${text}\n`); };

/** A `dutyscan contract` subcommand: registers itself on the group and reports its exit code through `done`. */
type Subcommand = (group: Command, done: (exitCode: number) => void) => void;

interface DraftFlags {
  lang?: string;
  customer?: string;
  output: string;
  force?: boolean;
}

/** The review report's path: beside the profile, profile.yaml -> profile.review.md. */
export const reviewReportPath = (profile: string): string => join(dirname(profile), `${basename(profile, extname(profile))}.review.md`);

export async function draftCommand(file: string, flags: DraftFlags): Promise<number> {
  const lang = flags.lang === undefined ? undefined : parseEnum('--lang', [flags.lang], ['en', 'zh'] as const)[0];
  if (!/\.ya?ml$/i.test(flags.output)) throw new UsageError(`-o ${flags.output}: the profile is YAML; name it .yaml (the review report goes beside it)`);
  const report = reviewReportPath(flags.output);
  for (const target of [flags.output, report]) {
    if (existsSync(target) && !flags.force) throw new UsageError(`${target} exists (it may hold a review); pass --force to replace it`);
  }
  // The text extraction libraries load only here, not for every dutyscan command.
  const [{ analyseContract, draftProfile, profileIdFor, profileYaml }, { reviewReport }, { ContractSourceError }, { checkContractProfile }] = await Promise.all([
    import('../../contract/draft.js'),
    import('../../contract/review-report.js'),
    import('../../contract/text.js'),
    import('../../mapping/profile.js'),
  ]);
  const catalog = loadCatalog();
  let analysis;
  try {
    analysis = await analyseContract(file, catalog, { lang, customer: flags.customer });
  } catch (e) {
    if (e instanceof ContractSourceError) throw new UsageError(e.message);
    throw e;
  }
  const profile = draftProfile(analysis, profileIdFor(flags.output), basename(report));
  mkdirSync(dirname(flags.output), { recursive: true });
  writeFileSync(report, reviewReport(analysis, profile, flags.output));
  if (profile.clauses.length === 0) {
    throw new UsageError(`${file}: no clause states a customer duty that maps to an obligation, so there is no profile to write; see ${report}`);
  }
  const yaml = profileYaml(profile, analysis, basename(report));
  // What we write must load as a scan would load it; a failure here is our bug, not the user's.
  const check = checkContractProfile(flags.output, yaml, new Set(catalog.obligations.keys()));
  if (check.problems.length > 0) throw new Error(`the draft profile does not validate: ${check.problems.map((p) => p.message).join('; ')}`);
  writeFileSync(flags.output, yaml);

  const t = analysis.segmented.truncation;
  out(`${flags.output}: ${profile.clauses.length} clause(s) to review (${profile.clauses.map((c) => c.id).join(', ')}); customer: ${analysis.parties.customer.label}${analysis.parties.provider ? `, provider: ${analysis.parties.provider.label}` : ''}`);
  if (t) out(`the source is cut off in clause ${t.clause} (${t.how}); the profile's notes say so`);
  out(`${report}: why each clause and obligation was mapped`);
  return EXIT.OK;
}

const registerDraft: Subcommand = (group, done) => {
  group
    .command('draft')
    .description('draft a contract profile from a contract (text, Markdown, DOCX or PDF), with a review report beside it')
    .argument('<file>', 'the contract')
    .option('--lang <lang>', 'the contract\'s language: en or zh (default: detected)')
    .option('--customer <name>', 'the party that is the customer, as the contract names it (default: read from the preamble)')
    .requiredOption('-o, --output <profile.yaml>', 'the draft profile to write; the review report goes beside it as <name>.review.md')
    .option('--force', 'replace an existing profile and review report')
    .action(async (file: string, flags: DraftFlags) => {
      done(await draftCommand(file, flags));
    });
};

/** Exit 0 when the profile is valid and reviewed, 4 when clauses are still marked for review, 2 when it is invalid. */
export async function lintCommand(file: string): Promise<number> {
  const { lintProfile } = await import('../../contract/lint.js');
  const result = lintProfile(file, new Set(loadCatalog().obligations.keys()));
  if (result.errors.length > 0) {
    process.stderr.write(`dutyscan: ${file} is not a valid contract profile (${result.errors.length} problem(s))\n${result.errors.map((e) => e.message).join('\n')}\n`);
    return EXIT.USAGE;
  }
  const profile = result.profile!;
  const obligations = new Set(profile.clauses.flatMap((c) => c.obligations));
  out(`${file}: valid contract profile "${profile.id}": ${profile.clauses.length} clause(s), ${obligations.size} obligation(s), ${profile.definitions.length} definition(s)`);
  if (result.unreviewed.length === 0) {
    out('every clause has been reviewed');
    return EXIT.OK;
  }
  out(`${result.unreviewed.length} clause(s) still marked "review: required" (remove the marker once a person has checked the clause):`);
  for (const u of result.unreviewed) out(`${file}:${u.line ?? '?'}: clause ${u.clause}`);
  return EXIT.INCOMPLETE;
}

const registerLint: Subcommand = (group, done) => {
  group
    .command('lint')
    .description('check a contract profile (schema, obligations, clause ids, relies_on) and list the clauses still to review')
    .argument('<profile>', 'a contract profile YAML')
    .action(async (file: string) => {
      done(await lintCommand(file));
    });
};

/** Every `dutyscan contract` subcommand; adding one is a function above and an entry here. */
const SUBCOMMANDS: readonly Subcommand[] = [registerDraft, registerLint, registerContractExport];

export function registerContractCommands(program: Command, done: (exitCode: number) => void): void {
  const group = program.command('contract').description('turn a contract into a profile to review, check profiles, and export them for other tools');
  for (const register of SUBCOMMANDS) register(group, done);
  for (const sub of group.commands) sub.exitOverride();
}
