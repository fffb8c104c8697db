import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/core/inventory.js';
import { collectionError, seen, unseen } from '../../src/core/observed.js';
import type { CollectTask, ProviderAdapter, Target } from '../../src/core/provider.js';
import type { ResourceType } from '../../src/core/resource.js';
import { listing, resource } from '../../src/inventory/build.js';
import { defineCheck } from '../../src/core/check.js';
import { scanToArray, silentLog, testCatalog } from '../support/engine.js';
import { runScan, type ScanProgress } from '../../src/engine/scan.js';
import { configSchema } from '../../src/config/schema.js';
import { gadgetOwned, throwingCheck, widgetCriticalSmall, widgetEncrypted, widgetSmall } from '../support/widgets.js';
import { rollUp, emptyCounts } from '../../src/engine/tally.js';

const where = (account: string, region: string) => ({ provider: 'aws' as const, account, region });
const widget = (account: string, region: string, name: string, encrypted = seen(true), size = 1) =>
  resource('test.widget', where(account, region), { id: `w:${account}:${region}:${name}`, name, data: { encrypted, size } });

/** An adapter over canned listings, with a probe of how many tasks run at once. */
function fakeAdapter(opts: {
  accounts: string[];
  regions: string[];
  failRegion?: string;
  unassumable?: string;
  delayMs?: number;
  widgets?: (account: string, region: string) => ReturnType<typeof widget>[];
}) {
  const probe = { inFlight: 0, maxInFlight: 0, tasks: 0 };
  const adapter: ProviderAdapter = {
    id: 'aws',
    async discover() {
      return {
        targets: opts.accounts.filter((a) => a !== opts.unassumable).map((account) => ({ provider: 'aws' as const, account, regions: opts.regions })),
        failures: opts.unassumable
          ? [{ scope: { provider: 'aws' as const, account: opts.unassumable, region: 'global' }, error: collectionError('AUTH_FAILED', 'sts:AssumeRole', 'not authorized', { provider: 'aws', account: opts.unassumable }) }]
          : [],
      };
    },
    tasks(target: Target, types: ReadonlySet<ResourceType>): CollectTask[] {
      const tasks: CollectTask[] = target.regions.map((region) => ({
        service: 'widgets',
        region,
        types: ['test.widget'],
        async run(): Promise<Listing[]> {
          probe.tasks++;
          probe.inFlight++;
          probe.maxInFlight = Math.max(probe.maxInFlight, probe.inFlight);
          await new Promise((r) => setTimeout(r, opts.delayMs ?? 5));
          probe.inFlight--;
          if (region === opts.failRegion) throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
          const scope = { provider: 'aws' as const, account: target.account, region };
          return [listing(scope, 'test.widget', opts.widgets?.(target.account, region) ?? [widget(target.account, region, 'a')])];
        },
      }));
      if (types.has('test.gadget')) {
        tasks.push({
          service: 'gadgets',
          region: 'global',
          types: ['test.gadget'],
          async run() {
            return [listing({ provider: 'aws', account: target.account, region: 'global' }, 'test.gadget', [
              resource('test.gadget', where(target.account, 'global'), { id: `g:${target.account}`, name: 'g', data: { owner: 'me' } }),
            ])];
          },
        });
      }
      return tasks;
    },
    classifyError: (e, operation) => collectionError((e as Error).name === 'AccessDenied' ? 'ACCESS_DENIED' : 'UNEXPECTED', operation, (e as Error).message),
  };
  return { adapter, probe };
}

