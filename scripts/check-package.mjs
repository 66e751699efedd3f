/**
 * Checks the package as npm would publish it (`npm run check:package`, part of `npm test`):
 * 1. builds it (`npm run build`; pass `--no-build` to check the dist/ already there);
 * 2. packs it (`npm pack`, into a scratch folder) and compares the tarball's files with the expected ones: package.json,
 *    README.md, LICENSE, custom-elements.json, every `exports` target, the JavaScript and the `.d.ts` files those
 *    targets import (followed import by import), and source maps of packed JavaScript. Nothing else: no tests, stories,
 *    demo, bench, dev tools, and no types of a module no entry uses;
 * 3. checks that `exports` gives `types` for every JavaScript entry, and that `sideEffects` names exactly the packed
 *    files whose evaluation registers an element: those that call `customElements.define` (or use Lit's
 *    `@customElement`) and those that import one of them. Bundlers apply `sideEffects` to the repository's own
 *    modules too, so it also names exactly the TypeScript modules of src/ that register an element by the same rule
 *    (they are never packed, and a consumer's bundler finds no file they match). And that the manifest
 *    (custom-elements.json) describes only packed files: every module path and every module a reference names is in
 *    the tarball, each `js` export it lists is exported by that built file, and its element definitions are exactly
 *    the tags that importing the file registers;
 * 4. runs publint (strict: warnings fail) and are-the-types-wrong (`--profile esm-only`: the package is ESM only, so
 *    resolution by `require` and by the pre-`exports` `node10` algorithm is not checked) on that tarball.
 * Every problem is printed; the exit status is 1 when there is any.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import {
  exportTargets,
  jsExportNames,
  reachable,
  registeredTags,
  registeringOnLoad,
  sourceStaticImports,
  staticImports,
  tagsOnLoad,
  targetsOf,
} from './package-graph.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/**
 * The folders whose TypeScript modules `sideEffects` names besides the packed files: bundlers apply a package's
 * `sideEffects` to all of its files, packed or not, and the library's sources are bundled here by the library build,
 * Storybook's build, the benchmark and the CSP test page. (The benchmark and the stories import their own modules
 * for their exports, never for an effect, so they need no entry.)
 */
const SOURCE_FOLDERS = ['src'];
/** Files npm always packs, and the manifest the `customElements` field names. */
const ALWAYS = ['package.json', 'README.md', 'LICENSE', 'custom-elements.json'];

const problems = [];
const fail = (message) => problems.push(message);

/** Runs a command in the project; its output goes to ours unless captured. Returns its stdout when captured. */
function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout ?? '' };
}

/** npm itself: the one running this script when there is one, else the `npm` on the PATH. */
const npm = (args, options) =>
  process.env.npm_execpath ? run(process.execPath, [process.env.npm_execpath, ...args], options) : run('npm', args, options);

/**
 * What is untrue in the manifest about the packed files: a module path or a referenced module that is not packed, a
 * reference to a name its module does not describe, a `js` export the built file lacks, or a different set of tags
 * from those evaluating the file registers.
 */
