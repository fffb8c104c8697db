import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-dynamodb-table-deletion-protection-enabled',
  title: 'DynamoDB tables are protected against deletion',
  provider: 'aws',
  service: 'dynamodb',
  resourceType: 'aws.dynamodb.table',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Deleting a table deletes its point-in-time recovery window with it; deletion protection turns a slip in a script or a console into a deliberate two-step act.',
  remediation: {
    text: 'Enable deletion protection on tables that hold data you must keep.',
    cli: 'aws dynamodb update-table --table-name TABLE --deletion-protection-enabled',
  },
  assess(r, ctx) {
    const { deletionProtectionEnabled } = r.data;
    return deletionProtectionEnabled
      ? ctx.pass('Deletion protection is on', { deletionProtectionEnabled })
      : ctx.fail('Deletion protection is off', { deletionProtectionEnabled });
  },
});
