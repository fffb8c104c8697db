import { afterEach, describe, expect, it } from 'vitest';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { AwsManagedPolicyDocuments } from '../../../providers/aws/collect/managed-policies.js';
import type { PolicyDocument } from '../../../providers/aws/model/index.js';
import { parsePolicyDocument } from '../../../providers/aws/policy-document.js';
import type { FakeAccount, FakeState } from '../../fakes/aws/state.js';
import { adapterFor, FakeAws, find, items, richAccount, runAdapter } from './support.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const MANAGEMENT = '100000000000';
const MEMBERS = ['200000000001', '200000000002'] as const;

/**
 * An organisation of three accounts, each with AdministratorAccess attached `adminAttachments`
 * times, five more AWS managed policies attached, and the rest of the catalogue attached to nothing.
 */
function organisation(): FakeState {
  const account = (id: string, adminAttachments: number): FakeAccount => {
    const a = richAccount(id);
    a.memberRole = { name: 'DutyscanReadOnly' };
    a.iam.policies = a.iam.policies.map((p) => (p.Arn === ADMIN ? { ...p, AttachmentCount: adminAttachments } : p));
    a.iam.policies.push(...Array.from({ length: 5 }, (_, i) => ({
      PolicyName: `Attached${i}`, Arn: `arn:aws:iam::aws:policy/Attached${i}`, Path: '/', DefaultVersionId: 'v2', AttachmentCount: 1,
      PolicyVersionList: [{ VersionId: 'v2', IsDefaultVersion: true, Document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `svc${i}:Get*`, Resource: '*' }] }) }],
    })));
    return a;
  };
  const accounts = [account(MANAGEMENT, 1), ...MEMBERS.map((id, i) => account(id, i + 2))];
  return {
    callerAccount: MANAGEMENT,
    accounts: new Map(accounts.map((a) => [a.id, a])),
    organization: { accounts: accounts.map((a) => ({ Id: a.id, Status: 'ACTIVE' })) },
  };
}

const policyListing = (listings: Awaited<ReturnType<typeof runAdapter>>['listings'], account: string) =>
  find(listings, 'aws.iam.policy', GLOBAL_REGION, account);

describe('AWS managed policies', () => {
  it('lists only the attached ones, page by page, and reads each document once for every account of the scan', async () => {
    fake = await FakeAws.start(organisation());
    fake.pageCap = 4;
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'], organization: { enabled: true } }));
    for (const [i, account] of [MANAGEMENT, ...MEMBERS].entries()) {
      const policies = items(policyListing(listings, account));
      // The customer managed policy, AdministratorAccess and the five attached; none of the unattached three.
      expect(policies.map((p) => p.data.policyName).sort()).toEqual(['AdministratorAccess', 'Attached0', 'Attached1', 'Attached2', 'Attached3', 'Attached4', 'custom-read']);
      const admin = policies.find((p) => p.id === ADMIN)!;
      // Attachment counts are the account's own; the document is the shared one.
      expect(admin.data).toMatchObject({ awsManaged: true, attachmentCount: i + 1, defaultVersionId: 'v1' });
      expect(admin.data.document.statement[0]).toMatchObject({ effect: 'Allow', action: ['*'], resource: ['*'] });
      expect(policies.find((p) => p.data.policyName === 'Attached3')!.data.document.statement[0]!.action).toEqual(['svc3:Get*']);
    }
    // Six attached AWS managed policies in pages of four: two pages per account.
    expect(fake.count('iam', 'ListPolicies')).toBe(6);
    // Each document once in the scan, not once per account.
    expect(fake.count('iam', 'GetPolicyVersion')).toBe(6);
  }, 30_000);

  it('a denied read is an ERROR for that account naming the operation and permission; the next account reads for itself', async () => {
    fake = await FakeAws.start(organisation());
    fake.fault({ service: 'iam', operation: 'GetPolicyVersion', account: MANAGEMENT, code: 'AccessDenied', status: 403 });
    fake.fault({ service: 'iam', operation: 'ListPolicies', account: MEMBERS[1], code: 'AccessDenied', status: 403 });
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'], organization: { enabled: true } }));
    const denied = (account: string) => {
      const answer = policyListing(listings, account).items;
      return answer.ok ? undefined : { code: answer.error.code, operation: answer.error.operation, account: answer.error.account, granted: answer.error.message.match(/grant ([\w:]+)/)?.[1] };
    };
    expect(denied(MANAGEMENT)).toEqual({ code: 'ACCESS_DENIED', operation: 'iam:GetPolicyVersion', account: MANAGEMENT, granted: 'iam:GetPolicyVersion' });
    expect(denied(MEMBERS[1])).toEqual({ code: 'ACCESS_DENIED', operation: 'iam:ListPolicies', account: MEMBERS[1], granted: 'iam:ListPolicies' });
    // The first member's reads were its own, and answered.
    const admin = items(policyListing(listings, MEMBERS[0])).find((p) => p.id === ADMIN)!;
    expect(admin.data.document.statement[0]!.action).toEqual(['*']);
    // The other IAM types do not depend on these reads.
    expect(items(find(listings, 'aws.iam.user', GLOBAL_REGION, MANAGEMENT)).length).toBe(2);
  }, 30_000);
});

describe('AwsManagedPolicyDocuments', () => {
  const doc = (action: string): PolicyDocument =>
    parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }));

  it('shares a read in flight and keeps it, per ARN and version', async () => {
    const cache = new AwsManagedPolicyDocuments();
    let reads = 0;
    const read = (action: string) => () => { reads++; return Promise.resolve(doc(action)); };
    const [a, b] = await Promise.all([cache.document('arn:p', 'v1', read('a')), cache.document('arn:p', 'v1', read('b'))]);
    expect(a).toBe(b);
    expect(reads).toBe(1);
    expect(await cache.document('arn:p', 'v2', read('c'))).toEqual(doc('c'));
    expect(reads).toBe(2);
  });

  it('keeps no failure: a waiter and the next caller read for themselves', async () => {
    const cache = new AwsManagedPolicyDocuments();
    const denied = cache.document('arn:p', 'v1', () => Promise.reject(new Error('denied')));
    const waiter = cache.document('arn:p', 'v1', () => Promise.resolve(doc('w')));
    await expect(denied).rejects.toThrow('denied');
    expect(await waiter).toEqual(doc('w'));
    expect(await cache.document('arn:p', 'v1', () => Promise.resolve(doc('next')))).toEqual(doc('next'));
  });

  it('holds at most its capacity, dropping the oldest', async () => {
    const cache = new AwsManagedPolicyDocuments(2);
    let reads = 0;
    const read = () => { reads++; return Promise.resolve(doc('x')); };
    for (const arn of ['a', 'b', 'c']) await cache.document(arn, 'v1', read);
    await cache.document('c', 'v1', read);
    expect(reads).toBe(3);
    await cache.document('a', 'v1', read);
    expect(reads).toBe(4);
  });
});
