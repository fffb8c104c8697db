import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-appservice-web-app-https-only',
  title: 'App Service apps redirect HTTP to HTTPS',
  provider: 'azure',
  service: 'appservice',
  resourceType: 'azure.appservice.web-app',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'Without HTTPS Only the app also answers plain HTTP, so cookies, tokens and form data can cross the network unencrypted.',
  remediation: { text: 'Turn on HTTPS Only for the app.', cli: 'az webapp update --name <app> --resource-group <rg> --https-only true' },
  references: ['CIS Microsoft Azure Foundations 3.0.0 9.1'],
  assess(app, ctx) {
    const evidence = { httpsOnly: app.data.httpsOnly };
    return app.data.httpsOnly ? ctx.pass('HTTP is redirected to HTTPS', evidence) : ctx.fail('The app answers plain HTTP', evidence);
  },
});
