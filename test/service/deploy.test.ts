/**
 * The deployment artefacts. No Docker engine and no Kubernetes cluster run here, and neither
 * hadolint nor kubeconform is in the npm or Debian registries, so:
 * - Kubernetes manifests are validated against the Kubernetes OpenAPI schemas compiled into
 *   kubernetes-models (types, required fields, enums, formats), and, since those schemas allow
 *   unknown keys (kubeconform without --strict), also type-checked by the TypeScript compiler as
 *   object literals of the models' interfaces, whose excess-property check flags any misspelt key;
 * - the Dockerfile's properties are asserted on its parsed instructions, and what its runtime
 *   stage runs (bin/ -> dist/, production dependencies) is checked against the repository.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { configSchema } from '../../src/config/schema.js';
import { models, typeCheckManifests } from '../support/kubernetes.js';

const root = join(import.meta.dirname, '../..');
const k8sDir = join(root, 'deploy/kubernetes');

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: unknown };

function manifests(): { file: string; doc: Manifest }[] {
  const out: { file: string; doc: Manifest }[] = [];
  for (const file of readdirSync(k8sDir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort()) {
    for (const d of parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8'))) {
      expect(d.errors, file).toEqual([]);
      out.push({ file, doc: d.toJS() as Manifest });
    }
  }
  return out;
}

const byKind = (kind: string): Manifest => {
  const found = manifests().find((m) => m.doc.kind === kind);
  if (!found) throw new Error(`no ${kind} manifest`);
  return found.doc;
};

describe('Kubernetes manifests', () => {
  it('are each valid against the Kubernetes schema of their kind', () => {
    const all = manifests();
    expect(all.map((m) => m.doc.kind).sort()).toEqual(['ConfigMap', 'CronJob', 'Deployment', 'PersistentVolumeClaim', 'Service', 'ServiceAccount']);
    for (const { file, doc } of all) {
      const entry = models[`${doc.apiVersion}/${doc.kind}`];
      expect(entry, `${file}: ${doc.apiVersion} ${doc.kind}`).toBeDefined();
      expect(() => new entry!.model(doc as never).validate(), file).not.toThrow();
    }
  });

  it('the schema check bites: a wrong type and a missing required field are rejected', () => {
    const deployment = structuredClone(byKind('Deployment')) as unknown as { spec: { template: { spec: { containers: { ports: { containerPort: unknown }[] }[] } } } };
    deployment.spec.template.spec.containers[0]!.ports[0]!.containerPort = 'http';
    expect(() => new Deployment(deployment as never).validate()).toThrow(/containerPort/);
    const cron = structuredClone(byKind('CronJob')) as unknown as { spec: { schedule?: string } };
    delete cron.spec.schedule;
    expect(() => new CronJob(cron as never).validate()).toThrow(/schedule/);
  });

  it('use no key the Kubernetes types do not know (the TypeScript compiler\'s excess-property check)', async () => {
    const result = await typeCheckManifests(manifests().map((m) => m.doc), 'dutyscan-manifest-check');
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('serve mode: one replica replaced (not rolled), probes on /healthz and /readyz, a PVC at /var/lib/dutyscan, read-only root, non-root', () => {
    const d = byKind('Deployment') as never as Deployment;
    expect(d.spec?.replicas).toBe(1);
    expect(d.spec?.strategy?.type).toBe('Recreate');
    const pod = d.spec!.template.spec!;
    const c = pod.containers[0]!;
    expect(c.args?.[0]).toBe('serve');
    expect(c.startupProbe?.httpGet?.path).toBe('/healthz');
    expect(c.livenessProbe?.httpGet?.path).toBe('/healthz');
    expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    const mounts = Object.fromEntries((c.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
    const volumes = Object.fromEntries((pod.volumes ?? []).map((v) => [v.name, v]));
    expect(volumes[mounts['/var/lib/dutyscan']!]?.persistentVolumeClaim?.claimName).toBe(byKind('PersistentVolumeClaim').metadata.name);
    expect(volumes[mounts['/tmp']!]?.emptyDir).toBeDefined();
    expect(pod.serviceAccountName).toBe(byKind('ServiceAccount').metadata.name);
    // SIGTERM handling needs the grace period to outlast the service's own.
    const config = configSchema.parse(parseAllDocuments((byKind('ConfigMap') as unknown as { data: Record<string, string> }).data['dutyscan.yaml']!)[0]!.toJS());
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(config.service!.shutdownGraceSeconds);
    // The Service selects the Deployment's pods and targets its port.
    const svc = byKind('Service') as never as Service;
    for (const [k, v] of Object.entries(svc.spec!.selector!)) expect(d.spec!.template.metadata!.labels![k]).toBe(v);
    expect(c.ports?.map((p) => p.name)).toContain(svc.spec!.ports![0]!.targetPort);
  });

  it('the ConfigMap holds a config dutyscan accepts, with several schedules and the token from a mounted file', () => {
    const cm = byKind('ConfigMap') as unknown as { data: Record<string, string> };
    const config = configSchema.parse(parseAllDocuments(cm.data['dutyscan.yaml']!)[0]!.toJS());
    expect(config.service?.schedules.map((s) => s.name)).toEqual(['daily-full', 'hourly-iam']);
    expect(config.service?.api.tokenFile).toBe('/var/run/secrets/dutyscan/token');
    const d = byKind('Deployment') as never as Deployment;
    const mounts = d.spec!.template.spec!.containers[0]!.volumeMounts!.map((m) => m.mountPath);
    expect(mounts).toContain('/var/run/secrets/dutyscan');
    expect(mounts).toContain('/etc/dutyscan');
    expect(config.service?.store).toMatchObject({ kind: 'sqlite', path: expect.stringMatching(/^\/var\/lib\/dutyscan\//) });
  });

  it('the CronJob runs an Indexed Job whose pods each scan shard $(JOB_COMPLETION_INDEX) of N, N = completions', () => {
    const cron = byKind('CronJob') as never as CronJob;
    expect(cron.spec?.concurrencyPolicy).toBe('Forbid');
    const job = cron.spec!.jobTemplate.spec!;
    expect(job.completionMode).toBe('Indexed');
    expect(job.parallelism).toBe(job.completions);
    const c = job.template.spec!.containers[0]!;
    const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    const shard = /--shard \$\(JOB_COMPLETION_INDEX\)\/(\d+)/.exec(script);
    expect(shard).not.toBeNull();
    expect(Number(shard![1])).toBe(job.completions);
    expect(script).toMatch(/dutyscan\.js scan /);
    expect(job.template.spec?.restartPolicy).toBe('Never');
    expect(c.securityContext?.readOnlyRootFilesystem).toBe(true);
  });

  it('the ServiceAccount carries workload identity for EKS (IRSA), AKS and GKE, and pods opt in to AKS workload identity', () => {
    const sa = byKind('ServiceAccount');
    expect(Object.keys(sa.metadata.annotations ?? {})).toEqual(expect.arrayContaining(['eks.amazonaws.com/role-arn', 'azure.workload.identity/client-id', 'iam.gke.io/gcp-service-account']));
    expect(sa.metadata.annotations!['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(sa.metadata.annotations!['iam.gke.io/gcp-service-account']).toMatch(/@[a-z0-9-]+\.iam\.gserviceaccount\.com$/);
    const d = byKind('Deployment') as never as Deployment;
    const cron = byKind('CronJob') as never as CronJob;
    for (const labels of [d.spec!.template.metadata!.labels!, cron.spec!.jobTemplate.spec!.template.metadata!.labels!]) {
      expect(labels['azure.workload.identity/use']).toBe('true');
    }
  });

  it('kustomization.yaml lists every manifest', () => {
    const k = parseAllDocuments(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8'))[0]!.toJS() as { resources: string[] };
    expect([...k.resources].sort()).toEqual([...new Set(manifests().map((m) => m.file))].sort());
  });
});

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function dockerfile(): { instruction: string; args: string; stage: number }[] {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const out: { instruction: string; args: string; stage: number }[] = [];
  let stage = -1;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`unparsed Dockerfile line: ${line}`);
    if (m[1] === 'FROM') stage++;
    out.push({ instruction: m[1]!, args: m[2]!.replace(/\s+/g, ' '), stage });
  }
  return out;
}

describe('Dockerfile', () => {
  const lines = dockerfile();
  const finalStage = Math.max(...lines.map((l) => l.stage));
  const runtime = lines.filter((l) => l.stage === finalStage);
  const one = (instruction: string) => {
    const found = runtime.filter((l) => l.instruction === instruction);
    expect(found, instruction).toHaveLength(1);
    return found[0]!.args;
  };

  it('is multi-stage on Node 22 LTS (bookworm-slim), the toolchain only in the build stage', () => {
    expect(lines.find((l) => l.instruction === 'ARG')?.args).toBe('NODE_IMAGE=node:22-bookworm-slim');
    const froms = lines.filter((l) => l.instruction === 'FROM').map((l) => l.args);
    expect(froms).toEqual(['${NODE_IMAGE} AS build', '${NODE_IMAGE} AS runtime']);
    expect(lines.filter((l) => l.stage === 0 && l.instruction === 'RUN').map((l) => l.args).join(' ')).toMatch(/g\+\+/);
    expect(runtime.map((l) => l.args).join(' ')).not.toMatch(/apt-get|g\+\+|npm (ci|install)/);
  });

  it('builds with the lockfile, then keeps production dependencies only', () => {
    const build = lines.filter((l) => l.stage === 0 && l.instruction === 'RUN').map((l) => l.args).join(' && ');
    expect(build).toMatch(/npm ci /);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(build.indexOf('npm run build')).toBeLessThan(build.indexOf('npm prune --omit=dev'));
  });

  it('runs as the non-root node user, with the data volume, a health check and serve by default', () => {
    expect(one('USER')).toBe('node');
    expect(one('VOLUME')).toBe('["/var/lib/dutyscan"]');
    expect(runtime.find((l) => l.instruction === 'RUN')?.args).toMatch(/chown node:node \/var\/lib\/dutyscan/);
    expect(one('HEALTHCHECK')).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    expect(JSON.parse(one('ENTRYPOINT'))).toEqual(['node', '/app/bin/dutyscan.js']);
    expect(JSON.parse(one('CMD'))).toEqual(['serve', '--host', '0.0.0.0', '--port', '8080']);
    expect(one('EXPOSE')).toBe('8080');
    // The USER comes after the last RUN (which needs root for chown).
    const indexOf = (i: string) => runtime.findLastIndex((l) => l.instruction === i);
    expect(indexOf('USER')).toBeGreaterThan(indexOf('RUN'));
  });

  it('copies into the runtime exactly what bin/dutyscan.js needs, and the build context holds the sources it compiles', () => {
    const copied = runtime.filter((l) => l.instruction === 'COPY').map((l) => l.args.replace(/^--from=build /, '').split(' ')[0]!);
    expect(copied).toEqual(['/src/package.json', '/src/node_modules', '/src/dist', '/src/bin', '/src/config', '/src/sbom.cdx.json']);
    expect(readFileSync(join(root, 'bin/dutyscan.js'), 'utf8')).toMatch(/['"]\.\.\/dist\/src\/cli\/main\.js['"]/);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', 'test']));
    const sources = lines.filter((l) => l.stage === 0 && l.instruction === 'COPY').flatMap((l) => l.args.split(' ').slice(0, -1));
    for (const source of sources) {
      expect(existsSync(join(root, source)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
    const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    for (const dir of build.include) expect(sources, `tsconfig.build.json includes ${dir}`).toContain(dir);
  });

  it('carries OCI labels true to package.json, and the SBOM of what it ships', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; license: string; description: string };
    const labels = Object.fromEntries([...one('LABEL').matchAll(/(org\.opencontainers\.image\.[a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(runtime.find((l) => l.instruction === 'ARG')?.args).toBe(`VERSION=${pkg.version}`);
    expect(labels).toEqual({
      'org.opencontainers.image.title': pkg.name,
      'org.opencontainers.image.description': pkg.description,
      'org.opencontainers.image.version': '${VERSION}',
      'org.opencontainers.image.licenses': pkg.license,
      'org.opencontainers.image.vendor': pkg.name,
    });
    // npm sbom needs the full tree (it refuses one pruned of dev dependencies); the script narrows it to what ships.
    const build = lines.filter((l) => l.stage === 0 && l.instruction === 'RUN').map((l) => l.args).join(' && ');
    expect(build).toMatch(/node scripts\/sbom\.mjs sbom\.cdx\.json/);
    expect(build.indexOf('node scripts/sbom.mjs')).toBeLessThan(build.indexOf('npm prune --omit=dev'));
  });

  it('the compiled program imports only production dependencies (what `npm prune --omit=dev` leaves)', () => {
    const dist = join(root, 'dist');
    expect(existsSync(join(dist, 'src/cli/main.js')), 'dist/ is built (npm run build) before the tests').toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) {
          const code = readFileSync(path, 'utf8');
          for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)) {
            const spec = m[1] ?? m[2]!;
            if (spec.startsWith('.') || spec.startsWith('node:')) continue;
            const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
            if (!(name in pkg.dependencies)) missing.add(`${name} (${relative(root, path)})`);
          }
        }
      }
    };
    for (const dir of ['src', 'providers', 'checks']) if (existsSync(join(dist, dir))) walk(join(dist, dir));
    expect([...missing]).toEqual([]);
  });
});
