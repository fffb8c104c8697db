/**
 * Fixture findings and summaries for output and sink tests. The builders produce values of the
 * real contract types (`Finding`, `ScanSummary`), so a change to the contract breaks the fixtures
 * at compile time, not silently at run time.
 */
import { DUTIES, SEVERITIES, type Duty, type Severity } from '../../src/core/check.js';
import { findingId, STATUSES, type Finding, type Status } from '../../src/core/finding.js';
import type { ProviderId } from '../../src/core/observed.js';
import type { ClauseStatus, ObligationStatus, ScanSummary, StatusCounts } from '../../src/core/summary.js';
import { rollUp } from '../../src/engine/tally.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type FindingOverrides = Partial<Omit<Finding, 'check' | 'resource'>> & {
  check?: Partial<Finding['check']>;
  resource?: Partial<Finding['resource']>;
};

export const FIXED_TIME = '2026-11-22T10:00:00.000Z';

export function finding(overrides: FindingOverrides = {}): Finding {
  const check: Finding['check'] = {
    id: 'aws-s3-bucket-default-encryption-enabled',
    title: 'S3 buckets encrypt objects at rest with a KMS key',
    duty: 'encryption-at-rest',
    service: 's3',
    ...overrides.check,
  };
  const resource: Finding['resource'] = {
    provider: 'aws',
    account: '111122223333',
    accountName: 'production',
    region: 'eu-west-1',
    type: 'aws.s3.bucket',
    id: 'arn:aws:s3:::example-bucket',
    name: 'example-bucket',
    tags: { owner: 'team-a' },
    ...overrides.resource,
  };
  const { check: _c, resource: _r, ...rest } = overrides;
  const status = rest.status ?? 'FAIL';
  const base: Finding = {
    id: findingId(check.id, resource),
    status,
    muted: false,
    severity: 'high',
    check,
    resource,
    message: status === 'PASS' ? `${resource.name} is encrypted with a KMS key` : `${resource.name} has no KMS default encryption`,
    evidence: { algorithm: status === 'PASS' ? 'aws:kms' : null },
    remediation: { text: 'Enable default encryption with a customer managed KMS key.', cli: 'aws s3api put-bucket-encryption --bucket NAME ...' },
    obligations: [{ id: 'data.encryption-at-rest', title: 'Encrypt customer data at rest', clauses: ['2.2.3'] }],
    frameworks: { 'cis-aws-3.0': ['2.1.1'] },
    time: FIXED_TIME,
    ...(status === 'ERROR'
      ? { error: { code: 'ACCESS_DENIED' as const, operation: 's3:GetBucketEncryption', message: 'Access Denied', origin: 'collection' as const } }
      : {}),
    ...(status === 'NOT_ASSESSED' ? { message: 'Not assessed: set policy.criticalResources', notAssessed: { setting: 'policy.criticalResources' } } : {}),
  };
  return { ...base, ...rest };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"quoted", with comma',
  '=HYPERLINK("http://evil")',
  'line\nbreak',
  "o'brien & <b>co</b>",
  'pipe|back\\slash=equals',
  '+cmd|calc',
  '@SUM(1)',
  '-2+3',
  '</script><img src=x onerror=alert(2)>',
  'ünïcødé 日本',
];

/**
 * `count` varied findings, deterministic: every status, severity, duty and provider, a few
 * accounts and regions, some muted, with hostile names and tags sprinkled in.
 */
export function manyFindings(count: number): Finding[] {
  const providers: ProviderId[] = ['aws', 'azure', 'gcp'];
  const regions = { aws: ['us-east-1', 'eu-west-1', 'global'], azure: ['westeurope', 'eastus'], gcp: ['europe-west1', 'global'] };
  const statuses: Status[] = ['FAIL', 'PASS', 'NOT_ASSESSED', 'ERROR', 'NOT_APPLICABLE', 'FAIL', 'PASS'];
  const out: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const provider = providers[i % 3] as ProviderId;
    const rs = regions[provider];
    const region = rs[i % rs.length] as string;
    const account = `${provider === 'aws' ? '1111222233' : provider === 'azure' ? 'sub-' : 'proj-'}${(i % 4).toString().padStart(2, '0')}`;
    const status = statuses[i % statuses.length] as Status;
    const severity = SEVERITIES[i % SEVERITIES.length] as Severity;
    const duty = DUTIES[i % DUTIES.length] as Duty;
    const hostile = i % 13 === 0 ? HOSTILE[(i / 13) % HOSTILE.length] : undefined;
    const name = hostile ?? `res-${i}`;
    // Everything a real check fixes (duty, service, title, mappings) is a function of its id.
    const checkId = `${provider}-svc${i % 7}-${duty}-good-state-${i % 23}`;
    out.push(
      finding({
        status,
        severity,
        muted: i % 17 === 0,
        ...(i % 17 === 0 ? { mute: { reason: 'accepted risk <b>', owner: 'sec@example.com', expires: '2027-01-01', rule: 0 } } : {}),
        check: { id: checkId, title: `Check ${i % 23} holds for ${duty}`, duty, service: `svc${i % 7}` },
        resource: {
          provider,
          account,
          accountName: `acct ${i % 4}`,
          region,
          type: `${provider}.svc${i % 7}.thing`,
          id: `${provider}:${account}/${region}/res-${i}`,
          name,
          tags: hostile ? { [hostile]: hostile } : { env: i % 2 ? 'prod' : 'dev' },
        },
        message: status === 'NOT_ASSESSED' ? `Not assessed: set policy.requiredTags (${name})` : `${name} evaluated: ${status}`,
        ...(status === 'NOT_ASSESSED' ? { notAssessed: { setting: 'policy.requiredTags' } } : {}),
        evidence: { index: i, value: hostile ?? i % 5 },
        obligations: [{ id: `obl.${duty}`, title: `Duty ${duty}`, clauses: [`2.2.${(i % 5) + 1}`] }],
        frameworks: { [`cis-${provider}-3.0`]: [`${((i % 23) % 5) + 1}.${(i % 23) % 9}`] },
      }),
    );
  }
  return out;
}

