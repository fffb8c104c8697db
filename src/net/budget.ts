/**
 * Runs one attempt under `signal` and, when given, a budget of its own: past `budgetMs` the
 * attempt's signal aborts with a `TimeoutError`. The budget is our own timer, held by this closure
 * until it fires or the attempt ends and cleared then: `AbortSignal.any` keeps its sources only
 * weakly, so an `AbortSignal.timeout()` nothing else references can be garbage collected before it
 * fires (Node 20) and a hanging call never times out; and one would keep a timer alive for the
 * whole budget after every call, tens of thousands of them in a large scan.
 */
export async function withinBudget<T>(signal: AbortSignal, budgetMs: number | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (!budgetMs) return fn(signal);
  const overBudget = new AbortController();
  const timer = setTimeout(() => overBudget.abort(new DOMException(`call exceeded ${budgetMs} ms`, 'TimeoutError')), budgetMs);
  try {
    return await fn(AbortSignal.any([signal, overBudget.signal]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether `work` resolves within `ms` (true) or the time runs out first (false); a rejection of
 * `work` in time is passed on. The timer is cleared as soon as the race is decided and never holds
 * the process open.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms).unref();
  });
  try {
    return await Promise.race([work.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}
