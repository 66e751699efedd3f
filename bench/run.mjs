/**
 * `npm run bench`: measures the address book against a naive baseline in headless Chromium, over directories of
 * 1,000 to 100,000 entries, and the min+gzip size of the package's entry points (what loads with the page, and apart
 * what loads later from lazy chunks). Prints a table and writes bench/results.json (sizes in `bundle` and
 * `bundleLazy`). `node bench/run.mjs --sizes 1000,10000` runs some sizes only (and still writes results.json).
 *
 * The page (bench/page.ts) is bundled for production (Lit in production mode, minified) into bench/.out/ and served
 * from 127.0.0.1. CHROME_PATH selects the browser (default /usr/bin/chromium).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-literals';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const outDir = join(benchDir, '.out');
const DEFAULT_SIZES = [1_000, 10_000, 50_000, 100_000];
const LIT = ['lit', 'lit/*', '@lit/reactive-element', '@lit/reactive-element/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'];
const GRAPH_AND_MSAL = ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*', '@azure/msal-browser', '@azure/msal-browser/*'];
/** The CSS of `css` literals minified, as `vite build` does for dist/ (see minifyCssLiterals in vite.config.ts). */
const minifyCssLiterals = {
  name: 'minify-css-literals',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('css`')) return undefined;
      const result = await minifyHTMLLiterals(source, { fileName: args.path, html: false });
      return { contents: result ? result.code : source, loader: 'ts' };
    });
  },
};

const production = {
  plugins: [minifyCssLiterals],
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Legacy decorators (experimentalDecorators, useDefineForClassFields: false) come from the repository's tsconfig.
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
};

const print = (line = '') => process.stdout.write(`${line}\n`);
const round1 = (value) => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10) / 10 : null);

function parseSizes(argv) {
  const at = argv.findIndex((arg) => arg === '--sizes' || arg.startsWith('--sizes='));
  if (at < 0) return DEFAULT_SIZES;
  const value = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const sizes = (value ?? '').split(',').map((part) => Number(part.replace(/[_\s]/g, '')));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes wants e.g. 1000,10000 (got ${value})`);
  return sizes;
}

/**
 * Min+gzip (level 9) bytes of one entry point, bundled with code splitting as a host app's bundler would: `bytes` is
 * what loads with the page (the entry chunk and any chunk it imports statically), `lazy` the chunks reached only by a
 * dynamic import (floating-ui, loaded by the first popup). Each chunk is gzipped on its own, as it is served.
 * `leaked` names the forbidden packages found in any chunk; `imports` the bare imports left external.
 */
async function measureBundle(entry, external, forbidden = []) {
  const result = await build({
    ...production, entryPoints: [entry], external, splitting: true, outdir: join(outDir, 'bundle-size'), write: false, metafile: true,
  });
  const { inputs, outputs } = result.metafile;
  const contents = new Map(result.outputFiles.map((file) => [relative(root, file.path).split(sep).join('/'), file.contents]));
  const sizes = (names) => names.reduce(
    (sum, name) => ({ bytes: sum.bytes + gzipSync(contents.get(name), { level: 9 }).length, minified: sum.minified + contents.get(name).length }),
    { bytes: 0, minified: 0 },
  );
  // A dynamically imported module's chunk has an entryPoint too: the page's entry is the one nothing imports.
  const imported = new Set(Object.values(outputs).flatMap((output) => output.imports.filter((i) => !i.external).map((i) => i.path)));
  const initial = new Set(Object.keys(outputs).filter((name) => outputs[name].entryPoint !== undefined && !imported.has(name)));
  if (initial.size !== 1) throw new Error(`${entry}: expected one entry chunk, found ${initial.size}`);
  for (const name of initial) {
    for (const chunk of outputs[name].imports) if (!chunk.external && chunk.kind === 'import-statement') initial.add(chunk.path);
  }
  const lazy = Object.keys(outputs).filter((name) => !initial.has(name));
  const entrySize = sizes([...initial]);
  const lazySize = sizes(lazy);
  const leaked = forbidden.filter((name) => Object.keys(inputs).some((input) => input.includes(`node_modules/${name}/`)));
  const imports = [...new Set(Object.values(outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)))];
  return { ...entrySize, lazy: lazySize.bytes, lazyMinified: lazySize.minified, lazyChunks: lazy.length, leaked, imports };
}

async function buildPage() {
  await mkdir(outDir, { recursive: true });
  await build({ ...production, entryPoints: [join(benchDir, 'page.ts')], outdir: outDir, entryNames: 'page', sourcemap: false });
  await copyFile(join(benchDir, 'index.html'), join(outDir, 'index.html'));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A static server for bench/.out on 127.0.0.1 and a free port. */
async function serve() {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(outDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(outDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` };
}

