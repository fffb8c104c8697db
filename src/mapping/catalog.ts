import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ObligationRef } from '../core/finding.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { didYouMean, loadYaml } from '../config/yaml.js';
import { configDir } from '../util/paths.js';
import { loadContractProfile } from './profile.js';
import {
  frameworkSchema,
  obligationCatalogSchema,
  obligationMappingSchema,
  type ContractProfile,
  type Framework,
  type Obligation,
} from './schema.js';

/** The obligation catalog, the obligation -> check mappings, contract profiles and frameworks. */
export interface Catalog {
  readonly obligations: ReadonlyMap<string, Obligation>;
  /** obligation id -> check ids, merged across providers. */
  readonly checksByObligation: ReadonlyMap<string, readonly string[]>;
  readonly contracts: ReadonlyMap<string, ContractProfile>;
  readonly frameworks: ReadonlyMap<string, Framework>;
}

const yamlFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];

export function loadCatalog(dir = configDir): Catalog {
  const catalogFile = join(dir, 'obligations.yaml');
  const catalog = loadYaml(catalogFile, obligationCatalogSchema);
  const obligations = new Map(catalog.obligations.map((o) => [o.id, o]));

  const checksByObligation = new Map<string, string[]>();
  const problems: ConfigError[] = [];
  for (const file of yamlFiles(join(dir, 'mappings'))) {
    const mapping = loadYaml(file, obligationMappingSchema);
    for (const [obligation, checks] of Object.entries(mapping.obligations)) {
      if (!obligations.has(obligation)) {
        problems.push(new ConfigError(file, `obligations.${obligation}`, undefined, `unknown obligation "${obligation}" (not in ${catalogFile})`));
      }
      checksByObligation.set(obligation, [...(checksByObligation.get(obligation) ?? []), ...checks]);
    }
  }

  const contracts = new Map<string, ContractProfile>();
  for (const file of yamlFiles(join(dir, 'contracts'))) {
    const profile = loadContractFile(file, obligations, problems);
    contracts.set(profile.id, profile);
  }

  const frameworks = new Map<string, Framework>();
  for (const file of yamlFiles(join(dir, 'frameworks'))) {
    const framework = loadYaml(file, frameworkSchema);
    frameworks.set(framework.id, framework);
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return { obligations, checksByObligation, contracts, frameworks };
}

function loadContractFile(file: string, obligations: ReadonlyMap<string, Obligation>, problems: ConfigError[]): ContractProfile {
  const loaded = loadContractProfile(file, new Set(obligations.keys()));
  problems.push(...loaded.problems);
  return loaded.profile;
}

/**
 * `--contract NAME|FILE`: a bundled profile by id, or a user's profile file. `namedBy` is where the
 * name came from (the flag, or a config file's key and line), for the error when there is none.
 */
export function resolveContract(
  catalog: Catalog,
  nameOrFile: string,
  namedBy: { readonly file: string; readonly path: string; readonly line?: number | undefined } = { file: '--contract', path: '' },
): ContractProfile {
  const bundled = catalog.contracts.get(nameOrFile);
  if (bundled) return bundled;
  if (/\.ya?ml$/.test(nameOrFile) || nameOrFile.includes('/')) {
    const problems: ConfigError[] = [];
    const profile = loadContractFile(nameOrFile, catalog.obligations, problems);
    if (problems.length > 0) throw new ConfigErrors(problems);
    return profile;
  }
  const ids = [...catalog.contracts.keys()];
  const hint = didYouMean(nameOrFile, ids);
  throw new ConfigErrors([
    new ConfigError(namedBy.file, namedBy.path, namedBy.line, `no contract profile "${basename(nameOrFile)}"${hint ? ` (did you mean "${hint}"?)` : ''}; bundled: ${ids.join(', ')}`),
  ]);
}

/** What every finding of a check is annotated with under the active contract. */
export interface CheckMapping {
  readonly obligations: readonly ObligationRef[];
  readonly frameworks: Readonly<Record<string, readonly string[]>>;
}

export function mappingIndex(catalog: Catalog, contract: ContractProfile): (checkId: string) => CheckMapping {
  const clausesByObligation = new Map<string, string[]>();
  for (const clause of contract.clauses) {
    for (const o of clause.obligations) clausesByObligation.set(o, [...(clausesByObligation.get(o) ?? []), clause.id]);
  }
  const byCheck = new Map<string, { obligations: ObligationRef[]; frameworks: Record<string, string[]> }>();
  const entry = (checkId: string) => {
    let e = byCheck.get(checkId);
    if (!e) byCheck.set(checkId, (e = { obligations: [], frameworks: {} }));
    return e;
  };
  for (const [obligationId, checks] of catalog.checksByObligation) {
    const obligation = catalog.obligations.get(obligationId);
    if (!obligation) continue;
    for (const checkId of checks) {
      entry(checkId).obligations.push({ id: obligation.id, title: obligation.title, clauses: clausesByObligation.get(obligation.id) ?? [] });
    }
  }
  for (const framework of catalog.frameworks.values()) {
    for (const [requirement, checks] of Object.entries(framework.requirements)) {
      for (const checkId of checks) (entry(checkId).frameworks[framework.id] ??= []).push(requirement);
    }
  }
  const none: CheckMapping = { obligations: [], frameworks: {} };
  return (checkId) => byCheck.get(checkId) ?? none;
}
