/**
 * The GCP fake in a worker thread, so a benchmark measures the scanner's CPU and not the
 * emulator's: a real cloud does not run on the scanner's event loop. workerData:
 * `{ projects, resourcesPerProject, latencyMs }`; posts `{ port }` once listening, then
 * `{ requests, unrouted }` when told `'stop'`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generatedOrg } from './generated.js';
import { installOrg } from './org.js';
import { GcpFake } from './server.js';

const { projects, resourcesPerProject, latencyMs } = workerData as { projects: number; resourcesPerProject: number; latencyMs: number };
const fake = await new GcpFake().start();
installOrg(fake, generatedOrg(projects, resourcesPerProject));
fake.latencyMs = latencyMs;
parentPort?.postMessage({ port: fake.port });
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  // The benchmark reports what had no route; close() failing on it says the same.
  void fake.close().catch(() => undefined).then(() => parentPort?.postMessage({ requests: fake.requests.length, unrouted: fake.unrouted }));
});
