/**
 * Two jobs, switched on the command:
 * - `vite` (`npm start`): serves the demo page (`demo/index.html`) at `/` on 127.0.0.1. Nothing is fetched from the
 *   network at run time: the demo directory is generated in the page, and there are no external fonts or CDNs.
 * - `vite build` (`npm run build`): builds the library (ESM only) from its entry modules; the runtime dependencies
 *   stay external so the host bundles one copy of Lit.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { simulatedTenant } from './dev/simulated-tenant/vite-plugin.js';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

interface PackageJson {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

const pkg = JSON.parse(readFileSync(fromRoot('./package.json'), 'utf8')) as PackageJson;

/**
 * Bare imports left to the host: every runtime and peer dependency with its subpaths (`lit`, `lit/decorators.js`,
 * `@lit/task`, `@floating-ui/dom`), and Lit's own packages, which `lit/*` re-exports.
 */
const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  // The ./react entry's React is the host's (`react` is a peer): named here too, so no React package is ever bundled.
  'react',
  'react-dom',
];

function isExternal(id: string): boolean {
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`));
}

/** Library entries: name → module (each one an `exports` entry of package.json). */
const libraryEntries: Record<string, string> = {
  index: fromRoot('./src/index.ts'),
  presence: fromRoot('./src/presence/index.ts'),
  graph: fromRoot('./src/graph/index.ts'),
  'demo-directory': fromRoot('./src/demo-directory/index.ts'),
  react: fromRoot('./src/react/index.ts'),
  'locales/de': fromRoot('./src/locales/de.ts'),
  'locales/ar': fromRoot('./src/locales/ar.ts'),
};

/**
 * The source modules that register elements (they call an element class's `define('contactpad-…')`, see
 * ContactpadElement), found as they are transformed, so the chunk holding them is written as `chunks/elements.js`: a
 * stable name that `sideEffects` lists (with the entries that import it). Rolldown puts modules in chunks by the set
 * of entries that use them, so that chunk holds what only `index` and `react` use: the elements, never code of
 * `./presence`, `./graph`, `./demo-directory` or the locales, which stay free of side effects.
 *
 * Rolldown keeps these modules, whose only effect is the registration, because package.json's `sideEffects` names
 * them (and the sources that import them) beside the dist/ files: Rolldown applies that field to this package's own
 * sources too, as esbuild does for the benchmark and the CSP test page, and Vite for Storybook's build.
 */
const registeringModules = new Set<string>();
/** A registration: `SomeElement.define('contactpad-…')` (the base class's `customElements.define` is only the means). */
const REGISTERS_ELEMENT = /\.define\(\s*['"]contactpad-/;

function elementRegistrations(): Plugin {
  return {
    name: 'contactpad-element-registrations',
    apply: 'build',
    transform(code, id) {
      if (/\/src\/.*\.ts$/.test(id) && REGISTERS_ELEMENT.test(code)) registeringModules.add(id);
      return null;
    },
  };
}

/**
 * Minifies the CSS in `css` template literals of the library's sources (Lightning CSS, through minify-literals): the
 * styles are about a third of the core bundle and JavaScript minifiers leave template text alone. HTML templates are
 * left as written, where whitespace can be significant.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'contactpad-minify-css-literals',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, html: false });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * The demo's own folder is the root, so `/` is `demo/index.html` and `/main.ts` its script. Stories and sources
 * outside it are served from the project (`/@fs/…`), which `server.fs.allow` permits; the dependency cache stays
 * in the project's `node_modules`.
 */
const serveConfig: UserConfig = {
  plugins: [simulatedTenant()],
  root: fromRoot('./demo'),
  envDir: fromRoot('.'),
  cacheDir: fromRoot('./node_modules/.vite'),
  appType: 'mpa',
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    fs: { strict: true, allow: [fromRoot('.')] },
  },
  optimizeDeps: {
    entries: ['index.html'],
    // Found only when the Microsoft 365 mode loads it; pre-bundled up front so the page does not reload then.
    include: ['@microsoft/microsoft-graph-client'],
  },
};

const buildConfig: UserConfig = {
  plugins: [minifyCssLiterals(), elementRegistrations()],
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    lib: {
      entry: libraryEntries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // The chunk that registers the elements by its stable name; other shared code in hashed, side-effect-free chunks.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => registeringModules.has(id)) ? 'chunks/elements.js' : 'chunks/[name]-[hash].js',
      },
    },
  },
};

export default defineConfig(({ command }) => (command === 'build' ? buildConfig : serveConfig));
