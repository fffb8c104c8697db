import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-apikeys-key-application-restricted',
  title: 'API keys are restricted to named websites, servers or apps',
  provider: 'gcp',
  service: 'apikeys',
  resourceType: 'gcp.apikeys.key',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'An API key without an application restriction works from anywhere: whoever copies it from a web page, a repository or an app bundle can use it and run up charges or read data.',
  remediation: {
    text: 'Add an HTTP referrer, IP address, Android or iOS restriction to the key.',
    cli: 'gcloud services api-keys update KEY_ID --allowed-referrers=https://www.example.com/*',
  },
  references: ['https://cloud.google.com/docs/authentication/api-keys#adding-application-restrictions', 'CIS Google Cloud Platform Foundation 3.0.0 1.13'],
  assess(key, ctx) {
    const { applicationRestriction } = key.data;
    return applicationRestriction !== null
      ? ctx.pass(`Restricted to ${applicationRestriction} callers`, { applicationRestriction })
      : ctx.fail('Usable from any website, server or app', { applicationRestriction });
  },
});
