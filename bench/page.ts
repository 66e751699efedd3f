/**
 * The benchmark page: `window.bench.run(size)` measures the address book and the naive baseline over a generated
 * directory of `size` entries and resolves to the figures `bench/run.mjs` reports.
 *
 * Timing: every measurement starts at the beginning of an animation frame (inside a requestAnimationFrame callback)
 * and ends when that frame's rendering (style, layout, paint) is done: a message posted after the update runs only
 * once the frame has been rendered. So a figure is the work from the keystroke (or `show()`) to the updated rows
 * painted, without the wait for the next vsync (0–16.7 ms, pure phase noise). Work longer than a frame delays that
 * frame, and the figure shows it.
 */
import '../src/index.js';
import { createMemoryDirectory, type DirectoryAdapter } from '../src/index.js';
import { generateDirectory, presenceRecord, QUERIES } from './directory.js';
// The class itself, not a bare import: a module only imported for its effect is one package.json's `sideEffects`
// would have to name (it lists the library's modules only), and esbuild would drop it.
import { NaiveBook } from './naive-book.js';

interface Book extends HTMLElement {
  adapter: DirectoryAdapter | undefined;
  readonly updateComplete: Promise<boolean>;
  readonly loadComplete: Promise<unknown>;
  show(): Promise<void>;
  hide(): Promise<void>;
}

export interface SizeResult {
  readonly searchP50Ms: number;
  readonly searchP95Ms: number;
  readonly openP95Ms: number;
  readonly heapMB: number;
  readonly presenceRequestsFirstOpen: number;
  readonly baselineSearchP95Ms: number;
  readonly baselineOpenP95Ms: number;
  /** Not in results.json: how the figures were obtained. */
  readonly detail: Readonly<Record<string, number | boolean>>;
}

const FRAME_MS = 1000 / 60;
/** Queries typed (unmeasured) before measuring, so the first measured keystrokes do not run cold code. */
const WARMUP_QUERIES = ['zz', 'kim', 'qq'];
const SEARCH_PASSES = 2;
const OPEN_SAMPLES = 30;
const OPEN_WARMUP = 3;
/** The baseline gets this much time per size for open and for search; what was measured by then is reported. */
const BASELINE_OPEN_BUDGET_MS = 20_000;
const BASELINE_SEARCH_BUDGET_MS = 40_000;

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Resolves after the current frame has been rendered (a task posted now runs after the rendering steps). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Waits until the element has no update pending (an update may request another, e.g. when presences arrive). */
async function settle(book: Book): Promise<void> {
  for (let i = 0; i < 50 && !(await book.updateComplete); i++);
}

function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function searchInput(book: Book): HTMLInputElement {
  const input = book.shadowRoot?.querySelector<HTMLInputElement>('input[part="search-input"]');
  if (!input) throw new Error(`${book.localName} has no search input`);
  return input;
}

function rowsInDom(book: Book): number {
  return book.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0;
}

/** A Teams presence icon with a known state is in a row. */
function teamsPresenceShown(book: Book): boolean {
  const icons = book.shadowRoot?.querySelectorAll('[role="option"] contactpad-presence-icon') ?? [];
  for (const icon of icons) {
    const { presence } = icon as HTMLElementTagNameMap['contactpad-presence-icon'];
    if (presence.origin === 'teams' && presence.state !== 'unknown') return true;
  }
  return false;
}

function type(book: Book, value: string): void {
  const input = searchInput(book);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Closes and reopens the book with the directory cached; each sample is `show()` → rows painted. */
async function measureOpen(book: Book, samples: number, warmup: number, budgetMs: number, minSamples: number): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < warmup + samples; i++) {
    if (i >= warmup + minSamples && performance.now() - started > budgetMs) break;
    await book.hide();
    await settle(book);
    await frame();
    await frame();
    await frame();
    const t0 = performance.now();
    await book.show();
    await settle(book);
    await afterPaint();
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return times;
}

interface SearchRun {
  readonly times: number[];
  /** The part of each sample until the element had updated (script), before style, layout and paint. */
  readonly script: number[];
  readonly maxRows: number;
  readonly truncated: boolean;
}

/** Types each query one character at a time; each sample is keystroke → updated rows painted. Clears in between. */
async function measureSearch(book: Book, queries: readonly string[], budgetMs: number, minSamples: number, countRows: boolean): Promise<SearchRun> {
  const times: number[] = [];
  const script: number[] = [];
  let maxRows = 0;
  const started = performance.now();
  for (const query of queries) {
    for (let length = 1; length <= query.length; length++) {
      if (times.length >= minSamples && performance.now() - started > budgetMs) return { times, script, maxRows, truncated: true };
      await frame();
      const t0 = performance.now();
      type(book, query.slice(0, length));
      await settle(book);
      script.push(performance.now() - t0);
      await afterPaint();
      times.push(performance.now() - t0);
      if (countRows) maxRows = Math.max(maxRows, rowsInDom(book));
    }
    type(book, '');
    await settle(book);
    await afterPaint();
  }
  return { times, script, maxRows, truncated: false };
}

