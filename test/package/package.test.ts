/**
 * What a platform team checks before adopting a tool: the licence file agrees with package.json,
 * the published files include it, and the SBOM lists every production dependency and no dev one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string; version: string; license: string; files: string[];
  dependencies: Record<string, string>; devDependencies: Record<string, string>;
};

describe('package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sbom-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('LICENSE is the licence package.json names, and ships with the package', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const text = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(text).toMatch(/Copyright \d{4} The dutyscan authors/);
    expect(pkg.files).toEqual(expect.arrayContaining(['LICENSE', 'SECURITY.md', 'CHANGELOG.md']));
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`## \\[${pkg.version.replace(/\./g, '\\.')}\\]`));
  });

  it('npm run sbom writes a CycloneDX SBOM of the production dependencies only', () => {
    const out = join(dir, 'sbom.cdx.json');
    execFileSync(process.execPath, [join(root, 'scripts/sbom.mjs'), out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const sbom = JSON.parse(readFileSync(out, 'utf8')) as {
      bomFormat: string; specVersion: string;
      metadata: { component: { name: string; version: string; purl: string } };
      components: { name: string; version: string; purl: string; scope?: string }[];
    };
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.metadata.component).toMatchObject({ name: pkg.name, version: pkg.version, purl: `pkg:npm/${pkg.name}@${pkg.version}` });
    const names = new Set(sbom.components.map((c) => c.name));
    for (const dep of Object.keys(pkg.dependencies)) expect(names.has(dep), dep).toBe(true);
    // Dev-only packages (the test runner, the compiler) are not in what ships.
    for (const dev of ['vitest', 'typescript', 'fast-check']) expect(names.has(dev), dev).toBe(false);
    for (const c of sbom.components) expect(c.purl, c.name).toMatch(/^pkg:npm\//);
  });
});
