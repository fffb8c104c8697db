/**
 * How fast V8 grows the heap, for the CLI process and every `--workers` process alike.
 *
 * A scan's allocations are short-lived (API answers become small resources, then findings), and
 * V8's default heap growth let the old generation reach twice the live set before collecting:
 * a one-account scan peaked at 289 MB RSS for about 90 MB live. Growing the heap by at most 20%
 * per collection kept it at 187 MB for the same CPU time (test/bench/aws.ts measures both).
 */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=20';

/** Whether the user passed their own heap growth to node: theirs wins. */
export const setsHeapGrowth = (execArgv: readonly string[]): boolean => execArgv.some((a) => a.startsWith('--heap-growing-percent'));
