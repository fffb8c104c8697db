/**
 * Azure benchmark: an emulated tenant of 20 subscriptions and 5,000 resources behind 40 ms of
 * latency per request (the HTTPS fake), scanned by the real engine with the bundled Azure checks
 * and the default rate limits. Reports wall time, API calls (Resource Graph, ARM, Graph) and peak
 * RSS. Target: under 10 s, and Resource Graph calls in O(subscription batches x resource types).
 *
 *   npx tsx test/bench/azure.ts
 */
import pino from 'pino';
import { azureChecks } from '../../checks/azure/index.js';
import { configSchema } from '../../src/config/schema.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { runScan } from '../../src/engine/scan.js';
import { createAdapter } from '../../providers/azure/adapter.js';
import { AzureFake, StubCredential } from '../fakes/azure/server.js';
import { generatedTenant } from '../fakes/azure/tenant.js';

export interface AzureBenchResult {
  readonly subscriptions: number;
  readonly resources: number;
  readonly latencyMs: number;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly calls: { readonly total: number; readonly resourceGraph: number; readonly arm: number; readonly graph: number };
  readonly resourceGraphBatches: number;
  readonly resourceTypesQueried: number;
  readonly findings: number;
  readonly mode: string | undefined;
  readonly complete: boolean;
}

export async function benchAzure(options: { subscriptions?: number; resources?: number; latencyMs?: number } = {}): Promise<AzureBenchResult> {
  const subscriptions = options.subscriptions ?? 20;
  const resources = options.resources ?? 5000;
  const latencyMs = options.latencyMs ?? 40;
  const tenant = generatedTenant(subscriptions, resources);
  const fake = await new AzureFake(tenant, { latencyMs, recordBodies: false }).start();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  try {
    const log = pino({ level: 'silent' });
    const config = configSchema.parse({
      providers: { azure: { cloud: 'custom', tenantId: tenant.tenantId, endpoints: { resourceManager: fake.url, graph: fake.url, authorityHost: fake.url } } },
    });
    const azureConfig = config.providers.azure!;
    const adapter = await createAdapter(azureConfig, { log, callTimeoutMs: config.timeouts.callMs }, { credential: new StubCredential(), ca: fake.ca });
    const catalog = loadCatalog();
    let findings = 0;
    const started = performance.now();
    const summary = await runScan(
      { config, providers: ['azure'], checks: azureChecks, catalog, contract: resolveContract(catalog, config.contract), log, adapters: { azure: adapter } },
      () => { findings++; },
    );
    const wallMs = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const byService = summary.apiCalls['azure'] ?? {};
    const sum = (service: string) => Object.values(byService[service] ?? {}).reduce((a, b) => a + b, 0);
    return {
      subscriptions,
      resources: tenant.subscriptions.reduce((n, s) => n + s.resources.length, 0),
      latencyMs,
      wallMs: Math.round(wallMs),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      calls: { total: summary.totalApiCalls, resourceGraph: sum('resourcegraph'), arm: sum('arm'), graph: sum('graph') },
      resourceGraphBatches: Math.ceil(subscriptions / azureConfig.resourceGraphBatchSize),
      resourceTypesQueried: 10,
      findings,
      mode: summary.collectionMode.azure,
      complete: summary.complete,
    };
  } finally {
    clearInterval(sampler);
    await fake.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.env['DUTYSCAN_BENCH'] === '1') {
  const r = await benchAzure();
  console.log(JSON.stringify(r, null, 2));
  const withinTime = r.wallMs < 10_000;
  // The probe + one query per type per batch, plus continuation pages of the big `resources` query.
  const graphBound = r.resourceGraphBatches * (r.resourceTypesQueried + 1) + Math.ceil(r.resources / 1000);
  console.log(`wall ${r.wallMs} ms (${withinTime ? 'within' : 'OVER'} 10 s); Resource Graph calls ${r.calls.resourceGraph} (bound ${graphBound}); peak RSS ${r.peakRssMb} MB`);
  if (!withinTime || r.calls.resourceGraph > graphBound) process.exitCode = 1;
}
