import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { cspTestPage } from './scripts/csp-test-page.mjs';
import { reactEsmPlugin } from './scripts/wtr-react-esm.mjs';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { accessibleNodePlugin } from './scripts/wtr-accessible-node.mjs';

/**
 * The simulated Microsoft 365 tenant (dev/simulated-tenant) is TypeScript and Node 20 cannot import `.ts`: bundle it
 * with esbuild at config load. The output is named by its content hash and written atomically, so several runs at
 * once never read a half-written file.
 */
async function loadSimulatedTenant() {
  const fromRoot = (path) => fileURLToPath(new URL(path, import.meta.url));
  const { outputFiles } = buildSync({
    entryPoints: [fromRoot('./dev/simulated-tenant/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: fromRoot('./node_modules/.cache/simulated-tenant/index.mjs'),
    logLevel: 'warning',
  });
  const code = outputFiles[0].text;
  const dir = fromRoot('./node_modules/.cache/simulated-tenant/');
  const file = `${dir}index-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
  }
  return import(pathToFileURL(file).href);
}

const simulatedTenant = await loadSimulatedTenant();
/** Graph at `/graph/v1.0/*`, the simulator's control API at `/__sim/*` (tests reset it before use). */
const graphHandler = simulatedTenant.createGraphHandler({ protocol: 'https', users: 1000, seed: 1 });

/** Browser tests run in the system Chromium (Debian's `chromium`): npm tools cannot download browsers here. */
export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  // HTTPS (wtr's bundled self-signed certificate), so the Graph client sends tokens to the simulated tenant.
  http2: true,
  protocol: 'https:',
  // `/__csp/*`: the strict-CSP page of test/csp/, its scripts bundled now (see the module).
  middleware: [simulatedTenant.koaMiddleware(graphHandler), cspTestPage({ rootDir: fileURLToPath(new URL('.', import.meta.url)) })],
  concurrency: 1,
  // Lit's one-line dev-mode notice in every file drowns what matters.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  plugins: [
    forcedColorsPlugin(),
    accessibleNodePlugin(),
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    // React 19 is CommonJS: the React tests get an ES module build of it (see the module).
    reactEsmPlugin({ rootDir: fileURLToPath(new URL('.', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--ignore-certificate-errors',
        ],
      },
    }),
  ],
  // Readable failures are installed before any test file runs (see the module).
  testRunnerHtml: (testFramework) => `<!DOCTYPE html><html><body>
    <script type="module" src="/test/support/readable-failures.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
