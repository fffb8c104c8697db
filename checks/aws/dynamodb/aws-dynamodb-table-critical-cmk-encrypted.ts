import { defineCheck } from '../../../src/core/check.js';
import { assessCriticalCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'aws-dynamodb-table-critical-cmk-encrypted',
  title: 'DynamoDB tables holding critical data are encrypted with a customer-managed KMS key',
  provider: 'aws',
  service: 'dynamodb',
  resourceType: 'aws.dynamodb.table',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'DynamoDB encrypts every table, by default with an AWS owned key the customer can neither see nor revoke. For critical tables (policy.criticalResources) a contract usually asks for a customer-managed key, whose key policy decides who may decrypt and whose every use CloudTrail records.',
  remediation: {
    text: 'Switch the table\'s encryption to a customer-managed KMS key (an online change; no downtime).',
    cli: 'aws dynamodb update-table --table-name TABLE --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=KEY_ARN',
  },
  assess: (r, ctx) => assessCriticalCustomerKey(r, r.data.encryption.sseType === 'KMS' ? r.data.encryption.kmsKeyArn : null, ctx),
});
