import type { Command } from 'commander';
import type { AnyCheck, Remediation } from '../../core/check.js';
import { loadConfig, validateCheckSettings } from '../../config/load.js';
import { loadCatalog, mappingIndex, resolveContract } from '../../mapping/catalog.js';
import { allChecks } from '../../../checks/index.js';
import { PROVIDER_IDS } from '../../../providers/index.js';
import { contractFor, outputFormats } from '../inputs.js';
import { DUTIES, UsageError, list, parseEnum, selectChecks } from '../select.js';
import { defaultConfig } from '../../config/schema.js';
import { didYouMean } from '../../config/yaml.js';
import { count, renderColumns, type Column } from '../columns.js';
import { wrapList } from '../help.js';
import { coverageMatrix, coverageOf, type CoverageMatrix } from '../../mapping/coverage.js';
import type { Duty } from '../../core/check.js';

const out = (text: string): void => { process.stdout.write(`${text}\n`); };
const terminalWidth = (): number => (process.stdout.isTTY ? process.stdout.columns : Number.POSITIVE_INFINITY);
const FORMATS = ['text', 'json'] as const;
/** `--format json`, or the older `--json`. */
const wantsJson = (flags: { format?: string; json?: boolean }): boolean =>
  flags.json === true || parseEnum('format', list(flags.format ? [flags.format] : []), FORMATS)[0] === 'json';

/** CIS requirement ids of a check, from every CIS framework file (`cis-aws-5.0 1.4`). */
const cisIds = (frameworks: Readonly<Record<string, readonly string[]>>): string =>
  Object.entries(frameworks).filter(([id]) => id.startsWith('cis-')).map(([id, reqs]) => `${id.replace(/^cis-[a-z]+-/, 'v')}:${reqs.join(',')}`).join(' ');

function describe(check: AnyCheck, contractName: string | undefined): Record<string, unknown> {
  const catalog = loadCatalog();
  const contract = resolveContract(catalog, contractName ?? defaultConfig().contract);
  const mapping = mappingIndex(catalog, contract)(check.id);
  return {
    id: check.id,
    title: check.title,
    provider: check.provider,
    service: check.service,
    resourceType: check.resourceType,
    ...(check.uses ? { uses: check.uses } : {}),
    duty: check.duty,
    severity: check.severity,
    kind: check.kind === 'scope' ? 'one result per account/region' : 'one result per resource',
    rationale: check.rationale,
    remediation: check.remediation,
    parameters: check.defaults,
    contract: contract.id,
    obligations: mapping.obligations,
    frameworks: mapping.frameworks,
    ...(check.references ? { references: check.references } : {}),
  };
}