/**
 * CPU ticks of the machine (busy, total) and of this process tree (Node and Chromium), from /proc (Linux only), to
 * tell how much other processes took while a size was measured: the machine is shared.
 */
function cpuSnapshot() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const busy = total - fields[3] - (fields[4] ?? 0);
    const children = new Map();
    const ticks = new Map();
    for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ppid = Number(rest[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
        ticks.set(Number(name), Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]));
      } catch {
        // The process ended meanwhile.
      }
    }
    let own = 0;
    for (const stack = [process.pid]; stack.length > 0; ) {
      const pid = stack.pop();
      own += ticks.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return { total, busy, own };
  } catch {
    return undefined;
  }
}

/** The share of the machine's CPU time that other processes used between two snapshots (0–1). */
function othersShare(before, after) {
  if (!before || !after || after.total <= before.total) return undefined;
  return Math.max(0, after.busy - before.busy - (after.own - before.own)) / (after.total - before.total);
}

async function runSize(browser, url, size) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => globalThis.bench !== undefined);
    const before = cpuSnapshot();
    const result = await page.evaluate((n) => globalThis.bench.run(n), size);
    return { result, problems, others: othersShare(before, cpuSnapshot()) };
  } finally {
    await page.close();
  }
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join(' | ');
  print(line(rows[0]));
  print(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of rows.slice(1)) print(line(row));
}

/** The commit measured, and whether the work tree had changes (others edit src/ while benchmarks run). */
function sourceVersion() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src').length > 0;
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

const ratio = (baseline, ours) => (baseline > 0 && ours > 0 ? `${(baseline / ours).toFixed(1)}×` : '–');
const show = (value) => (value === null ? '–' : value.toFixed(1));

