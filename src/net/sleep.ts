/**
 * Waits `ms`. An abort is an error to whoever waits: the wait rejects at once with the signal's
 * reason (also when the signal is already aborted), exactly as the call it stands between would.
 * Either way the timer is cleared and the listener removed, so a long scan's signal does not
 * collect one listener per wait. Callers for whom an abort only means "stop waiting" (the sinks'
 * retry loop, the scheduler's jitter) catch it where they decide what an abort means.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export type Sleep = typeof sleep;
