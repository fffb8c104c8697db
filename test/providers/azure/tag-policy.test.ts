import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/core/resource.js';
import groupTags from '../../../checks/azure/resources/azure-resources-resource-group-required-tags.js';
import resourceTags from '../../../checks/azure/resources/azure-resources-resource-required-tags.js';
import { AzureFake, type FakeOptions, type FakeTenant } from '../../fakes/azure/server.js';
import * as w from '../../fakes/azure/tenant.js';
import { runCheck } from '../../support/checks.js';
import { itemsOf, scan } from './support.js';

/** The "require a tag" policy assignments through the real SDK pipeline against the wire fake: Resource Graph, the ARM listings. */
const SUB = '00000000-0000-0000-0000-0000000000a1';
const OTHER = '00000000-0000-0000-0000-0000000000a2';
const TENANT = '11111111-1111-1111-1111-111111111111';
const ON_RESOURCES = '871b6d14-10aa-478d-b590-94f262ecfa99';
const VALUE_ON_RESOURCES = '1e30110a-5ceb-460c-a204-c1c3969c6d62';
const ON_GROUPS = '96670d01-0a4d-4649-9c89-2d3abc0a5025';
const ALLOWED_LOCATIONS = 'e56962a6-4747-49cd-b67b-bf8b01975c4c';
const READ = 'Microsoft.Authorization/policyAssignments/read';
const TYPES: ReadonlySet<ResourceType> = new Set(['azure.policy.tag-assignment', 'azure.resources.resource', 'azure.resources.resource-group']);
const mg = (name: string) => `/providers/Microsoft.Management/managementGroups/${name}`;
const rg = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/${name}`;

function tenant(): FakeTenant {
  const sub = (id: string, name: string) => ({
    id, name,
    resourceGroups: [{ name: 'rg-app', location: 'westeurope', tags: { owner: 'team-a' } }, { name: 'rg-other', location: 'westeurope' }],
    resources: [
      { id: `${rg(id, 'rg-app')}/providers/Microsoft.Web/sites/app-1`, name: 'app-1', type: 'Microsoft.Web/sites', location: 'westeurope', tags: { owner: 'team-a', env: 'Prod' } },
      { id: `${rg(id, 'rg-app')}/providers/Microsoft.Web/sites/app-2`, name: 'app-2', type: 'Microsoft.Web/sites', location: 'westeurope', tags: { owner: 'team-a' } },
      { id: `${rg(id, 'rg-other')}/providers/Microsoft.Web/sites/app-3`, name: 'app-3', type: 'Microsoft.Web/sites', location: 'westeurope' },
    ],
    children: [],
  });
  return {
    tenantId: TENANT,
    users: [],
    managementGroups: { contoso: [SUB, OTHER], sandbox: [] },
    subscriptions: [sub(SUB, 'prod'), sub(OTHER, 'dev')],
    policyAssignments: [
      w.policyAssignment(mg('contoso'), 'rg-owner', ON_GROUPS, { tagName: 'owner' }, { displayName: 'Resource groups name their owner' }),
      w.policyAssignment(mg('sandbox'), 'sandbox-owner', ON_RESOURCES, { tagName: 'owner' }),
      w.policyAssignment(`/subscriptions/${SUB}`, 'owner', ON_RESOURCES, { tagName: 'owner' }, { notScopes: [rg(SUB, 'rg-other')] }),
      w.policyAssignment(rg(SUB, 'rg-app'), 'env-prod', VALUE_ON_RESOURCES, { tagName: 'env', tagValue: 'prod' }, { enforcementMode: 'DoNotEnforce' }),
      w.policyAssignment(`/subscriptions/${SUB}`, 'locations', ALLOWED_LOCATIONS, { listOfAllowedLocations: 'westeurope' }),
      w.policyAssignment(`/subscriptions/${OTHER}`, 'dev-env', ON_RESOURCES, { tagName: 'env' }),
    ],
  };
}

let fake: AzureFake | undefined;
afterEach(async () => { await fake?.close(); fake = undefined; });
const start = async (options: FakeOptions = {}, t = tenant()) => (fake = await new AzureFake(t, { armPageSize: 1, resourceGraphPageSize: 1, ...options }).start());

type Listings = Awaited<ReturnType<typeof scan>>['listings'];
const assignmentsOf = (listings: Listings, sub: string) =>
  itemsOf(listings, 'azure.policy.tag-assignment', sub).flatMap(({ name, data: a }) => ('unread' in a ? [] : [[name, a.appliesTo, a.scope.toLowerCase(), a.tagName, a.tagValue, a.enforcementMode, a.notScopes]])).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

function expectCollected(listings: Listings): void {
  expect(listings.filter((l) => !l.items.ok).map((l) => l.type)).toEqual([]);
  expect(assignmentsOf(listings, SUB)).toEqual([
    ['env-prod', 'resources', rg(SUB, 'rg-app').toLowerCase(), 'env', 'prod', 'DoNotEnforce', []],
    ['owner', 'resources', `/subscriptions/${SUB}`, 'owner', null, 'Default', [rg(SUB, 'rg-other')]],
    ['rg-owner', 'resource-groups', mg('contoso').toLowerCase(), 'owner', null, 'Default', []],
  ]);
  expect(assignmentsOf(listings, OTHER).map((a) => a[0])).toEqual(['dev-env', 'rg-owner']);
  // Judged by what reaches each resource, each verdict naming the assignments it was judged by.
  const results = runCheck(resourceTags, listings).filter((r) => r.resource.account === SUB);
  expect(results.map((r) => [r.resource.name, r.status, (r.evidence['requirementSource'] as string[]).map((s) => s.split(' ')[0])])).toEqual([
    ['app-1', 'PASS', ['azure-policy-assignment:owner', 'azure-policy-assignment:env-prod']],
    ['app-2', 'FAIL', ['azure-policy-assignment:owner', 'azure-policy-assignment:env-prod']],
    // Left out of `owner` by its notScopes; the management group's assignment requires tags of resource groups only.
    ['app-3', 'NOT_APPLICABLE', ['azure-policy-assignment:Resource']],
  ]);
  expect(results[1]?.evidence['requirementSource']).toContain(`azure-policy-assignment:env-prod ${rg(SUB, 'rg-app')}/providers/Microsoft.Authorization/policyAssignments/env-prod (DoNotEnforce: declared, not enforced)`);
  expect(runCheck(groupTags, listings).filter((r) => r.resource.account === SUB).map((r) => [r.resource.name, r.status])).toEqual([['rg-app', 'PASS'], ['rg-other', 'FAIL']]);
}

const graphQueries = (f: AzureFake) => f.requests.filter((r) => r.path.toLowerCase().endsWith('/microsoft.resourcegraph/resources')).map((r) => String((r.body as { query: string }).query));
const armListings = (f: AzureFake) => f.requests.filter((r) => /\/providers\/Microsoft\.Authorization\/policyAssignments$/i.test(r.path)).map((r) => `${r.path.split('/')[2]} ${r.query.get('$filter') ?? 'all'}`);

describe('Azure Policy "require a tag" assignments through the SDK', () => {
  it('reads each subscription\'s own in bulk from Resource Graph (paged) and the management groups\' from its atScope() listing', async () => {
    const f = await start();
    const { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    expectCollected(listings);
    // One query for both subscriptions, asking for the four definitions only: 3 rows, one per page.
    expect(graphQueries(f).filter((q) => q.startsWith('policyresources'))).toHaveLength(3);
    // Each subscription's listing of what is on it and above it, one assignment per page (SUB: 3, OTHER: 2).
    expect(armListings(f).sort()).toEqual([`${SUB} atScope()`, `${SUB} atScope()`, `${SUB} atScope()`, `${OTHER} atScope()`, `${OTHER} atScope()`]);
  });

  it('reads them from each subscription\'s ARM listing when Resource Graph is refused, or refuses the policyresources query', async () => {
    let f = await start({ resourceGraphDisabled: true });
    expectCollected((await scan(f, { tenantId: TENANT }, { types: TYPES })).listings);
    expect(armListings(f).filter((l) => l.endsWith('all')).length).toBeGreaterThan(2);
    await f.close();
    const refused = { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no policyresources for you' } } };
    f = await start({ faults: [{ match: (r) => JSON.stringify(r.body ?? '').includes('policyresources'), times: 1, response: refused }] });
    expectCollected((await scan(f, { tenantId: TENANT }, { types: TYPES })).listings);
    expect(armListings(f).filter((l) => l.endsWith('all')).length).toBeGreaterThan(2);
  });

  it('an identity that may not read assignments gets an ERROR naming the read, never a pass or a silent NOT_ASSESSED', async () => {
    const t = tenant();
    const f = await start({}, { ...t, subscriptions: t.subscriptions.map((s) => (s.id === SUB ? { ...s, access: { subscription: [{ actions: ['*/read'], notActions: [READ] }] } } : s)) });
    const { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    const failed = listings.filter((l) => l.type === 'azure.policy.tag-assignment' && !l.items.ok);
    expect(failed.map((l) => [l.scope.account, !l.items.ok && l.items.error.code, !l.items.ok && l.items.error.operation])).toEqual([[SUB, 'ACCESS_DENIED', READ]]);
    const results = runCheck(resourceTags, listings);
    const denied = results.filter((r) => r.resource.account === SUB);
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect(new Set(denied.map((r) => `${r.status} ${r.error?.operation}`))).toEqual(new Set([`ERROR ${READ}`]));
    // The other subscription is judged by its own assignments (SUB: 3 resources, none judged; OTHER: judged).
    expect(results.filter((r) => r.resource.account === OTHER).map((r) => [r.resource.name, r.status])).toEqual([['app-1', 'PASS'], ['app-2', 'FAIL'], ['app-3', 'FAIL']]);
  });

  it.each([false, true])('assignments hidden in one resource group are an ERROR for what is in that group alone (Resource Graph refused: %s)', async (resourceGraphDisabled) => {
    const t = tenant();
    const hidden = { name: 'no-policy-here', scope: rg(SUB, 'rg-app'), actions: [READ] };
    const f = await start({ resourceGraphDisabled }, { ...t, subscriptions: t.subscriptions.map((s) => (s.id === SUB ? { ...s, access: { subscription: [{ actions: ['*/read'] }], denyAssignments: [hidden] } } : s)) });
    const { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    // No listing of the assignments fails: the hidden group is a row of it. (The generic listing reports its own blind spot there: the one type the deny hides, in that group.)
    expect(listings.filter((l) => !l.items.ok).map((l) => [l.type, l.scope.part])).toEqual([['azure.resources.resource', 'resourceGroups/rg-app/resourceTypes/Microsoft.Authorization/policyAssignments']]);
    const judged = (check: Parameters<typeof runCheck>[0]) => runCheck(check, listings).filter((r) => r.resource.account === SUB && r.resource.type !== 'azure.scope').map((r) => [r.resource.name, r.status, r.error?.operation, r.error?.message.includes("deny assignment 'no-policy-here'")]);
    expect(judged(resourceTags)).toEqual([
      ['app-1', 'ERROR', READ, true],
      ['app-2', 'ERROR', READ, true],
      ['app-3', 'NOT_APPLICABLE', undefined, undefined],
    ]);
    expect(judged(groupTags)).toEqual([['rg-app', 'ERROR', READ, true], ['rg-other', 'FAIL', undefined, undefined]]);
  });

  it('leaves a management group\'s assignment off the subscriptions its notScopes exclude (Resource Graph names their groups); unknown groups are an ERROR, not a guess', async () => {
    const t = tenant();
    const excluding: FakeTenant = {
      ...t,
      managementGroups: { ...t.managementGroups, dev: [OTHER] },
      policyAssignments: [...t.policyAssignments!, w.policyAssignment(mg('contoso'), 'cost-but-dev', ON_RESOURCES, { tagName: 'costcenter' }, { notScopes: [mg('dev')] })],
    };
    let f = await start({}, excluding);
    let { listings } = await scan(f, { tenantId: TENANT }, { types: TYPES });
    expect(assignmentsOf(listings, SUB).map((a) => a[0])).toEqual(['cost-but-dev', 'env-prod', 'owner', 'rg-owner']);
    expect(assignmentsOf(listings, OTHER).map((a) => a[0])).toEqual(['dev-env', 'rg-owner']);
    const judged = (ls: Listings, sub: string) => runCheck(resourceTags, ls).filter((r) => r.resource.account === sub).map((r) => [r.resource.name, r.status, r.error?.operation]);
    expect(judged(listings, SUB)).toEqual([['app-1', 'FAIL', undefined], ['app-2', 'FAIL', undefined], ['app-3', 'FAIL', undefined]]);
    expect(judged(listings, OTHER)).toEqual([['app-1', 'PASS', undefined], ['app-2', 'FAIL', undefined], ['app-3', 'FAIL', undefined]]);
    await f.close();
    f = await start({}, excluding);
    ({ listings } = await scan(f, { tenantId: TENANT, collection: 'arm' }, { types: TYPES }));
    for (const sub of [SUB, OTHER]) expect(judged(listings, sub)).toEqual(['app-1', 'app-2', 'app-3'].map((name) => [name, 'ERROR', 'Microsoft.ResourceGraph/resources/read']));
    const [error] = runCheck(resourceTags, listings).map((r) => r.error?.message);
    expect(error).toContain('leaves out management groups');
  });
});
