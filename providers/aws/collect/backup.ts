import {
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  GetBackupVaultAccessPolicyCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListBackupVaults,
  paginateListProtectedResources,
  type GetBackupPlanCommandOutput,
  type GetBackupSelectionCommandOutput,
  type GetBackupVaultAccessPolicyCommandOutput,
} from '@aws-sdk/client-backup';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, unseen, type Observed } from '../../../src/core/observed.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import type { BackupSelection } from '../model/index.js';
import { FailedCall, iso, provenance, type AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';


/** AWS Backup in one region: plans with their rules and selections, and the protected resources. */
export async function collectBackup(caller: AwsCaller, region: string, types: ReadonlySet<ResourceType>): Promise<Listing[]> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  const jobs: Promise<Listing>[] = [];
  if (types.has('aws.backup.plan')) {
    jobs.push(caller.listing('aws.backup.plan', region, 'backup', 'ListBackupPlans', async () => {
      const plans = await caller.all('backup', region, paginateListBackupPlans, {}, (p) => p.BackupPlansList, 1000);
      return Promise.all(plans.filter((p) => p.BackupPlanId).map(async (p) => {
        const BackupPlanId = p.BackupPlanId!;
        const rulesAnswer = caller.observe('backup', region, new GetBackupPlanCommand({ BackupPlanId }), (o: GetBackupPlanCommandOutput) =>
          (o.BackupPlan?.Rules ?? []).map((r) => ({
            ruleName: r.RuleName ?? '',
            targetBackupVaultName: r.TargetBackupVaultName ?? '',
            scheduleExpression: r.ScheduleExpression ?? null,
            deleteAfterDays: r.Lifecycle?.DeleteAfterDays ?? null,
            moveToColdStorageAfterDays: r.Lifecycle?.MoveToColdStorageAfterDays ?? null,
          })));
        let selections: Observed<readonly BackupSelection[]>;
        try {
          const list = await caller.all('backup', region, paginateListBackupSelections, { BackupPlanId }, (s) => s.BackupSelectionsList, 1000);
          const details = await Promise.all(list.filter((s) => s.SelectionId).map((s) =>
            caller.send<GetBackupSelectionCommandOutput>('backup', region, new GetBackupSelectionCommand({ BackupPlanId, SelectionId: s.SelectionId! }))
              .then((o) => ({ id: s.SelectionId!, o }), (e: unknown) => {
                throw new FailedCall(caller.error(e, 'backup', 'GetBackupSelection', region));
              })));
          selections = seen(details.map(({ id, o }) => ({
            selectionId: id,
            selectionName: o.BackupSelection?.SelectionName ?? '',
            iamRoleArn: o.BackupSelection?.IamRoleArn ?? '',
            resources: o.BackupSelection?.Resources ?? [],
            notResources: o.BackupSelection?.NotResources ?? [],
            listOfTags: (o.BackupSelection?.ListOfTags ?? []).map((t) => ({
              conditionType: t.ConditionType ?? '', conditionKey: t.ConditionKey ?? '', conditionValue: t.ConditionValue ?? '',
            })),
          })), provenance('backup', 'GetBackupSelection'));
        } catch (e) {
          selections = unseen(e instanceof FailedCall ? e.error : caller.error(e, 'backup', 'ListBackupSelections', region));
        }
        const arn = p.BackupPlanArn ?? BackupPlanId;
        return resource('aws.backup.plan', where, {
          id: arn, name: p.BackupPlanName ?? BackupPlanId,
          data: {
            backupPlanId: BackupPlanId, backupPlanArn: arn, backupPlanName: p.BackupPlanName ?? '', versionId: p.VersionId ?? '',
            creationDate: iso(p.CreationDate) ?? '', lastExecutionDate: iso(p.LastExecutionDate),
            rules: await rulesAnswer, selections,
          },
        });
      }));
    }));
  }
  if (types.has('aws.backup.protected-resource')) {
    jobs.push(caller.listing('aws.backup.protected-resource', region, 'backup', 'ListProtectedResources', async () =>
      (await caller.all('backup', region, paginateListProtectedResources, {}, (p) => p.Results, 1000)).map((r) =>
        resource('aws.backup.protected-resource', where, {
          id: r.ResourceArn ?? '', name: r.ResourceName || r.ResourceArn || '',
          data: {
            resourceArn: r.ResourceArn ?? '', resourceType: r.ResourceType ?? '', lastBackupTime: iso(r.LastBackupTime),
            resourceName: r.ResourceName || null,
          },
        }))));
  }
  if (types.has('aws.backup.vault')) {
    // ListBackupVaults carries the lock and the key; the access policy needs one call per vault.
    jobs.push(caller.listing('aws.backup.vault', region, 'backup', 'ListBackupVaults', async () => {
      const vaults = await caller.all('backup', region, paginateListBackupVaults, {}, (p) => p.BackupVaultList, 1000);
      return Promise.all(vaults.filter((v) => v.BackupVaultName).map(async (v) => {
        const name = v.BackupVaultName!;
        const policy = await caller.observe('backup', region, new GetBackupVaultAccessPolicyCommand({ BackupVaultName: name }),
          (o: GetBackupVaultAccessPolicyCommandOutput) => resourcePolicy(o.Policy), null);
        const arn = v.BackupVaultArn ?? name;
        return resource('aws.backup.vault', where, {
          id: arn, name,
          data: {
            name, arn, vaultType: v.VaultType ?? 'BACKUP_VAULT', encryptionKeyArn: v.EncryptionKeyArn || null, locked: v.Locked ?? false,
            minRetentionDays: v.MinRetentionDays ?? null, maxRetentionDays: v.MaxRetentionDays ?? null, lockDate: iso(v.LockDate),
            numberOfRecoveryPoints: v.NumberOfRecoveryPoints ?? 0, policy,
          },
        });
      }));
    }));
  }
  return Promise.all(jobs);
}
