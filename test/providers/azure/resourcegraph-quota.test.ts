/**
 * Resource Graph pacing: the largest page, and a wait only when the user quota left
 * (`x-ms-user-quota-remaining`) is below the one query the next request needs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GraphQuota, PAGE_SIZE } from '../../../providers/azure/collect/resourcegraph.js';
import { AzureFake } from '../../fakes/azure/server.js';
import { generatedTenant } from '../../fakes/azure/tenant.js';
import { scan } from './support.js';

describe('GraphQuota', () => {
  const clock = { now: 1_000_000 };
  const quota = () => new GraphQuota(() => clock.now);
  const never = () => Promise.reject(new Error('waited with quota left'));

  it('starts at once while no answer has said what is left', async () => {
    const q = quota();
    for (let i = 0; i < 50; i++) expect(await q.acquire(never)).toBe(0);
  });

  it('spends what an answer says is left without waiting, then waits until the window resets', async () => {
    const q = quota();
    q.observe('3', '00:00:05');
    for (let i = 0; i < 3; i++) expect(await q.acquire(never)).toBe(0);
    const waits: number[] = [];
    expect(await q.acquire(async (ms) => { waits.push(ms); })).toBe(1);
    expect(waits).toEqual([5000]);
  });

  it('never raises what is left on an answer from the same window (queries sent since are not counted in it)', async () => {
    const q = quota();
    q.observe('2', '00:00:05');
    await q.acquire(never);
    await q.acquire(never);
    clock.now += 100;
    q.observe('1', '00:00:04.9');
    let waited = 0;
    await q.acquire(async () => { waited++; });
    expect(waited).toBe(1);
  });

  it('takes a later window\'s answer as it is, and forgets a window that is over', async () => {
    const q = quota();
    q.observe('0', '00:00:01');
    clock.now += 1500;
    expect(await q.acquire(never)).toBe(0);
    q.observe('0', '00:00:05');
    clock.now += 100;
    q.observe('14', '00:00:10');
    expect(await q.acquire(never)).toBe(0);
  });

  it('ignores an answer without a quota header', async () => {
    const q = quota();
    q.observe(undefined, undefined);
    q.observe('', '00:00:05');
    expect(await q.acquire(never)).toBe(0);
  });
});

describe('Resource Graph against the Azure fake', () => {
  let fake: AzureFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const scanWith = async (quota: number) => {
    fake = await new AzureFake(generatedTenant(3, 60), { resourceGraphQuota: quota }).start();
    const pauses: number[] = [];
    const outcome = await scan(fake, { tenantId: generatedTenant(3, 60).tenantId, entra: false }, { sleep: async (ms) => { pauses.push(ms); } });
    const queries = fake.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase().includes('microsoft.resourcegraph'));
    return { outcome, pauses, queries };
  };

  it('asks for the largest page, and never pauses while the quota has room for the next query', async () => {
    const { outcome, pauses, queries } = await scanWith(1000);
    expect(queries.length).toBeGreaterThan(5);
    for (const q of queries) expect((q.body as { options?: { $top?: number } }).options?.$top).toBe(PAGE_SIZE);
    expect(pauses).toEqual([]);
    expect(outcome.listings.every((l) => l.items.ok)).toBe(true);
  });

  it('pauses for the reset once the quota left is below one query, and only then', async () => {
    const { outcome, pauses, queries } = await scanWith(2);
    // The first answers said 1 and 0 left: every query after the quota ran out waited for the reset.
    expect(pauses.length).toBeGreaterThan(0);
    expect(pauses.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
    expect(pauses.length).toBeLessThanOrEqual(queries.length - 2);
    expect(outcome.adapter.resourceGraphQueries).toBe(queries.length);
  });
});
