import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/opensearch/aws-opensearch-domain-encrypted-at-rest.js';
import { openSearchDomain } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { runCheck } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.opensearch.domain', 'es:ListDomainNames', openSearchDomain('good'), openSearchDomain('bad', { encryptionAtRest: false, kmsKeyId: null }), { encryptionAtRest: false });

  test('NOT_APPLICABLE for a domain being deleted', () => {
    expect(runCheck(check, [listingOf('aws.opensearch.domain', [openSearchDomain('going', { deleted: true })])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
