import type { TagRule } from '../../src/core/policy.js';

/**
 * What dutyscan calls an AWS resource type, from the `<service>:<type>` of its ARN as tag policies
 * and the Tagging API spell it. Types with a typed collector keep its name, so one rule
 * (`resourceTypes: [aws.ec2.instance]`) means the same resources on both paths.
 */
const TYPED: Readonly<Record<string, string>> = {
  'ec2:instance': 'aws.ec2.instance',
  'ec2:volume': 'aws.ec2.volume',
  'ec2:snapshot': 'aws.ec2.snapshot',
  'ec2:security-group': 'aws.ec2.security-group',
  'ec2:vpc': 'aws.ec2.vpc',
  'ec2:network-acl': 'aws.ec2.network-acl',
  's3:bucket': 'aws.s3.bucket',
  'rds:db': 'aws.rds.instance',
  'rds:cluster': 'aws.rds.cluster',
  'elasticfilesystem:file-system': 'aws.efs.file-system',
  'kms:key': 'aws.kms.key',
  'logs:log-group': 'aws.logs.log-group',
  'cloudtrail:trail': 'aws.cloudtrail.trail',
  'rds:snapshot': 'aws.rds.db-snapshot',
  'elasticache:replicationgroup': 'aws.elasticache.replication-group',
  'es:domain': 'aws.opensearch.domain',
  'elasticloadbalancing:loadbalancer': 'aws.elbv2.load-balancer',
  'backup:backup-vault': 'aws.backup.vault',
};

/** ARNs whose resource part is a bare name: the type is implied by the service. */
const BARE_NAME_TYPES: Readonly<Record<string, string>> = { s3: 'bucket', sns: 'topic', sqs: 'queue' };

/** `arn:aws:dynamodb:eu-west-1:1:table/orders` -> `{ service: 'dynamodb', arnType: 'dynamodb:table', name: 'orders' }`. */
export function parseArn(arn: string): { service: string; arnType: string; name: string } {
  const [, , service = '', , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  const cut = resource.search(/[/:]/);
  const type = cut > 0 ? resource.slice(0, cut) : BARE_NAME_TYPES[service] ?? '';
  const name = cut > 0 ? resource.slice(cut + 1).split('/').pop() || resource : resource;
  return { service, arnType: type ? `${service}:${type}` : service, name };
}

export const dutyscanType = (arnType: string): string => TYPED[arnType] ?? `aws.${arnType.replace(':', '.')}`;

/** The `resourceTypes` globs of one tag-policy resource type (`ec2:instance`, `secretsmanager:*`, `rds:ALL_SUPPORTED`). */
function typeGlobs(spec: string): string[] {
  const [service = '', type = '*'] = spec.split(':');
  if (type !== '*' && type !== 'ALL_SUPPORTED') return [dutyscanType(`${service}:${type}`)];
  return [`aws.${service}.*`, ...Object.entries(TYPED).filter(([k]) => k.startsWith(`${service}:`)).map(([, v]) => v)];
}

const unwrap = (v: unknown): unknown => (v !== null && typeof v === 'object' && '@@assign' in v ? (v as Record<string, unknown>)['@@assign'] : v);
const strings = (v: unknown): string[] => {
  const u = unwrap(v);
  return Array.isArray(u) ? u.map(String) : typeof u === 'string' ? [u] : [];
};
const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * The required-tag rules of an effective tag policy (its `PolicyContent`). A statement requires its
 * key only on the types of `report_required_tag_for`; its `tag_value` list (with `*` wildcards)
 * becomes the value pattern. Accepts the effective form and the `@@assign` form alike.
 */
export function tagPolicyRules(content: string): TagRule[] {
  const parsed = JSON.parse(content) as { tags?: Record<string, Record<string, unknown>> };
  const rules: TagRule[] = [];
  for (const [policyKey, statement] of Object.entries(parsed.tags ?? {})) {
    const required = strings(statement['report_required_tag_for']);
    if (required.length === 0) continue;
    const key = strings(statement['tag_key'])[0] ?? policyKey;
    const values = strings(statement['tag_value']);
    rules.push({
      key,
      ...(values.length > 0 ? { pattern: values.map((v) => v.split('*').map(escape).join('.*')).join('|') } : {}),
      resourceTypes: [...new Set(required.flatMap(typeGlobs))],
    });
  }
  return rules;
}
