import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { EvidenceInputError, readPublicKey, readSigningKey, type FindingLabel } from '../../evidence/manifest.js';
import { verifyEvidence, type FileProblem, type Verification } from '../../evidence/verify.js';
import { EvidenceWriter } from '../../evidence/writer.js';
import { EXIT } from '../exit.js';
import { UsageError } from '../select.js';

/** A user's mistake in an evidence flag (a key that is not Ed25519, a directory in use) exits 2. */
function asUsage<T>(flag: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EvidenceInputError) throw new UsageError(`${flag}: ${e.message}`);
    throw e;
  }
}

/** `scan --evidence DIR [--sign-key FILE]`: checked before the scan starts, so a mistake costs no scan. */
export function openEvidence(flags: { evidence?: string; signKey?: string }): EvidenceWriter | undefined {
  if (flags.signKey !== undefined && flags.evidence === undefined) throw new UsageError('--sign-key signs the evidence manifest: it needs --evidence DIR');
  if (flags.evidence === undefined) return undefined;
  const key = flags.signKey === undefined ? undefined : asUsage('--sign-key', () => readSigningKey(flags.signKey!));
  return asUsage('--evidence', () => EvidenceWriter.open(flags.evidence!, key));
}

const label = (f: FindingLabel | undefined) => (f ? `  ${f.check} on ${f.resource} (${f.status}, finding ${f.id})` : '');
const lines = (word: string, problems: readonly FileProblem[]) => problems.map((p) => `${word.padEnd(8)} ${p.path}${label(p.finding)}\n`);

function signatureText(v: Verification): string {
  const signer = v.manifest?.signature?.publicKeySha256;
  switch (v.signature) {
    case 'valid': return `valid (Ed25519 key sha256:${v.publicKeySha256})`;
    case 'invalid': return signer && signer !== v.publicKeySha256
      ? `INVALID: the manifest names key sha256:${signer} as its signer, not the given key sha256:${v.publicKeySha256}`
      : `INVALID for key sha256:${v.publicKeySha256}: the manifest or its signature changed after signing`;
    case 'missing': return `MISSING: ${v.manifest?.signature ? 'the manifest declares a signature' : 'a public key was given'} but there is no manifest.sig`;
    case 'unverified': return 'present but NOT verified (give --public-key to verify it)';
    case 'unsigned': return 'none (the manifest is not signed)';
  }
}

export function verificationText(dir: string, v: Verification): string {
  if (v.unreadable) return `evidence ${dir}: ${v.unreadable}\nverification FAILED\n`;
  const m = v.manifest!;
  const declared = m.signature ? `, signed by Ed25519 key sha256:${m.signature.publicKeySha256}` : '';
  const counts = [`${v.altered.length} altered`, `${v.added.length} added`, `${v.removed.length} removed`].join(', ');
  return [
    `evidence ${dir}: scan ${m.scan.id}, ${m.files.length} files${declared}\n`,
    ...lines('ALTERED', v.altered),
    ...lines('ADDED', v.added),
    ...lines('REMOVED', v.removed),
    `signature: ${signatureText(v)}\n`,
    v.ok ? `verification OK: every file matches the manifest (${counts})\n` : `verification FAILED: ${counts}, signature ${v.signature}\n`,
  ].join('');
}

export function evidenceVerifyCommand(dir: string, flags: { publicKey?: string }): number {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`evidence verify: ${dir} is not a directory`);
  const key = flags.publicKey === undefined ? undefined : asUsage('--public-key', () => readPublicKey(flags.publicKey!));
  const verification = verifyEvidence(dir, key);
  process.stdout.write(verificationText(dir, verification));
  return verification.ok ? EXIT.OK : EXIT.EVIDENCE_INVALID;
}

export function registerEvidenceCommand(program: Command, done: (exitCode: number) => void): void {
  const evidence = program.command('evidence').description('evidence written by: dutyscan scan --evidence DIR');
  evidence
    .command('verify <dir>')
    .description(`check offline that every evidence file matches the manifest, and its signature; exit ${EXIT.EVIDENCE_INVALID} naming what was altered, added or removed`)
    .option('--public-key <file>', 'Ed25519 public key (PEM) the manifest must be signed with')
    .action((dir: string, flags: { publicKey?: string }) => {
      done(evidenceVerifyCommand(dir, flags));
    });
}
