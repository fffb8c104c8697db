import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const isDefaultComputeAccount = (email: string): boolean => /^\d+-compute@developer\.gserviceaccount\.com$/.test(email);

export default defineCheck({
  id: 'gcp-compute-instance-default-service-account-limited',
  title: 'VMs do not run as the default compute service account with full API access',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.instance',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'The default compute service account holds Editor on the project unless that grant was removed. With the cloud-platform scope, ' +
    'any code on the VM (or anyone reaching its metadata server) can use every permission of Editor.',
  remediation: {
    text: 'Give the VM a dedicated service account with only the roles it needs; if the default account must stay, restrict its access scopes.',
    cli: 'gcloud compute instances set-service-account VM --zone=ZONE --service-account=SA_EMAIL --scopes=cloud-platform',
  },
  references: ['https://cloud.google.com/compute/docs/access/service-accounts#default_service_account', 'CIS Google Cloud Platform Foundation 3.0.0 4.2'],
  assess(instance, ctx) {
    const accounts = instance.data.serviceAccounts;
    if (accounts.length === 0) return ctx.notApplicable('The VM runs without a service account', { serviceAccounts: [] });
    const fullDefault = accounts.filter((a) => isDefaultComputeAccount(a.email) && a.scopes.includes(CLOUD_PLATFORM_SCOPE));
    if (fullDefault.length > 0) {
      return ctx.fail('The VM runs as the default compute service account with the cloud-platform scope', {
        serviceAccount: fullDefault[0]?.email,
        scopes: fullDefault[0]?.scopes,
      });
    }
    return ctx.pass('The VM does not combine the default service account with full API access', {
      serviceAccounts: accounts.map((a) => ({ email: a.email, scopes: a.scopes })),
    });
  },
});
