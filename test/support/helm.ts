/**
 * Renders a Helm chart's templates without Helm (neither the npm nor the Debian registry has it):
 * the subset of Go templates the chart uses, and nothing else, so a template that strays outside
 * it fails loudly instead of rendering wrong. Supported: `{{ }}` with `{{-`/`-}}` trimming,
 * `.Values.x`, `.Release.Name`, `.Chart.AppVersion` paths (a path to nothing is an error, where
 * Helm would render nothing: it catches typos), string and number literals, pipelines, `if` /
 * `else` / `end`, and the functions quote, default, or, toYaml, nindent, indent. Values files
 * merge as Helm merges them: maps deeply, anything else replaced.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

type Node = { text: string } | { output: string } | { if: string; then: Node[]; else: Node[] };
type Scope = Record<string, unknown>;

const truthy = (v: unknown): boolean =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0));

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  quote: (v) => JSON.stringify(String(v ?? '')),
  default: (fallback, v) => (truthy(v) ? v : fallback),
  or: (...args) => args.find(truthy) ?? args[args.length - 1],
  // Helm's toYaml: sigs.k8s.io/yaml, keys sorted, no trailing newline.
  toYaml: (v) => stringify(v, { sortMapEntries: true }).replace(/\n$/, ''),
  nindent: (n, s) => `\n${FUNCTIONS.indent!(n, s)}`,
  indent: (n, s) => String(s).split('\n').map((line) => `${' '.repeat(Number(n))}${line}`).join('\n'),
};

function words(command: string): string[] {
  return command.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function operand(word: string, scope: Scope): unknown {
  if (word.startsWith('"')) return JSON.parse(word) as string;
  if (/^-?\d+$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (!word.startsWith('.')) throw new Error(`unsupported operand "${word}"`);
  let value: unknown = scope;
  for (const key of word.slice(1).split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`${word}: no such value`);
    value = (value as Scope)[key];
  }
  return value;
}

function evaluate(pipeline: string, scope: Scope): unknown {
  let value: unknown;
  pipeline.split(/\s\|\s/).forEach((command, i) => {
    const [head, ...rest] = words(command.trim());
    if (head === undefined) throw new Error(`empty command in "${pipeline}"`);
    const fn = FUNCTIONS[head];
    if (!fn) {
      if (i > 0 || rest.length > 0) throw new Error(`unknown function "${head}" in "${pipeline}"`);
      value = operand(head, scope);
      return;
    }
    const args = rest.map((w) => operand(w, scope));
    value = fn(...(i > 0 ? [...args, value] : args));
  });
  return value;
}

function parseTemplate(text: string): Node[] {
  const tokens: ({ text: string } | { action: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{\{(-?)\s*(.*?)\s*(-?)\}\}/gs)) {
    let before = text.slice(at, m.index);
    if (m[1]) before = before.replace(/\s+$/, '');
    tokens.push({ text: before }, { action: m[2]! });
    at = m.index + m[0].length;
    if (m[3]) at += /^\s*/.exec(text.slice(at))![0].length;
  }
  tokens.push({ text: text.slice(at) });
  const root: Node[] = [];
  const stack: { node: Extract<Node, { if: string }>; inElse: boolean }[] = [];
  const target = () => (stack.length === 0 ? root : stack[stack.length - 1]!.inElse ? stack[stack.length - 1]!.node.else : stack[stack.length - 1]!.node.then);
  for (const t of tokens) {
    if ('text' in t) target().push(t);
    else if (t.action.startsWith('if ')) {
      const node = { if: t.action.slice(3), then: [], else: [] };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (t.action === 'else') {
      if (!stack.length) throw new Error('else outside if');
      stack[stack.length - 1]!.inElse = true;
    } else if (t.action === 'end') {
      if (!stack.pop()) throw new Error('end without if');
    } else if (/^(range|with|define|include|template|block)\b/.test(t.action)) throw new Error(`unsupported action "${t.action}"`);
    else target().push({ output: t.action });
  }
  if (stack.length) throw new Error('if without end');
  return root;
}

function renderNodes(nodes: readonly Node[], scope: Scope): string {
  return nodes.map((n) => {
    if ('text' in n) return n.text;
    if ('output' in n) {
      const v = evaluate(n.output, scope);
      if (v !== null && typeof v === 'object') throw new Error(`{{ ${n.output} }} is a map or list: pipe it through toYaml`);
      return String(v ?? '');
    }
    return renderNodes(truthy(evaluate(n.if, scope)) ? n.then : n.else, scope);
  }).join('');
}

export function renderTemplate(text: string, scope: Scope): string {
  return renderNodes(parseTemplate(text), scope);
}

/** Helm's values merge: maps deeply, lists and scalars replaced. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Scope = { ...(base as Scope) };
    for (const [k, v] of Object.entries(over as Scope)) out[k] = mergeValues(out[k], v);
    return out;
  }
  return over;
}

/** `helm template RELEASE CHART --set ...`: each template file rendered, by file name. */
export function renderChart(chartDir: string, release: string, overrides: Scope = {}): Map<string, string> {
  const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { name: string; version: string; appVersion: string };
  const values = mergeValues(parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')), overrides);
  const scope: Scope = { Values: values, Release: { Name: release, Namespace: 'default' }, Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion } };
  const dir = join(chartDir, 'templates');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, renderTemplate(readFileSync(join(dir, f), 'utf8'), scope)]));
}
