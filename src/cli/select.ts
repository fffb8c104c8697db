import picomatch from 'picomatch';
import { DUTIES, SEVERITIES, severityRank, type AnyCheck, type Duty, type Severity } from '../core/check.js';
import type { ProviderId } from '../core/observed.js';
import type { Config } from '../config/schema.js';
import { didYouMean } from '../config/yaml.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const list = (values: readonly string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

export function parseEnum<T extends string>(what: string, values: readonly string[], allowed: readonly T[]): T[] {
  return values.map((v) => {
    if ((allowed as readonly string[]).includes(v)) return v as T;
    const hint = didYouMean(v, allowed);
    throw new UsageError(`unknown ${what} "${v}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${allowed.join(', ')}`);
  });
}

export interface Selection {
  readonly checks?: readonly string[];
  readonly excludeChecks?: readonly string[];
  readonly duties?: readonly Duty[];
  readonly minSeverity?: Severity;
  readonly providers?: readonly ProviderId[];
}

/** Patterns may be ids or globs (`aws-iam-*`); a plain id that matches nothing is a typo, not an empty scan. */
function matchers(patterns: readonly string[], all: readonly AnyCheck[]): ((id: string) => boolean)[] {
  return patterns.map((p) => {
    if (!/[*?[\]{}]/.test(p) && !all.some((c) => c.id === p)) {
      const hint = didYouMean(p, all.map((c) => c.id));
      throw new UsageError(`unknown check "${p}"${hint ? ` (did you mean "${hint}"?)` : ''}; see: dutyscan checks list`);
    }
    return picomatch(p);
  });
}

export function selectChecks(all: readonly AnyCheck[], selection: Selection, config: Config): AnyCheck[] {
  const include = matchers(selection.checks ?? [], all);
  const exclude = matchers(selection.excludeChecks ?? [], all);
  const floor = selection.minSeverity ? severityRank(selection.minSeverity) : 0;
  return all.filter((c) => {
    const severity = config.checks[c.id]?.severity ?? c.severity;
    return (
      config.checks[c.id]?.enabled !== false &&
      (include.length === 0 || include.some((m) => m(c.id))) &&
      !exclude.some((m) => m(c.id)) &&
      (!selection.duties?.length || selection.duties.includes(c.duty)) &&
      severityRank(severity) >= floor &&
      (!selection.providers?.length || selection.providers.includes(c.provider))
    );
  });
}

export { DUTIES, SEVERITIES };
