/**
 * `npm run check:storybook` (part of `npm test`): the stories render in a static Storybook, as a Storybook user
 * would build it.
 *
 * 1. Builds it with `npm run build-storybook` into a scratch folder.
 * 2. Serves that folder on 127.0.0.1 and opens each story of its `index.json` alone
 *    (`iframe.html?id=…&viewMode=story`) in headless Chromium (CHROME_PATH, default /usr/bin/chromium).
 * 3. A story fails when Storybook shows an error or never shows the story, when it rendered nothing, when a
 *    `contactpad-*` element in it is not upgraded (no shadow root, or an empty one), or when the page throws, logs
 *    an error or asks for anything off this machine. A build that drops the modules registering the elements
 *    therefore fails here, where `storybook build` itself says nothing.
 * 4. First, the same inspection runs on pages that each break one of those rules, and on one that breaks none (see
 *    storybook-canaries.mjs): unless each broken page is caught for what it breaks and the working one passes, the
 *    check has gone blind (or fails everything alike) and fails.
 *
 * Prints one line per failing story and a summary; exits 1 on any failure.
 */
/* global document, customElements -- used only by the functions that run in the page (page.evaluate, waitForFunction) */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CANARIES } from './storybook-canaries.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** How long a story may take to show and to upgrade its elements; far more than any story needs. */
const STORY_TIMEOUT_MS = 15_000;
/** The canaries only ever need this long to show what is wrong; one never settles and would wait this out. */
const CANARY_TIMEOUT_MS = 1_500;
/**
 * Storybook shows a story only after its modules have loaded, so an element not defined by then never will be: this
 * grace covers a registration that waits a task or two, without waiting out the story timeout for each dropped one.
 */
const DEFINE_GRACE_MS = 1_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** npm itself: the one running this script when there is one, else the `npm` on the PATH. */
function npm(args, options) {
  const [command, prefix] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd: root, encoding: 'utf8', ...options });
}

/** A static server for `dir` (and the canary pages under `/__canary/`) on 127.0.0.1 and a free port. */
async function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const canary = CANARIES.find((page) => path === `/__canary/${page.name}.html`);
    if (canary) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(canary.html);
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/**
 * Runs in the story's page once Storybook has left its "preparing" state: what is wrong with the story, or nothing.
 * Every `contactpad-*` element is looked for, in the light DOM and in open shadow roots.
 */
async function inspectInPage({ timeoutMs, defineGraceMs }) {
  const problems = [];
  const { body } = document;
  if (body.classList.contains('sb-show-errordisplay')) {
    const message = document.getElementById('error-message')?.textContent?.trim() || '(no message)';
    return [`Storybook shows an error: ${message}`];
  }
  if (body.classList.contains('sb-show-nopreview')) return ['Storybook shows "no preview"'];
  const canvas = document.getElementById('storybook-root');
  if (!canvas || canvas.querySelector('*') === null) return ['nothing rendered in #storybook-root'];

  const elements = [];
  const visit = (node) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.localName.startsWith('contactpad-')) elements.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(canvas);
  if (elements.length === 0) problems.push('no contactpad-* element rendered');

  const after = (ms) => new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
  const grace = after(defineGraceMs);
  const timeout = after(timeoutMs);
  const tags = [...new Set(elements.map((element) => element.localName))];
  for (const tag of tags) {
    const defined = await Promise.race([customElements.whenDefined(tag).then(() => 'defined'), grace]);
    if (defined !== 'defined') problems.push(`<${tag}> is never defined (the module that registers it was not loaded)`);
  }
  for (const element of elements) {
    if ('updateComplete' in element) await Promise.race([element.updateComplete, timeout]);
    if (!element.shadowRoot) problems.push(`<${element.localName}> has no shadow root`);
    else if (element.shadowRoot.childNodes.length === 0) problems.push(`<${element.localName}> rendered an empty shadow root`);
  }
  return [...new Set(problems)];
}

/** Opens `url` in a fresh page and returns what is wrong with the story there (an empty list when nothing is). */
async function inspectStory(context, url, timeoutMs) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  // Nothing a story needs lives off this machine: such a request is refused, and counts against the story.
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => {
    problems.push(`asked the network for ${route.request().url()}`);
    return route.abort();
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const settled = await page
      .waitForFunction(
        () => ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((name) => document.body.classList.contains(name)),
        null,
        { timeout: timeoutMs },
      )
      .then(() => true, () => false);
    if (!settled) problems.push(`Storybook did not show the story within ${seconds(timeoutMs)}`);
    else problems.push(...(await page.evaluate(inspectInPage, { timeoutMs, defineGraceMs: DEFINE_GRACE_MS })));
  } catch (error) {
    problems.push(`could not open: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await page.close();
  }
  return problems;
}

const started = Date.now();
const outDir = mkdtempSync(join(tmpdir(), 'contactpad-storybook-'));
let failures = 0;
let missed = 0;
let unrendered = 0;
let browser;
let server;
try {
  // 1. Build, as `npm run build-storybook` does; its long listing is shown only when it fails.
  const build = npm(['run', 'build-storybook', '--', '--output-dir', outDir], { env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
  if (build.error) throw build.error;
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? '');
    process.stderr.write(build.stderr ?? '');
    throw new Error('storybook build failed (above)');
  }
  const built = Date.now();
  const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries ?? {}).filter((entry) => entry.type === 'story');
  if (stories.length === 0) throw new Error('index.json lists no stories');

  const served = await serve(outDir);
  server = served.server;
  const { origin } = served;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext();

  // 4 (first). The check must be able to fail: every broken canary is caught for what it breaks, the working one passes.
  for (const canary of CANARIES) {
    const problems = await inspectStory(context, `${origin}/__canary/${canary.name}.html`, CANARY_TIMEOUT_MS);
    const report = problems.join('; ');
    if (canary.expect === null ? problems.length > 0 : !canary.expect.test(report)) {
      missed += 1;
      console.error(
        canary.expect === null
          ? `✗ the check fails a page that breaks nothing (${canary.name}): ${report}`
          : `✗ the check missed a broken page (${canary.name}: ${canary.breaks}); it reported: ${report || 'nothing'}`,
      );
    }
  }

  // 2–3. Every story.
  for (const story of stories) {
    const problems = await inspectStory(context, `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, STORY_TIMEOUT_MS);
    if (problems.length > 0) {
      unrendered += 1;
      console.error(`✗ story ${story.id} (${story.title} › ${story.name}) did not render: ${problems.join('; ')}`);
    }
  }
  failures += missed + unrendered;
  console.log(
    `check:storybook: ${stories.length - unrendered} of ${stories.length} stories rendered, ` +
      `${CANARIES.length - missed} of ${CANARIES.length} canary pages judged right; build ${seconds(built - started)}, check ${seconds(Date.now() - built)}.`,
  );
} catch (error) {
  failures += 1;
  console.error(`check:storybook: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close();
  server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
