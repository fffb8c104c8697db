#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// `dutyscan checks list | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv);
