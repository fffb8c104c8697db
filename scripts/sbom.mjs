#!/usr/bin/env node
// CycloneDX SBOM of what the package ships: npm's own `npm sbom` of the installed tree, narrowed to
// what the production dependencies reach. `npm sbom --omit=dev` cannot be used for that: it drops
// a production package that a dev dependency also uses (npm/cli#7909; picomatch here, through
// vitest). npm also names the root component after the folder it runs in.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.argv[2] ?? 'sbom.cdx.json';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sbom = JSON.parse(execFileSync(npm, ['sbom', '--sbom-format=cyclonedx', '--sbom-type=application'], { encoding: 'utf8', maxBuffer: 64 << 20 }));

const root = sbom.metadata.component['bom-ref'];
const dependsOn = new Map(sbom.dependencies.map((d) => [d.ref, d.dependsOn ?? []]));
const production = new Set(Object.keys(pkg.dependencies ?? {}));
const shipped = new Set();
const queue = (dependsOn.get(root) ?? []).filter((ref) => production.has(ref.slice(0, ref.lastIndexOf('@'))));
for (let ref; (ref = queue.pop()) !== undefined;) {
  if (shipped.has(ref)) continue;
  shipped.add(ref);
  queue.push(...(dependsOn.get(ref) ?? []));
}

sbom.metadata.component.name = pkg.name;
sbom.components = sbom.components.filter((c) => shipped.has(c['bom-ref']));
sbom.dependencies = sbom.dependencies
  .filter((d) => d.ref === root || shipped.has(d.ref))
  .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((ref) => shipped.has(ref)) }));
writeFileSync(out, `${JSON.stringify(sbom, null, 2)}\n`);
console.error(`${out}: CycloneDX ${sbom.specVersion}, ${sbom.components.length} components`);
