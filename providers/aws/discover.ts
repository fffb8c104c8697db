import { DescribeRegionsCommand, type DescribeRegionsCommandOutput } from '@aws-sdk/client-ec2';
import { paginateListAccounts, type Account as OrgAccount } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, type AssumeRoleCommandOutput, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { collectionError, type CollectionError } from '../../src/core/observed.js';
import type { ApiCaller, DiscoverContext, DiscoveryResult, Target } from '../../src/core/provider.js';
import { GLOBAL_REGION, type Scope } from '../../src/core/resource.js';
import { inShard } from '../../src/core/shard.js';
import type { AwsConfig } from './config.js';
import { AWS_REGIONAL_TYPES } from './resources.js';
import { AwsCaller } from './collect/caller.js';
import { inPartition, partitionOf, partitionOfArn } from './partition.js';
import { AwsClients, send, viaApi, type AwsCredentialIdentity, type AwsCredentialIdentityProvider, type ClientSettings } from './collect/clients.js';
import { classifyAwsError } from './collect/errors.js';

/** A region the scan covers, with its opt-in status as `account:ListRegions` spells it. */
export interface RegionInfo {
  readonly name: string;
  /** ENABLED_BY_DEFAULT, ENABLED, or UNKNOWN when DescribeRegions could not be read. */
  readonly optStatus: string;
}

/** What `Target.session` holds for an AWS account: never serialised or logged. */
export interface AwsSession {
  readonly caller: AwsCaller;
  readonly regions: readonly RegionInfo[];
  /** Facts several regional tasks share (a multi-region trail's status), fetched once per account. */
  readonly shared: Map<string, Promise<unknown>>;
}

export const SESSION_NAME = 'dutyscan';
/** Refresh assumed-role credentials this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

const OPT_STATUS: Readonly<Record<string, string>> = {
  'opt-in-not-required': 'ENABLED_BY_DEFAULT',
  'opted-in': 'ENABLED',
};

/**
 * Credentials of a role assumed in a member account, refreshed before they expire. Concurrent
 * callers share one refresh. The AssumeRole call goes through the ApiCaller without an account,
 * so it never waits behind the member account's own per-account cap (which the SDK call needing
 * these credentials may be holding).
 */
export function assumedRoleCredentials(
  api: ApiCaller,
  base: AwsClients,
  region: string,
  request: { roleArn: string; externalId?: string; durationSeconds: number },
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let refreshing: Promise<AwsCredentialIdentity> | undefined;
  const refresh = async (): Promise<AwsCredentialIdentity> => {
    const output = await send<AssumeRoleCommandOutput>(api, 'sts', base.get('sts', region), new AssumeRoleCommand({
      RoleArn: request.roleArn,
      RoleSessionName: SESSION_NAME,
      DurationSeconds: request.durationSeconds,
      ...(request.externalId !== undefined ? { ExternalId: request.externalId } : {}),
    }), { region });
    const c = output.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw Object.assign(new Error('AssumeRole answered without credentials'), { name: 'InvalidResponse' });
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };
  return async () => {
    if (current && (!current.expiration || current.expiration.getTime() - now() > REFRESH_MARGIN_MS)) return current;
    refreshing ??= refresh().finally(() => { refreshing = undefined; });
    current = await refreshing;
    return current;
  };
}

/** The role dutyscan assumes in a member account of the organisation. */
/** The organisation role in a member account, in the caller's partition (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export const memberRoleArn = (partition: string, account: string, roleName: string): string => `arn:${partition}:iam::${account}:role/${roleName}`;

function failure(account: string, region: string, error: CollectionError, accountName?: string): DiscoveryResult['failures'][number] {
  const scope: Scope = { provider: 'aws', account, region, ...(accountName ? { accountName } : {}) };
  // A region we cannot scan holds only regional types; an account we cannot enter holds them all.
  return { scope, error: { ...error, account, region }, ...(region !== GLOBAL_REGION ? { resourceTypes: AWS_REGIONAL_TYPES } : {}) };
}

/** Member accounts an organisation scan covers: active, included, not excluded, in this shard. */
export function selectAccounts(
  accounts: readonly OrgAccount[],
  org: AwsConfig['organization'],
  shard: DiscoverContext['shard'],
): OrgAccount[] {
  return accounts.filter((a) => {
    if (!a.Id) return false;
    // `Status` is deprecated in favour of `State`; honour whichever the API sent.
    const state = a.State ?? a.Status;
    if (state === 'SUSPENDED' || state === 'CLOSED' || state === 'PENDING_CLOSURE') return false;
    if (org.includeAccounts.length > 0 && !org.includeAccounts.includes(a.Id)) return false;
    if (org.excludeAccounts.includes(a.Id)) return false;
    return inShard(a.Id, shard);
  });
}

