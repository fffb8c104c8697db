import type { Severity } from '../core/check.js';
import { notAssessedText, type Finding, type Status } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import { VERSION } from '../util/version.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};
/**
 * SARIF 2.1.0 §3.27.9: a result that is not a failure has kind other than `fail` and level `none`.
 * NOT_ASSESSED is `open`: "the tool was unable to reach a conclusion because it lacked the
 * information necessary to do so" (the setting it names), not `notApplicable`.
 */
const KIND: Record<Status, 'pass' | 'fail' | 'review' | 'open' | 'notApplicable'> = {
  PASS: 'pass', FAIL: 'fail', ERROR: 'review', NOT_ASSESSED: 'open', NOT_APPLICABLE: 'notApplicable',
};

interface Rule { id: string; name: string; shortDescription: { text: string }; help: { text: string }; properties: Record<string, unknown> }

/**
 * SARIF 2.1.0. Cloud resources are not files, so results carry logical locations (the resource
 * id, its account and region). Results stream; the rules table (known only once every check
 * has been seen) and the ERROR notifications are written after them, which JSON permits.
 */
export function sarifFormatter(): Formatter {
  let rules: Rule[] = [];
  let ruleIndex = new Map<string, number>();
  let notifications: unknown[] = [];
  const indexOf = (f: Finding): number => {
    let i = ruleIndex.get(f.check.id);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(f.check.id, i);
      rules.push({
        id: f.check.id,
        name: f.check.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
        shortDescription: { text: f.check.title },
        help: { text: f.remediation.text + (f.remediation.cli ? `\n${f.remediation.cli}` : '') },
        properties: { duty: f.check.duty, service: f.check.service, severity: f.severity, tags: [f.check.duty, f.check.service] },
      });
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
      return '{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"results":[';
    },
    finding(f, i) {
      const kind = KIND[f.status];
      const result = {
        ruleId: f.check.id,
        ruleIndex: indexOf(f),
        kind,
        level: kind === 'fail' ? LEVEL[f.severity] : 'none',
        message: { text: f.message },
        locations: [{
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
          ...(f.error ? { error: f.error } : {}),
          ...(f.notAssessed ? { notAssessed: f.notAssessed } : {}),
        },
      };
      if (f.error) {
        notifications.push({
          level: 'error',
          message: { text: `${f.error.code} ${f.error.operation}: ${f.error.message} (${f.resource.id})` },
          associatedRule: { id: f.check.id, index: result.ruleIndex },
        });
      }
      return (i === 0 ? '\n' : ',\n') + JSON.stringify(result);
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
      };
      return `\n],${JSON.stringify(tail).slice(1, -1)}}]}\n`;
    },
  };
}
