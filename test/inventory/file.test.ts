import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigErrors } from '../../src/config/errors.js';
import { collectionError, seen } from '../../src/core/observed.js';
import { failedListing, listing, resource } from '../../src/inventory/build.js';
import { InventoryWriter, readInventory } from '../../src/inventory/file.js';
import '../support/widgets.js';

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-inv-'));
const scope = { provider: 'aws' as const, account: '1', region: 'r1' };

describe('saved inventories', () => {
  it('round-trips listings, failed ones included', async () => {
    const file = join(dir, 'inv.jsonl');
    const listings = [
      listing(scope, 'test.widget', [resource('test.widget', scope, { id: 'w1', name: 'w1', tags: { env: 'prod' }, data: { encrypted: seen(true), size: 3 } })]),
      failedListing({ ...scope, region: 'r2' }, 'test.widget', collectionError('ACCESS_DENIED', 'test:List', 'denied', scope)),
      // A blind spot in one part of an account (an Azure resource group) stays scoped to that part.
      failedListing({ ...scope, part: 'resourceGroups/rg-a' }, 'test.widget', collectionError('ACCESS_DENIED', 'test:Read', 'hidden', scope)),
    ];
    const writer = new InventoryWriter(file);
    for (const l of listings) writer.write(l);
    await writer.close();
    expect(await readInventory(file)).toEqual(listings);
  });

  it('says which line of which file is wrong', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `{"format":"dutyscan-inventory","version":1,"createdAt":"x"}\n{"scope":{"provider":"aws","account":"1","region":"r"},"type":"t","items":{"ok":true,"value":[{"id":""}]}}\n`);
    await expect(readInventory(file)).rejects.toThrow(`${file}:2:`);
    await expect(readInventory(join(dir, 'missing.jsonl'))).rejects.toBeInstanceOf(ConfigErrors);
  });

  it('turns any malformed content into a ConfigErrors, never a crash', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.json()), { maxLength: 4 }), async (lines) => {
        const file = join(dir, `fuzz-${n++}.jsonl`);
        writeFileSync(file, lines.join('\n'));
        try {
          await readInventory(file);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigErrors);
        }
      }),
      { numRuns: 150 },
    );
  });
});
