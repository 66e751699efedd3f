/**
 * Rewrites the analyzed manifest (one module per `src/…ts` file, none of which is published) into one module per
 * JavaScript entry of the package (`dist/index.js`, `dist/presence.js`, …: each an `exports` target, so each path is
 * in the tarball and is what `import 'contactpad-address-book/…'` loads). The schema asks for this: "the modules
 * described in a package should be the public entrypoints that other packages may import from", and a reference
 * names "the export it's available from".
 *
 * - An entry's module lists what the entry exports at run time (found by the TypeScript checker, through `export *`,
 *   renames and import-then-export; types are not JavaScript exports and are left out). Each declaration is described
 *   once, in the first entry (in `exports` order) that exports it; other entries export it by reference to that one.
 * - An entry that registers elements when imported (by static imports, as check-package.mjs decides) has a
 *   `custom-element-definition` export for each tag. A registered class no entry exports (the number menu) and a
 *   superclass or inherited-from class no entry exports are described, unexported, beside what refers to them.
 * - References to globals (`Error`) become `package: "global:"`, as the schema asks.
 * - Modules no entry exposes (controllers, helpers, `src/internal/`) are left out: they are not importable.
 *
 * Used by custom-elements-manifest.config.mjs; check-package.mjs then checks every path against the tarball.
 */
import { readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { registeringOnLoad, sourceStaticImports } from './package-graph.mjs';

/** The package's JavaScript entries, in `exports` order: `{ js: 'dist/index.js', src: 'src/index.ts' }`. */
export function publicEntries(pkg) {
  return Object.values(pkg.exports ?? {}).flatMap((value) => {
    if (typeof value !== 'object' || typeof value.types !== 'string' || typeof value.default !== 'string') return [];
    // tsc writes dist/types/ from src/ file by file (tsconfig.build.json), so an entry's types name its source.
    const src = value.types.replace(/^\.\/dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts');
    return [{ js: posix.normalize(value.default), src }];
  });
}

/** The manifest's `kind` for a TypeScript declaration, or undefined. */
function declarationKind(node) {
  if (ts.isClassDeclaration(node)) return 'class';
  if (ts.isFunctionDeclaration(node)) return 'function';
  if (ts.isVariableDeclaration(node)) return 'variable';
  return undefined;
}

/**
 * What each entry exports at run time: `Map<src, [{ name, file, local, kind }]>`, `local` being the declared name and
 * `kind` the manifest's kind of its declaration (the analyzer may describe a local of the same name too).
 */
function runtimeExports(root, sources) {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(sources.map((file) => join(root, file)), { ...options, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const globals = new Set();
  const result = new Map();
  for (const file of sources) {
    const sourceFile = program.getSourceFile(join(root, file));
    const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
    if (!moduleSymbol) throw new Error(`manifest: cannot read the entry ${file}`);
    for (const symbol of checker.getSymbolsInScope(sourceFile, ts.SymbolFlags.Value)) globals.add(symbol.name);
    const exports = [];
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const typeOnly = (symbol.declarations ?? []).some((node) => ts.isExportSpecifier(node) && (node.isTypeOnly || node.parent.parent.isTypeOnly));
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declaration = target.declarations?.[0];
      if (typeOnly || !(target.flags & ts.SymbolFlags.Value) || !declaration) continue;
      const path = relative(root, declaration.getSourceFile().fileName).split(sep).join('/');
      exports.push({ name: symbol.name, file: path, local: target.name, kind: declarationKind(declaration) });
    }
    result.set(file, exports);
  }
  return { exports: result, globals };
}

/** A manifest reference's module as a source path: `./a.js` from `src/b.ts`, `/src/a.js` and `src/a.js` → `src/a.ts`. */
function sourcePath(reference, from) {
  const path = reference.startsWith('.') ? posix.join(posix.dirname(from), reference) : reference.replace(/^\//, '');
  return path.replace(/\.js$/, '.ts');
}

const clone = (value) => JSON.parse(JSON.stringify(value));

/** The custom-elements-manifest analyzer plugin; `root` is the package's folder. */
export function publicEntriesPlugin({ root }) {
  return {
    name: 'contactpad-public-entries',
    packageLinkPhase({ customElementsManifest }) {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const analyzed = new Map(customElementsManifest.modules.map((module) => [module.path, module]));
      const entries = publicEntries(pkg).filter((entry) => analyzed.has(entry.src));
      const { exports: exportsOf, globals } = runtimeExports(root, entries.map((entry) => entry.src));

      /** `file#local` → where the declaration is described: `{ module: 'dist/…js', name }`. */
      const described = new Map();
      const modules = entries.map((entry) => ({ kind: 'javascript-module', path: entry.js, declarations: [], exports: [] }));
      const moduleOf = new Map(modules.map((module) => [module.path, module]));

      /** Descriptions whose references step 3 has yet to rewrite. */
      const pending = [];
      const findDeclaration = (file, name, kind) => {
        const named = analyzed.get(file)?.declarations?.filter((declaration) => declaration.name === name) ?? [];
        return named.find((declaration) => declaration.kind === kind) ?? named[0];
      };
      /** Describes `file#local` in `module` unless it already is somewhere; returns its reference, or null if unknown. */
      const describe = (file, local, module, exportedAs = local, kind = undefined) => {
        const key = `${file}#${local}`;
        if (!described.has(key)) {
          const declaration = findDeclaration(file, local, kind);
          if (!declaration) return null;
          const copy = { ...clone(declaration), name: exportedAs };
          module.declarations.push(copy);
          pending.push(copy);
          described.set(key, { name: exportedAs, module: module.path });
        }
        return described.get(key);
      };

      // 1. What each entry exports.
      for (const [index, entry] of entries.entries()) {
        const module = modules[index];
        for (const { name, file, local, kind } of exportsOf.get(entry.src) ?? []) {
          const reference = describe(file, local, module, name, kind);
          if (reference) module.exports.push({ kind: 'js', name, declaration: reference });
        }
      }

      // 2. The tags each entry registers when imported.
      const registering = registeringOnLoad(root, [...analyzed.keys()], sourceStaticImports).sort();
      for (const [index, entry] of entries.entries()) {
        const module = modules[index];
        for (const file of registering.filter((candidate) => reaches(root, entry.src, candidate))) {
          for (const definition of analyzed.get(file)?.exports ?? []) {
            if (definition.kind !== 'custom-element-definition') continue;
            const target = sourcePath(definition.declaration.module ?? file, file);
            const reference = describe(target, definition.declaration.name, module);
            if (reference) module.exports.push({ kind: 'custom-element-definition', name: definition.name, declaration: reference });
          }
        }
      }

      // 3. References inside the descriptions (superclasses, inherited members): to a description, or to a global.
      while (pending.length > 0) {
        const declaration = pending.pop();
        const module = modules.find((candidate) => candidate.declarations.includes(declaration));
        for (const node of referencesIn(declaration)) {
          if (moduleOf.has(node.module)) continue;
          const reference = describe(sourcePath(node.module, node.module), node.name, module);
          if (reference) {
            Object.assign(node, reference);
          } else if (globals.has(node.name) && !declaredAnywhere(analyzed, node.name)) {
            delete node.module;
            node.package = 'global:';
          }
          // Anything else keeps its source path, which check-package.mjs then reports as missing from the tarball.
        }
      }
      customElementsManifest.modules = modules;
    },
  };
}

function declaredAnywhere(analyzed, name) {
  return [...analyzed.values()].some((module) => module.declarations?.some((declaration) => declaration.name === name));
}

/** The objects in `value`, at any depth, that reference a module of this package: `{ name, module }`, no `package`. */
function referencesIn(value, found = []) {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found);
  } else if (value && typeof value === 'object') {
    if (typeof value.module === 'string' && value.package === undefined) found.push(value);
    for (const child of Object.values(value)) referencesIn(child, found);
  }
  return found;
}

/** Whether evaluating `from` evaluates `to` (static imports only). */
function reaches(root, from, to, seen = new Set()) {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  try {
    return sourceStaticImports(root, from).some((next) => reaches(root, next, to, seen));
  } catch {
    return false;
  }
}
