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

/** Static imports of a built JavaScript file: what evaluating it evaluates (dynamic `import()` happens later, if ever). */
export function staticImports(root, file) {
  const code = readFileSync(join(root, file), 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|^\s*import\s*)["'](\.{1,2}\/[^"']+)["']/gm)].map((match) => match[1]);
  return specifiers.map((specifier) => posix.join(posix.dirname(file), specifier));
}

/**
 * Static imports of a TypeScript source, as the `.ts` files they name (`./a.js` means `./a.ts`). `import type` and
 * `export type … from` are erased by the compiler, so they evaluate nothing; any other import declaration is kept,
 * even one of types only (`import { type A }`), under `verbatimModuleSyntax`.
 */
export function sourceStaticImports(root, file) {
  const code = readFileSync(join(root, file), 'utf8');
  const declarations = /^\s*(?:import|export)(?!\s*\()(\s+type\b)?(?:[^'";]*?\bfrom)?\s*["'](\.{1,2}\/[^"']+)["']/gm;
  return [...code.matchAll(declarations)]
    .filter((match) => match[1] === undefined)
    .map((match) => posix.join(posix.dirname(file), match[2].replace(/\.js$/, '.ts')));
}

/**
 * The tag names a file registers: by `customElements.define('tag', …)`, by an element class's own `define('tag')`
 * (ContactpadElement's, whose body calls `customElements.define(tag, this)` and registers nothing by itself), or by
 * Lit's `@customElement` decorator.
 */
export function registeredTags(root, file) {
  const code = readFileSync(join(root, file), 'utf8');
  const tags = [...code.matchAll(/\.define\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]);
  if (/import\s*\{[^}]*\bcustomElement\b[^}]*\}\s*from\s*["'](?:lit|@lit\/reactive-element)\/decorators/.test(code)) {
    tags.push('(Lit @customElement)');
  }
  return tags;
}

/**
 * Of `files`, those whose evaluation registers an element: they register one themselves, or import (statically,
 * through any chain, by `importsOf(root, file)`) a file that does. These are the files package.json's `sideEffects`
 * must name, or a bundler drops them when nothing uses their exports.
 */
export function registeringOnLoad(root, files, importsOf) {
  const registers = new Map(files.map((file) => [file, registeredTags(root, file).length > 0]));
  const reaches = (file, seen) => {
    if (seen.has(file) || !existsSync(join(root, file))) return false;
    seen.add(file);
    return (registers.get(file) ?? registeredTags(root, file).length > 0) || importsOf(root, file).some((next) => reaches(next, seen));
  };
  return files.filter((file) => reaches(file, new Set()));
}

/**
 * The names a built JavaScript module exports: `export { a as B, c }` (with or without `from`), `export const|let|
 * var|function|class x` and `export default`. `export *` is returned as `*` (its names are not followed).
 */
export function jsExportNames(root, file) {
  const code = readFileSync(join(root, file), 'utf8');
  const names = new Set();
  for (const [, list] of code.matchAll(/^\s*export\s*\{([^}]*)\}/gm)) {
    for (const item of list.split(',').map((part) => part.trim()).filter(Boolean)) names.add(item.split(/\s+as\s+/).at(-1));
  }
  for (const [, name] of code.matchAll(/^\s*export\s+(?:const|let|var|async\s+function\*?|function\*?|class)\s+([\w$]+)/gm)) names.add(name);
  if (/^\s*export\s+default\b/m.test(code)) names.add('default');
  if (/^\s*export\s*\*\s*from/m.test(code)) names.add('*');
  return names;
}

/** The tags evaluating a built file registers: its own and those of every file it imports statically. */
export function tagsOnLoad(root, file) {
  const tags = new Set();
  const seen = new Set();
  const visit = (current) => {
    if (seen.has(current) || !existsSync(join(root, current))) return;
    seen.add(current);
    for (const tag of registeredTags(root, current)) tags.add(tag);
    for (const next of staticImports(root, current)) visit(next);
  };
  visit(file);
  return tags;
}
