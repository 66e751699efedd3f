/**
 * Runs the browser tests and ends with one plain line, `N passed, N failed`, after everything the runner prints
 * (its own summary is not alone on a line). Exits with the runner's status.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const summaryFile = fileURLToPath(new URL('../.test-summary.json', import.meta.url));
rmSync(summaryFile, { force: true });
const wtr = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const run = spawnSync(process.execPath, [wtr, ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 1;
try {
  ({ passed, failed } = JSON.parse(readFileSync(summaryFile, 'utf8')));
} catch {
  // The runner died before reporting: count the run as one failure.
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
