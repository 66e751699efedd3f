/**
 * The strict-CSP test page (test/csp/): a page served with the Content-Security-Policy of issue 7, which the test runner's
 * own pages (inline scripts) could never pass. Served by a web-test-runner middleware at `/__csp/*`:
 * - `/__csp/strict.html`: the page, with the policy as a response header and two same-origin scripts, no inline code;
 * - `/__csp/*.js`: those scripts and their lazy chunks (floating-ui), bundled by esbuild when the config loads.
 *
 * The bundle (`splitting` + ESM, so the library's dynamic import stays a separate same-origin chunk) is written to
 * `node_modules/.cache/csp-page/<content hash>/`, atomically (a temporary folder renamed), so runs at once never read
 * half-written files. A bundle that fails to build does not fail the config: the page then reports the build error to
 * the test, and only the CSP test fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The policy of issue 7, point 4, exactly. `trusted-types lit-html` names the one Trusted Types policy the page needs:
 * Lit's own (lit-html creates it for its templates). The library creates none.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const PREFIX = '/__csp/';

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>contactpad-address-book under a strict CSP</title>
    <script src="${PREFIX}listen.js"></script>
    <script type="module" src="${PREFIX}strict-page.js"></script>
  </head>
  <body></body>
</html>
`;

/** Bundles the page's scripts; returns them by URL path, or the build error. */
function bundle(rootDir) {
  const outdir = join(rootDir, 'node_modules/.cache/csp-page/out');
  let outputFiles;
  try {
    ({ outputFiles } = buildSync({
      entryPoints: { listen: join(rootDir, 'test/csp/listen.ts'), 'strict-page': join(rootDir, 'test/csp/strict-page.ts') },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      tsconfig: join(rootDir, 'tsconfig.json'),
      chunkNames: 'chunks/[name]-[hash]',
      outdir,
      write: false,
      logLevel: 'silent',
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const files = outputFiles.map((file) => ({ path: relative(outdir, file.path).split('\\').join('/'), contents: file.contents }));
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.contents);
  const dir = join(rootDir, 'node_modules/.cache/csp-page', hash.digest('hex').slice(0, 16));
  if (!existsSync(dir)) {
    const temp = `${dir}.${process.pid}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    for (const file of files) {
      mkdirSync(dirname(join(temp, file.path)), { recursive: true });
      writeFileSync(join(temp, file.path), file.contents);
    }
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another run wrote the same content first.
      rmSync(temp, { recursive: true, force: true });
      if (!existsSync(dir)) throw error;
    }
  }
  return { scripts: new Map(files.map((file) => [`${PREFIX}${file.path}`, readFileSync(join(dir, file.path))])) };
}

/** When the bundle failed: a driver that reports why, so the CSP test fails with the build error. */
function buildErrorScript(message) {
  return `parent.postMessage({ type: 'csp-report', buildError: ${JSON.stringify(message)} }, location.origin);\n`;
}

/** Builds the page's scripts now (at config load) and returns the Koa middleware that serves `/__csp/*`. */
export function cspTestPage({ rootDir }) {
  const built = bundle(rootDir);
  return async (context, next) => {
    if (!context.path.startsWith(PREFIX)) return next();
    context.set('Cache-Control', 'no-store');
    if (context.path === `${PREFIX}strict.html`) {
      context.set('Content-Security-Policy', STRICT_CSP);
      context.type = 'text/html; charset=utf-8';
      context.body = PAGE;
      return undefined;
    }
    const script = built.scripts?.get(context.path) ?? (built.error && context.path === `${PREFIX}strict-page.js` ? buildErrorScript(built.error) : undefined);
    if (script === undefined) {
      context.status = 404;
      context.body = 'Not found';
      return undefined;
    }
    context.type = 'text/javascript; charset=utf-8';
    context.body = script;
    return undefined;
  };
}
