import { z } from 'zod';

/** One sign-off: a responsible person states that an obligation no API can prove is met. */
export const attestationSchema = z.strictObject({
  /** The obligation id (config/obligations.yaml) the sign-off is for. */
  obligation: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'an obligation id such as people.training'),
  /** Who signed: a name, and a role where it helps. */
  by: z.string().trim().min(1, 'who signed (a name, and a role)'),
  /** The day of the sign-off; its validity counts from it. */
  date: z.iso.date({ error: 'the sign-off date as YYYY-MM-DD' }),
  statement: z.string().trim().min(1, 'what the signer states is met'),
  /** Where the proof is kept (training records, the incident plan, a ticket). */
  evidence: z.string().trim().min(1, 'where the evidence is kept (a document, a ticket, a link)'),
});

/** `scan --attestations FILE`: the sign-offs, newest or oldest first, all kept as history. */
export const attestationsFileSchema = z.strictObject({
  version: z.literal(1, { error: 'version: 1' }),
  attestations: z.array(attestationSchema).default([]),
});

export type Attestation = z.output<typeof attestationSchema>;
