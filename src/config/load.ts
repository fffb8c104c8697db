import type { AnyCheck } from '../core/check.js';
import { ConfigError, ConfigErrors, quoteKey } from './errors.js';
import { configSchema, type Config } from './schema.js';
import { didYouMean, loadYamlLocated, type LineOf } from './yaml.js';

/** A loaded config, and where its keys are, so mistakes found later still name the file and line. */
export interface LoadedConfig {
  readonly config: Config;
  readonly file: string;
  readonly lineOf: LineOf;
}

/** The config file, or the defaults when there is none. `DUTYSCAN_CONFIG` names one too. */
export function loadConfig(file: string | undefined = process.env.DUTYSCAN_CONFIG): LoadedConfig {
  if (!file) return { config: configSchema.parse({}), file: '(defaults)', lineOf: () => undefined };
  const { data, lineOf } = loadYamlLocated(file, configSchema);
  return { config: data, file, lineOf };
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/**
 * `checks.<id>` must name a check we have, and its params must be ones the check declares, of the
 * same kind as the default: a typo would otherwise silently keep the default.
 */
export function validateCheckSettings({ config, file, lineOf }: LoadedConfig, checks: readonly AnyCheck[], warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const problems: ConfigError[] = [];
  for (const [id, settings] of Object.entries(config.checks)) {
    const check = byId.get(id);
    if (!check) {
      const hint = didYouMean(id, [...byId.keys()]);
      problems.push(new ConfigError(file, `checks.${quoteKey(id)}`, lineOf(['checks', id]), `unknown check "${quoteKey(id)}"${hint ? ` (did you mean "${hint}"?)` : ''}`));
      continue;
    }
    // Older spellings still work: each is a warning naming where it is, and what the check reads instead.
    const upgraded = check.upgradeParams?.(settings.params ?? {});
    const at = (key: string) => lineOf(['checks', id, 'params', ...key.split(/[.[\]]+/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))]);
    for (const d of upgraded?.deprecated ?? []) warn(`${file}${at(d.key) ? `:${at(d.key)}` : ''}: checks.${id}.params.${d.key} ${d.message}`);
    for (const p of upgraded?.problems ?? []) problems.push(new ConfigError(file, `checks.${id}.params.${p.key}`, at(p.key), p.message));
    for (const [key, value] of Object.entries(upgraded?.params ?? settings.params ?? {})) {
      const defaults = check.defaults as Record<string, unknown>;
      if (!(key in defaults)) {
        const hint = didYouMean(key, Object.keys(defaults));
        problems.push(new ConfigError(file, `checks.${id}.params.${quoteKey(key)}`, lineOf(['checks', id, 'params', key]), `unknown parameter${hint ? ` (did you mean "${hint}"?)` : ''}; ${id} takes: ${Object.keys(defaults).join(', ') || 'no parameters'}`));
      } else if (kindOf(value) !== kindOf(defaults[key])) {
        problems.push(new ConfigError(file, `checks.${id}.params.${key}`, lineOf(['checks', id, 'params', key]), `expected ${kindOf(defaults[key])} (default ${JSON.stringify(defaults[key])}), got ${kindOf(value)}`));
      }
    }
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
}
