import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { meetsTls } from '../lib/tls.js';

export default defineCheck({
  id: 'azure-appservice-web-app-min-tls-1-2',
  title: 'App Service apps refuse TLS versions below 1.2',
  provider: 'azure',
  service: 'appservice',
  resourceType: 'azure.appservice.web-app',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated; an app whose minimum TLS version is lower still offers them to clients.',
  remediation: { text: 'Set the app minimum TLS version to 1.2 or later.', cli: 'az webapp config set --name <app> --resource-group <rg> --min-tls-version 1.2' },
  references: ['CIS Microsoft Azure Foundations 3.0.0 9.4'],
  defaults: { minimum: '1.2' },
  assess(app, ctx) {
    const { minTlsVersion } = ctx.known(app.data.config);
    const evidence = { minTlsVersion, required: ctx.params.minimum };
    // Unset: the platform default, 1.2.
    return meetsTls(minTlsVersion ?? '1.2', ctx.params.minimum)
      ? ctx.pass(`Minimum TLS version is ${minTlsVersion ?? 'the default (1.2)'}`, evidence)
      : ctx.fail(`Minimum TLS version is ${minTlsVersion}`, evidence);
  },
});
