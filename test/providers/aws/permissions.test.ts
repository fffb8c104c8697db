import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { AWS_OPERATIONS, awsReadOnlyPolicy, memberRoleActions, requiredIamActions } from '../../../providers/aws/permissions.js';
import { adapterFor, FakeAws, richAccount, runAdapter } from './support.js';

interface Statement { Sid?: string; Action: string | string[]; Resource: string | string[] }
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('AWS permissions', () => {
  it('the read-only policy grants exactly the actions the collectors need', () => {
    const policy = JSON.parse(read('deploy/aws/dutyscan-readonly-policy.json')) as { Statement: Statement[] };
    expect(actionsOf(policy.Statement)).toEqual(requiredIamActions());
    expect(policy).toEqual(awsReadOnlyPolicy());
    expect(policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).every((a) => !a.includes('*'))).toBe(true);
  });

  it('the member role template grants the read actions, trusts the scanner account with an external id', () => {
    const template = parse(read('deploy/aws/member-role.cfn.yaml')) as {
      Resources: { DutyscanReadOnlyRole: { Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[]; AssumeRolePolicyDocument: { Statement: { Condition: unknown }[] } } } };
    };
    const role = template.Resources.DutyscanReadOnlyRole.Properties;
    expect(actionsOf(role.Policies[0]!.PolicyDocument.Statement)).toEqual(memberRoleActions());
    expect(JSON.stringify(role.AssumeRolePolicyDocument.Statement[0]!.Condition)).toContain('sts:ExternalId');
  });

  it('a full organisation scan calls exactly the operations in the table, and each of them', async () => {
    const management = richAccount('100000000000');
    const member = richAccount('200000000001');
    member.memberRole = { name: 'DutyscanReadOnly' };
    fake = await FakeAws.start({
      callerAccount: management.id,
      accounts: new Map([[management.id, management], [member.id, member]]),
      organization: { accounts: [{ Id: management.id, Status: 'ACTIVE' }, { Id: member.id, Status: 'ACTIVE' }] },
    });
    // Object Lock is read for critical buckets only: name one, so that call is made too.
    const { api, discovery } = await runAdapter(await adapterFor(fake, { organization: { enabled: true } }, { criticalResources: ['logs-*'] }));
    expect(discovery.failures).toEqual([]);
    const called = Object.entries(api.snapshot().calls.aws ?? {})
      .flatMap(([service, ops]) => Object.keys(ops).map((op) => `${service}:${op}`)).sort();
    expect(called).toEqual(Object.keys(AWS_OPERATIONS).sort());
    // The fake saw the same operations: nothing bypassed the ApiCaller.
    const onTheWire = [...new Set(fake.requests.map((r) => `${r.service}:${r.operation}`))].sort();
    expect(onTheWire).toEqual(called);
  });
});
