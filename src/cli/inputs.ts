import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pino from 'pino';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import type { LoadedConfig } from '../config/load.js';
import { resolveContract, type Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import { formatters } from '../output/registry.js';
import { UsageError, list, parseEnum } from './select.js';

/*
 * What the commands take from flags and the config file, checked before any output: a mistake
 * names the flag, or the file, line and key, and exits 2.
 */

const LOG_LEVELS = [...Object.keys(pino.levels.values), 'silent'];

/** `--log-level`, else $DUTYSCAN_LOG_LEVEL, else the command's default; a typo is a usage error, not pino's exception. */
export function logLevel(flag: string | undefined, fallback: string): string {
  const level = flag ?? (process.env.DUTYSCAN_LOG_LEVEL || fallback);
  parseEnum(flag === undefined ? 'log level in DUTYSCAN_LOG_LEVEL' : 'log level', [level], LOG_LEVELS);
  return level;
}

/** What is at `path`, if anything can be (a path under a file is ENOTDIR, not absent). */
function kindOf(path: string): 'directory' | 'file' | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat === undefined ? undefined : stat.isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}
const isDirectory = (path: string): boolean => kindOf(path) === 'directory';

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
  if (kindOf(path) === 'file') throw new UsageError(`${option} ${path} is a file; expected a directory`);
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot create the directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  writableDirectory(option, path, path);
  return path;
}

/** `--contract` wins over the config's `contract` key; a name that matches nothing points at whichever gave it. */
export function contractFor(catalog: Catalog, flag: string | undefined, loaded: LoadedConfig): ContractProfile {
  if (flag !== undefined) return resolveContract(catalog, flag);
  return resolveContract(catalog, loaded.config.contract, { file: loaded.file, path: 'contract', line: loaded.lineOf(['contract']) });
}

/** `--format` values, else the config's `outputs.formats`. */
export function outputFormats(flag: readonly string[] | undefined, loaded: LoadedConfig): string[] {
  const known = [...formatters.keys()];
  if (list(flag).length > 0) return parseEnum('format', list(flag), known);
  const { formats } = loaded.config.outputs;
  const problems = formats.flatMap((f, i) =>
    known.includes(f) ? [] : [new ConfigError(loaded.file, `outputs.formats[${i}]`, loaded.lineOf(['outputs', 'formats', i]), `unknown format "${f}"; expected one of: ${known.join(', ')}`)],
  );
  if (problems.length > 0) throw new ConfigErrors(problems);
  return formats;
}
