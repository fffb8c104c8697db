import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-appservice-web-app-ftps-only',
  title: 'App Service apps allow deployment over FTPS only, or no FTP at all',
  provider: 'azure',
  service: 'appservice',
  resourceType: 'azure.appservice.web-app',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'Plain FTP sends the deployment credentials and the application code unencrypted; FTPS encrypts them, and disabling FTP removes the endpoint.',
  remediation: { text: 'Set FTP state to Disabled (or FtpsOnly where FTP deployment is still needed).', cli: 'az webapp config set --name <app> --resource-group <rg> --ftps-state Disabled' },
  references: ['CIS Microsoft Azure Foundations 3.0.0 9.3'],
  assess(app, ctx) {
    const { ftpsState } = ctx.known(app.data.config);
    const evidence = { ftpsState };
    return ftpsState !== null && ['ftpsonly', 'disabled'].includes(ftpsState.toLowerCase())
      ? ctx.pass(`FTP state is ${ftpsState}`, evidence)
      : ctx.fail(`FTP state is ${ftpsState ?? 'not set (AllAllowed)'}`, evidence);
  },
});
