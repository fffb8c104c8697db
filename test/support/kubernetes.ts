/**
 * Kubernetes objects checked without a cluster: against the OpenAPI schemas compiled into
 * kubernetes-models, and by the TypeScript compiler as object literals of the models'
 * interfaces, whose excess-property check flags a misspelt key (the schemas allow unknown keys).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';

const root = join(import.meta.dirname, '../..');

export const models: Record<string, { model: new (data: never) => { validate(): void }; module: string; iface: string }> = {
  'v1/ServiceAccount': { model: ServiceAccount as never, module: 'kubernetes-models/v1/ServiceAccount', iface: 'IServiceAccount' },
  'v1/ConfigMap': { model: ConfigMap as never, module: 'kubernetes-models/v1/ConfigMap', iface: 'IConfigMap' },
  'v1/PersistentVolumeClaim': { model: PersistentVolumeClaim as never, module: 'kubernetes-models/v1/PersistentVolumeClaim', iface: 'IPersistentVolumeClaim' },
  'v1/Service': { model: Service as never, module: 'kubernetes-models/v1/Service', iface: 'IService' },
  'apps/v1/Deployment': { model: Deployment as never, module: 'kubernetes-models/apps/v1/Deployment', iface: 'IDeployment' },
  'batch/v1/CronJob': { model: CronJob as never, module: 'kubernetes-models/batch/v1/CronJob', iface: 'ICronJob' },
};

/** Compile `docs` as typed object literals (with a deliberate misspelling that must be caught); `out` is the compiler's complaint. */
export async function typeCheckManifests(docs: readonly { apiVersion: string; kind: string }[], name: string): Promise<{ code: number; out: string }> {
  const dir = join(root, 'node_modules/.cache', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  docs.forEach((doc, i) => {
    const entry = models[`${doc.apiVersion}/${doc.kind}`];
    if (!entry) throw new Error(`no model for ${doc.apiVersion} ${doc.kind}`);
    lines.push(`import type { ${entry.iface} as T${i} } from '${entry.module}';`);
    lines.push(`export const m${i}: T${i} = ${JSON.stringify(doc)};`);
  });
  // A deliberate misspelling, to prove the check bites.
  lines.push(`import type { IDeployment as Probe } from 'kubernetes-models/apps/v1/Deployment';`);
  lines.push(`// @ts-expect-error -- "replica" is not a DeploymentSpec key`);
  lines.push(`export const probe: Probe = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replica: 1, selector: {}, template: {} } };`);
  writeFileSync(join(dir, 'manifests.ts'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022', types: [], skipLibCheck: true, exactOptionalPropertyTypes: false },
    files: ['manifests.ts'],
  }));
  // The compiler we build with (TypeScript 7); node_modules/.bin/tsc may be the TypeScript 6 that lint needs.
  const tsc = join(root, 'node_modules/typescript-native/bin/tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]).then(
    () => ({ code: 0, out: '' }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
  );
  rmSync(dir, { recursive: true, force: true });
  return result;
}
