import { createReadStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { InventoryHeader, Listing } from '../core/inventory.js';
import { ERROR_CODES } from '../core/observed.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { privateWriteStream } from '../util/private-files.js';
import { providerIdSchema } from '../../providers/index.js';

const scopeSchema = z.object({ provider: providerIdSchema, account: z.string().min(1), accountName: z.string().optional(), region: z.string().min(1), part: z.string().min(1).optional() });
const errorSchema = z.object({ code: z.enum(ERROR_CODES), operation: z.string(), message: z.string() }).loose();
const resourceSchema = z.object({
  provider: providerIdSchema,
  account: z.string(),
  region: z.string(),
  type: z.string(),
  id: z.string().min(1),
  name: z.string(),
  tags: z.record(z.string(), z.string()),
  data: z.unknown(),
});
const provenanceSchema = z.object({ operation: z.string(), requestId: z.string().optional(), at: z.string() });
/** The envelope is validated; `data` is the provider model, trusted as written by --save-inventory. */
const listingSchema = z.object({
  scope: scopeSchema,
  type: z.string().min(1),
  items: z.union([z.object({ ok: z.literal(true), value: z.array(resourceSchema), source: provenanceSchema.optional() }), z.object({ ok: z.literal(false), error: errorSchema })]),
});
const headerSchema = z.object({ format: z.literal('dutyscan-inventory'), version: z.literal(1), createdAt: z.string() }).loose();

/** Reads a saved inventory (JSON lines: a header, then one listing per line). */
export async function readInventory(file: string): Promise<Listing[]> {
  const listings: Listing[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  const problem = (expected: string) => new ConfigErrors([new ConfigError(file, '', lineNo, expected)]);
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        throw problem(`not JSON: ${(e as Error).message}`);
      }
      if (lineNo === 1) {
        if (!headerSchema.safeParse(value).success) throw problem('expected the header {"format":"dutyscan-inventory","version":1,...} written by --save-inventory');
        continue;
      }
      const parsed = listingSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw problem(`${issue.path.join('.') || 'listing'}: ${issue.message}`);
      }
      listings.push(parsed.data as Listing);
    }
  } catch (e) {
    if (e instanceof ConfigErrors) throw e;
    throw new ConfigErrors([new ConfigError(file, '', undefined, `cannot read inventory: ${(e as Error).message}`)]);
  }
  if (lineNo === 0) throw problem('the file is empty');
  return listings;
}

/** Writes listings as they are collected, so a saved inventory never needs the whole scan in memory. */
export class InventoryWriter {
  private readonly out: WriteStream;

  constructor(file: string, description?: string) {
    this.out = privateWriteStream(file);
    const header: InventoryHeader = { format: 'dutyscan-inventory', version: 1, createdAt: new Date().toISOString(), ...(description ? { description } : {}) };
    this.out.write(`${JSON.stringify(header)}\n`);
  }

  write(listing: Listing): void {
    this.out.write(`${JSON.stringify(listing)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
