/**
 * The Helm chart (deploy/helm/dutyscan). Helm is in neither the npm nor the Debian registry, so the
 * chart is rendered by test/support/helm.ts, the subset of Go templates the chart uses (anything
 * else fails the render), and the rendered objects are validated as deploy/kubernetes's are:
 * the Kubernetes schemas and the TypeScript excess-property check.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { configSchema } from '../../src/config/schema.js';
import { dutyscan } from '../support/cli.js';
import { mergeValues, renderChart, renderTemplate } from '../support/helm.js';
import { models, typeCheckManifests } from '../support/kubernetes.js';

const chart = join(import.meta.dirname, '../../deploy/helm/dutyscan');
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: unknown };

function render(values: Record<string, unknown> = {}): Manifest[] {
  const out: Manifest[] = [];
  for (const [file, text] of renderChart(chart, 'acme', values)) {
    for (const d of parseAllDocuments(text)) {
      expect(d.errors, file).toEqual([]);
      const doc = d.toJS() as Manifest | null;
      if (doc) out.push(doc);
    }
  }
  return out;
}
const kind = <T>(docs: Manifest[], k: string): T => {
  const found = docs.find((d) => d.kind === k);
  if (!found) throw new Error(`no ${k}`);
  return found as never as T;
};
const cronPod = (docs: Manifest[]) => kind<CronJob>(docs, 'CronJob').spec!.jobTemplate.spec!.template;
const identity = { workloadIdentity: { aws: { roleArn: 'arn:aws:iam::111122223333:role/dutyscan-readonly' }, azure: { clientId: '00000000-0000-0000-0000-0000000000a1' }, gcp: { serviceAccount: 'dutyscan@acme.iam.gserviceaccount.com' } } };

describe('the template renderer (Helm\'s subset)', () => {
  it('renders paths, pipelines, if/else, trimming and Helm\'s functions; a path to nothing or an unsupported action fails', () => {
    const scope = { Values: { a: { b: 'x' }, list: [1, 2], empty: '', map: { z: 1, a: { k: 'v' } } }, Chart: { AppVersion: '1.0' } };
    expect(renderTemplate('v: {{ .Values.a.b | quote }}', scope)).toBe('v: "x"');
    expect(renderTemplate('t: {{ .Values.empty | default .Chart.AppVersion }}', scope)).toBe('t: 1.0');
    expect(renderTemplate('a:\n  {{- if .Values.empty }}\n  yes\n  {{- else }}\n  no\n  {{- end }}\n', scope)).toBe('a:\n  no\n');
    expect(renderTemplate('{{ if or .Values.empty .Values.list }}some{{ end }}', scope)).toBe('some');
    expect(renderTemplate('m:\n  {{- .Values.map | toYaml | nindent 2 }}', scope)).toBe('m:\n  a:\n    k: v\n  z: 1');
    expect(() => renderTemplate('{{ .Values.a.typo }}', scope)).toThrow(/no such value/);
    expect(() => renderTemplate('{{ range .Values.list }}{{ end }}', scope)).toThrow(/unsupported action/);
    expect(() => renderTemplate('{{ .Values.map }}', scope)).toThrow(/toYaml/);
    expect(() => renderTemplate('{{ .Values.a.b | upper }}', scope)).toThrow(/unknown function/);
    expect(mergeValues({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] } })).toEqual({ a: { b: 1, c: [2] }, d: 1 });
  });
});

describe('Helm chart', () => {
  it('renders, with the defaults and with every option set, objects valid against the Kubernetes schema of their kind', async () => {
    const full = render({ ...identity, sinkSecret: 'dutyscan-sinks', persistence: { storageClassName: 'efs' } });
    for (const docs of [render(), full]) {
      expect(docs.map((d) => d.kind).sort()).toEqual(['ConfigMap', 'CronJob', 'Deployment', 'PersistentVolumeClaim', 'Service', 'ServiceAccount']);
      for (const doc of docs) expect(() => new models[`${doc.apiVersion}/${doc.kind}`]!.model(doc as never).validate(), doc.kind).not.toThrow();
    }
    expect(render({ service: { enabled: false }, scan: { enabled: false } }).map((d) => d.kind).sort()).toEqual(['ConfigMap', 'PersistentVolumeClaim', 'ServiceAccount']);
    const result = await typeCheckManifests(full, 'dutyscan-helm-check');
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  it('the CronJob runs an Indexed Job of `scan.shards` pods, each recording its shard under the Job\'s name as run id', async () => {
    const docs = render({ scan: { shards: 7, schedule: '30 1 * * *' } });
    const cron = kind<CronJob>(docs, 'CronJob');
    expect(cron.spec!.schedule).toBe('30 1 * * *');
    const job = cron.spec!.jobTemplate.spec!;
    expect(job).toMatchObject({ completionMode: 'Indexed', completions: 7, parallelism: 7 });
    const c = job.template.spec!.containers[0]!;
    const script = c.args!.join(' ');
    expect(script).toContain('--run-id "$(DUTYSCAN_RUN_ID)"');
    expect(script).toContain('--shard "$(JOB_COMPLETION_INDEX)/7"');
    expect(script).toContain('--store postgres');
    // The run id is the Job's identity, through the downward API.
    const env = Object.fromEntries(c.env!.map((e) => [e.name, e]));
    expect(env['DUTYSCAN_RUN_ID']?.valueFrom?.fieldRef?.fieldPath).toBe("metadata.labels['batch.kubernetes.io/job-name']");
    expect(env['DUTYSCAN_DATABASE_URL']?.valueFrom?.secretKeyRef).toEqual({ name: 'dutyscan-store', key: 'url' });
    // Every flag the script passes is one `dutyscan scan` knows.
    const help = await dutyscan(['scan', '--help']);
    const flags = [...new Set(script.match(/--[a-z][a-z-]+/g))];
    expect(flags.length).toBeGreaterThan(4);
    for (const flag of flags) expect(help.stdout, flag).toContain(flag);
  }, 60_000);

  it('reports and the sink spool live on a claim that outlives the pods, each shard index in its own directory', () => {
    const docs = render();
    const pvc = kind<Manifest & { spec: { accessModes: string[] } }>(docs, 'PersistentVolumeClaim');
    expect(pvc.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep');
    const pod = cronPod(docs).spec!;
    const c = pod.containers[0]!;
    const work = c.volumeMounts!.find((m) => m.mountPath === '/var/lib/dutyscan')!;
    expect(pod.volumes!.find((v) => v.name === work.name)?.persistentVolumeClaim?.claimName).toBe(pvc.metadata.name);
    expect(work.subPathExpr).toBe('shards/$(JOB_COMPLETION_INDEX)');
    expect(c.args!.join(' ')).toMatch(/--output-dir "\/var\/lib\/dutyscan\/reports\/\$\(DUTYSCAN_RUN_ID\)"/);
    const serve = kind<Deployment>(docs, 'Deployment').spec!.template.spec!;
    expect(serve.volumes!.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(pvc.metadata.name);
  });

  it('workload identity for IRSA, AKS and GKE comes from values; none is claimed when none is given', () => {
    const bare = render();
    expect(kind<Manifest>(bare, 'ServiceAccount').metadata.annotations).toBeUndefined();
    expect(cronPod(bare).metadata!.labels!['azure.workload.identity/use']).toBeUndefined();
    const docs = render(identity);
    expect(kind<Manifest>(docs, 'ServiceAccount').metadata.annotations).toMatchObject({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/dutyscan-readonly',
      'azure.workload.identity/client-id': '00000000-0000-0000-0000-0000000000a1',
      'iam.gke.io/gcp-service-account': 'dutyscan@acme.iam.gserviceaccount.com',
    });
    for (const labels of [cronPod(docs).metadata!.labels!, kind<Deployment>(docs, 'Deployment').spec!.template.metadata!.labels!]) {
      expect(labels['azure.workload.identity/use']).toBe('true');
    }
    const only = render({ workloadIdentity: { gcp: { serviceAccount: 'x@p.iam.gserviceaccount.com' } } });
    expect(Object.keys(kind<Manifest>(only, 'ServiceAccount').metadata.annotations!)).toEqual(['iam.gke.io/gcp-service-account']);
  });

  it('the config is one dutyscan accepts, its store the PostgreSQL the pods get the URL of; sinks and their secrets from values', () => {
    const sinks = [{ type: 'hec', url: 'https://splunk.example.com:8088/services/collector/event', token: { env: 'DUTYSCAN_HEC_TOKEN' }, spool: { dir: '/var/lib/dutyscan/spool' } }];
    const docs = render({ config: { sinks }, sinkSecret: 'dutyscan-sinks' });
    const cm = kind<Manifest & { data: Record<string, string> }>(docs, 'ConfigMap');
    const config = configSchema.parse(parseAllDocuments(cm.data['dutyscan.yaml']!)[0]!.toJS());
    expect(config.service?.store).toEqual({ kind: 'postgres', urlEnv: 'DUTYSCAN_DATABASE_URL' });
    expect(config.sinks).toHaveLength(1);
    for (const pod of [cronPod(docs).spec!, kind<Deployment>(docs, 'Deployment').spec!.template.spec!]) {
      const c = pod.containers[0]!;
      expect(c.envFrom).toEqual([{ secretRef: { name: 'dutyscan-sinks' } }]);
      expect(c.env!.find((e) => e.name === 'DUTYSCAN_DATABASE_URL')?.valueFrom?.secretKeyRef?.name).toBe('dutyscan-store');
      expect(pod.volumes!.find((v) => v.name === 'config')?.configMap?.name).toBe(cm.metadata.name);
    }
  });
});
