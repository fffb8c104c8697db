import { ConfigErrors, type ConfigError } from '../config/errors.js';
import { loadContractProfile, type Unreviewed } from '../mapping/profile.js';
import type { ContractProfile } from '../mapping/schema.js';

export interface LintResult {
  readonly file: string;
  /** Present when the profile is valid. */
  readonly profile: ContractProfile | undefined;
  /** Each names the file, the key path and the line. */
  readonly errors: readonly ConfigError[];
  readonly unreviewed: readonly Unreviewed[];
}

/** A profile checked as a scan would load it (schema, known obligations, unique ids, relies_on), plus what is still unreviewed. */
export function lintProfile(file: string, knownObligations: ReadonlySet<string>): LintResult {
  try {
    const loaded = loadContractProfile(file, knownObligations);
    return {
      file,
      profile: loaded.problems.length === 0 ? loaded.profile : undefined,
      errors: loaded.problems,
      unreviewed: loaded.unreviewed,
    };
  } catch (e) {
    if (e instanceof ConfigErrors) return { file, profile: undefined, errors: e.errors, unreviewed: [] };
    throw e;
  }
}