/** `checks describe` for a person: the metadata as labelled paragraphs, parameters and mappings as lists. */
function describeText(d: Record<string, unknown>): string {
  const remediation = d['remediation'] as Remediation;
  const obligations = (d['obligations'] as { id: string; title: string; clauses: string[] }[]);
  const frameworks = Object.entries(d['frameworks'] as Record<string, string[]>);
  const parameters = Object.entries((d['parameters'] as Record<string, unknown> | undefined) ?? {});
  const lines = [
    `${String(d['id'])}`,
    `  ${String(d['title'])}`,
    '',
    `Provider   ${String(d['provider'])}    Service  ${String(d['service'])}    Resource  ${String(d['resourceType'])}`,
    `Duty       ${String(d['duty'])}    Severity  ${String(d['severity'])}    Results  ${String(d['kind'])}`,
    '',
    'Why',
    `  ${String(d['rationale'])}`,
    '',
    'Remediation',
    `  ${remediation.text}`,
    ...(remediation.cli ? [`  $ ${remediation.cli}`] : []),
    ...(remediation.url ? [`  ${remediation.url}`] : []),
  ];
  if (parameters.length > 0) lines.push('', 'Parameters (config: checks.<id>.<name>)', ...parameters.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`));
  lines.push('', `Obligations (contract ${String(d['contract'])})`, ...(obligations.length ? obligations.map((o) => `  ${o.id}  ${o.title}${o.clauses.length ? `  [clauses ${o.clauses.join(', ')}]` : ''}`) : ['  (none)']));
  lines.push('', 'Frameworks', ...(frameworks.length ? frameworks.map(([id, reqs]) => `  ${id}: ${reqs.join(', ')}`) : ['  (none)']));
  return lines.join('\n');
}

/** Column headers of the coverage table, short enough for all the duties to fit a terminal. */
const DUTY_HEADERS: Readonly<Record<Duty, string>> = {
  'mfa': 'MFA',
  'credentials': 'CRED',
  'least-privilege': 'PRIV',
  'encryption-at-rest': 'REST',
  'encryption-in-transit': 'TRANS',
  'network-exposure': 'NET',
  'backups': 'BKUP',
  'tagging': 'TAGS',
  'logging': 'LOG',
  'monitoring': 'MON',
  'incident-readiness': 'IR',
  'data-residency': 'RESID',
  'patching': 'PATCH',
};

/**
 * The coverage matrix for a person: a row per provider/service, a column per duty, the number of
 * checks in each cell and a '·' where there is none, so gaps stand out; after each provider's rows,
 * how much of it is covered. Every provider asked for is shown, even one with nothing to show.
 */
function matrixText(matrix: CoverageMatrix, providers: readonly string[], duties: readonly Duty[]): string[] {
  const rows = providers.flatMap((provider) => Object.entries(matrix[provider] ?? {}).map(([service, cells]) => ({ provider, service, cells })));
  const columns: Column<(typeof rows)[number]>[] = [
    { header: 'SERVICE', value: (r) => `${r.provider}/${r.service}` },
    ...duties.map((d): Column<(typeof rows)[number]> => ({ header: DUTY_HEADERS[d], value: (r) => String(r.cells[d]?.length ?? '·'), align: 'right' })),
  ];
  const [header, ...lines] = renderColumns(columns, rows);
  const blocks = providers.map((provider) => {
    const covered = coverageOf(matrix[provider]);
    const own = lines.filter((_, i) => rows[i]!.provider === provider);
    return [...own, `${provider}: ${count(covered.services, 'service')}, ${count(covered.duties, 'duty', 'duties')} covered of ${duties.length}`].join('\n');
  });
  const legend = duties.filter((d) => DUTY_HEADERS[d].toLowerCase() !== d).map((d) => `${DUTY_HEADERS[d]} ${d}`);
  return [
    header!, blocks.join('\n\n'), '',
    ...(legend.length ? ['Columns:', wrapList(legend)] : []),
    'Check ids: dutyscan checks matrix --format json, or dutyscan checks list --provider P --duty D',
  ];
}

export function registerCatalogCommands(program: Command): void {
  const checks = program.command('checks').description('list and describe the checks and their mappings');
  checks
    .command('list')
    .description('one line per check: id, provider, service, duty, severity, CIS requirements, title')
    .option('-p, --provider <provider...>', PROVIDER_IDS.join(', '))
    .option('--duty <duties...>', 'only these duties')
    .option('--format <format>', 'text (default) or json')
    .option('--json', 'as JSON (same as --format json)')
    .action((flags: { provider?: string[]; duty?: string[]; format?: string; json?: boolean }) => {
      const json = wantsJson(flags);
      const selected = selectChecks(allChecks, {
        providers: parseEnum('provider', list(flags.provider), PROVIDER_IDS),
        duties: parseEnum('duty', list(flags.duty), DUTIES),
      }, defaultConfig());
      const catalog = loadCatalog();
      const mapping = mappingIndex(catalog, resolveContract(catalog, defaultConfig().contract));
      const rows = selected.map((c) => ({ id: c.id, provider: c.provider, service: c.service, duty: c.duty, severity: c.severity, cis: cisIds(mapping(c.id).frameworks), title: c.title }));
      if (json) return out(JSON.stringify(rows, null, 2));
      const columns: Column<(typeof rows)[number]>[] = [
        { header: 'ID', value: (r) => r.id },
        { header: 'PROVIDER', value: (r) => r.provider },
        { header: 'SERVICE', value: (r) => r.service },
        { header: 'DUTY', value: (r) => r.duty },
        { header: 'SEVERITY', value: (r) => r.severity },
        { header: 'CIS', value: (r) => r.cis || '-' },
        { header: 'TITLE', value: (r) => r.title, flex: true },
      ];
      for (const line of renderColumns(columns, rows, terminalWidth())) out(line);
      out(`\n${count(rows.length, 'check')}`);
    });
  checks
    .command('matrix')
    .description('coverage: per provider and service, how many checks verify each duty (ids with --format json)')
    .option('-p, --provider <provider...>', PROVIDER_IDS.join(', '))
    .option('--duty <duties...>', 'only these duties')
    .option('--format <format>', 'text (default) or json')
    .action((flags: { provider?: string[]; duty?: string[]; format?: string }) => {
      const json = wantsJson(flags);
      const providers = parseEnum('provider', list(flags.provider), PROVIDER_IDS);
      const duties = parseEnum('duty', list(flags.duty), DUTIES);
      const matrix = coverageMatrix(selectChecks(allChecks, { providers, duties }, defaultConfig()));
      if (json) return out(JSON.stringify(matrix, null, 2));
      const shown = <T extends string>(all: readonly T[], chosen: readonly T[]): T[] => all.filter((x) => chosen.length === 0 || chosen.includes(x));
      for (const line of matrixText(matrix, shown(PROVIDER_IDS, providers), shown(DUTIES, duties))) out(line);
    });
  checks
    .command('describe')
    .description('metadata, parameters, obligations, contract clauses and framework requirements of a check')
    .argument('<id>', 'check id')
    .option('--contract <name|file>', 'contract profile whose clauses to show')
    .option('--format <format>', 'text (default) or json')
    .action((id: string, flags: { contract?: string; format?: string }) => {
      const json = wantsJson(flags);
      const check = allChecks.find((c) => c.id === id);
      if (!check) {
        const hint = didYouMean(id, allChecks.map((c) => c.id));
        throw new UsageError(`unknown check "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
      }
      const described = describe(check, flags.contract);
      out(json ? JSON.stringify(described, null, 2) : describeText(described));
    });

  program
    .command('obligations')
    .description('the obligation catalog')
    .command('list')
    .description('obligations with their verification, checks and the clauses of a contract profile')
    .option('--contract <name|file>', 'contract profile (default: iaas-customer-duties)')
    .option('--json', 'as JSON')
    .action((flags: { contract?: string; json?: boolean }) => {
      const catalog = loadCatalog();
      const contract = resolveContract(catalog, flags.contract ?? defaultConfig().contract);
      const rows = [...catalog.obligations.values()].map((o) => ({
        id: o.id,
        title: o.title,
        verification: o.verification,
        // What this build can verify: an obligation without a single check is proven by attestation alone.
        verified: (catalog.checksByObligation.get(o.id) ?? []).length === 0 ? 'manual' : o.verification,
        checks: catalog.checksByObligation.get(o.id) ?? [],
        clauses: contract.clauses.filter((c) => c.obligations.includes(o.id)).map((c) => c.id),
      }));
      if (flags.json) return out(JSON.stringify({ contract: contract.id, obligations: rows }, null, 2));
      out(`Contract: ${contract.title} (${contract.id})\n`);
      const columns: Column<(typeof rows)[number]>[] = [
        { header: 'OBLIGATION', value: (r) => r.id },
        { header: 'VERIFIED', value: (r) => r.verified },
        { header: 'CHECKS', value: (r) => String(r.checks.length), align: 'right' },
        { header: 'CLAUSES', value: (r) => r.clauses.join(', ') || '-' },
        { header: 'TITLE', value: (r) => r.title, flex: true },
      ];
      for (const line of renderColumns(columns, rows, terminalWidth())) out(line);
      out(`\n${count(rows.length, 'obligation')}; verified: automated (by checks), partial (checks cover part of it, the rest is attested), manual (attestation only)`);
    });

  program
    .command('validate-config')
    .description('validate a config file (and the bundled catalog) without scanning')
    .argument('[file]', 'config file (default: $DUTYSCAN_CONFIG)')
    .action((file: string | undefined) => {
      const loaded = loadConfig(file);
      validateCheckSettings(loaded, allChecks);
      outputFormats(undefined, loaded);
      contractFor(loadCatalog(), undefined, loaded);
      out(`${loaded.file}: valid (${Object.keys(loaded.config.providers).length} provider(s), ${loaded.config.mutelist.length} mutelist entries, contract ${loaded.config.contract})`);
    });
}
