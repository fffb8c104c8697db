import { afterEach, describe, expect, it } from 'vitest';
import { awsChecks } from '../../../checks/aws/index.js';
import { scanToArray } from '../../support/engine.js';
import { adapterFor, FakeAws, richAccount, singleAccountState } from './support.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('the AWS adapter under runScan with the AWS checks', () => {
  it('collects every input the checks read: no ERROR on a fully readable account', async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    const adapter = await adapterFor(fake, { regions: ['us-east-1', 'eu-west-1'] });
    const { findings, summary } = await scanToArray({ providers: ['aws'], checks: awsChecks, adapters: { aws: adapter } });
    const errors = findings.filter((f) => f.status === 'ERROR').map((f) => `${f.check.id} ${f.resource.id} ${JSON.stringify(f.error)}`);
    expect(errors).toEqual([]);
    expect(summary.counts.byStatus.FAIL).toBeGreaterThan(0);
    expect(summary.counts.byStatus.PASS).toBeGreaterThan(0);
    const status = (check: string, resourceName: string) =>
      findings.find((f) => f.check.id === check && f.resource.name === resourceName)?.status;
    expect(status('aws-s3-bucket-default-encryption-enabled', 'bare-bucket')).toBe('FAIL');
    expect(status('aws-s3-bucket-default-encryption-enabled', 'logs-bucket')).toBe('PASS');
    expect(status('aws-ec2-instance-imdsv2-required', 'web')).toBe('FAIL');
  });

  it('turns one denied call into ERROR findings for the checks that read it, and only there', async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    fake.fault({ service: 's3', operation: 'GetBucketEncryption', code: 'AccessDenied', status: 403 });
    const adapter = await adapterFor(fake, { regions: ['us-east-1'] });
    const { findings } = await scanToArray({ providers: ['aws'], checks: awsChecks, adapters: { aws: adapter } });
    const errored = new Set(findings.filter((f) => f.status === 'ERROR').map((f) => f.check.id));
    expect(errored.has('aws-s3-bucket-default-encryption-enabled')).toBe(true);
    expect(findings.filter((f) => f.status === 'ERROR').every((f) => f.error?.operation === 's3:GetBucketEncryption')).toBe(true);
  });
});
