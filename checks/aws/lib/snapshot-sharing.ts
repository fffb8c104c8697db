import type { AssessContext, Verdict } from '../../../src/core/check.js';
import type { Observed } from '../../../src/core/observed.js';
import type { SnapshotRestorers } from '../../../providers/aws/model/index.js';

/**
 * The verdict on a snapshot's `restore` attribute (DB and cluster snapshots alike): "all" lets
 * any AWS account restore it; named accounts are the organisation's call; null is a snapshot type
 * that cannot be shared.
 */
export function assessSnapshotSharing(
  snapshot: { readonly restorers: Observed<SnapshotRestorers> | null; readonly snapshotType: string },
  ctx: AssessContext,
): Verdict {
  if (snapshot.restorers === null) return ctx.notApplicable('Only manual snapshots can be shared', { snapshotType: snapshot.snapshotType });
  const restorers = ctx.known(snapshot.restorers);
  return restorers.includes('all')
    ? ctx.fail('Any AWS account may restore this snapshot', { restorers })
    : ctx.pass(restorers.length > 0 ? `Shared with ${restorers.length} named account(s) only` : 'Not shared', { restorers });
}
