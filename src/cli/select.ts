import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import pino from 'pino';
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

const LOG_LEVELS = [...Object.keys(pino.levels.values), 'silent'];

/** `--log-level`, else $DUTYSCAN_LOG_LEVEL, else the command's default; a typo is a usage error, not pino's exception. */
export function logLevel(flag: string | undefined, fallback: string): string {
  const level = flag ?? (process.env.DUTYSCAN_LOG_LEVEL || fallback);
  parseEnum(flag === undefined ? 'log level in DUTYSCAN_LOG_LEVEL' : 'log level', [level], LOG_LEVELS);
  return level;
}

const isDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

function writableDirectory(option: string, path: string, dir: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${option} ${path}: cannot write in ${dir}`);
  }
}

/** A file the command will create: checked before any output, so a typo does not end a scan half-written. */
export function fileToWrite(option: string, path: string): string {
  const dir = dirname(resolve(path));
  if (!isDirectory(dir)) throw new UsageError(`${option} ${path}: the directory ${dir} does not exist`);
  if (isDirectory(path)) throw new UsageError(`${option} ${path} is a directory; expected a file name`);
  writableDirectory(option, path, dir);
  return path;
}

/** A directory the command will write files into, created when missing. */
export function directoryToWrite(option: string, path: string): string {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === false) throw new UsageError(`${option} ${path} is a file; expected a directory`);
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot create the directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  writableDirectory(option, path, path);
  return path;
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
