// Reads a vitest JSON report and the command's exit status; prints "passed failed skipped".
// A file that failed outside its tests (an import error, a failing hook such as the leftover-process
// check) or a command that failed without a report (build, type check) counts as one failure, so
// a red step can never read as "0 failed".
import { existsSync, readFileSync } from 'node:fs';

const [report, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (report && existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + r.numTodoTests;
  failed += r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed')).length;
}
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} ${failed} ${skipped}`);
