import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadCatalog, resolveContract } from '../../mapping/catalog.js';
import { contractCatalog } from '../../oscal/catalog.js';
import { list, parseEnum } from '../select.js';

const EXPORT_FORMATS = ['oscal-catalog'] as const;

/** `dutyscan contract export`: a contract profile in a format other tools import. */
export function registerContractExport(contract: Command): void {
  contract
    .command('export')
    .description('write a contract profile as an OSCAL 1.1.2 catalog (clauses as controls, obligations as assessment objectives)')
    .requiredOption('--contract <name|file>', 'contract profile: a bundled id or your own YAML file')
    .option('--format <format>', 'oscal-catalog', 'oscal-catalog')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action((flags: { contract: string; format: string; output?: string }) => {
      parseEnum('format', list([flags.format]), EXPORT_FORMATS);
      const catalog = loadCatalog();
      const text = `${JSON.stringify(contractCatalog(resolveContract(catalog, flags.contract), catalog), null, 2)}\n`;
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text);
    });
}
