import { ConfigError, ConfigErrors } from '../config/errors.js';
import { didYouMean, parseYaml, readYamlText, yamlLocator } from '../config/yaml.js';
import type { Obligation } from '../mapping/schema.js';
import { dayOf } from './expiry.js';
import { attestationsFileSchema, type Attestation } from './schema.js';

/**
 * An attestations document (`scan --attestations FILE`, or the body of `POST /attestations`:
 * JSON is YAML too), checked like a config: the schema, then what it cannot see (an obligation
 * the catalog does not have, a sign-off dated after today), each mistake with `source`, key path
 * and line. Throws ConfigErrors.
 */
export function parseAttestations(source: string, text: string, obligations: ReadonlyMap<string, Obligation>, now: Date): Attestation[] {
  const { attestations } = parseYaml(source, text, attestationsFileSchema);
  const at = yamlLocator(text);
  const problem = (path: (string | number)[], message: string) => new ConfigError(source, at.path(path), at.line(path), message);
  const today = dayOf(now);
  const problems = attestations.flatMap((a, i): ConfigError[] => {
    if (!obligations.has(a.obligation)) {
      const hint = didYouMean(a.obligation, [...obligations.keys()]);
      return [problem(['attestations', i, 'obligation'], `unknown obligation "${a.obligation}"${hint ? ` (did you mean "${hint}"?)` : ''}; see dutyscan obligations list`)];
    }
    if (a.date > today) return [problem(['attestations', i, 'date'], `${a.date} is after today (${today} UTC): a sign-off cannot be dated in the future`)];
    return [];
  });
  if (problems.length > 0) throw new ConfigErrors(problems);
  return attestations;
}

export const loadAttestations = (file: string, obligations: ReadonlyMap<string, Obligation>, now: Date) =>
  parseAttestations(file, readYamlText(file), obligations, now);