function checkManifest(manifest, packedFiles) {
  const found = [];
  const modules = new Map((manifest.modules ?? []).map((module) => [module.path, module]));
  if (modules.size === 0) found.push('it describes no module.');
  const references = [];
  const collect = (value) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      if (typeof value.module === 'string' && value.package === undefined) references.push(value);
      Object.values(value).forEach(collect);
    }
  };
  collect(manifest.modules);
  for (const path of modules.keys()) if (!packedFiles.has(path)) found.push(`module "${path}" is not in the tarball.`);
  const describes = (module, name) =>
    (module?.declarations ?? []).some((declaration) => declaration.name === name) ||
    (module?.exports ?? []).some((entry) => entry.kind === 'js' && entry.name === name);
  for (const { name, module } of references) {
    if (!packedFiles.has(module)) found.push(`a reference to ${name} names "${module}", which is not in the tarball.`);
    else if (!describes(modules.get(module), name)) found.push(`a reference to ${name} names "${module}", which describes no ${name}.`);
  }
  for (const [path, module] of modules) {
    if (!packedFiles.has(path)) continue;
    const actual = jsExportNames(root, path);
    for (const entry of module.exports ?? []) {
      if (entry.kind === 'js' && !actual.has(entry.name) && !actual.has('*')) found.push(`"${path}" does not export ${entry.name}, which it lists.`);
    }
    const listed = new Set((module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition').map((entry) => entry.name));
    const registered = tagsOnLoad(root, path);
    for (const tag of registered) if (!listed.has(tag)) found.push(`"${path}" registers <${tag}> when imported, which it does not list.`);
    for (const tag of listed) if (!registered.has(tag)) found.push(`"${path}" lists <${tag}>, which importing it does not register.`);
  }
  return found;
}

// 1. Build.
if (!process.argv.includes('--no-build')) {
  console.log('check:package: building…');
  if (npm(['run', 'build']).status !== 0) {
    console.error('check:package: the build failed.');
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'contactpad-pack-'));
try {
  // 2. Pack, and compare the file list.
  const packed = npm(['pack', '--json', '--pack-destination', scratch], { capture: true });
  if (packed.status !== 0) throw new Error('npm pack failed');
  const [{ filename, files }] = JSON.parse(packed.stdout);
  const tarball = join(scratch, filename);
  const packedFiles = new Set(files.map((file) => file.path));

  const targets = exportTargets(pkg);
  const required = new Set([
    ...ALWAYS,
    ...targets,
    ...reachable(root, targets.filter((target) => target.endsWith('.js'))),
    ...reachable(root, targets.filter((target) => target.endsWith('.d.ts')), { types: true }),
  ]);
  const packedJs = [...packedFiles].filter((file) => file.endsWith('.js'));
  const optional = new Set(packedJs.map((file) => `${file}.map`));

  const unexpected = [...packedFiles].filter((file) => !required.has(file) && !optional.has(file)).sort();
  const missing = [...required].filter((file) => !packedFiles.has(file)).sort();
  if (unexpected.length > 0) fail(`npm pack has files no entry needs:\n  ${unexpected.join('\n  ')}`);
  if (missing.length > 0) fail(`npm pack lacks files the entries need:\n  ${missing.join('\n  ')}`);

  // 3a. `types` for every JavaScript entry, first in its conditions.
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    if (!targetsOf(value).some((target) => target.endsWith('.js'))) continue;
    if (typeof value !== 'object' || Object.keys(value)[0] !== 'types') fail(`exports["${subpath}"] needs "types" as its first condition.`);
  }

  // 3b. `sideEffects`: exactly the files whose evaluation registers an element. In the package: the packed files.
  const registering = new Map(packedJs.map((file) => [file, registeredTags(root, file)]).filter(([, tags]) => tags.length > 0));
  const expectedSideEffects = registeringOnLoad(root, packedJs, staticImports).map((file) => `./${file}`).sort();
  const declaredAll = Array.isArray(pkg.sideEffects) ? [...pkg.sideEffects].sort() : [];
  const isSource = (entry) => SOURCE_FOLDERS.some((folder) => entry.startsWith(`./${folder}/`));
  const declared = declaredAll.filter((entry) => !isSource(entry));
  if (!Array.isArray(pkg.sideEffects)) fail('package.json "sideEffects" must list the files that register elements.');
  const extra = declared.filter((file) => !expectedSideEffects.includes(file));
  const absent = expectedSideEffects.filter((file) => !declared.includes(file));
  if (extra.length > 0) fail(`"sideEffects" names files that register no element:\n  ${extra.join('\n  ')}`);
  if (absent.length > 0) fail(`"sideEffects" leaves out files that register elements:\n  ${absent.join('\n  ')}`);
  if (registering.size === 0) fail('No packed file registers an element: the build dropped the customElements.define calls.');

  // 3c. In the repository: the same rule for the TypeScript modules of SOURCE_FOLDERS (never packed).
  const sources = SOURCE_FOLDERS.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true })
      .map((name) => posix.join(folder, String(name).split(sep).join('/')))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
  );
  const expectedSources = registeringOnLoad(root, sources, sourceStaticImports).map((file) => `./${file}`).sort();
  const declaredSources = declaredAll.filter(isSource);
  const extraSources = declaredSources.filter((file) => !expectedSources.includes(file));
  const absentSources = expectedSources.filter((file) => !declaredSources.includes(file));
  if (extraSources.length > 0) fail(`"sideEffects" names source modules that register no element (or do not exist):\n  ${extraSources.join('\n  ')}`);
  if (absentSources.length > 0) {
    fail(`"sideEffects" leaves out source modules that register elements (bundlers of the sources would drop them):\n  ${absentSources.join('\n  ')}`);
  }

  // 3d. custom-elements.json: every module it describes, and every module a reference names, is a packed file (IDEs
  // and documentation tools resolve them in the installed package), and what it says of that file is true.
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const manifestProblems = checkManifest(manifest, packedFiles);
  for (const problem of manifestProblems) fail(`custom-elements.json: ${problem}`);

  console.log(`\nnpm pack: ${filename}, ${packedFiles.size} files`);
  for (const file of [...packedFiles].sort()) console.log(`  ${file}`);
  console.log('\nElement registrations:');
  for (const [file, tags] of registering) console.log(`  ${file}: ${tags.join(', ')}`);
  console.log(`sideEffects, packed: ${declared.join(', ')}`);
  console.log(`sideEffects, sources: ${declaredSources.join(', ')}`);
  console.log(`\ncustom-elements.json: ${manifest.modules?.map((module) => module.path).join(', ')}${manifestProblems.length > 0 ? ` (${manifestProblems.length} problem(s))` : ', all packed'}`);

  // 4a. publint, strict, every message level.
  const tarballData = readFileSync(tarball);
  const { messages } = await publint({
    pack: { tarball: tarballData.buffer.slice(tarballData.byteOffset, tarballData.byteOffset + tarballData.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  console.log(`\npublint (strict): ${messages.length === 0 ? 'no issues' : `${messages.length} message(s)`}`);
  for (const message of messages) {
    const text = `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`;
    console.log(`  ${text}`);
    fail(text);
  }

  // 4b. are-the-types-wrong on the same tarball.
  console.log('\nare-the-types-wrong (--profile esm-only):');
  const attwBin = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  if (run(process.execPath, [attwBin, tarball, '--profile', 'esm-only']).status !== 0) fail('are-the-types-wrong found problems (above).');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\ncheck:package: ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
console.log('\ncheck:package: the package is clean.');
