#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// The AWS SDK warns on every run below Node 22 that its future versions will need 22; the user
// cannot act on it mid-scan (the README recommends Node 22). The SDK reads this switch when it
// builds a client, so setting it here suffices; a value the user set wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await main(process.argv);
