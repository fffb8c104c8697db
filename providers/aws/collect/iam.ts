import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListPolicies,
  paginateListVirtualMFADevices,
  type AttachedPolicy as SdkAttachedPolicy,
  type EntityType,
  type GetAccountAuthorizationDetailsCommandOutput,
  type GetAccountPasswordPolicyCommandOutput,
  type GetAccountSummaryCommandOutput,
  type GetCredentialReportCommandOutput,
  type GetPolicyVersionCommandOutput,
  type ManagedPolicyDetail,
  type Policy,
  type PolicyDetail,
} from '@aws-sdk/client-iam';
import type { Listing } from '../../../src/core/inventory.js';
import { collectionError, mapObserved, seen, unseen, type CollectionError, type Observed, type Provenance } from '../../../src/core/observed.js';
import { GLOBAL_REGION, type ResourceType } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import { backoffMs, type BackoffPolicy } from '../../../src/net/backoff.js';
import { sleep } from '../../../src/net/sleep.js';
import {
  type AccessKeySlot,
  type AttachedPolicy,
  type InlinePolicy,
  type PasswordPolicy,
  type PolicyDocument,
  type RootUsage,
  type UserCredentials,
} from '../model/index.js';
import { parsePolicyDocument } from '../policy-document.js';
import { awsSettingId } from '../resources.js';
import { FailedCall, iso, provenance, tagsOf, type AwsCaller } from './caller.js';
import { errorName } from './errors.js';
import type { AwsManagedPolicyDocuments } from './managed-policies.js';


export interface IamOptions {
  /** IAM is global: its clients sign for the partition's home region; its listings live in `global`. */
  readonly homeRegion: string;
  /** How long to wait for a credential report being generated. */
  readonly credentialReportWaitMs: number;
  /** First wait between polls; doubles up to 2 s. */
  readonly credentialReportPollMs?: number;
  /** The scan's AWS managed policy documents, shared by all its accounts. */
  readonly awsManagedDocuments: AwsManagedPolicyDocuments;
}

// ---------------------------------------------------------------------------------------------
// Credential report

const NOT_READY = new Set(['ReportInProgress', 'CredentialReportNotReadyException']);
const MISSING = new Set(['ReportNotPresent', 'CredentialReportNotPresentException', 'ReportExpired', 'CredentialReportExpiredException']);
const GENERATION_LIMITED = new Set(['LimitExceeded', 'LimitExceededException']);

/** RFC 4180 rows: quoted fields may hold commas (IAM user names may contain `,`). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export type ReportRow = Readonly<Record<string, string>>;

export function parseCredentialReport(csv: string): ReportRow[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header?.includes('user')) throw Object.assign(new Error('credential report has no header row'), { name: 'InvalidResponse' });
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** Report dates: ISO text, or one of IAM's placeholders for "never" / "not known". */
function reportDate(value: string | undefined): string | null {
  if (!value || value === 'N/A' || value === 'no_information' || value === 'not_supported') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new FailedCall(collectionError('INVALID_RESPONSE', 'iam:GetCredentialReport', `the credential report holds ${JSON.stringify(value)} where a date belongs`, { provider: 'aws' }));
  }
  return date.toISOString();
}

const reportText = (value: string | undefined): string | null => (!value || value === 'N/A' ? null : value);

function accessKeys(row: ReportRow): AccessKeySlot[] {
  const slots: AccessKeySlot[] = [];
  for (const slot of [1, 2] as const) {
    const active = row[`access_key_${slot}_active`] === 'true';
    const lastRotated = reportDate(row[`access_key_${slot}_last_rotated`]);
    // A slot holds a key when it is active or was ever rotated (an inactive key keeps its date).
    if (!active && lastRotated === null) continue;
    slots.push({
      slot,
      active,
      lastRotated,
      lastUsedDate: reportDate(row[`access_key_${slot}_last_used_date`]),
      lastUsedRegion: reportText(row[`access_key_${slot}_last_used_region`]),
      lastUsedService: reportText(row[`access_key_${slot}_last_used_service`]),
    });
  }
  return slots;
}

export function userCredentials(row: ReportRow): UserCredentials {
  return {
    passwordEnabled: row.password_enabled === 'true',
    passwordLastUsed: reportDate(row.password_last_used),
    passwordLastChanged: reportDate(row.password_last_changed),
    mfaActive: row.mfa_active === 'true',
    accessKeys: accessKeys(row),
  };
}

/**
 * Generate (at most every 4 hours AWS builds a new one, otherwise it hands back the latest) and
 * fetch the credential report, polling while it is being built. Bounded by `waitMs`.
 */