export const emptyCounts = (): Mutable<StatusCounts> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Mutable<StatusCounts>;


/** A summary whose numbers are computed from `findings`, as the engine's tally would. */
export function summaryOf(findings: readonly Finding[], overrides: Partial<ScanSummary> = {}): ScanSummary {
  const byStatus = emptyCounts();
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byDuty: Partial<Record<Duty, Mutable<StatusCounts>>> = {};
  const byObligation = new Map<string, { title: string; clauses: Set<string>; counts: Mutable<StatusCounts>; unset: Set<string> }>();
  const notAssessed: Record<string, number> = {};
  let muted = 0;
  const accounts = new Map<string, { provider: ProviderId; account: string; name?: string }>();
  for (const f of findings) {
    byStatus[f.status]++;
    if (f.muted) muted++;
    else if (f.status === 'FAIL') failBySeverity[f.severity]++;
    (byDuty[f.check.duty] ??= emptyCounts())[f.status]++;
    if (f.notAssessed) notAssessed[f.notAssessed.setting] = (notAssessed[f.notAssessed.setting] ?? 0) + 1;
    for (const o of f.obligations) {
      let e = byObligation.get(o.id);
      if (!e) byObligation.set(o.id, (e = { title: o.title, clauses: new Set(), counts: emptyCounts(), unset: new Set() }));
      o.clauses.forEach((c) => e.clauses.add(c));
      if (!f.muted) e.counts[f.status]++;
      if (f.notAssessed) e.unset.add(f.notAssessed.setting);
    }
    accounts.set(`${f.resource.provider}/${f.resource.account}`, {
      provider: f.resource.provider,
      account: f.resource.account,
      ...(f.resource.accountName ? { name: f.resource.accountName } : {}),
    });
  }
  const obligations: ObligationStatus[] = [...byObligation].map(([id, e]) => ({
    id, title: e.title, status: rollUp(e.counts, false), clauses: [...e.clauses].sort(), counts: e.counts, acceptedExceptions: 0, notAssessed: [...e.unset].sort(),
  }));
  const clauseIds = [...new Set(obligations.flatMap((o) => o.clauses))].sort();
  const clauses: ClauseStatus[] = clauseIds.map((clause) => {
    const os = obligations.filter((o) => o.clauses.includes(clause));
    const counts = emptyCounts();
    for (const o of os) for (const s of STATUSES) counts[s] += o.counts[s];
    const unset = [...new Set(os.flatMap((o) => o.notAssessed))].sort();
    return { clause, title: `Clause ${clause}`, status: rollUp(counts, false), obligations: os.map((o) => o.id), counts, acceptedExceptions: 0, notAssessed: unset };
  });
  return {
    id: 'scan-0001',
    tool: { name: 'dutyscan', version: '0.1.0' },
    startedAt: '2026-11-22T09:59:00.000Z',
    finishedAt: FIXED_TIME,
    durationMs: 60_000,
    source: 'demo',
    providers: [...new Set(findings.map((f) => f.resource.provider))],
    contract: { id: 'iaas-customer-duties', title: 'Generic IaaS customer duties' },
    scopes: { planned: 3, done: 3 },
    accounts: [...accounts.values()],
    checks: new Set(findings.map((f) => f.check.id)).size,
    findings: findings.length,
    counts: { byStatus, failBySeverity, byDuty, muted },
    obligations,
    clauses,
    notAssessed,
    apiCalls: {},
    totalApiCalls: 0,
    retries: {},
    rateLimitWaitMs: 0,
    errors: [],
    expiredMutes: [],
    undelivered: {},
    complete: byStatus.ERROR === 0,
    collectionMode: {},
    ...overrides,
  };
}

/** Run a formatter over findings the way the CLI does and return the whole document. */
export function render(
  formatter: { begin?(): string; header?(s: ScanSummary): string; finding?(f: Finding, i: number): string; end(s: ScanSummary): string },
  findings: readonly Finding[],
  summary: ScanSummary = summaryOf(findings),
): string {
  // As OutputWriter does: the header (which needs the summary) goes in front of the body.
  const parts: string[] = [formatter.begin?.() ?? ''];
  findings.forEach((f, i) => parts.push(formatter.finding?.(f, i) ?? ''));
  return (formatter.header?.(summary) ?? '') + parts.join('') + formatter.end(summary);
}
