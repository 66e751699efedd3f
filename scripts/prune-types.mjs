/**
 * The last step of `npm run build`: removes from dist/types the declarations no public entry's types import.
 *
 * tsc emits a `.d.ts` for every module the entries import, but many are implementation only (controllers, styles,
 * helpers): their declarations are referenced by no public `.d.ts`. Only the declarations reachable from the `types`
 * of package.json's `exports` are kept, so the package ships the types of its public modules and nothing else.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportTargets, reachable } from './package-graph.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const typesDir = join(root, 'dist/types');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const entries = exportTargets(pkg).filter((target) => target.endsWith('.d.ts'));
const kept = reachable(root, entries, { types: true });

let removed = 0;
for (const entry of readdirSync(typesDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  if (kept.has(relative(root, path).split(sep).join('/'))) continue;
  rmSync(path);
  removed++;
}
// Folders left empty go too.
for (const dir of readdirSync(typesDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory()).reverse()) {
  const path = join(dir.parentPath ?? dir.path, dir.name);
  if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
}
console.log(`dist/types: kept ${kept.size} declaration files of the public entries, removed ${removed} no entry's types import.`);
