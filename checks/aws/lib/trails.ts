import type { Scope, Resource } from '../../../src/core/resource.js';
import { principalAccount } from './policy.js';

/**
 * The trails a scope's own checks judge: those living in this region and owned by this account.
 * Each region's listing also holds shadow copies of multi-region and organization trails; judging
 * those there would report one trail many times, or blame a member account for the
 * management account's trail.
 */
export function ownTrails(trails: readonly Resource<'aws.cloudtrail.trail'>[], scope: Scope): Resource<'aws.cloudtrail.trail'>[] {
  return trails.filter((t) => t.data.homeRegion === scope.region && trailAccount(t.data.trailArn) === scope.account);
}

const trailAccount = (arn: string): string | null => principalAccount(arn.replace(/^arn:(aws[a-z-]*):cloudtrail:[^:]*:/, 'arn:$1:iam::'));
