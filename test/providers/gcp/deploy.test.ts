import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../../src/util/paths.js';

/** Operations the collectors name that are not themselves IAM permissions, and the permission each needs. */
const PERMISSION_OF: Readonly<Record<string, string | null>> = {
  'compute.instances.aggregatedList': 'compute.instances.list',
  'compute.disks.aggregatedList': 'compute.disks.list',
  'compute.subnetworks.aggregatedList': 'compute.subnetworks.list',
  'compute.resourcePolicies.aggregatedList': 'compute.resourcePolicies.list',
  'resourcemanager.projects.search': 'resourcemanager.projects.get',
  // Admin SDK: authorised by domain-wide delegation, not Cloud IAM.
  'admin.directory.users.list': null,
};

describe('deploy/gcp/dutyscan-reader-role.yaml', () => {
  const role = parse(readFileSync(join(packageRoot, 'deploy/gcp/dutyscan-reader-role.yaml'), 'utf8')) as { includedPermissions: string[]; stage: string };
  // Discovery and every collector: the files that make calls.
  const collect = join(packageRoot, 'providers/gcp/collect');
  const files = [join(packageRoot, 'providers/gcp/discover.ts'), ...readdirSync(collect).map((f) => join(collect, f))];
  const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  // Operations are named `<service>.<resource>.<verb>` string literals, as the permissions are.
  const operations = new Set(
    [...source.matchAll(/'((?:resourcemanager|cloudasset|compute|storage|cloudsql|iam|cloudkms|logging|admin)\.[A-Za-z]+\.[A-Za-z]+)'/g)]
      .map((m) => m[1]!)
      .filter((op) => !op.includes('.googleapis.')),
  );

  test('the collectors name their operations (the scan picked them up)', () => {
    expect(operations.size).toBeGreaterThan(20);
  });

  test('grants exactly the permissions the collectors use, all of them reads', () => {
    const needed = new Set([...operations].map((op) => (op in PERMISSION_OF ? PERMISSION_OF[op] : op)).filter((p): p is string => p !== null));
    expect([...role.includedPermissions].sort()).toEqual([...needed].sort());
    for (const p of role.includedPermissions) expect(p, p).toMatch(/\.(get|list|getIamPolicy|searchAllResources|searchAllIamPolicies|listResource|listIamPolicy)$/);
  });
});
