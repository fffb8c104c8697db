import { describe, expect, it } from 'vitest';
import { appliesBecause, blindSpots, objectIdOf, type Access } from '../../../providers/azure/collect/coverage.js';
import { KINDS, type Kind } from '../../../providers/azure/collect/kinds.js';
import { covers, denied, overlaps, ungranted, type Deny, type Grant } from '../../../providers/azure/collect/rbac.js';

const SUB = '00000000-0000-0000-0000-0000000000a1';
const READER: Grant = { actions: ['*/read'], notActions: [] };
const STORAGE = 'Microsoft.Storage/storageAccounts/read';
const kind = (type: string): Kind => KINDS.find((k) => k.type === type)!;
const deny = (over: Partial<Deny> & { scope: string }): Deny => ({ name: 'd', actions: ['*/read'], notActions: [], doNotApplyToChildScopes: false, appliesBecause: 'it applies to everyone', ...over });
const access = (over: Partial<Access> = {}): Access => ({ subscription: SUB, grants: [READER], denies: [], groups: new Map(), ...over });
const spots = (a: Access, type: string, viaGraph = true) => blindSpots(a, kind(type), viaGraph).map((b) => [b.part ?? '*', b.error.code, b.error.operation]);

describe('Azure RBAC arithmetic', () => {
  it('matches actions as Azure does: * spans slashes, case does not matter', () => {
    expect(covers('*', STORAGE)).toBe(true);
    expect(covers('*/read', STORAGE)).toBe(true);
    expect(covers('microsoft.storage/*', STORAGE)).toBe(true);
    expect(covers('Microsoft.Storage/storageAccounts/write', STORAGE)).toBe(false);
    expect(covers('*/read', 'Microsoft.Sql/*/read')).toBe(true);
    expect(covers('Microsoft.Storage/*', '*/read')).toBe(false);
    expect(overlaps('Microsoft.Storage/*', '*/read')).toBe(true);
    expect(overlaps('*/write', '*/read')).toBe(false);
  });

  it('finds what no role grants; a notAction subtracts from its own role only', () => {
    expect(ungranted([READER], STORAGE)).toEqual([]);
    expect(ungranted([READER], '*/read')).toEqual([]);
    const noStorage: Grant = { actions: ['*/read'], notActions: [STORAGE, 'Microsoft.Sql/*'] };
    expect(ungranted([noStorage], STORAGE)).toEqual([STORAGE]);
    expect(ungranted([noStorage], '*/read')).toEqual([STORAGE, 'Microsoft.Sql/*/read']);
    expect(ungranted([noStorage], 'Microsoft.Compute/disks/read')).toEqual([]);
    // Another role grants what the first one leaves out.
    expect(ungranted([noStorage, { actions: [STORAGE, 'Microsoft.Sql/*'], notActions: [] }], '*/read')).toEqual([]);
    // Contributor: everything but some writes; reads are whole.
    expect(ungranted([{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'] }], '*/read')).toEqual([]);
    // A role that lists types cannot read every resource.
    expect(ungranted([{ actions: [STORAGE], notActions: [] }], '*/read')).toEqual(['*/read']);
    expect(ungranted([], STORAGE)).toEqual([STORAGE]);
  });

  it('tells what a deny assignment takes away, and what its notActions spare', () => {
    expect(denied(deny({ scope: '/' }), STORAGE)).toBe(STORAGE);
    expect(denied(deny({ scope: '/', actions: ['*'], notActions: ['*/read'] }), STORAGE)).toBeUndefined();
    expect(denied(deny({ scope: '/', actions: ['Microsoft.Storage/*'] }), '*/read')).toBe('Microsoft.Storage/*/read');
    expect(denied(deny({ scope: '/', actions: ['*/write', '*/delete'] }), '*/read')).toBeUndefined();
  });
});

describe('Azure blind spots from what the identity may read', () => {
  it('Reader with no deny assignment: no blind spot for any kind, in either mode', () => {
    for (const k of KINDS) for (const viaGraph of [true, false]) expect(blindSpots(access(), k, viaGraph)).toEqual([]);
  });

  it('a read no role grants anywhere: one ERROR for the subscription, naming it', () => {
    const a = access({ grants: [{ actions: ['*/read'], notActions: [STORAGE] }], groups: new Map([['rg-a', [{ actions: ['*/read'], notActions: [STORAGE] }]], ['rg-b', []]]) });
    expect(spots(a, 'azure.storage.account')).toEqual([['*', 'ACCESS_DENIED', STORAGE]]);
    // The listing of every type misses storage accounts only: the ERROR stands for that type.
    expect(spots(a, 'azure.resources.resource')).toEqual([['resourceTypes/Microsoft.Storage/storageAccounts', 'ACCESS_DENIED', STORAGE]]);
    expect(spots(a, 'azure.compute.disk')).toEqual([]);
  });

  it('the listing of every type: an ERROR per (type x part) a missing read hides, the largest holding the smaller', () => {
    const generic = (denies: Deny[]) => spots(access({ denies }), 'azure.resources.resource');
    const rg = `/subscriptions/${SUB}/resourceGroups/rg-x`;
    expect(generic([deny({ scope: `/subscriptions/${SUB}`, actions: ['Microsoft.Sql/*'] })])).toEqual([['resourceTypes/Microsoft.Sql/*', 'ACCESS_DENIED', 'Microsoft.Sql/*/read']]);
    expect(generic([deny({ scope: rg, actions: [STORAGE] })])).toEqual([['resourceGroups/rg-x/resourceTypes/Microsoft.Storage/storageAccounts', 'ACCESS_DENIED', STORAGE]]);
    // Storage hidden everywhere holds storage hidden in one group; every type hidden in another group stands apart.
    expect(generic([deny({ scope: rg, actions: [STORAGE] }), deny({ scope: `/subscriptions/${SUB}`, actions: [STORAGE] }), deny({ scope: `/subscriptions/${SUB}/resourceGroups/rg-y` })])).toEqual([
      ['resourceTypes/Microsoft.Storage/storageAccounts', 'ACCESS_DENIED', STORAGE],
      ['resourceGroups/rg-y', 'ACCESS_DENIED', '*/read'],
    ]);
    // A read that is not plainly one type or one namespace is taken as every type: the whole subscription.
    expect(generic([deny({ scope: `/subscriptions/${SUB}`, actions: ['Microsoft.Compute/virtualMachines/*'] })])).toEqual([['*', 'ACCESS_DENIED', 'Microsoft.Compute/virtualMachines/*/read']]);
    expect(generic([deny({ scope: `/subscriptions/${SUB}` })])).toEqual([['*', 'ACCESS_DENIED', '*/read']]);
  });

  it('a read granted group by group: ERROR for the groups without it only', () => {
    const a = access({ grants: [], groups: new Map([['rg-a', [READER]], ['rg-b', []]]) });
    expect(spots(a, 'azure.sql.server')).toEqual([['resourceGroups/rg-b', 'ACCESS_DENIED', 'Microsoft.Sql/servers/read']]);
    // ...unless the groups themselves could not be listed: then nowhere is known to be whole.
    expect(spots(access({ grants: [], groups: null }), 'azure.sql.server')).toEqual([['*', 'ACCESS_DENIED', 'Microsoft.Sql/servers/read']]);
  });

  it('on the ARM path the parent listing counts too (SQL servers before their databases)', () => {
    const a = access({ grants: [{ actions: ['*/read'], notActions: ['Microsoft.Sql/servers/read'] }], groups: new Map([['rg', [{ actions: ['*/read'], notActions: ['Microsoft.Sql/servers/read'] }]]]) });
    expect(spots(a, 'azure.sql.database', true)).toEqual([]);
    expect(spots(a, 'azure.sql.database', false)).toEqual([['*', 'ACCESS_DENIED', 'Microsoft.Sql/servers/read']]);
  });

  it('a deny assignment hides rows where its scope reaches: above the subscription, a group, a resource, or its own scope only', () => {
    expect(spots(access({ denies: [deny({ scope: '/providers/Microsoft.Management/managementGroups/mg' })] }), 'azure.compute.vm')).toEqual([['*', 'ACCESS_DENIED', 'Microsoft.Compute/virtualMachines/read']]);
    const group = deny({ scope: `/subscriptions/${SUB}/resourceGroups/rg-x` });
    expect(spots(access({ denies: [group] }), 'azure.compute.vm')).toEqual([['resourceGroups/rg-x', 'ACCESS_DENIED', 'Microsoft.Compute/virtualMachines/read']]);
    expect(spots(access({ denies: [group] }), 'azure.resources.resource')).toEqual([['resourceGroups/rg-x', 'ACCESS_DENIED', '*/read']]);
    const groupOnly = { ...group, doNotApplyToChildScopes: true };
    expect(spots(access({ denies: [groupOnly] }), 'azure.compute.vm')).toEqual([]);
    expect(spots(access({ denies: [groupOnly] }), 'azure.resources.resource-group')).toEqual([['resourceGroups/rg-x', 'ACCESS_DENIED', 'Microsoft.Resources/subscriptions/resourceGroups/read']]);
    const server = deny({ scope: `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Sql/servers/sql-1` });
    expect(spots(access({ denies: [server] }), 'azure.sql.database')).toEqual([['resourceGroups/rg-x/providers/Microsoft.Sql/servers/sql-1', 'ACCESS_DENIED', 'Microsoft.Sql/servers/databases/read']]);
    expect(spots(access({ denies: [server] }), 'azure.storage.account')).toEqual([]);
    // A deny assignment of another subscription (listed above or below another scope) hides nothing here.
    expect(spots(access({ denies: [deny({ scope: '/subscriptions/other/resourceGroups/rg' })] }), 'azure.compute.vm')).toEqual([]);
    const [spot] = blindSpots(access({ denies: [group] }), kind('azure.compute.vm'), true);
    expect(spot?.error.message).toMatch(/^Resource Graph leaves out what the identity may not read, so azure\.compute\.vm resources in resourceGroups\/rg-x may be missing without a word: deny assignment 'd'/);
  });

  it('takes a deny assignment as applying unless it plainly does not', () => {
    const me = '11111111-2222-3333-4444-555555555555';
    const everyone = [{ id: '00000000-0000-0000-0000-000000000000', type: 'SystemDefined' }];
    expect(appliesBecause({ principals: everyone }, me)).toBe('it applies to everyone');
    expect(appliesBecause({ principals: everyone, excludePrincipals: [{ id: me.toUpperCase(), type: 'ServicePrincipal' }] }, me)).toBeNull();
    expect(appliesBecause({ principals: everyone, excludePrincipals: [{ id: 'g', type: 'Group' }] }, me)).toMatch(/group membership/);
    expect(appliesBecause({ principals: everyone, excludePrincipals: [{ id: 'sp', type: 'ServicePrincipal' }] }, undefined)).toMatch(/object id is unknown/);
    expect(appliesBecause({ principals: [{ id: me, type: 'ServicePrincipal' }], condition: "@Resource[x] StringEquals 'y'" }, me)).toMatch(/^it names this identity; its condition is not evaluated/);
    expect(appliesBecause({ principals: [{ id: 'someone-else', type: 'User' }] }, me)).toBeNull();
    expect(appliesBecause({ principals: [{ id: 'someone-else', type: 'User' }] }, undefined)).toMatch(/cannot be ruled out/);
    expect(appliesBecause({ principals: [{ id: 'g', type: 'Group', displayName: 'ops' }] }, me)).toMatch(/names groups \(ops\)/);
  });

  it('reads the object id from a JWT access token, and nothing from anything else', () => {
    const jwt = ['e30', Buffer.from(JSON.stringify({ oid: 'abc' })).toString('base64url'), 'sig'].join('.');
    expect(objectIdOf(jwt)).toBe('abc');
    expect(objectIdOf('fake-token')).toBeUndefined();
    expect(objectIdOf('a.!!!.c')).toBeUndefined();
  });
});