async function regionsOf(
  caller: AwsCaller,
  config: AwsConfig,
  partition: string,
): Promise<{ regions: RegionInfo[]; failures: DiscoveryResult['failures'] }> {
  const home = config.defaultRegion;
  let described: DescribeRegionsCommandOutput['Regions'];
  let describeError: CollectionError | undefined;
  try {
    described = (await caller.send<DescribeRegionsCommandOutput>('ec2', home, new DescribeRegionsCommand({ AllRegions: true }))).Regions ?? [];
  } catch (e) {
    describeError = caller.error(e, 'ec2', 'DescribeRegions', home);
  }
  // Regions of another partition are not the caller's to scan, whatever the endpoint lists.
  const status = new Map((described ?? []).filter((r) => inPartition(r.RegionName ?? '', partition)).map((r) => [r.RegionName ?? '', r.OptInStatus ?? '']));
  if (config.regions) {
    // Configured regions: keep the account's disabled ones out (calls there hang or fail), visibly.
    const failures: DiscoveryResult['failures'][number][] = [];
    const regions: RegionInfo[] = [];
    for (const name of config.regions) {
      const s = status.get(name);
      if (!inPartition(name, partition)) {
        failures.push(failure(caller.account, name, collectionError('NOT_ENABLED', 'ec2:DescribeRegions',
          `region ${name} is in partition ${partitionOf(name)}, not the caller's (${partition})`, { provider: 'aws' }), caller.accountName));
      } else if (describeError) regions.push({ name, optStatus: 'UNKNOWN' });
      else if (s === undefined || s === 'not-opted-in') {
        failures.push(failure(caller.account, name, collectionError('NOT_ENABLED', 'ec2:DescribeRegions',
          `region ${name} is ${s === undefined ? 'unknown to' : 'not enabled in'} this account`, { provider: 'aws' }), caller.accountName));
      } else regions.push({ name, optStatus: OPT_STATUS[s] ?? s.toUpperCase() });
    }
    return { regions, failures };
  }
  if (describeError) return { regions: [], failures: [failure(caller.account, GLOBAL_REGION, describeError, caller.accountName)] };
  const regions = [...status]
    .filter(([name, s]) => name !== '' && s !== 'not-opted-in')
    .map(([name, s]) => ({ name, optStatus: OPT_STATUS[s] ?? s.toUpperCase() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { regions, failures: [] };
}

export interface DiscoveryEnv {
  readonly config: AwsConfig;
  readonly settings: ClientSettings;
  /** Clients with the scan's own identity (the SDK default chain or `profile`). */
  readonly base: AwsClients;
}

/**
 * Who we are (STS GetCallerIdentity), which accounts to scan (the caller's, or an organisation's
 * active members through Organizations with an assumed role in each), and which regions each has
 * enabled (one DescribeRegions(AllRegions) per account). An account we cannot enter becomes a
 * failure and the scan goes on with the others.
 */
export async function discoverAws(ctx: DiscoverContext, env: DiscoveryEnv): Promise<DiscoveryResult> {
  const { config, base } = env;
  const home = config.defaultRegion;
  let callerAccount: string;
  let partition: string;
  ctx.step?.('checking credentials (sts:GetCallerIdentity)');
  try {
    const identity = await send<GetCallerIdentityCommandOutput>(ctx.api, 'sts', base.get('sts', home), new GetCallerIdentityCommand({}), { region: home });
    if (!identity.Account) throw Object.assign(new Error('GetCallerIdentity answered without an account'), { name: 'InvalidResponse' });
    callerAccount = identity.Account;
    partition = partitionOfArn(identity.Arn) ?? partitionOf(home);
  } catch (e) {
    const error = classifyAwsError(e, 'sts', 'GetCallerIdentity', { region: home });
    // No identity: nothing can be scanned. AUTH_FAILED whatever the SDK said, with its words kept.
    return { targets: [], failures: [failure('unknown', GLOBAL_REGION, { ...error, code: error.code === 'UNAVAILABLE' || error.code === 'TIMEOUT' ? error.code : 'AUTH_FAILED' })], mode: 'single-account' };
  }

  const targetFor = async (caller: AwsCaller): Promise<{ target?: Target; failures: DiscoveryResult['failures'] }> => {
    if (!config.organization.enabled) ctx.step?.('listing regions (ec2:DescribeRegions)');
    const { regions, failures } = await regionsOf(caller, config, partition);
    if (regions.length === 0 && failures.some((f) => f.scope.region === GLOBAL_REGION)) return { failures };
    const session: AwsSession = { caller, regions, shared: new Map() };
    return {
      target: {
        provider: 'aws', account: caller.account, regions: regions.map((r) => r.name), session,
        ...(caller.accountName ? { accountName: caller.accountName } : {}),
      },
      failures,
    };
  };

  if (!config.organization.enabled) {
    if (!inShard(callerAccount, ctx.shard)) return { targets: [], failures: [], mode: 'single-account' };
    const { target, failures } = await targetFor(new AwsCaller(ctx.api, base, callerAccount));
    return { targets: target ? [target] : [], failures, mode: 'single-account' };
  }

  const org = config.organization;
  let members: OrgAccount[];
  ctx.step?.('listing organisation accounts (organizations:ListAccounts)');
  try {
    const organizations = viaApi(ctx.api, 'organizations', base.get('organizations', home), { account: callerAccount, region: home });
    members = [];
    for await (const page of paginateListAccounts({ client: organizations, pageSize: 20 }, {})) members.push(...(page.Accounts ?? []));
  } catch (e) {
    return {
      targets: [],
      failures: [failure(callerAccount, GLOBAL_REGION, classifyAwsError(e, 'organizations', 'ListAccounts', { account: callerAccount, region: home }))],
      mode: 'organization',
    };
  }

  const targets: Target[] = [];
  const failures: DiscoveryResult['failures'][number][] = [];
  const limit = pLimit(8);
  const selected = selectAccounts(members, org, ctx.shard);
  let entered = 0;
  const entering = () => ctx.step?.(`assuming roles ${entered}/${selected.length}`);
  entering();
  await Promise.all(selected.map((member) => limit(async () => {
    try {
      await enter(member);
    } finally {
      entered++;
      entering();
    }
  })));
  targets.sort((a, b) => a.account.localeCompare(b.account));
  return { targets, failures, mode: 'organization' };

  async function enter(member: OrgAccount): Promise<void> {
    const id = member.Id!;
    const name = member.Name;
    let clients = base;
    if (id !== callerAccount) {
      const credentials = assumedRoleCredentials(ctx.api, base, home, {
        roleArn: memberRoleArn(partition, id, org.roleName),
        durationSeconds: org.sessionDurationSeconds,
        ...(org.externalId !== undefined ? { externalId: org.externalId } : {}),
      });
      try {
        await credentials();
      } catch (e) {
        const error = classifyAwsError(e, 'sts', 'AssumeRole', { account: id, region: GLOBAL_REGION });
        failures.push(failure(id, GLOBAL_REGION, { ...error, code: 'AUTH_FAILED', message: `cannot assume ${org.roleName}: ${error.message}` }, name));
        return;
      }
      clients = new AwsClients(env.settings, credentials);
    }
    const result = await targetFor(new AwsCaller(ctx.api, clients, id, name));
    if (result.target) targets.push(result.target);
    failures.push(...result.failures);
  }
}
