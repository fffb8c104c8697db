#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// The scan's heap growth (see src/util/heap.ts), set before anything else is loaded; a value the
// user passes to node itself wins.
const { HEAP_GROWTH_FLAG, setsHeapGrowth } = await import('../dist/src/util/heap.js');
if (!setsHeapGrowth(process.execArgv)) setFlagsFromString(HEAP_GROWTH_FLAG);

const { main } = await import('../dist/src/cli/main.js');

// The AWS SDK warns on every run below Node 22 that its future versions will need 22; the user
// cannot act on it mid-scan (the README recommends Node 22). The SDK reads this switch when it
// builds a client, so setting it here suffices; a value the user set wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// `dutyscan checks list | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv);
