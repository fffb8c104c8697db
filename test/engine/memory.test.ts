import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/core/inventory.js';
import { collectionError, seen } from '../../src/core/observed.js';
import type { ProviderAdapter } from '../../src/core/provider.js';
import { listing, resource } from '../../src/inventory/build.js';
import { scanToArray } from '../support/engine.js';
import { widgetEncrypted } from '../support/widgets.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory must follow the accounts in flight: nothing may keep a finished account's listings. */
describe('runScan memory', () => {
  it('lets every listing go once its account is evaluated, long before timeouts.taskMs', async () => {
    const collected: WeakRef<Listing>[] = [];
    const adapter: ProviderAdapter = {
      id: 'aws',
      async discover() {
        return { targets: ['1', '2', '3'].map((account) => ({ provider: 'aws' as const, account, regions: ['r1', 'r2'] })), failures: [] };
      },
      tasks(target) {
        return target.regions.map((region) => ({
          service: 'widgets', region, types: ['test.widget'],
          async run() {
            const scope = { provider: 'aws' as const, account: target.account, region };
            const l = listing(scope, 'test.widget', [resource('test.widget', scope, { id: `w:${target.account}:${region}`, name: 'w', data: { encrypted: seen(true), size: 1 } })]);
            collected.push(new WeakRef(l));
            return [l];
          },
        }));
      },
      classifyError: (e, operation) => collectionError('UNEXPECTED', operation, String(e)),
    };
    const { summary } = await scanToArray({ providers: ['aws'], checks: [widgetEncrypted], adapters: { aws: adapter } });
    expect(summary.findings).toBe(6);
    expect(collected).toHaveLength(6);
    // Let pending reactions settle, then collect: no listing may still be reachable.
    await new Promise((r) => setTimeout(r, 10));
    gc();
    await new Promise((r) => setTimeout(r, 10));
    gc();
    expect(collected.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });
});
