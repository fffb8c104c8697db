import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/opensearch/aws-opensearch-domain-https-enforced.js';
import { openSearchDomain } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { runCheck } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.opensearch.domain', 'es:ListDomainNames', openSearchDomain('good'), openSearchDomain('bad', { enforceHttps: false }), { enforceHttps: false });

  test('NOT_APPLICABLE for a domain being deleted', () => {
    expect(runCheck(check, [listingOf('aws.opensearch.domain', [openSearchDomain('going', { deleted: true })])])[0]?.status).toBe('NOT_APPLICABLE');
  });

  test('FAIL when HTTPS is required but the TLS policy still accepts TLS 1.0', () => {
    const [result] = runCheck(check, [listingOf('aws.opensearch.domain', [openSearchDomain('old-tls', { tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' })])]);
    expect(result).toMatchObject({ status: 'FAIL', evidence: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } });
  });
});
