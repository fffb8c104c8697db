import { describe, expect, test } from 'vitest';
import { AWS_TAGS, AZURE_TAGS, GCP_LABELS, assessTags, rulesFor } from '../../../checks/families/tags.js';

describe('required tags', () => {
  const rules = [{ key: 'owner' }, { key: 'env', pattern: 'prod|dev' }];

  test('each key present, a pattern matched in full', () => {
    expect(assessTags({ owner: 'a', env: 'prod' }, rules, AWS_TAGS)).toEqual({ required: ['owner', 'env'], missing: [], invalid: [] });
    expect(assessTags({ env: 'production' }, rules, AWS_TAGS)).toEqual({ required: ['owner', 'env'], missing: ['owner'], invalid: [{ key: 'env', value: 'production', pattern: 'prod|dev' }] });
  });

  test('keys are case-sensitive on AWS, not on Azure; a GCP rule written Owner means the label owner', () => {
    expect(assessTags({ Owner: 'a' }, [{ key: 'owner' }], AWS_TAGS).missing).toEqual(['owner']);
    expect(assessTags({ Owner: 'a' }, [{ key: 'owner' }], AZURE_TAGS).missing).toEqual([]);
    expect(assessTags({ owner: 'a' }, [{ key: 'Owner' }], GCP_LABELS).missing).toEqual([]);
  });

  test('rules apply by resource-type glob; none or an empty list means every type', () => {
    const typed = [{ key: 'a', resourceTypes: ['aws.ec2.*'] }, { key: 'b' }, { key: 'c', resourceTypes: [] }, { key: 'd', resourceTypes: ['AZURE.*'] }];
    expect(rulesFor('aws.ec2.volume', typed).map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect(rulesFor('aws.s3.bucket', typed).map((r) => r.key)).toEqual(['b', 'c']);
    expect(rulesFor('azure.resources.resource', typed).map((r) => r.key)).toEqual(['b', 'c', 'd']);
  });
});
