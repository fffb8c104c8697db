import type { AnyCheck } from '../core/check.js';
import { ConfigError, ConfigErrors, quoteKey } from './errors.js';
import { configSchema, type Config } from './schema.js';
import { didYouMean, loadYaml } from './yaml.js';

/** The config file, or the defaults when there is none. `DUTYSCAN_CONFIG` names one too. */
export function loadConfig(file: string | undefined = process.env.DUTYSCAN_CONFIG): { config: Config; file: string } {
  if (!file) return { config: configSchema.parse({}), file: '(defaults)' };
  return { config: loadYaml(file, configSchema), file };
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/**
 * `checks.<id>` must name a check we have, and its params must be ones the check declares, of the
 * same kind as the default: a typo would otherwise silently keep the default.
 */
export function validateCheckSettings(config: Config, checks: readonly AnyCheck[], file: string): void {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const problems: ConfigError[] = [];
  for (const [id, settings] of Object.entries(config.checks)) {
    const check = byId.get(id);
    if (!check) {
      const hint = didYouMean(id, [...byId.keys()]);
      problems.push(new ConfigError(file, `checks.${quoteKey(id)}`, undefined, `unknown check "${quoteKey(id)}"${hint ? ` (did you mean "${hint}"?)` : ''}`));
      continue;
    }
    for (const [key, value] of Object.entries(settings.params ?? {})) {
      const defaults = check.defaults as Record<string, unknown>;
      if (!(key in defaults)) {
        const hint = didYouMean(key, Object.keys(defaults));
        problems.push(new ConfigError(file, `checks.${id}.params.${quoteKey(key)}`, undefined, `unknown parameter${hint ? ` (did you mean "${hint}"?)` : ''}; ${id} takes: ${Object.keys(defaults).join(', ') || 'no parameters'}`));
      } else if (kindOf(value) !== kindOf(defaults[key])) {
        problems.push(new ConfigError(file, `checks.${id}.params.${key}`, undefined, `expected ${kindOf(defaults[key])} (default ${JSON.stringify(defaults[key])}), got ${kindOf(value)}`));
      }
    }
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
}
