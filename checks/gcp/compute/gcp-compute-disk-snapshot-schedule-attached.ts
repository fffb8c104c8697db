import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-compute-disk-snapshot-schedule-attached',
  title: 'Persistent disks have a snapshot schedule',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.disk',
  duty: 'backups',
  severity: 'medium',
  defaults: { requireInUse: false },
  rationale:
    'A disk without a snapshot schedule is backed up only when someone remembers to. A schedule gives regular restore points ' +
    'with a retention the contract can name.',
  remediation: {
    text: 'Create a snapshot schedule resource policy in the disk\'s region and attach it to the disk.',
    cli: 'gcloud compute disks add-resource-policies DISK --zone=ZONE --resource-policies=SCHEDULE',
  },
  references: ['https://cloud.google.com/compute/docs/disks/scheduled-snapshots'],
  assess(disk, ctx) {
    if (ctx.params.requireInUse && disk.data.users.length === 0) {
      return ctx.notApplicable('The disk is not attached to any VM', { users: [] });
    }
    const evidence = { snapshotSchedules: disk.data.snapshotSchedules, latestSnapshot: disk.data.latestSnapshot, users: disk.data.users };
    return disk.data.snapshotSchedules.length > 0
      ? ctx.pass('A snapshot schedule is attached', evidence)
      : ctx.fail('No snapshot schedule is attached', evidence);
  },
});
