import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-appservice-web-app-remote-debugging-disabled',
  title: 'App Service apps have remote debugging turned off',
  provider: 'azure',
  service: 'appservice',
  resourceType: 'azure.appservice.web-app',
  duty: 'network-exposure',
  severity: 'medium',
  rationale: 'Remote debugging opens extra inbound ports to the running app and lets a debugger attach to it; left on after a debugging session it is an unattended entry point.',
  remediation: { text: 'Turn remote debugging off.', cli: 'az webapp config set --name <app> --resource-group <rg> --remote-debugging-enabled false' },
  references: ['CIS Microsoft Azure Foundations 3.0.0 9.12'],
  assess(app, ctx) {
    const { remoteDebuggingEnabled } = ctx.known(app.data.config);
    const evidence = { remoteDebuggingEnabled };
    return remoteDebuggingEnabled ? ctx.fail('Remote debugging is on', evidence) : ctx.pass('Remote debugging is off', evidence);
  },
});
