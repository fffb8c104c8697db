import { defineScopeCheck } from '../../../src/core/check.js';

const CLOUDSHELL_FULL_ACCESS = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';

export default defineScopeCheck({
  id: 'aws-iam-policy-cloudshell-full-access-not-attached',
  title: 'AWSCloudShellFullAccess is attached to no user, group or role',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.policy',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'CloudShell full access includes uploading and downloading files and unrestricted outbound internet from a shell inside the account: a ready-made channel to move data out around network controls.',
  remediation: {
    text: 'Detach AWSCloudShellFullAccess everywhere; grant a scoped policy (no cloudshell:PutFileUpload / GetFileDownload) to those who need CloudShell.',
    cli: 'aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
  },
  assessScope(policies, ctx) {
    const attached = policies.find((p) => p.data.arn === CLOUDSHELL_FULL_ACCESS && p.data.attachmentCount > 0);
    return attached
      ? { ...ctx.fail(`AWSCloudShellFullAccess is attached to ${attached.data.attachmentCount} principal(s)`, { attachmentCount: attached.data.attachmentCount }), resource: attached }
      : ctx.pass('AWSCloudShellFullAccess is not attached', { attachmentCount: 0 });
  },
});
