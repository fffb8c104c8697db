/**
 * GCP benchmark: an emulated organisation of 100 projects (in 10 folders) holding 10,000 resources,
 * behind 40 ms of latency per request (the node:http REST fake), scanned by the real engine with
 * the bundled GCP checks, the real Google clients in REST mode, and the default rate limits.
 * Runs the Cloud Asset Inventory mode (the target: under 15 s, with the CAI searches making
 * O(pages + asset types) calls) and, for comparison, the per-service fallback. Reports wall time, API calls per
 * service and peak RSS.
 *
 *   npx tsx test/bench/gcp.ts
 */
import pino from 'pino';
import { gcpChecks } from '../../checks/gcp/index.js';
import { configSchema } from '../../src/config/schema.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { runScan } from '../../src/engine/scan.js';
import { createAdapter } from '../../providers/gcp/adapter.js';
import { ASSET_TYPES } from '../../providers/gcp/collect/normalise.js';
import { Worker } from 'node:worker_threads';
import type { FakeOrg } from '../fakes/gcp/org.js';
import { generatedOrg } from '../fakes/gcp/generated.js';

export { generatedOrg };

export interface GcpBenchResult {
  readonly mode: string | undefined;
  readonly projects: number;
  readonly resources: number;
  readonly latencyMs: number;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly calls: { readonly total: number; readonly asset: number; readonly byService: Readonly<Record<string, number>> };
  /** Upper bound of CAI calls: pages at 500 results, one search per asset type, plus the policy pages. */
  readonly assetPages: number;
  readonly findings: number;
  readonly complete: boolean;
  /** Requests the fake had no route for: must be empty. */
  readonly unrouted: readonly string[];
}

const resourceCount = (org: FakeOrg): number =>
  org.projects.reduce((n, p) => n + [p.firewalls, p.networks, p.subnetworks, p.instances, p.disks, p.snapshots, p.resourcePolicies, p.sqlInstances]
    .reduce((m, l) => m + (l?.length ?? 0), 0) + (p.buckets?.length ?? 0) + (p.serviceAccounts?.length ?? 0) + (p.keyRings ?? []).reduce((m, r) => m + 1 + r.keys.length, 0), 0);

export async function benchGcp(options: { projects?: number; resourcesPerProject?: number; latencyMs?: number; assetInventory?: 'auto' | 'off' } = {}): Promise<GcpBenchResult> {
  const projects = options.projects ?? 100;
  const latencyMs = options.latencyMs ?? 40;
  const resourcesPerProject = options.resourcesPerProject ?? 100;
  const org = generatedOrg(projects, resourcesPerProject);
  const fake = await startFakeWorker({ projects, resourcesPerProject, latencyMs });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  try {
    const log = pino({ level: 'silent' });
    const u = `http://127.0.0.1:${fake.port}`;
    const config = configSchema.parse({
      providers: {
        gcp: {
          organization: org.orgId,
          assetInventory: options.assetInventory ?? 'auto',
          endpoints: { resourcemanager: u, asset: u, compute: u, kms: u, storage: u, sqladmin: u, iam: u, logging: u, admin: u },
        },
      },
    });
    const adapter = await createAdapter(config.providers.gcp!, { log, callTimeoutMs: config.timeouts.callMs }, { accessToken: 'bench-token' });
    const catalog = loadCatalog();
    let findings = 0;
    const started = performance.now();
    const summary = await runScan(
      { config, providers: ['gcp'], checks: gcpChecks, catalog, contract: resolveContract(catalog, config.contract), log, adapters: { gcp: adapter } },
      () => { findings++; },
    );
    const wallMs = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const calls = summary.apiCalls['gcp'] ?? {};
    const byService = Object.fromEntries(Object.entries(calls).map(([service, ops]) => [service, Object.values(ops).reduce((a, b) => a + b, 0)]));
    const resources = resourceCount(org);
    return {
      mode: summary.collectionMode.gcp,
      projects,
      resources,
      latencyMs,
      wallMs: Math.round(wallMs),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      calls: { total: summary.totalApiCalls, asset: byService['asset'] ?? 0, byService },
      // One search per asset type (each at least one page), plus the IAM policy pages.
      assetPages: Math.ceil(resources / 500) + Object.keys(ASSET_TYPES).length + Math.ceil((1 + org.projects.reduce((n, p) => n + 1 + (p.buckets?.length ?? 0), 0)) / 500),
      findings,
      complete: summary.complete,
      unrouted: (await fake.stop()).unrouted,
    };
  } finally {
    clearInterval(sampler);
    await fake.terminate();
  }
}

/** The emulated organisation in a worker thread (see test/fakes/gcp/worker.ts). */
async function startFakeWorker(data: { projects: number; resourcesPerProject: number; latencyMs: number }) {
  // Workers do not inherit tsx's loader: register it in the worker before importing the TypeScript fake.
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('../fakes/gcp/worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: data });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    port,
    stop: () =>
      new Promise<{ requests: number; unrouted: string[] }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('stop');
      }),
    terminate: () => worker.terminate(),
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.env['DUTYSCAN_BENCH'] === '1') {
  const cai = await benchGcp();
  console.log(JSON.stringify(cai, null, 2));
  const fallback = await benchGcp({ assetInventory: 'off' });
  console.log(JSON.stringify(fallback, null, 2));
  const withinTime = cai.wallMs < 15_000;
  const pagesBound = cai.calls.asset <= cai.assetPages;
  console.log(
    `CAI mode: wall ${cai.wallMs} ms (${withinTime ? 'within' : 'OVER'} 15 s), ${cai.calls.total} calls, of which ${cai.calls.asset} CAI searches (bound ${cai.assetPages} pages), peak RSS ${cai.peakRssMb} MB; ` +
      `per-service fallback: wall ${fallback.wallMs} ms, ${fallback.calls.total} calls, peak RSS ${fallback.peakRssMb} MB`,
  );
  if (!withinTime || !pagesBound || cai.mode !== 'cloud-asset-inventory' || !cai.complete || cai.unrouted.length > 0) process.exitCode = 1;
}
