/**
 * The files of the package as its entries see them: the `exports` targets of package.json and what they import,
 * followed through relative imports. Used by `prune-types.mjs` (the build) and `check-package.mjs` (npm test).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The string targets of an `exports` value, through any nesting of conditions. */
export function targetsOf(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targetsOf);
  return [];
}

/** Every `exports` target of a package.json, relative to the package (`dist/index.js`). */
export function exportTargets(pkg) {
  return Object.values(pkg.exports ?? {})
    .flatMap(targetsOf)
    .map((path) => posix.normalize(path).replace(/^\.\//, ''));
}

/** Relative module specifiers in JavaScript (`import`, `export … from`, `import()`) or in a `.d.ts` file. */
export function relativeImports(code) {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|<reference\s+path=)["'](\.{1,2}\/[^"']+)["']/g;
  return [...code.matchAll(pattern)].map((match) => match[1]);
}

/**
 * The files reachable from `starts` (paths relative to `root`) through relative imports, themselves included. With
 * `types`, the files are `.d.ts` and `./a.js` means `./a.d.ts`. Files that do not exist are included, not read.
 */
export function reachable(root, starts, { types = false } = {}) {
  const seen = new Set();
  const pending = [...starts];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const path = join(root, file);
    if (!existsSync(path)) continue;
    for (const specifier of relativeImports(readFileSync(path, 'utf8'))) {
      pending.push(posix.join(posix.dirname(file), types ? specifier.replace(/\.js$/, '.d.ts') : specifier));
    }
  }
  return seen;
}
