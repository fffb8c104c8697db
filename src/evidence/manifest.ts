import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Status } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const SCAN_DOCUMENT = 'scan.json';
export const FINDINGS_DIR = 'findings';

/** Enough to name a finding when its file is altered or gone. */
export interface FindingLabel {
  readonly id: string;
  readonly check: string;
  readonly resource: string;
  readonly status: Status;
}

export interface ManifestEntry {
  /** Relative to the evidence directory, with `/` separators. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly finding?: FindingLabel;
}

/**
 * The index of an evidence directory: the SHA-256 of every file in it but itself and its
 * signature. `manifest.sig` holds the Ed25519 signature of this file's exact bytes, in base64.
 */
export interface Manifest {
  readonly format: 'dutyscan-evidence-manifest';
  readonly version: 1;
  readonly scan: Pick<ScanSummary, 'id' | 'tool' | 'source' | 'startedAt' | 'finishedAt'>;
  readonly files: readonly ManifestEntry[];
  /** Present when signed: which key, so a verifier can pick the right public key. */
  readonly signature?: { readonly algorithm: 'ed25519'; readonly file: typeof SIGNATURE; readonly publicKeySha256: string };
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 of the key's SubjectPublicKeyInfo (DER): the same whichever PEM form it came in. */
export const fingerprint = (key: KeyObject): string =>
  sha256((key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' }));

/** A key file or evidence directory the user named is not usable: their mistake, not ours. */
export class EvidenceInputError extends Error {}

function readKey(file: string, read: (pem: Buffer) => KeyObject, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = read(readFileSync(file));
  } catch (e) {
    throw new EvidenceInputError(`${file}: not a readable ${what} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new EvidenceInputError(`${file}: an Ed25519 key is expected, this is ${key.asymmetricKeyType ?? 'not an asymmetric key'}`);
  return key;
}

/** An unencrypted Ed25519 private key in PEM (PKCS#8), as `openssl genpkey -algorithm ed25519` writes it. */
export const readSigningKey = (file: string): KeyObject => readKey(file, (pem) => createPrivateKey(pem), 'Ed25519 private key (PEM)');

/** An Ed25519 public key in PEM (SPKI); a private key file also works, its public half is used. */
export const readPublicKey = (file: string): KeyObject => readKey(file, (pem) => createPublicKey(pem), 'Ed25519 public key (PEM)');

export const signManifest = (manifest: Buffer, key: KeyObject): string => `${sign(null, manifest, key).toString('base64')}\n`;

export function signatureValid(manifest: Buffer, signature: string, key: KeyObject): boolean {
  try {
    return verify(null, manifest, key, Buffer.from(signature.trim(), 'base64'));
  } catch {
    return false;
  }
}
