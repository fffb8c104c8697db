import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isNode, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ConfigError, ConfigErrors, quoteKey } from './errors.js';

type Path = readonly PropertyKey[];

function formatPath(path: Path): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** The 1-based line of the deepest node of `path` the document has. */
function lineOf(doc: Document, counter: LineCounter, path: Path): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The line of a key itself (for unknown keys, where the value is not the point). */
function lineOfKey(doc: Document, counter: LineCounter, parent: Path, key: string): number | undefined {
  const node = parent.length === 0 ? doc.contents : doc.getIn(parent as unknown[], true);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isNode(pair.key) && String((pair.key as { value?: unknown }).value) === key && pair.key.range) {
        return counter.linePos(pair.key.range[0]).line;
      }
    }
  }
  return lineOf(doc, counter, parent);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function didYouMean(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** The object schema found at `path` inside `schema`, to list the keys it knows. */
function knownKeysAt(schema: z.ZodType, path: Path): string[] {
  let s: z.ZodType | undefined = schema;
  const unwrap = (t: z.ZodType): z.ZodType => {
    for (;;) {
      if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
      else if (t instanceof z.ZodDefault || t instanceof z.ZodPrefault) t = t.def.innerType as z.ZodType;
      else if (t instanceof z.ZodPipe) t = t.def.in as z.ZodType;
      else return t;
    }
  };
  for (const segment of path) {
    if (!s) return [];
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(segment)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return [];
  }
  if (!s) return [];
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The line of a key path in a parsed file (a key's own line; an item's for an index), for mistakes found after parsing. */
export type LineOf = (path: Path) => number | undefined;

/** A validated file and where each of its keys sits. */
export interface Located<T> {
  readonly data: T;
  readonly lineOf: LineOf;
}

/**
 * Parse YAML (JSON is YAML too) and validate it. Every problem becomes a ConfigError naming the
 * file, the key path, the line and what was expected; unknown keys get a did-you-mean.
 */
export function parseYaml<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  return parseYamlLocated(file, text, schema).data;
}

export function parseYamlLocated<S extends z.ZodType>(file: string, text: string, schema: S): Located<z.output<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigErrors(
      doc.errors.map((e) => new ConfigError(file, '', counter.linePos(e.pos[0]).line, `invalid YAML: ${e.message.split('\n')[0]}`)),
    );
  }
  let data: unknown;
  try {
    // Aliases can be unresolved or explode (billion laughs): both are the file's fault, not ours.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigErrors([new ConfigError(file, '', undefined, `invalid YAML: ${(e as Error).message}`)]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) {
    const keyLine: LineOf = (path) => {
      const key = path.at(-1);
      return typeof key === 'string' ? lineOfKey(doc, counter, path.slice(0, -1), key) : lineOf(doc, counter, path);
    };
    return { data: parsed.data, lineOf: keyLine };
  }
  const errors = parsed.error.issues.flatMap((issue): ConfigError[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        const expected = `unknown key "${quoteKey(key)}"${hint ? ` (did you mean "${hint}"?)` : ''}${known.length ? `; expected one of: ${known.join(', ')}` : ''}`;
        return new ConfigError(file, formatPath([...path, quoteKey(key)]), lineOfKey(doc, counter, path, key), expected);
      });
    }
    return [new ConfigError(file, formatPath(path), lineOf(doc, counter, path), issue.message)];
  });
  throw new ConfigErrors(errors);
}

/** A YAML file's text; an unreadable file is the user's mistake, reported like any config error. */
export function readYamlText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigErrors([new ConfigError(file, '', undefined, `cannot read file: ${(e as Error).message}`)]);
  }
}

export function loadYaml<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  return loadYamlLocated(file, schema).data;
}

export function loadYamlLocated<S extends z.ZodType>(file: string, schema: S): Located<z.output<S>> {
  return parseYamlLocated(file, readYamlText(file), schema);
}

/**
 * The line of each key path of a YAML text, for problems found after the schema accepted it
 * (an unknown obligation, a duplicate id): they name file, path and line like schema errors do.
 */
export function yamlLocator(text: string): {
  line: (path: Path) => number | undefined;
  /** The line of a map key itself (a misspelt key, where the value is not the point). */
  keyLine: (parent: Path, key: string) => number | undefined;
  path: (path: Path) => string;
} {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return { line: (path) => lineOf(doc, counter, path), keyLine: (parent, key) => lineOfKey(doc, counter, parent, key), path: formatPath };
}

