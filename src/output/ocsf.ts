import type { Severity } from '../core/check.js';
import { notAssessedText, type Finding, type FindingChange, type Status } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import { VERSION } from '../util/version.js';
import { providers } from '../../providers/index.js';
import type { Formatter } from './types.js';

/**
 * OCSF 1.8.0 Compliance Finding (class_uid 2003, category 2 Findings) with the `cloud` profile.
 * The verdict lives in `compliance.status_id`; the event's own `status_id` is the triage state
 * (New, or Suppressed when muted), as the schema separates them.
 */
export const OCSF_VERSION = '1.8.0';
const CLASS_UID = 2003;
const CATEGORY_UID = 2;

const SEVERITY_ID: Record<Severity, { id: number; caption: string }> = {
  info: { id: 1, caption: 'Informational' },
  low: { id: 2, caption: 'Low' },
  medium: { id: 3, caption: 'Medium' },
  high: { id: 4, caption: 'High' },
  critical: { id: 5, caption: 'Critical' },
};

/**
 * compliance.status_id: 1 Pass, 2 Warning ("did not yield a result due to missing information",
 * which is exactly an ERROR, and a NOT_ASSESSED, whose missing information is the setting to fill
 * in; status_code and status_details tell them apart and say which), 3 Fail; NOT_APPLICABLE has
 * no normalised value, so it is 99 Other with the source's own caption, as the schema prescribes.
 */
const COMPLIANCE_STATUS: Record<Status, { id: number; caption: string }> = {
  PASS: { id: 1, caption: 'Pass' },
  ERROR: { id: 2, caption: 'Warning' },
  NOT_ASSESSED: { id: 2, caption: 'Warning' },
  FAIL: { id: 3, caption: 'Fail' },
  NOT_APPLICABLE: { id: 99, caption: 'Not Applicable' },
};


export interface OcsfOptions {
  /** The active contract profile: a compliance standard of every finding. */
  readonly contract?: { readonly id: string; readonly title: string } | undefined;
  /** The scan's id, as metadata.correlation_uid. */
  readonly scanId?: string | undefined;
}

const millis = (iso: string): number => Date.parse(iso);


export type OcsfEvent = Record<string, unknown>;

/** OCSF activity for a drift change: Create opens a ticket, Close resolves it. */
export const CHANGE_ACTIVITY: Record<FindingChange, { readonly id: 1 | 2 | 3; readonly name: 'Create' | 'Update' | 'Close' }> = {
  new: { id: 1, name: 'Create' },
  regressed: { id: 1, name: 'Create' },
  muted: { id: 2, name: 'Update' },
  'mute-expired': { id: 2, name: 'Update' },
  resolved: { id: 3, name: 'Close' },
};

/**
 * The contract deadline, which OCSF 1.8.0 has no attribute for: finding_info.tags, the finding's
 * key-value pairs, with the due date as ISO 8601 (remediation allows no date at all).
 */
const deadlineTags = (f: Finding) => [
  { name: 'due_time', value: f.dueAt! },
  ...(f.curePeriod ? [{ name: 'cure_period', value: f.curePeriod }] : []),
  { name: 'overdue', value: String(f.overdue === true) },
];

