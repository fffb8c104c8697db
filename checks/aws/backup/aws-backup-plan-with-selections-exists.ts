import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-backup-plan-with-selections-exists',
  title: 'Regions holding volumes or databases have an AWS Backup plan with a schedule and resources assigned',
  provider: 'aws',
  service: 'backup',
  resourceType: 'aws.backup.plan',
  uses: ['aws.ec2.volume', 'aws.rds.instance', 'aws.rds.cluster'],
  duty: 'backups',
  severity: 'medium',
  rationale:
    'A backup duty needs an owner that runs without anyone remembering: a plan with at least one scheduled rule and at least one resource selection. A plan without selections backs up nothing.',
  remediation: {
    text: 'Create a backup plan with a rule matching the contract\'s frequency and retention, and assign resources to it by tag (e.g. backup=daily).',
    cli: 'aws backup create-backup-plan --backup-plan file://plan.json && aws backup create-backup-selection --backup-plan-id PLAN --backup-selection file://selection.json',
  },
  assessScope(plans, ctx) {
    const answered = plans.filter((p) => p.data.rules.ok && p.data.selections.ok);
    const working = answered.filter((p) => {
      const rules = ctx.known(p.data.rules);
      return rules.some((r) => r.scheduleExpression !== null) && ctx.known(p.data.selections).length > 0;
    });
    const names = working.map((p) => p.data.backupPlanName);
    if (working.length > 0) return ctx.pass(`Plans with schedules and selections: ${names.join(', ')}`, { plans: names });
    const unanswered = plans.find((p) => !p.data.rules.ok || !p.data.selections.ok);
    if (unanswered) ctx.known(unanswered.data.rules.ok ? unanswered.data.selections : unanswered.data.rules);
    const dataHolders = ctx.related('aws.ec2.volume').length + ctx.related('aws.rds.instance').length + ctx.related('aws.rds.cluster').length;
    if (dataHolders === 0) return ctx.notApplicable('No volumes or databases in this region to back up', { plans: plans.length, dataHolders });
    return ctx.fail(
      plans.length === 0 ? 'No backup plan in this region' : 'No backup plan here has both a scheduled rule and a resource selection',
      { plans: plans.map((p) => p.data.backupPlanName), dataHolders },
    );
  },
});
