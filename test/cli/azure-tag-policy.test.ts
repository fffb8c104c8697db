/**
 * The built CLI scanning the Azure wire fake as a user runs it, with no required tags in the
 * config: the requirement comes from the Azure Policy "require a tag" assignments that reach each
 * resource, the findings name them, and without any assignment the tagging duty is NOT_ASSESSED,
 * never a clean pass.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { AzureFake, type FakeTenant } from '../fakes/azure/server.js';
import * as w from '../fakes/azure/tenant.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-azure-tag-policy-'));
const SUB = w.subId(1);
const CHECKS = ['azure-resources-resource-required-tags', 'azure-resources-resource-group-required-tags'];
let fake: AzureFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function dutyscan(f: AzureFake): Promise<{ code: number; findings: Finding[] }> {
  const config = join(dir, 'dutyscan.json');
  writeFileSync(config, JSON.stringify({ providers: { azure: { cloud: 'custom', tenantId: f.tenant.tenantId, entra: false, endpoints: { resourceManager: f.url, graph: f.url, authorityHost: f.url } } } }));
  writeFileSync(join(dir, 'ca.pem'), f.ca);
  const env = { ...process.env, AZURE_TENANT_ID: f.tenant.tenantId, AZURE_CLIENT_ID: 'dutyscan-test', AZURE_CLIENT_SECRET: 'not-a-secret', NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), NODE_NO_WARNINGS: '1' };
  const argv = [bin, 'scan', '-p', 'azure', '-c', config, '-f', 'json', '--no-progress', '--checks', ...CHECKS];
  const result = await promisify(execFile)(process.execPath, argv, { env, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

function tenant(withAssignments: boolean): FakeTenant {
  const site = (rg: string, name: string, tags: Record<string, string>) => ({ id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Web/sites/${name}`, name, type: 'Microsoft.Web/sites', location: 'westeurope', tags });
  return {
    tenantId: '11111111-1111-1111-1111-111111111111',
    users: [],
    managementGroups: { contoso: [SUB] },
    subscriptions: [{
      id: SUB, name: 'prod',
      resourceGroups: [{ name: 'rg-app', location: 'westeurope', tags: { costcenter: 'CC-1' } }, { name: 'rg-sandbox', location: 'westeurope' }],
      resources: [site('rg-app', 'orders', { owner: 'team-a' }), site('rg-app', 'scratch', {}), site('rg-sandbox', 'toy', {})],
      children: [],
    }],
    policyAssignments: withAssignments
      ? [
        w.policyAssignment(`/subscriptions/${SUB}`, 'require-owner', '871b6d14-10aa-478d-b590-94f262ecfa99', { tagName: 'owner' }, { notScopes: [`/subscriptions/${SUB}/resourceGroups/rg-sandbox`] }),
        w.policyAssignment('/providers/Microsoft.Management/managementGroups/contoso', 'require-costcenter', '96670d01-0a4d-4649-9c89-2d3abc0a5025', { tagName: 'costcenter' }, { enforcementMode: 'DoNotEnforce' }),
      ]
      : [],
  };
}

describe('dutyscan scan -p azure with no required tags in the config', () => {
  it('judges by the "require a tag" policy assignments that reach each resource and names them as the source', async () => {
    fake = await new AzureFake(tenant(true)).start();
    const { code, findings } = await dutyscan(fake);
    expect(code).toBe(3); // duties violated, scan complete
    const owner = `azure-policy-assignment:require-owner /subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/require-owner`;
    const cost = 'azure-policy-assignment:require-costcenter /providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyAssignments/require-costcenter (DoNotEnforce: declared, not enforced)';
    const seen = findings.map((f) => [f.check.id, f.resource.name, f.status, f.evidence?.['requirementSource']]);
    expect(seen).toEqual(expect.arrayContaining([
      ['azure-resources-resource-required-tags', 'orders', 'PASS', [owner]],
      ['azure-resources-resource-required-tags', 'scratch', 'FAIL', [owner]],
      // rg-sandbox is left out of require-owner; the management group's assignment requires tags of resource groups only.
      ['azure-resources-resource-required-tags', 'toy', 'NOT_APPLICABLE', [cost]],
      ['azure-resources-resource-group-required-tags', 'rg-app', 'PASS', [cost]],
      ['azure-resources-resource-group-required-tags', 'rg-sandbox', 'FAIL', [cost]],
    ]));
    expect(seen).toHaveLength(5);
  }, 120_000);

  it('without any assignment either, the tagging duty is NOT_ASSESSED, never a clean pass', async () => {
    fake = await new AzureFake(tenant(false)).start();
    const { findings } = await dutyscan(fake);
    expect(findings.length).toBe(5);
    expect(new Set(findings.map((f) => f.status))).toEqual(new Set(['NOT_ASSESSED']));
  }, 120_000);

  it('an identity that may not read the assignments gets ERROR findings naming the read, and an incomplete exit code', async () => {
    const t = tenant(true);
    fake = await new AzureFake({ ...t, subscriptions: t.subscriptions.map((s) => ({ ...s, access: { subscription: [{ actions: ['*/read'], notActions: ['Microsoft.Authorization/policyAssignments/read'] }] } })) }).start();
    const { code, findings } = await dutyscan(fake);
    expect(code).toBe(4); // nothing failed that was read, but the picture is incomplete
    expect(findings.filter((f) => f.resource.type !== 'azure.scope').map((f) => [f.resource.name, f.status, f.error?.code, f.error?.operation])).toEqual(expect.arrayContaining(
      ['orders', 'scratch', 'toy', 'rg-app', 'rg-sandbox'].map((name) => [name, 'ERROR', 'ACCESS_DENIED', 'Microsoft.Authorization/policyAssignments/read']),
    ));
    expect(findings.filter((f) => f.status !== 'ERROR')).toEqual([]);
  }, 120_000);
});