export function toOcsf(f: Finding, options: OcsfOptions = {}): OcsfEvent {
  const time = millis(f.time);
  const firstSeen = f.firstSeen ? millis(f.firstSeen) : undefined;
  const lastSeen = f.lastSeen ? millis(f.lastSeen) : undefined;
  // A drift change says what the SIEM should do with its ticket; otherwise, seen before this scan
  // means the SIEM already has the finding and this event updates it.
  const activity = f.change ? CHANGE_ACTIVITY[f.change] : firstSeen !== undefined && firstSeen < time ? { id: 2, name: 'Update' } : { id: 1, name: 'Create' };
  // OCSF finding status 4 Resolved: the ticket a Create opened can be closed.
  const triage = f.change === 'resolved' ? { id: 4, caption: 'Resolved' } : f.muted ? { id: 3, caption: 'Suppressed' } : { id: 1, caption: 'New' };
  const severity = SEVERITY_ID[f.severity];
  const verdict = COMPLIANCE_STATUS[f.status];
  const cloud = providers[f.resource.provider].ocsf;
  const frameworkIds = Object.keys(f.frameworks).sort();
  const clauses = [...new Set(f.obligations.flatMap((o) => o.clauses))];
  const contractPrefix = options.contract ? `${options.contract.id} ` : 'clause ';

  const statusDetails = [f.message];
  if (f.error) statusDetails.push(`${f.error.code} ${f.error.operation}: ${f.error.message}`);
  if (f.notAssessed) statusDetails.push(notAssessedText([f.notAssessed.setting]));

  const tags = Object.entries(f.resource.tags);
  const resource: Record<string, unknown> = {
    uid: f.resource.id,
    name: f.resource.name,
    type: f.resource.type,
    region: f.resource.region,
    provider: cloud.provider,
    role_id: 1,
    role: 'Target',
    group: { name: f.check.service },
  };
  const cloudPartition = cloud.partition?.(f.resource.id);
  if (cloudPartition) resource['cloud_partition'] = cloudPartition;
  if (tags.length > 0) {
    resource['labels'] = tags.map(([k, v]) => `${k}:${v}`);
    resource['tags'] = tags.map(([name, value]) => ({ name, value }));
  }

  const account: Record<string, unknown> = { uid: f.resource.account, type_id: cloud.accountTypeId, type: cloud.accountType };
  if (f.resource.accountName) account['name'] = f.resource.accountName;

  // Only what has no OCSF attribute: which clause each obligation serves (compliance.control and
  // requirements carry the ids flat), the mute's reason and owner, the error's structure, the CLI fix.
  const unmapped: Record<string, unknown> = {
    obligations: f.obligations.map((o) => ({ id: o.id, title: o.title, clauses: o.clauses })),
  };
  if (f.mute) unmapped['mute'] = f.mute;
  if (f.change) unmapped['change'] = f.change;
  if (f.error) unmapped['error'] = f.error;
  if (f.notAssessed) unmapped['not_assessed'] = f.notAssessed;
  if (f.remediation.cli) unmapped['remediation_cli'] = f.remediation.cli;

  const event: OcsfEvent = {
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    activity_id: activity.id,
    activity_name: activity.name,
    type_uid: CLASS_UID * 100 + activity.id,
    type_name: `Compliance Finding: ${activity.name}`,
    time,
    severity_id: severity.id,
    severity: severity.caption,
    status_id: triage.id,
    status: triage.caption,
    message: f.message,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'dutyscan', uid: 'dutyscan', vendor_name: 'dutyscan', version: VERSION },
      profiles: ['cloud'],
      event_code: f.check.id,
      uid: `${f.id}-${time}`,
      ...(options.scanId ? { correlation_uid: options.scanId } : {}),
    },
    finding_info: {
      uid: f.id,
      title: f.check.title,
      desc: f.message,
      types: [`duty:${f.check.duty}`],
      created_time: time,
      ...(firstSeen !== undefined ? { first_seen_time: firstSeen } : {}),
      ...(lastSeen !== undefined ? { last_seen_time: lastSeen } : {}),
      analytic: { uid: f.check.id, name: f.check.title, type_id: 1, type: 'Rule', category: f.check.service },
      ...(f.dueAt ? { tags: deadlineTags(f) } : {}),
    },
    compliance: {
      standards: [...(options.contract ? [options.contract.id] : []), ...frameworkIds],
      requirements: [
        ...clauses.map((c) => `${contractPrefix}${c}`),
        ...frameworkIds.flatMap((fw) => (f.frameworks[fw] ?? []).map((r) => `${fw} ${r}`)),
      ],
      ...(f.obligations.length > 0 ? { control: f.obligations.map((o) => o.id).join(', ') } : {}),
      status_id: verdict.id,
      status: verdict.caption,
      status_code: f.status,
      status_details: statusDetails,
      checks: [{
        uid: f.check.id,
        name: f.check.title,
        status_id: verdict.id,
        status: verdict.caption,
        severity_id: severity.id,
        severity: severity.caption,
        standards: frameworkIds,
        version: VERSION,
      }],
    },
    resources: [resource],
    cloud: {
      provider: cloud.provider,
      region: f.resource.region,
      account,
      ...(cloudPartition ? { cloud_partition: cloudPartition } : {}),
    },
    remediation: {
      desc: f.remediation.text,
      ...(f.remediation.url ? { references: [f.remediation.url] } : {}),
    },
    evidences: [{ name: f.check.id, data: f.evidence }],
    unmapped,
  };
  return event;
}

/** `ocsf`: one event per line, for shippers that read line by line. */
export function ocsfJsonlFormatter(options: OcsfOptions = {}): Formatter {
  return {
    id: 'ocsf',
    extension: 'ocsf.jsonl',
    mediaType: 'application/x-ndjson',
    finding: (f) => `${JSON.stringify(toOcsf(f, { scanId: options.scanId, contract: options.contract }))}\n`,
    end: () => '',
  };
}

/** `ocsf-json`: one JSON array, streamed element by element. */
export function ocsfJsonFormatter(options: OcsfOptions = {}): Formatter {
  return {
    id: 'ocsf-json',
    extension: 'ocsf.json',
    mediaType: 'application/json',
    begin: () => '[',
    finding: (f, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(toOcsf(f, options))}`,
    end: (_s: ScanSummary) => '\n]\n',
  };
}