describe('runScan', () => {
  it('never runs more collection tasks at once than the configured pool', async () => {
    const { adapter, probe } = fakeAdapter({ accounts: ['1', '2', '3', '4'], regions: ['r1', 'r2', 'r3'], delayMs: 15 });
    await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter }, config: { concurrency: { accounts: 4, tasks: 2, perAccountRequests: 4, perService: {} } } });
    expect(probe.tasks).toBe(12);
    expect(probe.maxInFlight).toBe(2);
  });

  it('honours a per-service pool below the global one', async () => {
    const { adapter, probe } = fakeAdapter({ accounts: ['1', '2', '3'], regions: ['r1', 'r2'], delayMs: 15 });
    await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter }, config: { concurrency: { accounts: 3, tasks: 8, perAccountRequests: 4, perService: { 'aws/widgets': 1 } } } });
    expect(probe.maxInFlight).toBe(1);
  });

  it('turns a failed fact into ERROR for exactly the checks that read it', async () => {
    const denied = unseen<boolean>(collectionError('ACCESS_DENIED', 'test:GetWidgetEncryption', 'denied'));
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1'], widgets: (a, r) => [widget(a, r, 'ok'), widget(a, r, 'secret', denied, 50)] });
    const { findings, summary } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted, widgetSmall], adapters: { aws: adapter } });
    const byKey = Object.fromEntries(findings.map((f) => [`${f.check.id}/${f.resource.name}`, f.status]));
    expect(byKey).toEqual({
      'aws-test-widget-encrypted/ok': 'PASS',
      'aws-test-widget-encrypted/secret': 'ERROR',
      'aws-test-widget-small/ok': 'PASS',
      'aws-test-widget-small/secret': 'FAIL', // the size was observed: the denied encryption fact does not touch it
    });
    const error = findings.find((f) => f.status === 'ERROR')!;
    expect(error.error).toMatchObject({ code: 'ACCESS_DENIED', operation: 'test:GetWidgetEncryption', origin: 'collection' });
    expect(summary.complete).toBe(false);
    expect(summary.errors).toEqual([expect.objectContaining({ operation: 'test:GetWidgetEncryption', account: '1', region: 'r1' })]);
  });

  it('a collector that fails in one region yields ERROR there and nowhere else', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1', '2'], regions: ['r1', 'r2'], failRegion: 'r2' });
    const { findings } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter } });
    const statuses = findings.map((f) => `${f.resource.account}/${f.resource.region}:${f.status}`).sort();
    expect(statuses).toEqual(['1/r1:PASS', '1/r2:ERROR', '2/r1:PASS', '2/r2:ERROR']);
    expect(findings.find((f) => f.status === 'ERROR')!.error).toMatchObject({ code: 'ACCESS_DENIED', operation: 'widgets:*' });
  });

  it('a throwing check is an ERROR marked as the check\'s fault', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1'] });
    const { findings } = await scanToArray({ providers: ['aws'], checks: [throwingCheck], adapters: { aws: adapter } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'ERROR', error: { code: 'CHECK_FAILED', origin: 'check' } });
  });

  it('an account whose role cannot be assumed yields ERROR for every check there, and the scan goes on', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1', '2'], regions: ['r1'], unassumable: '2' });
    const { findings, summary } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted, widgetSmall], adapters: { aws: adapter } });
    const forTwo = findings.filter((f) => f.resource.account === '2');
    expect(forTwo.map((f) => [f.check.id, f.status, f.error?.code])).toEqual([
      ['aws-test-widget-encrypted', 'ERROR', 'AUTH_FAILED'],
      ['aws-test-widget-small', 'ERROR', 'AUTH_FAILED'],
    ]);
    expect(findings.filter((f) => f.resource.account === '1').every((f) => f.status === 'PASS')).toBe(true);
    expect(summary.accounts.map((a) => a.account).sort()).toEqual(['1', '2']);
  });

  it('a check whose input type no collector provides is an ERROR, never silence', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1'] });
    const noGadgets: ProviderAdapter = { ...adapter, tasks: (t, types) => adapter.tasks(t, new Set([...types].filter((x) => x !== 'test.gadget'))) };
    const { findings } = await scanToArray({ providers: ['aws'], checks: [gadgetOwned], adapters: { aws: noGadgets } });
    expect(findings.map((f) => [f.status, f.error?.operation])).toEqual([['ERROR', 'collect:test.gadget']]);
  });

  it('evaluates a scope check once its related inputs are complete', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1', 'r2'], delayMs: 20 });
    const { findings } = await scanToArray({ providers: ['aws'], checks: [gadgetOwned], adapters: { aws: adapter } });
    expect(findings.map((f) => f.status)).toEqual(['PASS']);
  });

  it('gives the same finding ids on every run and maps obligations, clauses and frameworks', async () => {
    const run = async () => {
      const { adapter } = fakeAdapter({ accounts: ['1', '2'], regions: ['r1', 'r2'] });
      return (await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter } })).findings.map((f) => f.id).sort();
    };
    const first = await run();
    expect(new Set(first).size).toBe(4);
    expect(await run()).toEqual(first);
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1'] });
    const { findings } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter } });
    expect(findings[0]).toMatchObject({ obligations: [{ id: 'test.one', clauses: ['9.9'] }], frameworks: { fw: ['1.1'] } });
  });

  it('a saved inventory keeps an account discovery could not enter, so evaluating it again still reports ERROR there', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1', '2'], regions: ['r1'], unassumable: '2' });
    const saved: Listing[] = [];
    const live = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted, widgetSmall], adapters: { aws: adapter }, onListing: (l) => saved.push(l) });
    const offline = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted, widgetSmall], source: { kind: 'inventory', listings: saved } });
    const verdicts = (findings: typeof live.findings) => findings.map((f) => `${f.id}:${f.status}:${f.error?.code ?? ''}`).sort();
    expect(verdicts(offline.findings)).toEqual(verdicts(live.findings));
    expect(offline.findings.filter((f) => f.resource.account === '2').map((f) => [f.status, f.error?.code])).toEqual([['ERROR', 'AUTH_FAILED'], ['ERROR', 'AUTH_FAILED']]);
    expect(offline.summary.complete).toBe(false);
  });

  it('evaluates a saved inventory offline, and a type missing from it is an ERROR', async () => {
    const scope = { provider: 'aws' as const, account: '1', region: 'r1' };
    const { findings, summary } = await scanToArray({
      providers: ['aws'],
      checks: [widgetEncrypted, gadgetOwned],
      source: { kind: 'inventory', listings: [listing(scope, 'test.widget', [widget('1', 'r1', 'a', seen(false))])] },
    });
    expect(findings.map((f) => [f.check.id, f.status])).toEqual([
      ['aws-test-widget-encrypted', 'FAIL'],
      ['aws-test-gadget-owned', 'ERROR'],
    ]);
    expect(summary.source).toBe('inventory');
    expect(summary.clauses[0]).toMatchObject({ clause: '9.9', status: 'not-met' });
  });

  it('marks what the scan deadline cut off as TIMEOUT and keeps what was already found', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1', '2', '3'], regions: ['r1'], delayMs: 150 });
    const { findings, summary } = await scanToArray({
      providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter },
      config: { concurrency: { accounts: 1, tasks: 1, perAccountRequests: 1, perService: {} }, timeouts: { callMs: 1000, taskMs: 60_000, scanMs: 200 } },
    });
    expect(findings.filter((f) => f.status === 'PASS').length).toBeGreaterThanOrEqual(1);
    expect(findings.filter((f) => f.error?.code === 'TIMEOUT').length).toBeGreaterThanOrEqual(1);
    expect(findings).toHaveLength(3);
    expect(summary.complete).toBe(false);
  });

  it('abandons a collector past its time as TIMEOUT, and the rest of the scan is unaffected', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1', 'r2'] });
    const stuck: ProviderAdapter = {
      ...adapter,
      tasks: (t, types) => adapter.tasks(t, types).map((task) => (task.region === 'r2' ? { ...task, run: () => new Promise<never>(() => {}) } : task)),
    };
    const { findings } = await scanToArray({
      providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: stuck },
      config: { timeouts: { callMs: 1000, taskMs: 100 } },
    });
    expect(findings.map((f) => `${f.resource.region}:${f.status}:${f.error?.code ?? ''}`).sort()).toEqual(['r1:PASS:', 'r2:ERROR:TIMEOUT']);
  });

  it('reports progress as discovery steps and accounts finish, and sums the API calls in the summary', async () => {
    const adapter: ProviderAdapter = {
      id: 'aws',
      async discover({ step }) {
        step?.('assuming roles 1/3');
        return {
          targets: ['1', '2'].map((account) => ({ provider: 'aws' as const, account, accountName: `n${account}`, regions: ['r1'] })),
          failures: [{ scope: { provider: 'aws' as const, account: '3', region: 'global' }, error: collectionError('AUTH_FAILED', 'sts:AssumeRole', 'no', { provider: 'aws', account: '3' }) }],
          mode: 'fake',
        };
      },
      tasks: (target) => [{
        service: 'widgets', region: 'r1', types: ['test.widget'],
        async run({ api }) {
          await api.call({ service: 'widgets', operation: 'ListWidgets', account: target.account, region: 'r1' }, async () => undefined);
          return [listing({ provider: 'aws', account: target.account, region: 'r1' }, 'test.widget', [widget(target.account, 'r1', 'a', seen(target.account === '1'))])];
        },
      }],
      classifyError: (e, operation) => collectionError('UNEXPECTED', operation, String(e)),
    };
    const events: ScanProgress[] = [];
    const { summary } = await scanToArray({
      providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter }, onProgress: (p) => events.push(p),
      config: { concurrency: { accounts: 1, tasks: 1, perAccountRequests: 1, perService: {} } },
    });
    const at = (scopesDone: number, scopesPlanned: number, apiCalls: number, findings: number, failing: number, waitingFor?: string) =>
      ({ scopesDone, scopesPlanned, apiCalls, findings, failing, ...(waitingFor ? { waitingFor } : {}) });
    expect(events).toEqual([
      at(0, 0, 0, 0, 0, 'aws: discovering accounts'),
      at(0, 0, 0, 0, 0, 'aws: assuming roles 1/3'),
      at(0, 2, 0, 1, 0), // account 3's ERROR is out before discovery says it is done
      at(1, 2, 1, 2, 0),
      at(2, 2, 2, 3, 1),
    ]);
    expect(summary).toMatchObject({
      scopes: { planned: 2, done: 2 },
      accounts: [{ provider: 'aws', account: '3' }, { provider: 'aws', account: '1', name: 'n1' }, { provider: 'aws', account: '2', name: 'n2' }],
      apiCalls: { aws: { widgets: { ListWidgets: 2 } } },
      totalApiCalls: 2,
      collectionMode: { aws: 'fake' },
      checks: 1,
      providers: ['aws'],
      complete: false,
    });
  });

  it('a provider whose discovery fails is one ERROR per check for an unknown account, and the summary says so', async () => {
    const adapter: ProviderAdapter = {
      id: 'aws',
      discover: () => Promise.reject(new Error('no credentials')),
      tasks: () => [],
      classifyError: (e, operation) => collectionError('AUTH_FAILED', operation, (e as Error).message),
    };
    const saved: Listing[] = [];
    const { findings, summary } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted, gadgetOwned], adapters: { aws: adapter }, onListing: (l) => saved.push(l) });
    expect(findings.map((f) => [f.check.id, f.resource.account, f.status, f.error?.operation])).toEqual([
      ['aws-test-widget-encrypted', 'unknown', 'ERROR', 'aws:discover'],
      ['aws-test-gadget-owned', 'unknown', 'ERROR', 'aws:discover'],
    ]);
    expect(saved.map((l) => [l.scope.account, l.type, l.items.ok])).toEqual([['unknown', 'test.widget', false], ['unknown', 'test.gadget', false]]);
    expect(summary).toMatchObject({ accounts: [], scopes: { planned: 0, done: 0 }, complete: false });
    expect(summary.errors).toContainEqual(expect.objectContaining({ code: 'AUTH_FAILED', operation: 'aws:discover' }));
  });

  it('a scan that reached no account is not complete', async () => {
    const { adapter } = fakeAdapter({ accounts: [], regions: ['r1'] });
    const { findings, summary } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter } });
    expect(findings).toEqual([]);
    expect(summary.complete).toBe(false);
  });

  it('a check applies only to accounts of the kind that hold its resource type', async () => {
    const gadgetNamed = defineCheck({
      id: 'aws-test-gadget-named', title: 'Gadgets have owners', provider: 'aws', service: 'test', resourceType: 'test.gadget',
      duty: 'tagging', severity: 'low', rationale: 'Owners answer for gadgets.', remediation: { text: 'Name one.' },
      assess: (g, ctx) => (g.data.owner ? ctx.pass('owned') : ctx.fail('no owner')),
    });
    const tenant = { provider: 'aws' as const, account: 'tenant', region: 'global' };
    const account = { provider: 'aws' as const, account: '1', region: 'r1' };
    const { findings } = await scanToArray({
      providers: ['aws'],
      checks: [widgetEncrypted, gadgetNamed],
      source: {
        kind: 'inventory',
        listings: [
          listing(tenant, 'test.gadget', [resource('test.gadget', tenant, { id: 'g1', name: 'g1', data: { owner: 'me' } })]),
          listing(account, 'test.widget', [widget('1', 'r1', 'a')]),
        ],
      },
    });
    expect(findings.map((f) => `${f.resource.account}:${f.check.id}:${f.status}`).sort()).toEqual([
      '1:aws-test-widget-encrypted:PASS',
      'tenant:aws-test-gadget-named:PASS',
    ]);
  });

  it('an obligation none of whose checks ran is not assessed, never met or not applicable', async () => {
    const { adapter } = fakeAdapter({ accounts: ['1'], regions: ['r1'] });
    const { catalog, contract } = testCatalog([widgetEncrypted]);
    const narrowed = { ...catalog, checksByObligation: new Map([['test.one', [widgetEncrypted.id]], ['test.two', [widgetSmall.id]]]) };
    const summary = await runScan(
      { config: configSchema.parse({}), providers: ['aws'], checks: [widgetEncrypted], catalog: narrowed, contract, log: silentLog, adapters: { aws: adapter } },
      () => {},
    );
    expect(summary.obligations.map((o) => [o.id, o.status])).toEqual([['test.one', 'met'], ['test.two', 'not-assessed']]);
    expect(summary.clauses[0]?.status).toBe('not-assessed');
    expect(summary.obligations.map((o) => o.notAssessed)).toEqual([[], []]);
  });
});

