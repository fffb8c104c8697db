import { describe, expect, it } from 'vitest';
import { fairPool } from '../../src/engine/pool.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fairPool', () => {
  it('never runs more than its size, and gives free slots to the key with the fewest running', async () => {
    const pool = fairPool(4);
    let inFlight = 0;
    let maxInFlight = 0;
    const started: string[] = [];
    const job = (key: string, i: number) => pool(key, async () => {
      started.push(`${key}${i}`);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick(10);
      inFlight--;
      return `${key}${i}`;
    });
    // Account a queues all its tasks first, as the engine does; b and c still get slots at once.
    const all = [...[0, 1, 2, 3, 4, 5].map((i) => job('a', i)), ...[0, 1, 2].map((i) => job('b', i)), ...[0, 1].map((i) => job('c', i))];
    await tick(1);
    expect(started.slice(0, 4).sort()).toEqual(['a0', 'a1', 'a2', 'a3']);
    const results = await Promise.all(all);
    expect(results).toHaveLength(11);
    expect(maxInFlight).toBe(4);
    // Once a's first slots free up, b and c (none running) go before a's remaining tasks.
    expect(started.indexOf('b0')).toBeLessThan(started.indexOf('a4'));
    expect(started.indexOf('c0')).toBeLessThan(started.indexOf('a5'));
  });

  it('passes results and failures through, and frees the slot either way', async () => {
    const pool = fairPool(1);
    await expect(pool('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pool('a', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    await expect(pool('b', async () => 42)).resolves.toBe(42);
  });
});
