/**
 * Fails when custom-elements.json is stale: regenerates it into a scratch folder and compares.
 * Fix with `npm run analyze` and commit the result.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The analyzer joins --outdir to the working directory, so the scratch folder lives in the project (git-ignored).
const scratchName = '.manifest-check';
const scratch = join(root, scratchName);
try {
  const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  const run = spawnSync(process.execPath, [cem, 'analyze', '--quiet', '--outdir', scratchName], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const fresh = readFileSync(join(scratch, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync(join(root, 'custom-elements.json'), 'utf8');
  } catch {
    // missing counts as stale
  }
  if (JSON.stringify(JSON.parse(fresh)) !== (committed && JSON.stringify(JSON.parse(committed)))) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date.');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
