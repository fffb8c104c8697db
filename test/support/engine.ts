import pino from 'pino';
import type { AnyCheck } from '../../src/core/check.js';
import type { Finding } from '../../src/core/finding.js';
import type { Catalog } from '../../src/mapping/catalog.js';
import type { ContractProfile } from '../../src/mapping/schema.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import { runScan, type ScanOptions } from '../../src/engine/scan.js';

export const silentLog = pino({ level: 'silent' });

/** A catalog with one obligation per duty the test checks use, mapped to those checks. */
export function testCatalog(checks: readonly AnyCheck[]): { catalog: Catalog; contract: ContractProfile } {
  const obligations = new Map(
    ['test.one', 'test.two'].map((id) => [
      id,
      { id, title: id, duties: [], verification: 'automated' as const, description: id, sources: [{ seed: 's', section: 's' }] },
    ]),
  );
  const catalog: Catalog = {
    obligations,
    checksByObligation: new Map([['test.one', checks.map((c) => c.id)]]),
    contracts: new Map(),
    frameworks: new Map([['fw', { id: 'fw', title: 'FW', requirements: { '1.1': [checks[0]?.id ?? 'x'] } }]]),
  };
  const contract: ContractProfile = {
    id: 'test-contract',
    title: 'Test contract',
    definitions: [],
    clauses: [{ id: '9.9', title: 'Clause', summary: 's', relies_on: [], obligations: ['test.one', 'test.two'] }],
  };
  return { catalog, contract };
}

export async function scanToArray(
  options: Omit<ScanOptions, 'catalog' | 'contract' | 'log' | 'config'> & { config?: Partial<Config> },
) {
  const findings: Finding[] = [];
  const summary = await runScan(
    { ...testCatalog(options.checks), log: silentLog, ...options, config: configSchema.parse(options.config ?? {}) },
    (f) => { findings.push(f); },
  );
  return { findings, summary };
}