describe('not assessed: a check whose policy is empty did not look', () => {
  const adapter = () => fakeAdapter({ accounts: ['1'], regions: ['r1'], widgets: (a, r) => [widget(a, r, 'a', seen(true), 1), widget(a, r, 'b', seen(true), 50)] }).adapter;
  const scan = (checks: Parameters<typeof scanToArray>[0]['checks'], config: Parameters<typeof scanToArray>[0]['config'] = {}) =>
    scanToArray({ providers: ['aws'], checks, adapters: { aws: adapter() }, config });

  it('is NOT_ASSESSED naming the setting, counted in the summary, and leaves the scan complete', async () => {
    const { findings, summary } = await scan([widgetCriticalSmall]);
    expect(findings.map((f) => [f.resource.name, f.status])).toEqual([['a', 'NOT_ASSESSED'], ['b', 'NOT_ASSESSED']]);
    expect(findings[0]).toMatchObject({ message: 'Not assessed: set policy.criticalResources', notAssessed: { setting: 'policy.criticalResources' } });
    expect(summary.counts.byStatus).toEqual({ PASS: 0, FAIL: 0, ERROR: 0, NOT_ASSESSED: 2, NOT_APPLICABLE: 0 });
    expect(summary.counts.byDuty.backups?.NOT_ASSESSED).toBe(2);
    expect(summary.notAssessed).toEqual({ 'policy.criticalResources': 2 });
    expect(summary.complete).toBe(true);
  });

  it('rolls an obligation and its clause up to not-assessed with the setting, never not-applicable', async () => {
    const { summary } = await scan([widgetCriticalSmall]);
    expect(summary.obligations[0]).toMatchObject({ id: 'test.one', status: 'not-assessed', notAssessed: ['policy.criticalResources'] });
    expect(summary.clauses[0]).toMatchObject({ clause: '9.9', status: 'not-assessed', notAssessed: ['policy.criticalResources'] });
  });

  it('PASS beside NOT_ASSESSED on one obligation is not-assessed, never met', async () => {
    const { summary } = await scan([widgetEncrypted, widgetCriticalSmall]);
    expect(summary.obligations[0]).toMatchObject({ status: 'not-assessed', counts: { PASS: 2, NOT_ASSESSED: 2 }, notAssessed: ['policy.criticalResources'] });
  });

  it('a FAIL still fails it and an ERROR still leaves it incomplete, and the setting is still named', async () => {
    const failing = await scan([widgetSmall, widgetCriticalSmall]);
    expect(failing.summary.obligations[0]).toMatchObject({ status: 'not-met', notAssessed: ['policy.criticalResources'] });
    const { adapter: denied } = fakeAdapter({ accounts: ['1'], regions: ['r1', 'r2'], failRegion: 'r2' });
    const { summary } = await scanToArray({ providers: ['aws'], checks: [widgetCriticalSmall], adapters: { aws: denied } });
    expect(summary.obligations[0]).toMatchObject({ status: 'incomplete', notAssessed: ['policy.criticalResources'] });
  });

  it('muting a NOT_ASSESSED result does not make it assessed', async () => {
    const { findings, summary } = await scan([widgetCriticalSmall], { mutelist: [{ check: widgetCriticalSmall.id, account: '*', region: '*', resource: '*', tags: {}, reason: 'later' }] });
    expect(findings.every((f) => f.muted && f.status === 'NOT_ASSESSED')).toBe(true);
    expect(summary.obligations[0]).toMatchObject({ status: 'not-assessed', notAssessed: ['policy.criticalResources'] });
  });

  it('once the setting is filled in, the same check judges', async () => {
    const { findings, summary } = await scan([widgetCriticalSmall], { policy: { requiredTags: [], allowedRegions: {}, criticalResources: ['b'] } });
    expect(findings.map((f) => [f.resource.name, f.status])).toEqual([['a', 'NOT_APPLICABLE'], ['b', 'FAIL']]);
    expect(summary.notAssessed).toEqual({});
    expect(summary.obligations[0]).toMatchObject({ status: 'not-met', notAssessed: [] });
  });

  it('rollUp: FAIL, then ERROR, then NOT_ASSESSED, then PASS decide', () => {
    const counts = (c: Partial<ReturnType<typeof emptyCounts>>) => ({ ...emptyCounts(), ...c });
    expect(rollUp(counts({ NOT_ASSESSED: 1, NOT_APPLICABLE: 3 }), false)).toBe('not-assessed');
    expect(rollUp(counts({ NOT_ASSESSED: 1, PASS: 9 }), false)).toBe('not-assessed');
    expect(rollUp(counts({ NOT_ASSESSED: 1 }), true)).toBe('not-assessed');
    expect(rollUp(counts({ NOT_ASSESSED: 1, ERROR: 1 }), false)).toBe('incomplete');
    expect(rollUp(counts({ NOT_ASSESSED: 1, FAIL: 1 }), false)).toBe('not-met');
    expect(rollUp(counts({ NOT_APPLICABLE: 1 }), false)).toBe('not-applicable');
  });
});
