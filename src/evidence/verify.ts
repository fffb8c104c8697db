import type { KeyObject } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STATUSES } from '../core/finding.js';
import { FINDINGS_DIR, MANIFEST, SIGNATURE, fingerprint, sha256, signatureValid, type FindingLabel, type Manifest } from './manifest.js';

/**
 * valid: the given public key verifies the manifest. invalid: it does not (the manifest changed,
 * or another key signed it). missing: a signature is declared or asked for, and there is none.
 * unverified: signed, but no public key was given. unsigned: neither signed nor asked to be.
 */
export type SignatureState = 'valid' | 'invalid' | 'missing' | 'unverified' | 'unsigned';

export interface FileProblem {
  readonly path: string;
  readonly finding?: FindingLabel;
}

export interface Verification {
  /** Why the manifest itself could not be used; nothing else is checked then. */
  readonly unreadable?: string;
  readonly manifest?: Manifest;
  readonly altered: readonly FileProblem[];
  readonly added: readonly FileProblem[];
  readonly removed: readonly FileProblem[];
  readonly signature: SignatureState;
  /** The fingerprint of the key given to verify with. */
  readonly publicKeySha256?: string;
  readonly ok: boolean;
}

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
/** A path inside the directory: relative, `/`-separated, no `..`. */
const innerPath = z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\\0]+$/, 'a relative path inside the evidence directory');
const manifestSchema = z.object({
  format: z.literal('dutyscan-evidence-manifest'),
  version: z.literal(1),
  scan: z.object({
    id: z.string(),
    tool: z.object({ name: z.literal('dutyscan'), version: z.string() }),
    source: z.enum(['live', 'inventory', 'demo']),
    startedAt: z.string(),
    finishedAt: z.string(),
  }),
  files: z.array(z.object({
    path: innerPath,
    sha256: hex(64),
    bytes: z.number(),
    finding: z.object({ id: z.string(), check: z.string(), resource: z.string(), status: z.enum(STATUSES) }).optional(),
  })),
  signature: z.object({ algorithm: z.literal('ed25519'), file: z.literal(SIGNATURE), publicKeySha256: hex(64) }).optional(),
}).loose();

/** Every regular file and anything else (links, sockets) under `dir`, as `/`-separated relative paths. */
function entriesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? entriesUnder(dir, path) : [path];
  });
}

/** Best effort, for naming: the finding an evidence file not in the manifest claims to be. */
function claimedFinding(dir: string, path: string): FindingLabel | undefined {
  if (!path.startsWith(`${FINDINGS_DIR}/`)) return undefined;
  try {
    const f = (JSON.parse(readFileSync(join(dir, path), 'utf8')) as { finding?: { id?: unknown; check?: { id?: unknown }; resource?: { id?: unknown }; status?: unknown } }).finding;
    return f && typeof f.id === 'string' ? { id: f.id, check: String(f.check?.id), resource: String(f.resource?.id), status: String(f.status) as FindingLabel['status'] } : undefined;
  } catch {
    return undefined;
  }
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function signatureState(dir: string, manifestBytes: Buffer, manifest: Manifest, publicKey: KeyObject | undefined): SignatureState {
  const signature = readOptional(join(dir, SIGNATURE));
  if (!signature) return manifest.signature || publicKey ? 'missing' : 'unsigned';
  if (!publicKey) return 'unverified';
  return signatureValid(manifestBytes, signature.toString('utf8'), publicKey) ? 'valid' : 'invalid';
}

/**
 * Checks an evidence directory offline: every file the manifest lists is there with its SHA-256,
 * nothing else is, and (with a public key) the manifest is signed by it.
 */
export function verifyEvidence(dir: string, publicKey?: KeyObject): Verification {
  const keyPrint = publicKey ? { publicKeySha256: fingerprint(publicKey) } : {};
  const failed = (unreadable: string): Verification =>
    ({ unreadable, altered: [], added: [], removed: [], signature: 'missing', ...keyPrint, ok: false });
  const manifestBytes = readOptional(join(dir, MANIFEST));
  if (!manifestBytes) return failed(`${MANIFEST} is missing`);
  let manifest: Manifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return failed(`${MANIFEST}: ${issue.path.join('.')}: ${issue.message}`);
    }
    manifest = parsed.data as Manifest;
  } catch (e) {
    return failed(`${MANIFEST} is not JSON: ${(e as Error).message}`);
  }

  const altered: FileProblem[] = [];
  const removed: FileProblem[] = [];
  const problem = (entry: Manifest['files'][number]): FileProblem => ({ path: entry.path, ...(entry.finding ? { finding: entry.finding } : {}) });
  for (const entry of manifest.files) {
    const path = join(dir, entry.path);
    let regular: boolean;
    try {
      regular = lstatSync(path).isFile();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      removed.push(problem(entry));
      continue;
    }
    // A link in place of a file is an alteration, whatever it points to.
    if (!regular || sha256(readFileSync(path)) !== entry.sha256) altered.push(problem(entry));
  }

  const listed = new Set([MANIFEST, SIGNATURE, ...manifest.files.map((f) => f.path)]);
  const added = entriesUnder(dir)
    .filter((path) => !listed.has(path))
    .sort()
    .map((path): FileProblem => {
      const finding = claimedFinding(dir, path);
      return { path, ...(finding ? { finding } : {}) };
    });

  const signature = signatureState(dir, manifestBytes, manifest, publicKey);
  const ok = altered.length === 0 && added.length === 0 && removed.length === 0 && signature !== 'invalid' && signature !== 'missing';
  return { manifest, altered, added, removed, signature, ...keyPrint, ok };
}
