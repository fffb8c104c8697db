/**
 * A pool of `size` slots shared by several keys (accounts), which hands each free slot to the
 * waiting key with the fewest tasks running; ties go to the key that queued first. A plain FIFO
 * pool lets the first account's tasks take every slot, and since each account also has its own
 * request cap, the whole scan then runs at one account's cap however many accounts are in flight.
 */
export type FairPool = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function fairPool(size: number): FairPool {
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  let active = 0;

  const next = (): void => {
    while (active < size) {
      let chosen: string | undefined;
      let fewest = Number.POSITIVE_INFINITY;
      for (const key of waiting.keys()) {
        const n = running.get(key) ?? 0;
        if (n < fewest) {
          chosen = key;
          fewest = n;
        }
      }
      if (chosen === undefined) return;
      const queue = waiting.get(chosen)!;
      const start = queue.shift()!;
      if (queue.length === 0) waiting.delete(chosen);
      active++;
      running.set(chosen, fewest + 1);
      start();
    }
  };

  return <T>(key: string, task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        const done = () => {
          active--;
          const n = (running.get(key) ?? 1) - 1;
          if (n === 0) running.delete(key);
          else running.set(key, n);
          next();
        };
        let result: Promise<T>;
        try {
          result = task();
        } catch (e) {
          result = Promise.reject(e);
        }
        result.then(resolve, reject).finally(done);
      };
      const queue = waiting.get(key);
      if (queue) queue.push(start);
      else waiting.set(key, [start]);
      next();
    });
}
