import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/opensearch/aws-opensearch-domain-not-public.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, doc, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { openSearchDomain } from '../../../fixtures/aws-data.js';
import { runCheck, statuses } from '../../../support/checks.js';

describe(check.id, () => {
  const open = doc({ Sid: 'anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' });
  const public_ = (name: string, policy: ReturnType<typeof doc> | null) => openSearchDomain(name, { vpcId: null, accessPolicy: seen(policy) });

  test('FAIL for a public endpoint whose policy allows everyone; PASS inside a VPC or with a policy that narrows the caller', () => {
    const results = runCheck(check, [listingOf('aws.opensearch.domain', [
      openSearchDomain('in-vpc', { accessPolicy: seen(open) }),
      public_('open', open),
      public_('star-principal', doc({ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })),
      public_('by-address', doc({ Effect: 'Allow', Principal: '*', Action: 'es:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } })),
      public_('named-role', doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/search' }, Action: 'es:*', Resource: '*' })),
      public_('no-policy', null),
    ])]);
    expect(statuses(results)).toEqual([['in-vpc', 'PASS'], ['open', 'FAIL'], ['star-principal', 'FAIL'], ['by-address', 'PASS'], ['named-role', 'PASS'], ['no-policy', 'PASS']]);
    expect(results[1]?.evidence).toEqual({ vpcId: null, openStatements: ['anyone'] });
  });

  test('ERROR when the listing failed or the access policy could not be read, NOT_APPLICABLE when there are no domains or one is being deleted', () => {
    expect(runCheck(check, [failedListingOf('aws.opensearch.domain', 'es:ListDomainNames')])[0]?.status).toBe('ERROR');
    const [unreadable] = runCheck(check, [listingOf('aws.opensearch.domain', [openSearchDomain('garbled', { vpcId: null, accessPolicy: deniedFact('es:DescribeDomains') })])]);
    expect(unreadable).toMatchObject({ status: 'ERROR', error: { operation: 'es:DescribeDomains' } });
    expect(runCheck(check, [listingOf('aws.opensearch.domain', [])])[0]?.status).toBe('NOT_APPLICABLE');
    expect(runCheck(check, [listingOf('aws.opensearch.domain', [openSearchDomain('going', { deleted: true })])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
