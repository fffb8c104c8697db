import { ConfigError, ConfigErrors } from '../config/errors.js';
import { didYouMean, parseYaml, readYamlText, yamlLocator } from '../config/yaml.js';
import type { Obligation } from '../mapping/schema.js';
import { dayOf } from './expiry.js';
import { attestationsFileSchema, type Attestation } from './schema.js';

/** What the schema cannot see: an obligation the catalog does not have, a sign-off dated after today. */
export function attestationProblems(attestations: readonly Attestation[], obligations: ReadonlyMap<string, Obligation>, now: Date): { path: (string | number)[]; message: string }[] {
  const today = dayOf(now);
  return attestations.flatMap((a, i) => {
    if (!obligations.has(a.obligation)) {
      const hint = didYouMean(a.obligation, [...obligations.keys()]);
      return [{ path: ['attestations', i, 'obligation'], message: `unknown obligation "${a.obligation}"${hint ? ` (did you mean "${hint}"?)` : ''}; see dutyscan obligations list` }];
    }
    if (a.date > today) return [{ path: ['attestations', i, 'date'], message: `${a.date} is after today (${today} UTC): a sign-off cannot be dated in the future` }];
    return [];
  });
}

/**
 * `scan --attestations FILE`, checked like a config: the schema, then attestationProblems, each
 * mistake with the file, key path and line. Throws ConfigErrors.
 */
export function loadAttestations(file: string, obligations: ReadonlyMap<string, Obligation>, now: Date): Attestation[] {
  const text = readYamlText(file);
  const { attestations } = parseYaml(file, text, attestationsFileSchema);
  const at = yamlLocator(text);
  const problems = attestationProblems(attestations, obligations, now).map((p) => new ConfigError(file, at.path(p.path), at.line(p.path), p.message));
  if (problems.length > 0) throw new ConfigErrors(problems);
  return attestations;
}
