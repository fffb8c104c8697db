import type { Command } from 'commander';
import type { AnyCheck } from '../../core/check.js';
import { loadConfig, validateCheckSettings } from '../../config/load.js';
import { loadCatalog, mappingIndex, resolveContract } from '../../mapping/catalog.js';
import { allChecks } from '../../../checks/index.js';
import { contractFor, outputFormats } from '../inputs.js';
import { DUTIES, UsageError, list, parseEnum, selectChecks } from '../select.js';
import { defaultConfig } from '../../config/schema.js';
import { didYouMean } from '../../config/yaml.js';

const out = (text: string): void => { process.stdout.write(`${text}\n`); };

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

export function registerCatalogCommands(program: Command): void {
  const checks = program.command('checks').description('list and describe the checks and their mappings');
  checks
    .command('list')
    .description('one line per check: id, severity, duty, title')
    .option('-p, --provider <provider...>', 'aws, azure, gcp')
    .option('--duty <duties...>', 'only these duties')
    .option('--json', 'as JSON')
    .action((flags: { provider?: string[]; duty?: string[]; json?: boolean }) => {
      const selected = selectChecks(allChecks, {
        providers: parseEnum('provider', list(flags.provider), ['aws', 'azure', 'gcp'] as const),
        duties: parseEnum('duty', list(flags.duty), DUTIES),
      }, defaultConfig());
      if (flags.json) return out(JSON.stringify(selected.map((c) => ({ id: c.id, provider: c.provider, service: c.service, duty: c.duty, severity: c.severity, title: c.title })), null, 2));
      for (const c of selected) out(`${c.id.padEnd(56)} ${c.severity.padEnd(8)} ${c.duty.padEnd(20)} ${c.title}`);
      out(`\n${selected.length} checks`);
    });
  checks
    .command('describe')
    .description('metadata, parameters, obligations, contract clauses and framework requirements of a check')
    .argument('<id>', 'check id')
    .option('--contract <name|file>', 'contract profile whose clauses to show')
    .action((id: string, flags: { contract?: string }) => {
      const check = allChecks.find((c) => c.id === id);
      if (!check) {
        const hint = didYouMean(id, allChecks.map((c) => c.id));
        throw new UsageError(`unknown check "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
      }
      out(JSON.stringify(describe(check, flags.contract), null, 2));
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
        checks: catalog.checksByObligation.get(o.id) ?? [],
        clauses: contract.clauses.filter((c) => c.obligations.includes(o.id)).map((c) => c.id),
      }));
      if (flags.json) return out(JSON.stringify({ contract: contract.id, obligations: rows }, null, 2));
      out(`Contract: ${contract.title} (${contract.id})\n`);
      for (const r of rows) {
        out(`${r.id.padEnd(30)} ${r.verification.padEnd(10)} ${String(r.checks.length).padStart(3)} checks  clauses: ${r.clauses.join(', ') || '-'}`);
        out(`  ${r.title}`);
      }
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
