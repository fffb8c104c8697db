import { defineScopeCheck } from '../../../src/core/check.js';
import { ownTrails } from '../lib/trails.js';

export default defineScopeCheck({
  id: 'aws-cloudtrail-log-file-validation-enabled',
  title: 'CloudTrail trails validate their log files',
  provider: 'aws',
  service: 'cloudtrail',
  resourceType: 'aws.cloudtrail.trail',
  duty: 'logging',
  severity: 'medium',
  rationale: 'Digest files signed by CloudTrail let an investigator prove the logs were not altered or deleted after delivery, which is what makes them evidence.',
  remediation: {
    text: 'Enable log file validation on the trail.',
    cli: 'aws cloudtrail update-trail --name TRAIL --enable-log-file-validation',
  },
  assessScope(trails, ctx) {
    const own = ownTrails(trails, ctx.scope);
    if (own.length === 0) return ctx.notApplicable('No trail of this account lives in this region', { trailsSeen: trails.length });
    return own.map((t) => {
      const { logFileValidationEnabled } = t.data;
      const v = logFileValidationEnabled
        ? ctx.pass('Log file validation is on', { logFileValidationEnabled })
        : ctx.fail('Log file validation is off', { logFileValidationEnabled });
      return { ...v, resource: t };
    });
  },
});
