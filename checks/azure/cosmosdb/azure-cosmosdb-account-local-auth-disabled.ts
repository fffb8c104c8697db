import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-cosmosdb-account-local-auth-disabled',
  title: 'Cosmos DB accounts accept Entra ID authentication only, not account keys',
  provider: 'azure',
  service: 'cosmosdb',
  resourceType: 'azure.cosmosdb.account',
  duty: 'credentials',
  severity: 'medium',
  rationale: 'An account key grants full data access to whoever holds it, never expires and leaves no identity in the logs; Entra ID tokens are scoped by RBAC, short-lived and attributable.',
  remediation: {
    text: 'Move clients to Entra ID (data-plane RBAC role assignments), then disable local (key) authentication.',
    cli: 'az resource update --ids <account-id> --set properties.disableLocalAuth=true',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.4.3'],
  assess(account, ctx) {
    const evidence = { disableLocalAuth: account.data.disableLocalAuth };
    return account.data.disableLocalAuth ? ctx.pass('Key authentication is disabled', evidence) : ctx.fail('Account keys are accepted', evidence);
  },
});