async function credentialReport(caller: AwsCaller, options: IamOptions, signal: AbortSignal): Promise<Observed<ReportRow[]>> {
  const iamRegion = options.homeRegion;
  const deadline = Date.now() + options.credentialReportWaitMs;
  // Polls start at `credentialReportPollMs` and double to 2 s, without jitter: one caller per account.
  const polling: BackoffPolicy = { initialMs: options.credentialReportPollMs ?? 100, maxMs: 2000, jitter: [1, 1] };
  let polls = 0;
  const pause = () => sleep(backoffMs(polling, polls++), signal);
  const timeout = (operation: string): Observed<ReportRow[]> =>
    unseen(collectionError('TIMEOUT', `iam:${operation}`, `the credential report was not ready within ${options.credentialReportWaitMs} ms`,
      { provider: 'aws', account: caller.account, region: GLOBAL_REGION }));

  const generate = async (): Promise<CollectionError | undefined> => {
    for (;;) {
      try {
        await caller.send('iam', iamRegion, new GenerateCredentialReportCommand({}));
        return undefined;
      } catch (e) {
        if (!GENERATION_LIMITED.has(errorName(e))) return global(caller.error(e, 'iam', 'GenerateCredentialReport', iamRegion));
        if (Date.now() >= deadline) return global(caller.error(e, 'iam', 'GenerateCredentialReport', iamRegion));
        await pause();
      }
    }
  };

  const failed = await generate();
  if (failed) return unseen(failed);
  let regenerated = false;
  for (;;) {
    try {
      const output = await caller.send<GetCredentialReportCommandOutput>('iam', iamRegion, new GetCredentialReportCommand({}));
      const csv = output.Content ? Buffer.from(output.Content).toString('utf8') : '';
      try {
        return seen(parseCredentialReport(csv), provenance('iam', 'GetCredentialReport', output));
      } catch (e) {
        return unseen(collectionError('INVALID_RESPONSE', 'iam:GetCredentialReport', `unreadable credential report: ${String(e)}`,
          { provider: 'aws', account: caller.account, region: GLOBAL_REGION }));
      }
    } catch (e) {
      const name = errorName(e);
      if (NOT_READY.has(name)) {
        if (Date.now() >= deadline) return timeout('GetCredentialReport');
        await pause();
        continue;
      }
      if (MISSING.has(name) && !regenerated) {
        regenerated = true;
        const again = await generate();
        if (again) return unseen(again);
        continue;
      }
      return unseen(global(caller.error(e, 'iam', 'GetCredentialReport', iamRegion)));
    }
  }
}

const global = (error: CollectionError): CollectionError => ({ ...error, region: GLOBAL_REGION });

/** One row's facts, or INVALID_RESPONSE for that row alone when a cell is not what IAM documents. */
function observeRow<T>(read: () => T, where: { provider: 'aws'; account: string; region: string }, source: Provenance | undefined): Observed<T> {
  try {
    return seen(read(), source);
  } catch (e) {
    if (e instanceof FailedCall) return unseen({ ...e.error, ...where });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// GetAccountAuthorizationDetails

/** IAM returns policy documents URL-encoded (RFC 3986); decode, parse, normalise. */
export function decodePolicy(encoded: string | undefined, where: string, operation = 'GetAccountAuthorizationDetails'): PolicyDocument {
  if (encoded === undefined) return { version: null, statement: [] };
  try {
    return parsePolicyDocument(decodeURIComponent(encoded));
  } catch (e) {
    throw new FailedCall(collectionError('INVALID_RESPONSE', `iam:${operation}`,
      `unreadable policy document in ${where}: ${e instanceof Error ? e.message : String(e)}`, { provider: 'aws' }));
  }
}

const attached = (list: readonly SdkAttachedPolicy[] | undefined): AttachedPolicy[] =>
  (list ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '' }));

const inline = (list: readonly PolicyDetail[] | undefined, owner: string): InlinePolicy[] =>
  (list ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyDocument: decodePolicy(p.PolicyDocument, `${owner}/${p.PolicyName}`) }));

type GaadOutput = GetAccountAuthorizationDetailsCommandOutput;
interface Gaad {
  UserDetailList: NonNullable<GaadOutput['UserDetailList']>;
  GroupDetailList: NonNullable<GaadOutput['GroupDetailList']>;
  RoleDetailList: NonNullable<GaadOutput['RoleDetailList']>;
  Policies: NonNullable<GaadOutput['Policies']>;
}

