import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-logging-project-data-access-audit-enabled',
  title: 'Data Access audit logs are on for all services, with no exempted members',
  provider: 'gcp',
  service: 'logging',
  resourceType: 'gcp.project.iam-policy',
  duty: 'logging',
  severity: 'medium',
  defaults: { logTypes: ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'] },
  rationale:
    'Admin Activity logs are always written, but who read or changed data is only recorded when Data Access audit logs are on. ' +
    'An audit config for allServices (on the project or inherited from a folder or the organisation) covers every API; an exempted member is a blind spot.',
  remediation: {
    text: 'Add an auditConfigs entry for allServices with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members, preferably at the organisation.',
    cli: 'gcloud projects get-iam-policy PROJECT > policy.yaml  # add auditConfigs: [{service: allServices, auditLogConfigs: [...]}], then gcloud projects set-iam-policy PROJECT policy.yaml',
  },
  references: ['https://cloud.google.com/logging/docs/audit/configure-data-access', 'CIS Google Cloud Platform Foundation 3.0.0 2.1'],
  assess(policy, ctx) {
    const configs = ctx.known(policy.data.auditConfigs).filter((c) => c.service === 'allServices');
    const enabled = new Set(configs.flatMap((c) => c.auditLogConfigs.map((l) => l.logType)));
    const missing = ctx.params.logTypes.filter((t) => !enabled.has(t));
    const exempted = configs.flatMap((c) =>
      c.auditLogConfigs.flatMap((l) => l.exemptedMembers.map((member) => ({ logType: l.logType, member, source: c.source }))),
    );
    const evidence = { enabledLogTypes: [...enabled].sort(), missingLogTypes: missing, exemptedMembers: exempted, sources: configs.map((c) => c.source) };
    if (missing.length > 0) return ctx.fail(`Data Access logging for allServices lacks ${missing.join(', ')}`, evidence);
    if (exempted.length > 0) return ctx.fail(`${exempted.length} member(s) are exempted from audit logging`, evidence);
    return ctx.pass('Data Access audit logs are on for all services', evidence);
  },
});
