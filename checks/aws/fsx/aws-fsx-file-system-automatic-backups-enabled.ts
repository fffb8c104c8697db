import { defineCheck } from '../../../src/core/check.js';
import { assessRetention } from '../lib/retention.js';

export default defineCheck({
  id: 'aws-fsx-file-system-automatic-backups-enabled',
  title: 'FSx file systems take automatic daily backups',
  provider: 'aws',
  service: 'fsx',
  resourceType: 'aws.fsx.file-system',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Automatic daily backups are the file system\'s restore points against deletion, corruption and ransomware; retention 0 turns them off.',
  remediation: {
    text: 'Set the automatic backup retention to at least the required days (up to 90).',
    cli: 'aws fsx update-file-system --file-system-id FS --windows-configuration AutomaticBackupRetentionDays=7',
  },
  defaults: { minRetentionDays: 7 },
  assess(r, ctx) {
    if (r.data.automaticBackupRetentionDays === null) return ctx.notApplicable('Scratch file systems keep no backups', { deploymentType: r.data.deploymentType });
    return assessRetention(r.data.automaticBackupRetentionDays, ctx.params.minRetentionDays, ctx, 'Automatic backups');
  },
});
