import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-apikeys-key-api-restricted',
  title: 'API keys may call only the APIs they are meant for',
  provider: 'gcp',
  service: 'apikeys',
  resourceType: 'gcp.apikeys.key',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'A key without API restrictions can call every API enabled in the project, so a key leaked from a maps widget also works against translation, AI or storage APIs.',
  remediation: {
    text: 'Restrict the key to the APIs the application calls.',
    cli: 'gcloud services api-keys update KEY_ID --api-target=service=maps-backend.googleapis.com',
  },
  references: ['https://cloud.google.com/docs/authentication/api-keys#adding-api-restrictions', 'CIS Google Cloud Platform Foundation 3.0.0 1.14'],
  assess(key, ctx) {
    const { apiTargets } = key.data;
    return apiTargets.length > 0
      ? ctx.pass(`Restricted to ${apiTargets.join(', ')}`, { apiTargets })
      : ctx.fail('May call every API enabled in the project', { apiTargets });
  },
});
