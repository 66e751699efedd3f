/**
 * Generates custom-elements.json from the elements' JSDoc (`@summary`, `@event`, `@csspart`, `@cssprop`, `@slot`).
 * The analyzer reads src/; the manifest then describes the package's JavaScript entries (dist/index.js, …), the files
 * a host imports and the tarball holds, not the sources (see scripts/manifest-entries.mjs).
 */
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicEntriesPlugin } from './scripts/manifest-entries.mjs';
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/demo-directory/**'],
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // The elements register with `SomeElement.define('contactpad-…')` (ContactpadElement's), not a literal
      // `customElements.define` call: record each as the module's custom-element definition, as the analyzer does
      // for the latter, with the class's module taken from the import that brings it.
      name: 'element-definitions',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
        const { expression: target, name } = node.expression;
        const [tag] = node.arguments;
        if (name.text !== 'define' || !ts.isIdentifier(target) || !tag || !ts.isStringLiteral(tag)) return;
        const imported = node
          .getSourceFile()
          .statements.filter(ts.isImportDeclaration)
          .find((statement) => {
            const bindings = statement.importClause?.namedBindings;
            return bindings && ts.isNamedImports(bindings) && bindings.elements.some((element) => element.name.text === target.text);
          });
        const module = imported
          ? `/${posix.join(posix.dirname(moduleDoc.path), imported.moduleSpecifier.text)}`
          : `/${moduleDoc.path}`;
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: target.text, module } });
      },
    },
    {
      // ContactpadElement, the base class, is no element of its own: its `define(tag)` calls
      // `customElements.define(tag, this)` and its `emit(name, …)` dispatches `new CustomEvent(name, …)`, which the
      // analyzer reads as a tagless element and an event called "name". Its subclasses are the elements (`@tagname`),
      // and their events are the ones their JSDoc lists (`@event`).
      name: 'base-class-is-not-an-element',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.name === 'ContactpadElement') {
              delete declaration.customElement;
              delete declaration.events;
            }
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.inheritedFrom?.name !== 'ContactpadElement');
            }
          }
          mod.exports = (mod.exports ?? []).filter(
            (entry) => entry.kind !== 'custom-element-definition' || !entry.declaration?.name?.startsWith('anonymous_'),
          );
        }
      },
    },
    // Last: it reads what the plugins above made of the sources, and its output's order does not depend on the
    // order the file system lists them in.
    publicEntriesPlugin({ root: fileURLToPath(new URL('.', import.meta.url)) }),
  ],
};
