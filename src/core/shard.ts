import { createHash } from 'node:crypto';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The shard that owns `key` (an account, subscription or project id) among `count` shards.
 * A hash, not the position in a listing, so an account stays in the same shard when others are
 * added or removed, and every provider splits its accounts the same way.
 */
export function shardOf(key: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count must be a positive integer, got ${count}`);
  return createHash('sha256').update(key).digest().readUInt32BE(0) % count;
}

/** Whether `key` belongs to `shard`; everything belongs to the single implicit shard. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  if (!shard) return true;
  if (!Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new RangeError(`shard index must be in [0, ${shard.count}), got ${shard.index}`);
  }
  return shardOf(key, shard.count) === shard.index;
}