/** The whole page's JS heap after forced garbage collection (needs `--js-flags=--expose-gc`, `--enable-precise-memory-info`). */
async function heapMB(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  for (let i = 0; i < 3; i++) {
    gc();
    await frame();
  }
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : NaN;
}

function mount<T extends Book>(book: T, adapter: DirectoryAdapter): T {
  book.adapter = adapter;
  document.querySelector('main')!.append(book);
  return book;
}

async function run(size: number): Promise<SizeResult> {
  // The directory: generated once, before anything is measured.
  const generated = performance.now();
  const { entries, agent } = generateDirectory(size);
  const generateMs = performance.now() - generated;
  const memory = createMemoryDirectory({ entries, presences: presenceRecord, agent });
  // The heap with the directory alone (no element yet): what the book adds is heapMB minus this.
  const heapDirectoryMB = await heapMB();
  const counter = { calls: 0, ids: 0 };
  const adapter: DirectoryAdapter = {
    listEntries: (options) => memory.listEntries(options),
    getSignedInAgent: (options) => memory.getSignedInAgent(options),
    getPresences: (ids, options) => {
      counter.calls++;
      counter.ids += ids.length;
      return memory.getPresences!(ids, options);
    },
  };

  // First open: loads the directory (not timed); counts presence requests until the first Teams icon is painted.
  const book = mount(document.createElement('contactpad-address-book'), adapter);
  await book.updateComplete;
  await frame();
  const firstOpenStart = performance.now();
  await book.show();
  // No Teams user among the first rows would leave nothing to wait for: then the figure is NaN (null in results).
  let painted = true;
  while (!teamsPresenceShown(book)) {
    if (performance.now() - firstOpenStart > 30_000) {
      painted = false;
      break;
    }
    await frame();
  }
  await frame();
  await afterPaint();
  const presenceRequestsFirstOpen = painted ? counter.calls : NaN;
  const firstOpenMs = performance.now() - firstOpenStart;
  await book.loadComplete;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const presenceAfterFirstOpen = { calls: counter.calls, ids: counter.ids };
  const rowsAtOpen = rowsInDom(book);

  const open = await measureOpen(book, OPEN_SAMPLES, OPEN_WARMUP, Infinity, OPEN_SAMPLES);
  await measureSearch(book, WARMUP_QUERIES, Infinity, 0, false);
  const passes = Array.from({ length: SEARCH_PASSES }, () => QUERIES).flat();
  const search = await measureSearch(book, passes, Infinity, 0, true);
  // The heap with the book open on the whole directory (empty query).
  type(book, '');
  await settle(book);
  await afterPaint();
  const heap = await heapMB();
  await book.hide();
  book.remove();

  // The naive baseline on the same adapter and queries, in a time budget.
  const naive = mount(new NaiveBook(), adapter);
  await naive.updateComplete;
  const naiveStart = performance.now();
  await naive.show();
  await naive.loadComplete;
  await settle(naive);
  await afterPaint();
  const baselineFirstOpenMs = performance.now() - naiveStart;
  // Its first open ran the same render code, so no warm-up beyond it (at 100,000 entries one costs tens of seconds).
  const baselineOpen = await measureOpen(naive, OPEN_SAMPLES, 0, BASELINE_OPEN_BUDGET_MS, 2);
  const baselineSearch = await measureSearch(naive, QUERIES, BASELINE_SEARCH_BUDGET_MS, 5, false);
  await naive.hide();
  naive.remove();

  return {
    searchP50Ms: percentile(search.times, 0.5),
    searchP95Ms: percentile(search.times, 0.95),
    openP95Ms: percentile(open, 0.95),
    heapMB: heap,
    presenceRequestsFirstOpen,
    baselineSearchP95Ms: percentile(baselineSearch.times, 0.95),
    baselineOpenP95Ms: percentile(baselineOpen, 0.95),
    detail: {
      entries: entries.length,
      generateMs,
      heapDirectoryMB,
      firstOpenMs,
      presenceRequestsAfterFirstOpen: presenceAfterFirstOpen.calls,
      presenceIdsAfterFirstOpen: presenceAfterFirstOpen.ids,
      rowsInDomAtOpen: rowsAtOpen,
      maxRowsInDomWhileSearching: search.maxRows,
      searchSamples: search.times.length,
      searchMaxMs: Math.max(...search.times),
      searchScriptP50Ms: percentile(search.script, 0.5),
      searchScriptP95Ms: percentile(search.script, 0.95),
      searchOverOneFrame: search.times.filter((t) => t > FRAME_MS).length,
      openSamples: open.length,
      openP50Ms: percentile(open, 0.5),
      openMaxMs: Math.max(...open),
      baselineFirstOpenMs,
      baselineOpenSamples: baselineOpen.length,
      baselineSearchSamples: baselineSearch.times.length,
      baselineSearchP50Ms: percentile(baselineSearch.times, 0.5),
      baselineSearchTruncated: baselineSearch.truncated,
    },
  };
}

declare global {
  interface Window {
    bench: { run(size: number): Promise<SizeResult> };
  }
}

window.bench = { run };
