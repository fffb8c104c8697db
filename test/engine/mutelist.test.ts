import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { muteEntrySchema } from '../../src/config/schema.js';
import { Mutelist } from '../../src/engine/mutelist.js';
import type { ResourceRef } from '../../src/core/resource.js';

const bucket: ResourceRef = {
  provider: 'aws', account: '111111111111', region: 'eu-west-1', type: 'aws.s3.bucket',
  id: 'arn:aws:s3:::public-website', name: 'public-website', tags: { purpose: 'website', env: 'prod' },
};
const entry = (e: Record<string, unknown>) => muteEntrySchema.parse({ reason: 'accepted risk', ...e });
const now = new Date('2026-06-01T12:00:00Z');

describe('mutelist', () => {
  it('matches on check, account, region, resource and tags, by glob or regex', () => {
    const list = new Mutelist([
      entry({ check: 'aws-s3-*', account: '111111111111', region: 'eu-*', resource: 'public-*', tags: { purpose: 'website' }, owner: 'web-team' }),
    ], now);
    expect(list.match('aws-s3-bucket-public-access-blocked', bucket)).toEqual({ reason: 'accepted risk', owner: 'web-team', rule: 0 });
    expect(list.match('aws-ec2-volume-encrypted', bucket)).toBeUndefined();
    expect(list.match('aws-s3-bucket-public-access-blocked', { ...bucket, account: '222222222222' })).toBeUndefined();
    expect(list.match('aws-s3-bucket-public-access-blocked', { ...bucket, tags: { purpose: 'data' } })).toBeUndefined();
    expect(list.match('aws-s3-bucket-public-access-blocked', { ...bucket, tags: {} })).toBeUndefined();
    const regex = new Mutelist([entry({ resource: '/^arn:aws:s3:::public-(web|cdn)/' })], now);
    expect(regex.match('any', bucket)?.rule).toBe(0);
    expect(regex.match('any', { ...bucket, id: 'arn:aws:s3:::private', name: 'private' })).toBeUndefined();
  });

  it('an expired entry stops muting and is reported; one expiring today still mutes', () => {
    const list = new Mutelist([
      entry({ check: 'a', expires: '2026-05-31', reason: 'temporary exception' }),
      entry({ check: 'b', expires: '2026-06-01' }),
    ], now);
    expect(list.match('a', bucket)).toBeUndefined();
    expect(list.match('b', bucket)).toMatchObject({ rule: 1, expires: '2026-06-01' });
    expect(list.expired()).toEqual([{ rule: 0, reason: 'temporary exception', expires: '2026-05-31' }]);
  });

  it('requires a reason for every entry', () => {
    expect(muteEntrySchema.safeParse({ check: 'x' }).success).toBe(false);
  });

  it('never throws on hostile resource names and tags', () => {
    const list = new Mutelist([entry({ resource: 'x*', tags: { k: '/^v/' } })], now);
    fc.assert(fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (name, tags) => {
      list.match('c', { ...bucket, id: name, name, tags });
    }));
  });
});
