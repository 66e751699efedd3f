/**
 * A web-test-runner plugin that serves React as ES modules, for the React tests (test/react/).
 *
 * React 19 ships CommonJS only, which wtr's nodeResolve serves as is and the browser cannot import. When the server
 * starts, this plugin bundles `react`, `react-dom`, `react-dom/client` and the JSX runtimes with esbuild (in memory,
 * with code splitting, so every specifier shares one copy of React), and resolves those bare imports to the bundle.
 * Each entry re-exports the package's named exports, which are read by requiring the package in Node.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const SPECIFIERS = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const URL_PREFIX = '/__react-esm__/';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `react-dom/client` → `react-dom__client.js`. */
const fileOf = (specifier) => `${specifier.replaceAll('/', '__')}.js`;

/** An ES module facade for a CommonJS package: its default export and each named export. */
function facade(specifier, require) {
  const names = Object.keys(require(specifier)).filter((name) => IDENTIFIER.test(name) && name !== 'default');
  return [
    `import cjs from ${JSON.stringify(specifier)};`,
    'export default cjs;',
    `export const { ${names.join(', ')} } = cjs;`,
  ].join('\n');
}

/**
 * @param {{ rootDir?: string }} [options] where `react` is installed (the project root by default).
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function reactEsmPlugin({ rootDir = process.cwd() } = {}) {
  /** URL path → module text. */
  const files = new Map();
  return {
    name: 'contactpad-react-esm',
    async serverStart() {
      const require = createRequire(join(rootDir, 'package.json'));
      const result = await build({
        absWorkingDir: rootDir,
        entryPoints: SPECIFIERS.map((specifier) => ({ in: `facade:${specifier}`, out: fileOf(specifier).slice(0, -3) })),
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        outdir: 'react-esm',
        chunkNames: 'chunk-[hash]',
        // React's development build: the tests get its warnings.
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'warning',
        plugins: [
          {
            name: 'facades',
            setup(builder) {
              builder.onResolve({ filter: /^facade:/ }, (args) => ({ path: args.path.slice('facade:'.length), namespace: 'facade' }));
              builder.onLoad({ filter: /.*/, namespace: 'facade' }, (args) => ({ contents: facade(args.path, require), resolveDir: rootDir }));
            },
          },
        ],
      });
      files.clear();
      for (const file of result.outputFiles) files.set(`${URL_PREFIX}${file.path.split(/[\\/]/).pop()}`, file.text);
    },
    resolveImport({ source }) {
      return SPECIFIERS.includes(source) ? `${URL_PREFIX}${fileOf(source)}` : undefined;
    },
    serve(context) {
      const body = files.get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
