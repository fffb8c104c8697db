import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-recoveryservices-vault-immutability-enabled',
  title: 'Recovery Services vaults are immutable',
  provider: 'azure',
  service: 'recoveryservices',
  resourceType: 'azure.recoveryservices.vault',
  duty: 'backups',
  severity: 'medium',
  rationale: 'An immutable vault refuses operations that would shorten retention or delete recovery points before they expire; locked, the setting itself cannot be undone.',
  remediation: { text: 'Enable immutability on the vault, then lock it once the backup policies are final.', cli: 'az backup vault update --name <vault> --resource-group <rg> --immutability-state Locked' },
  defaults: { requireLocked: false },
  assess(vault, ctx) {
    const state = vault.data.immutabilityState;
    const evidence = { immutabilityState: state, requireLocked: ctx.params.requireLocked };
    const accepted = ctx.params.requireLocked ? ['locked'] : ['locked', 'unlocked'];
    return state !== null && accepted.includes(state.toLowerCase())
      ? ctx.pass(`Immutability is ${state}`, evidence)
      : ctx.fail(`Immutability is ${state ?? 'not set (disabled)'}`, evidence);
  },
});
