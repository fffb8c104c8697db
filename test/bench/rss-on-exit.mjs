// Loaded with `node --import` into a process the bench measures: its peak RSS, printed as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nbench-max-rss-kb ${usage.maxRSS}\nbench-cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