async function main() {
  const sizes = parseSizes(process.argv.slice(2));
  const source = sourceVersion();

  print('Bundling the entry points (min+gzip, level 9)…');
  const bundle = {
    core: await measureBundle(join(root, 'src/index.ts'), LIT, ['@microsoft/microsoft-graph-client', '@azure/msal-browser']),
    graph: await measureBundle(join(root, 'src/graph/index.ts'), [...LIT, ...GRAPH_AND_MSAL]),
    presence: await measureBundle(join(root, 'src/presence/index.ts'), LIT),
  };
  await buildPage();

  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--js-flags=--expose-gc',
      // Without it performance.memory is bucketed and refreshed rarely: heap figures would be stale.
      '--enable-precise-memory-info',
    ],
  });
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Chromium ${browser.version()} (headless), Node ${process.version}`;
  const results = { machine, sizes: {}, bundle: {}, bundleLazy: {} };
  const details = {};
  try {
    for (const size of sizes) {
      const started = Date.now();
      print(`Measuring ${size.toLocaleString('en')} entries…`);
      const { result, problems, others } = await runSize(browser, url, size);
      const { detail, ...figures } = result;
      results.sizes[String(size)] = Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round1(value)]));
      const busy = others === undefined ? '' : `; other processes used ${(others * 100).toFixed(0)}% of the machine's CPU meanwhile`;
      print(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s${busy}`);
      if (others !== undefined && others > 0.1) print('  WARNING: the machine was shared during this size: figures are noisier than usual');
      details[size] = { ...detail, others };
      for (const problem of [...new Set(problems)].slice(0, 5)) print(`  page said: ${problem}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const [name, { bytes, lazy }] of Object.entries(bundle)) {
    results.bundle[name] = bytes;
    results.bundleLazy[name] = lazy;
  }
  await writeFile(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  print();
  print(`Machine: ${machine}`);
  print(`Source: ${source} (bundled when the run started)`);
  print();
  const header = ['entries', 'search p50', 'search p95', 'open p95', 'heap MB*', 'presence req', 'naive search p95', 'naive open p95', 'search ×', 'open ×'];
  table([
    header,
    ...sizes.map((size) => {
      const r = results.sizes[String(size)];
      return [
        size.toLocaleString('en'), show(r.searchP50Ms), show(r.searchP95Ms), show(r.openP95Ms), show(r.heapMB), r.presenceRequestsFirstOpen ?? '–',
        show(r.baselineSearchP95Ms), show(r.baselineOpenP95Ms), ratio(r.baselineSearchP95Ms, r.searchP95Ms), ratio(r.baselineOpenP95Ms, r.openP95Ms),
      ];
    }),
  ]);
  print('Times in ms: keystroke or show() at the start of a frame → that update painted (no vsync wait). × = naive / ours.');
  print('* heap MB: the whole page JS heap after forced GC, book open on the directory (entries, index and harness included).');
  print('presence req: getPresences calls from show() to the first Teams presence icon painted, on the first open.');
  print();
  print('Samples and diagnostics:');
  for (const size of sizes) {
    const d = details[size];
    print(
      `  ${String(size).padStart(6)}: search ${d.searchSamples} keystrokes (max ${show(round1(d.searchMaxMs))} ms, ${d.searchOverOneFrame} over 16.7 ms; ` +
        `script to updated p50 ${show(round1(d.searchScriptP50Ms))} / p95 ${show(round1(d.searchScriptP95Ms))}), ` +
        `open ${d.openSamples} (p50 ${show(round1(d.openP50Ms))}, max ${show(round1(d.openMaxMs))}), first open ${show(round1(d.firstOpenMs))} ms, ` +
        `presence ${d.presenceRequestsAfterFirstOpen} req / ${d.presenceIdsAfterFirstOpen} ids in first open, rows in DOM ${d.rowsInDomAtOpen} (max ${d.maxRowsInDomWhileSearching}); ` +
        `naive: search ${d.baselineSearchSamples} keystrokes${d.baselineSearchTruncated ? ' (time budget)' : ''} p50 ${show(round1(d.baselineSearchP50Ms))}, open ${d.baselineOpenSamples}, ` +
        `first open ${show(round1(d.baselineFirstOpenMs))} ms; generation ${show(round1(d.generateMs))} ms; ` +
        `heap ${show(round1(d.heapDirectoryMB))} MB with the directory alone` +
        (d.others === undefined ? '' : `; other processes took ${(d.others * 100).toFixed(0)}% of the CPU`),
    );
  }
  print();
  print('Bundles (min+gzip, lit external): loaded with the page, + loaded on first use (lazy chunks: floating-ui on the first popup):');
  for (const [name, { bytes, minified, lazy, lazyMinified, lazyChunks, leaked, imports }] of Object.entries(bundle)) {
    const external = imports.length ? `imports ${imports.join(', ')}` : 'no imports';
    const later = lazyChunks > 0 ? ` + ${lazy} B gzip (${lazyMinified} B min) in ${lazyChunks} lazy chunk${lazyChunks > 1 ? 's' : ''}` : '';
    print(`  ${name.padEnd(8)} ${String(bytes).padStart(7)} B gzip (${minified} B min)${later}; ${external}${leaked.length ? `  WARNING: includes ${leaked.join(', ')}` : ''}`);
  }
  print();
  print(`Wrote ${join('bench', 'results.json')}`);
}

await main();
