import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-appservice-web-app-managed-identity',
  title: 'App Service apps have a managed identity for the Azure services they call',
  provider: 'azure',
  service: 'appservice',
  resourceType: 'azure.appservice.web-app',
  duty: 'credentials',
  severity: 'low',
  rationale: 'Without a managed identity an app reaches databases, storage and Key Vault with secrets kept in its settings; a managed identity replaces them with tokens Azure rotates.',
  remediation: { text: 'Assign a system- or user-assigned managed identity and move the app\'s connections to it.', cli: 'az webapp identity assign --name <app> --resource-group <rg>' },
  references: ['CIS Microsoft Azure Foundations 3.0.0 9.5'],
  assess(app, ctx) {
    const evidence = { identityType: app.data.identityType };
    const type = app.data.identityType;
    return type !== null && type.toLowerCase() !== 'none' ? ctx.pass(`Managed identity: ${type}`, evidence) : ctx.fail('The app has no managed identity', evidence);
  },
});
