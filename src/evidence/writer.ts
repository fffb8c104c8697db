import type { KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import type { Reads } from '../engine/reads.js';
import { evidenceDocument, serialise } from './document.js';
import { EvidenceInputError, FINDINGS_DIR, MANIFEST, SCAN_DOCUMENT, SIGNATURE, fingerprint, sha256, signManifest, type Manifest, type ManifestEntry } from './manifest.js';

/** Owner-only: evidence names accounts, resources and their configuration. */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Writes `scan --evidence DIR`: one file per finding as it arrives, then the scan document and the
 * manifest of them all (signed when a key is given). Files are created exclusively (`wx`): nothing
 * already there is overwritten or followed.
 */
export class EvidenceWriter {
  private readonly entries: ManifestEntry[] = [];
  private readonly names = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly key: KeyObject | undefined,
  ) {}

  /** A new evidence directory, or an empty one: a manifest must describe everything in it. */
  static open(dir: string, key?: KeyObject): EvidenceWriter {
    let existing: string[] = [];
    try {
      existing = readdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new EvidenceInputError((e as Error).message);
    }
    if (existing.length > 0) throw new EvidenceInputError(`${dir} is not empty: give each scan's evidence a new directory`);
    try {
      mkdirSync(join(dir, FINDINGS_DIR), { recursive: true, mode: DIR_MODE });
      chmodSync(dir, DIR_MODE); // an empty directory that existed keeps its mode otherwise
    } catch (e) {
      throw new EvidenceInputError((e as Error).message);
    }
    return new EvidenceWriter(dir, key);
  }

  async write(finding: Finding, reads: Reads | undefined): Promise<void> {
    // Finding ids are unique within a scan; should two ever meet, neither's evidence is lost.
    let name = `${finding.id}.json`;
    for (let n = 2; this.names.has(name); n++) name = `${finding.id}-${n}.json`;
    this.names.add(name);
    const path = `${FINDINGS_DIR}/${name}`;
    const label = { id: finding.id, check: finding.check.id, resource: finding.resource.id, status: finding.status };
    await this.file(path, serialise(evidenceDocument(finding, reads)), label);
  }

  /** The scan document and the manifest (and its signature): the directory is complete. */
  async close(summary: ScanSummary): Promise<{ readonly findings: number; readonly bytes: number; readonly publicKeySha256?: string }> {
    await this.file(SCAN_DOCUMENT, serialise(summary));
    const files = [...this.entries].sort((a, b) => a.path.localeCompare(b.path));
    const publicKeySha256 = this.key ? fingerprint(this.key) : undefined;
    const manifest: Manifest = {
      format: 'dutyscan-evidence-manifest',
      version: 1,
      scan: { id: summary.id, tool: summary.tool, source: summary.source, startedAt: summary.startedAt, finishedAt: summary.finishedAt },
      files,
      ...(publicKeySha256 ? { signature: { algorithm: 'ed25519', file: SIGNATURE, publicKeySha256 } } : {}),
    };
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(join(this.dir, MANIFEST), bytes, { mode: FILE_MODE, flag: 'wx' });
    if (this.key) await writeFile(join(this.dir, SIGNATURE), signManifest(bytes, this.key), { mode: FILE_MODE, flag: 'wx' });
    return {
      findings: this.entries.length - 1,
      bytes: files.reduce((n, f) => n + f.bytes, bytes.length),
      ...(publicKeySha256 ? { publicKeySha256 } : {}),
    };
  }

  private async file(path: string, text: string, finding?: ManifestEntry['finding']): Promise<void> {
    const bytes = Buffer.from(text);
    await writeFile(join(this.dir, path), bytes, { mode: FILE_MODE, flag: 'wx' });
    this.entries.push({ path, sha256: sha256(bytes), bytes: bytes.length, ...(finding ? { finding } : {}) });
  }
}
