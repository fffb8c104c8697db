import type { AnyCheck, Severity } from '../core/check.js';
import { notAssessedText, type Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import { VERSION } from '../util/version.js';
import { allChecks, helpUri } from '../../checks/index.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};
/**
 * `security-severity`, the 0.0-10.0 score code-scanning dashboards sort and band by
 * (9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low).
 */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: '0.0' };

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: Record<string, unknown>;
}

const checksById = new Map<string, AnyCheck>(allChecks.map((c) => [c.id, c]));

function rule(f: Finding): Rule {
  const check = checksById.get(f.check.id);
  const remediation = check?.remediation ?? f.remediation;
  const uri = check ? helpUri(check) : f.remediation.url;
  const text = [remediation.text, remediation.cli && `$ ${remediation.cli}`, uri].filter(Boolean).join('\n');
  const markdown = [remediation.text, remediation.cli && `\`\`\`sh\n${remediation.cli}\n\`\`\``, uri && `[Documentation](${uri})`].filter(Boolean).join('\n\n');
  return {
    id: f.check.id,
    name: f.check.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: f.check.title },
    fullDescription: { text: check?.rationale ?? f.check.title },
    ...(uri ? { helpUri: uri } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[f.severity],
      precision: 'very-high',
      duty: f.check.duty,
      service: f.check.service,
      severity: f.severity,
      tags: ['security', 'cloud', f.resource.provider, f.check.duty, f.check.service],
    },
  };
}

/** A repository-relative path that names the resource: code scanning accepts no other URI scheme. */
const pseudoPath = (f: Finding): string =>
  ['cloud', f.resource.provider, f.resource.account, f.resource.region, f.resource.type, f.resource.name || f.resource.id]
    .map((segment) => encodeURIComponent(segment))
    .join('/');

/**
 * SARIF 2.1.0 for code-scanning dashboards. A dashboard turns every result into an alert and
 * closes it when a later run no longer reports it, so only FAIL findings are results (muted ones
 * as accepted suppressions); an ERROR is a tool execution notification and marks the run
 * unsuccessful, and each setting whose absence left results NOT_ASSESSED is a warning notification;
 * what passed, did not apply or was not assessed is counted in the run's properties, and the whole
 * picture is in the JSON and OCSF outputs. Cloud resources are not files: each result names its
 * resource as a logical location and as a stable repository-relative pseudo path. Results stream;
 * the rules table (known only once every check has been seen) and the notifications are written
 * after them, which JSON permits.
 */
export function sarifFormatter(): Formatter {
  let rules: Rule[] = [];
  let ruleIndex = new Map<string, number>();
  let notifications: unknown[] = [];
  let results = 0;
  let notReported: Record<string, number> = {};
  const indexOf = (f: Finding): number => {
    let i = ruleIndex.get(f.check.id);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(f.check.id, i);
      rules.push(rule(f));
    }
    return i;
  };
  return {
    id: 'sarif',
    extension: 'sarif',
    mediaType: 'application/sarif+json',
    begin() {
      rules = [];
      ruleIndex = new Map();
      notifications = [];
      results = 0;
      notReported = {};
      return '{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"results":[';
    },
    finding(f) {
      if (f.status === 'ERROR') {
        notifications.push({
          level: 'error',
          message: { text: `${f.error?.code ?? 'ERROR'} ${f.error?.operation ?? ''}: ${f.error?.message ?? f.message} (${f.resource.id})` },
          associatedRule: { id: f.check.id, index: indexOf(f) },
        });
      }
      if (f.status !== 'FAIL') {
        notReported[f.status] = (notReported[f.status] ?? 0) + 1;
        return '';
      }
      const result = {
        ruleId: f.check.id,
        ruleIndex: indexOf(f),
        kind: 'fail',
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: { artifactLocation: { uri: pseudoPath(f) } },
          logicalLocations: [{ fullyQualifiedName: f.resource.id, name: f.resource.name, kind: 'resource' }],
          message: { text: `${f.resource.provider} ${f.resource.account} ${f.resource.region} ${f.resource.type}` },
        }],
        partialFingerprints: { 'dutyscanFindingId/v1': f.id },
        ...(f.muted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.mute?.reason ?? 'muted' }] } : {}),
        properties: {
          status: f.status,
          severity: f.severity,
          provider: f.resource.provider,
          account: f.resource.account,
          region: f.resource.region,
          resourceType: f.resource.type,
          tags: f.resource.tags,
          evidence: f.evidence,
          obligations: f.obligations.map((o) => o.id),
          frameworks: f.frameworks,
        },
      };
      return (results++ === 0 ? '\n' : ',\n') + JSON.stringify(result);
    },
    end(summary: ScanSummary) {
      // One notification per empty setting, so the run says what it did not look at.
      for (const [setting, results] of Object.entries(summary.notAssessed)) {
        notifications.push({ level: 'warning', message: { text: `${notAssessedText([setting])} (${results} result(s))` } });
      }
      const tail = {
        tool: { driver: { name: 'dutyscan', version: VERSION, informationUri: 'https://github.com/dutyscan/dutyscan', rules } },
        invocations: [{
          executionSuccessful: summary.complete,
          startTimeUtc: summary.startedAt,
          endTimeUtc: summary.finishedAt,
          toolExecutionNotifications: notifications,
        }],
        automationDetails: { id: `dutyscan/${summary.contract.id}/${summary.id}` },
        properties: { complete: summary.complete, notReported },
      };
      return `\n],${JSON.stringify(tail).slice(1, -1)}}]}\n`;
    },
  };
}