async function authorizationDetails(caller: AwsCaller, iamRegion: string, filter: EntityType[]): Promise<Gaad> {
  const out: Gaad = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  for await (const page of caller.pages('iam', iamRegion, paginateGetAccountAuthorizationDetails, { Filter: filter }, 1000)) {
    out.UserDetailList.push(...(page.UserDetailList ?? []));
    out.GroupDetailList.push(...(page.GroupDetailList ?? []));
    out.RoleDetailList.push(...(page.RoleDetailList ?? []));
    out.Policies.push(...(page.Policies ?? []));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// AWS managed policies

interface ManagedPolicy {
  readonly policy: Policy | ManagedPolicyDetail;
  readonly document: PolicyDocument;
}

/**
 * The AWS managed policies attached in the account (`ListPolicies` tells this account's attachment
 * counts, without documents), each default version's document from the scan's shared cache. The
 * other 1,400-odd AWS managed policies concern no check: they are neither downloaded nor listed.
 */
async function attachedAwsManagedPolicies(caller: AwsCaller, iamRegion: string, documents: AwsManagedPolicyDocuments): Promise<ManagedPolicy[]> {
  const failed = (operation: string) => (e: unknown): never => {
    throw e instanceof FailedCall ? e : new FailedCall(global(caller.error(e, 'iam', operation, iamRegion)));
  };
  const policies = await caller.all('iam', iamRegion, paginateListPolicies, { Scope: 'AWS', OnlyAttached: true }, (p) => p.Policies, 1000)
    .catch(failed('ListPolicies'));
  return Promise.all(policies.map(async (policy) => {
    const arn = policy.Arn ?? '';
    const versionId = policy.DefaultVersionId ?? '';
    const read = () => caller.send<GetPolicyVersionCommandOutput>('iam', iamRegion, new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))
      .then((o) => decodePolicy(o.PolicyVersion?.Document, policy.PolicyName ?? arn, 'GetPolicyVersion'), failed('GetPolicyVersion'));
    return { policy, document: await documents.document(arn, versionId, read) };
  }));
}

/** GAAD's customer managed policies, with their default version's document. */
const customerManaged = (list: readonly ManagedPolicyDetail[]): ManagedPolicy[] => list.map((policy) => {
  const current = (policy.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ?? policy.PolicyVersionList?.[0];
  return { policy: { ...policy, DefaultVersionId: policy.DefaultVersionId ?? current?.VersionId }, document: decodePolicy(current?.Document, policy.PolicyName ?? '') };
});

// ---------------------------------------------------------------------------------------------

function passwordPolicy(p: NonNullable<GetAccountPasswordPolicyCommandOutput['PasswordPolicy']>): PasswordPolicy {
  return {
    minimumPasswordLength: p.MinimumPasswordLength ?? 0,
    requireSymbols: p.RequireSymbols ?? false,
    requireNumbers: p.RequireNumbers ?? false,
    requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
    requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
    allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
    expirePasswords: p.ExpirePasswords ?? false,
    maxPasswordAge: p.MaxPasswordAge ?? null,
    passwordReusePrevention: p.PasswordReusePrevention ?? null,
    hardExpiry: p.HardExpiry ?? false,
  };
}

/**
 * IAM in O(1) + O(pages) calls: the credential report for every user's password, MFA and key
 * state; GAAD for users, groups, roles and policies with their documents; three account calls.
 */
export async function collectIam(
  caller: AwsCaller,
  types: ReadonlySet<ResourceType>,
  options: IamOptions,
  signal: AbortSignal,
): Promise<Listing[]> {
  const scope = caller.scope(GLOBAL_REGION);
  const iamRegion = options.homeRegion;
  const where = { provider: 'aws' as const, account: caller.account, region: GLOBAL_REGION };
  const wants = (t: ResourceType) => types.has(t);
  const fail = (e: unknown, operation: string): CollectionError =>
    e instanceof FailedCall ? { ...e.error, account: caller.account, region: GLOBAL_REGION } : global(caller.error(e, 'iam', operation, iamRegion));

  const filter: EntityType[] = [
    ...(wants('aws.iam.user') ? (['User'] as const) : []),
    ...(wants('aws.iam.group') ? (['Group'] as const) : []),
    ...(wants('aws.iam.role') ? (['Role'] as const) : []),
    ...(wants('aws.iam.policy') ? (['LocalManagedPolicy'] as const) : []),
  ];
  // Blind spots: both bulk sources are all or nothing per account. IAM authorises
  // GetAccountAuthorizationDetails and GetCredentialReport once, as account-wide actions (they take
  // no resource ARN, so no policy can allow them for some users or roles and not others), and then
  // answers with every entity of the account; a deny (identity policy, permissions boundary, SCP)
  // refuses the whole call, which is an ERROR for every type it feeds. No row can vanish silently.
  const gaad = filter.length > 0
    ? authorizationDetails(caller, iamRegion, filter).then((v) => seen(v, provenance('iam', 'GetAccountAuthorizationDetails')), (e: unknown) => unseen<Gaad>(fail(e, 'GetAccountAuthorizationDetails')))
    : undefined;
  const awsManaged = wants('aws.iam.policy')
    ? attachedAwsManagedPolicies(caller, iamRegion, options.awsManagedDocuments)
      .then((v) => seen(v, provenance('iam', 'ListPolicies')), (e: unknown) => unseen<ManagedPolicy[]>(fail(e, 'ListPolicies')))
    : undefined;
  const report = wants('aws.iam.user') || wants('aws.iam.root') ? credentialReport(caller, options, signal) : undefined;
  const summary = wants('aws.iam.root')
    ? caller.observe('iam', iamRegion, new GetAccountSummaryCommand({}), (o: GetAccountSummaryCommandOutput) => o.SummaryMap ?? {})
      .then((o) => (o.ok ? o : unseen<Record<string, number>>(global(o.error))))
    : undefined;
  // Every user's assigned device is listed too (pages of 1,000); root's is the one whose user ARN ends in `:root`.
  const virtualMfa: Promise<Observed<boolean>> | undefined = wants('aws.iam.root')
    ? caller.all('iam', iamRegion, paginateListVirtualMFADevices, { AssignmentStatus: 'Assigned' }, (p) => p.VirtualMFADevices, 1000)
      .then((devices) => seen(devices.some((d) => d.User?.Arn?.endsWith(':root') ?? false), provenance('iam', 'ListVirtualMFADevices')),
        (e: unknown) => unseen(global(caller.error(e, 'iam', 'ListVirtualMFADevices', iamRegion))))
    : undefined;
  const passwordPolicyAnswer = wants('aws.iam.password-policy')
    ? caller.observe('iam', iamRegion, new GetAccountPasswordPolicyCommand({}),
      (o: GetAccountPasswordPolicyCommandOutput) => (o.PasswordPolicy ? passwordPolicy(o.PasswordPolicy) : null), null)
    : undefined;

  const out: Listing[] = [];
  const reportRows = report ? await report : undefined;
  const rowsByUser = reportRows?.ok ? new Map(reportRows.value.map((r) => [r.user ?? '', r])) : undefined;

  if (gaad) {
    const details = await gaad;
    const build = <T extends ResourceType>(type: T, make: (g: Gaad, source: Provenance | undefined) => Listing<T>): void => {
      if (!wants(type)) return;
      if (!details.ok) { out.push(failedListing(scope, type, details.error)); return; }
      try {
        out.push(make(details.value, details.source));
      } catch (e) {
        if (!(e instanceof FailedCall)) throw e;
        out.push(failedListing(scope, type, fail(e, 'GetAccountAuthorizationDetails')));
      }
    };
    build('aws.iam.user', (g, source) => listing(scope, 'aws.iam.user', g.UserDetailList.map((u) => {
      const name = u.UserName ?? '';
      const row = rowsByUser?.get(name);
      const credentials: Observed<UserCredentials> = !reportRows
        ? unseen(collectionError('UNEXPECTED', 'iam:GetCredentialReport', 'not collected', where))
        : !reportRows.ok
          ? reportRows
          : row
            ? observeRow(() => userCredentials(row), where, reportRows.source)
            : unseen(collectionError('NOT_FOUND', 'iam:GetCredentialReport', `user ${name} is not in the credential report (created after it was generated)`, where));
      return resource('aws.iam.user', where, {
        id: u.Arn ?? name, name, tags: tagsOf(u.Tags),
        data: {
          userName: name, userId: u.UserId ?? '', arn: u.Arn ?? '', path: u.Path ?? '/', createDate: iso(u.CreateDate) ?? '',
          groupList: u.GroupList ?? [], attachedManagedPolicies: attached(u.AttachedManagedPolicies),
          userPolicyList: inline(u.UserPolicyList, name),
          permissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
          credentials,
        },
      });
    }), source));
    build('aws.iam.role', (g, source) => listing(scope, 'aws.iam.role', g.RoleDetailList.map((r) => {
      const name = r.RoleName ?? '';
      return resource('aws.iam.role', where, {
        id: r.Arn ?? name, name, tags: tagsOf(r.Tags),
        data: {
          roleName: name, roleId: r.RoleId ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', createDate: iso(r.CreateDate) ?? '',
          assumeRolePolicyDocument: decodePolicy(r.AssumeRolePolicyDocument, `${name} trust policy`),
          attachedManagedPolicies: attached(r.AttachedManagedPolicies),
          rolePolicyList: inline(r.RolePolicyList, name),
          permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
          roleLastUsed: r.RoleLastUsed ? { lastUsedDate: iso(r.RoleLastUsed.LastUsedDate), region: r.RoleLastUsed.Region ?? null } : null,
        },
      });
    }), source));
    build('aws.iam.group', (g, source) => listing(scope, 'aws.iam.group', g.GroupDetailList.map((gr) => {
      const name = gr.GroupName ?? '';
      return resource('aws.iam.group', where, {
        id: gr.Arn ?? name, name,
        data: {
          groupName: name, groupId: gr.GroupId ?? '', arn: gr.Arn ?? '', path: gr.Path ?? '/', createDate: iso(gr.CreateDate) ?? '',
          attachedManagedPolicies: attached(gr.AttachedManagedPolicies), groupPolicyList: inline(gr.GroupPolicyList, name),
        },
      });
    }), source));
    if (awsManaged) {
      // One listing from two sources: it is whole only when both answered.
      const attachedAwsPolicies = await awsManaged;
      build('aws.iam.policy', (g, source) => {
        if (!attachedAwsPolicies.ok) throw new FailedCall(attachedAwsPolicies.error);
        return listing(scope, 'aws.iam.policy', [...customerManaged(g.Policies), ...attachedAwsPolicies.value].map(({ policy: p, document }) => {
          const name = p.PolicyName ?? '';
          const arn = p.Arn ?? '';
          return resource('aws.iam.policy', where, {
            id: arn || name, name,
            data: {
              policyName: name, policyId: p.PolicyId ?? '', arn, path: p.Path ?? '/', awsManaged: /^arn:[^:]+:iam::aws:/.test(arn),
              attachmentCount: p.AttachmentCount ?? 0, isAttachable: p.IsAttachable ?? true, defaultVersionId: p.DefaultVersionId ?? '',
              createDate: iso(p.CreateDate) ?? '', updateDate: iso(p.UpdateDate) ?? '', document,
            },
          });
        }), source);
      });
    }
  }

  if (wants('aws.iam.root')) {
    const summaryMap = await summary!;
    const rootRow = rowsByUser?.get('<root_account>');
    // Root facts come from the report's root row when it has one, else from GetAccountSummary; never assumed.
    const mfaActive: Observed<boolean> = rootRow
      ? seen(rootRow.mfa_active === 'true', reportRows?.ok ? reportRows.source : undefined)
      : mapObserved(summaryMap, (m) => (m.AccountMFAEnabled ?? 0) > 0);
    const accessKeysPresent: Observed<boolean> = summaryMap.ok
      ? seen((summaryMap.value.AccountAccessKeysPresent ?? 0) > 0, summaryMap.source)
      : rootRow
        ? observeRow(() => accessKeys(rootRow).length > 0, where, reportRows?.ok ? reportRows.source : undefined)
        : summaryMap;
    const usage: Observed<RootUsage> = !reportRows || !reportRows.ok
      ? (reportRows as Observed<never> | undefined) ?? unseen(collectionError('UNEXPECTED', 'iam:GetCredentialReport', 'not collected', where))
      : rootRow
        ? observeRow(() => ({ passwordLastUsed: reportDate(rootRow.password_last_used), accessKeys: accessKeys(rootRow) }), where, reportRows.source)
        : unseen(collectionError('INVALID_RESPONSE', 'iam:GetCredentialReport', 'the credential report has no <root_account> row', where));
    out.push(listing(scope, 'aws.iam.root', [resource('aws.iam.root', where, {
      id: awsSettingId.root(caller.account), name: 'root user',
      data: { arn: awsSettingId.root(caller.account), mfaActive, virtualMfaAssigned: await virtualMfa!, accessKeysPresent, usage },
    })]));
  }

  if (passwordPolicyAnswer) {
    const answer = await passwordPolicyAnswer;
    out.push(answer.ok
      ? listing(scope, 'aws.iam.password-policy', [resource('aws.iam.password-policy', where, {
        id: awsSettingId.passwordPolicy(caller.account), name: 'account password policy', data: { policy: answer.value },
      })], answer.source)
      : failedListing(scope, 'aws.iam.password-policy', global(answer.error)));
  }
  return out;
}
