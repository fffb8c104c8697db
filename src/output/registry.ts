import { asffFormatter } from './asff.js';
import { contractFormatter } from './contract.js';
import { csv } from './csv.js';
import { htmlFormatter } from './html.js';
import { json, jsonl } from './json.js';
import { junitFormatter } from './junit.js';
import { ocsfJsonFormatter, ocsfJsonlFormatter } from './ocsf.js';
import { oscalAssessmentResultsFormatter, oscalPoamFormatter } from './oscal.js';
import { sarifFormatter } from './sarif.js';
import { tableFormatter } from './table.js';
import type { Formatter } from './types.js';

/** What some formats want to know before the first finding (the summary only comes at the end). */
export interface FormatterContext {
  /** The active contract profile (OCSF `compliance.standards`). */
  readonly contract?: { readonly id: string; readonly title: string };
  /** The scan id (OCSF `metadata.correlation_uid`). */
  readonly scanId?: string;
}

/**
 * Formats that keep state between `begin` and `end` (rules, suites, buffered rows) or read the
 * context are made fresh per use; `formatter(id, context)` builds one.
 */
const factories = new Map<string, (context: FormatterContext) => Formatter>([
  ['csv', () => csv],
  ['ocsf', (c) => ocsfJsonlFormatter(c)],
  ['ocsf-json', (c) => ocsfJsonFormatter(c)],
  ['asff', () => asffFormatter()],
  ['oscal', () => oscalAssessmentResultsFormatter()],
  ['oscal-poam', () => oscalPoamFormatter()],
  ['sarif', () => sarifFormatter()],
  ['junit', () => junitFormatter()],
  ['html', () => htmlFormatter()],
  ['contract-md', () => contractFormatter('md')],
  ['contract-html', () => contractFormatter('html')],
]);

/** Every output format by its `--format` name. */
export const formatters = new Map<string, Formatter>([
  ['json', json],
  ['jsonl', jsonl],
  ['table', tableFormatter()],
  ...[...factories].map(([id, make]) => [id, make({})] as const),
]);

export function formatter(id: string, context: FormatterContext = {}): Formatter {
  const f = factories.get(id)?.(context) ?? formatters.get(id);
  if (!f) throw new Error(`unknown format "${id}"; known: ${[...formatters.keys()].join(', ')}`);
  return f;
}
