import type { Severity } from '../core/check.js';
import { notAssessedText, type Finding, type Status } from '../core/finding.js';
import { GLOBAL_REGION } from '../core/resource.js';
import type { Formatter } from './types.js';

/**
 * AWS Security Finding Format 2018-10-08, for Security Hub's BatchImportFindings. Only findings
 * about AWS accounts have an ASFF form (AwsAccountId is required); NOT_APPLICABLE results have
 * nothing to import. Ids are stable per check and resource, so a re-import updates the finding.
 */
export const ASFF_SCHEMA_VERSION = '2018-10-08';

const LABEL: Record<Severity, string> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' };
/** NOT_AVAILABLE: "the check could not be performed", for a failed call and for an empty setting alike. */
const COMPLIANCE: Record<Exclude<Status, 'NOT_APPLICABLE'>, string> = { PASS: 'PASSED', FAIL: 'FAILED', ERROR: 'NOT_AVAILABLE', NOT_ASSESSED: 'NOT_AVAILABLE' };

/** Our resource types as ASFF names them; anything else is `Other`, as the format asks. */
const RESOURCE_TYPES: Record<string, string> = {
  'aws.s3.bucket': 'AwsS3Bucket',
  'aws.iam.user': 'AwsIamUser',
  'aws.iam.role': 'AwsIamRole',
  'aws.iam.policy': 'AwsIamPolicy',
  'aws.ec2.security-group': 'AwsEc2SecurityGroup',
  'aws.ec2.instance': 'AwsEc2Instance',
  'aws.ec2.volume': 'AwsEc2Volume',
  'aws.ec2.vpc': 'AwsEc2Vpc',
  'aws.kms.key': 'AwsKmsKey',
  'aws.rds.instance': 'AwsRdsDbInstance',
  'aws.cloudtrail.trail': 'AwsCloudTrailTrail',
  'aws.account': 'AwsAccount',
};

export interface AsffOptions {
  /** Region for account-wide (global) findings; ProductArn needs a real one. */
  readonly defaultRegion?: string;
  /** Partner product ARN; defaults to the account's own `default` custom product. */
  readonly productArn?: string;
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export type AsffFinding = Record<string, unknown> & { Id: string; AwsAccountId: string; ProductArn: string };

export function toAsff(f: Finding, options: AsffOptions = {}): AsffFinding | undefined {
  if (f.resource.provider !== 'aws' || f.status === 'NOT_APPLICABLE' || !/^\d{12}$/.test(f.resource.account)) return undefined;
  const partition = /^arn:([^:]+):/.exec(f.resource.id)?.[1] ?? 'aws';
  const region = f.resource.region === GLOBAL_REGION ? (options.defaultRegion ?? 'us-east-1') : f.resource.region;
  const account = f.resource.account;
  const types = ['Software and Configuration Checks/Industry and Regulatory Standards'];
  const severity = { Label: LABEL[f.severity] };
  const requirements = [
    ...[...new Set(f.obligations.flatMap((o) => o.clauses))].map((c) => `clause ${c}`),
    ...Object.entries(f.frameworks).flatMap(([fw, reqs]) => reqs.map((r) => `${fw} ${r}`)),
  ];
  const productFields: Record<string, string> = {
    'dutyscan/check': f.check.id,
    'dutyscan/duty': f.check.duty,
    'dutyscan/status': f.status,
    'dutyscan/findingId': f.id,
  };
  if (f.obligations.length > 0) productFields['dutyscan/obligations'] = cut(f.obligations.map((o) => o.id).join(','), 2048);
  if (f.muted && f.mute) productFields['dutyscan/mute'] = cut(`${f.mute.reason}${f.mute.owner ? ` (${f.mute.owner})` : ''}`, 2048);
  if (f.error) productFields['dutyscan/error'] = cut(`${f.error.code} ${f.error.operation}`, 2048);
  if (f.notAssessed) productFields['dutyscan/notAssessed'] = cut(notAssessedText([f.notAssessed.setting]), 2048);
  const tags = Object.fromEntries(Object.entries(f.resource.tags).slice(0, 50).map(([k, v]) => [cut(k, 128), cut(v, 256)]));
  const recommendation: Record<string, string> = { Text: cut(f.remediation.text + (f.remediation.cli ? ` ${f.remediation.cli}` : ''), 512) };
  if (f.remediation.url) recommendation['Url'] = f.remediation.url;
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: cut(`dutyscan/${f.check.id}/${account}/${f.resource.region}/${f.id}`, 512),
    ProductArn: options.productArn ?? `arn:${partition}:securityhub:${region}:${account}:product/${account}/default`,
    ProductName: 'dutyscan',
    CompanyName: 'dutyscan',
    GeneratorId: cut(`dutyscan/${f.check.id}`, 512),
    AwsAccountId: account,
    Region: region,
    Types: types,
    CreatedAt: f.firstSeen ?? f.time,
    UpdatedAt: f.time,
    Severity: severity,
    Title: cut(f.check.title, 256),
    Description: cut(f.message || f.check.title, 1024),
    Remediation: { Recommendation: recommendation },
    ProductFields: productFields,
    Resources: [{
      Type: RESOURCE_TYPES[f.resource.type] ?? 'Other',
      Id: f.resource.id,
      Partition: partition,
      ...(f.resource.region === GLOBAL_REGION ? {} : { Region: f.resource.region }),
      ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
      Details: { Other: { 'dutyscan/type': f.resource.type, 'dutyscan/name': cut(f.resource.name, 1024) } },
    }],
    Compliance: {
      Status: COMPLIANCE[f.status],
      ...(requirements.length > 0 ? { RelatedRequirements: requirements.slice(0, 32).map((r) => cut(r, 64)) } : {}),
    },
    // Honoured when the finding is created; later imports cannot change the workflow.
    Workflow: { Status: f.muted ? 'SUPPRESSED' : 'NEW' },
    RecordState: 'ACTIVE',
    FindingProviderFields: { Severity: severity, Types: types },
  };
}

export function asffFormatter(options: AsffOptions = {}): Formatter {
  let count = 0;
  return {
    id: 'asff',
    extension: 'asff.json',
    mediaType: 'application/json',
    begin() {
      count = 0;
      return '[';
    },
    finding(f) {
      const a = toAsff(f, options);
      if (!a) return '';
      return `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(a)}`;
    },
    end: () => '\n]\n',
  };
}
