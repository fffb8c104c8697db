import type { BackupVaultListMember } from '@aws-sdk/client-backup';
import type { Image } from '@aws-sdk/client-ec2';
import type { Repository } from '@aws-sdk/client-ecr';
import type { Cluster } from '@aws-sdk/client-eks';
import type { Listener, LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { FunctionConfiguration, FunctionUrlConfig } from '@aws-sdk/client-lambda';
import type { SecretListEntry } from '@aws-sdk/client-secrets-manager';
import type { FakeAccount } from '../state.js';

/**
 * The emulated estate of the aws-edge services (issue 13), per region, in the SDK's own output
 * shapes. Policies are held as objects (undefined: none) and serialised as the service does.
 */
export interface FakeEdgeRegion {
  queues: { name: string; attributes: Record<string, string>; policy?: object }[];
  topics: { name: string; attributes: Record<string, string>; policy?: object }[];
  secrets: { entry: SecretListEntry; policy?: object }[];
  repositories: { repository: Repository; policy?: object }[];
  clusters: Cluster[];
  loadBalancers: { loadBalancer: LoadBalancer; listeners: Listener[]; attributes: Record<string, string> }[];
  functions: { config: FunctionConfiguration; policy?: object; urls: FunctionUrlConfig[] }[];
  images: Image[];
  vaults: { vault: BackupVaultListMember; policy?: object }[];
  /** KMS key id -> key policy (keys themselves live in `account.kms`). */
  keyPolicies: Record<string, object>;
}

export function emptyEdgeRegion(): FakeEdgeRegion {
  return { queues: [], topics: [], secrets: [], repositories: [], clusters: [], loadBalancers: [], functions: [], images: [], vaults: [], keyPolicies: {} };
}

const regions = new WeakMap<FakeAccount, Map<string, FakeEdgeRegion>>();

/** The account's edge state in `region`, created empty on first use (kept beside the account, not in its shared shape). */
export function edgeRegion(account: FakeAccount, region: string): FakeEdgeRegion {
  let byRegion = regions.get(account);
  if (!byRegion) regions.set(account, (byRegion = new Map()));
  let state = byRegion.get(region);
  if (!state) byRegion.set(region, (state = emptyEdgeRegion()));
  return state;
}

export const policyText = (policy: object | undefined): string | undefined => (policy === undefined ? undefined : JSON.stringify(policy));
