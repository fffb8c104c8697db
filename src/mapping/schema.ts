import { z } from 'zod';
import { DUTIES } from '../core/check.js';
import { curePeriodSchema } from './cure.js';
import { providerIdSchema } from '../../providers/index.js';

const id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'a lower-case dotted id such as access.mfa');

const sourceSchema = z.strictObject({
  /** File name under shared/seeds the obligation is drawn from. */
  seed: z.string().min(1),
  /** The section heading or clause of that document. */
  section: z.string().min(1),
});

/** config/obligations.yaml: the catalog of customer-side duties, in our own words. */
export const obligationCatalogSchema = z.strictObject({
  version: z.literal(1),
  obligations: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(1),
        duties: z.array(z.enum(DUTIES)).default([]),
        /** `manual`: no API can prove it (training, notification timelines): an attestation to sign. */
        verification: z.enum(['automated', 'manual', 'partial']).default('automated'),
        description: z.string().min(1),
        sources: z.array(sourceSchema).min(1, 'at least one seed reference'),
      }),
    )
    .min(1),
});

/** config/mappings/<provider>.yaml: obligation id -> check ids (one direction only). */
export const obligationMappingSchema = z.strictObject({
  provider: providerIdSchema,
  obligations: z.record(id, z.array(z.string().min(1)).min(1)),
});

/** config/contracts/<id>.yaml: a contract's clauses -> obligation ids. */
export const contractProfileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  source: z.strictObject({ seed: z.string().optional(), document: z.string().optional(), language: z.string().optional() }).optional(),
  notes: z.string().optional(),
  definitions: z
    .array(z.strictObject({ clause: z.string(), term: z.string(), meaning: z.string() }))
    .default([]),
  /** Contract deadlines (README): the default cure period of a failing finding, and per obligation id; a clause may give its own. */
  curePeriod: curePeriodSchema.optional(),
  obligationCurePeriods: z.record(id, curePeriodSchema).optional(),
  clauses: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: z.string().min(1),
        summary: z.string().min(1),
        /** Clause numbers of definitions this clause relies on. */
        relies_on: z.array(z.string()).default([]),
        obligations: z.array(id).default([]),
        curePeriod: curePeriodSchema.optional(),
        /** Where the clause's own text can be read (the regulation profiles cite the official text). */
        citation: z.url({ error: 'a URL where the clause\'s text can be read' }).optional(),
        /** `contract draft` marks every clause it maps; a person removes the marker once the clause is checked. */
        review: z.literal('required', { error: 'only "required" (remove the key once the clause is reviewed)' }).optional(),
      }),
    )
    .min(1),
  /** Per obligation, how long a sign-off counts (default 90 days from the day it was signed). */
  attestations: z.record(id, z.strictObject({ validForDays: z.number().int().positive('a whole number of days above 0') })).optional(),
});

/** config/frameworks/<id>.yaml: requirement -> check ids. */
export const frameworkSchema = z.strictObject({
  id,
  title: z.string().min(1),
  provider: providerIdSchema.optional(),
  requirements: z.record(z.string(), z.array(z.string().min(1)).min(1)),
});

export type ObligationCatalog = z.output<typeof obligationCatalogSchema>;
export type Obligation = ObligationCatalog['obligations'][number];
export type ObligationMapping = z.output<typeof obligationMappingSchema>;
export type ContractProfile = z.output<typeof contractProfileSchema>;
export type Framework = z.output<typeof frameworkSchema>;
