/**
 * Keeps the book's directory: loads it through the shared max-age cache when the book opens (a fresh cached
 * directory costs no request), shows what the sources that answered have listed while others still list, keeps the
 * last good directory on screen while a reload runs or after it fails, and reports each new load's problems once.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter, ListProgress } from '../directory/adapter.js';
import { isAbortError } from '../internal/abort.js';
import { sharedDirectoryCache, type DirectoryCache } from '../directory/directory-cache.js';
import type { LoadedDirectory } from '../directory/loaded-directory.js';

/** What the controller reads of the book. */
export interface DirectoryHost extends ReactiveControllerHost {
  readonly adapter: DirectoryAdapter | undefined;
  /** How long a loaded directory is reused, in milliseconds. */
  readonly maxAge: number;
  /** How long a whole load may take, in milliseconds. */
  readonly loadDeadline: number;
}

export interface DirectoryControllerOptions {
  /** Called once for each directory newly loaded (not for cache hits already seen). */
  readonly onLoaded: (directory: LoadedDirectory) => void;
  /** Called once when a load fails as a whole. */
  readonly onError: (error: unknown) => void;
  readonly cache?: DirectoryCache;
}

/**
 * The least time between two progress updates of the book, in milliseconds: an adapter may report after every entry,
 * and each update costs a render (and a screen reader would hear every one of them).
 */
const PROGRESS_INTERVAL_MS = 250;

export class DirectoryController implements ReactiveController {
  /** The directory shown: the last one loaded for the current adapter. */
  directory: LoadedDirectory | undefined;
  private readonly cache: DirectoryCache;
  private readonly seen = new WeakSet<LoadedDirectory>();
  private readonly task: Task<[DirectoryAdapter, boolean], LoadedDirectory>;
  /** The adapter of the run in progress: a run for another adapter is never waited on. */
  private runningFor: DirectoryAdapter | undefined;
  /** The last load's failure (boxed: the error may be any value, `undefined` included), until a load succeeds. */
  private lastFailure: { readonly error: unknown } | undefined;
  /** Counts the runs: progress of an earlier run (an aborted or replaced load) is dropped. */
  private runs = 0;
  /** The progress shown, and the latest report not shown yet (throttled). */
  private shownProgress: ListProgress | undefined;
  private latestProgress: ListProgress | undefined;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: DirectoryHost,
    private readonly options: DirectoryControllerOptions,
  ) {
    this.cache = options.cache ?? sharedDirectoryCache;
    this.task = new Task(host, {
      autoRun: false,
      task: ([adapter, force], { signal }) => {
        const run = this.newRun();
        const onProgress = (progress: ListProgress) => {
          if (run === this.runs && !signal.aborted) this.reportProgress(progress);
        };
        // What the sources that answered have listed is shown while the others still list.
        const onPartial = (directory: LoadedDirectory) => {
          if (run === this.runs && !signal.aborted) this.showPartial(directory);
        };
        return this.cache.get(adapter, { signal, maxAge: this.host.maxAge, deadline: this.host.loadDeadline, force, onProgress, onPartial });
      },
      onComplete: (directory) => this.show(directory),
      onError: (error) => {
        // An abort is ours (adapter swapped, element moved): not a failure to show or report.
        if (isAbortError(error)) return;
        this.clearProgress();
        this.lastFailure = { error };
        this.options.onError(error);
      },
    });
    host.addController(this);
  }

  /** Loading with nothing to show yet, or reloading. */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /**
   * How far the load in progress has got, when its adapter reports it (at most one change per
   * {@link PROGRESS_INTERVAL_MS}); `undefined` otherwise, and once the load has settled.
   */
  get progress(): ListProgress | undefined {
    return this.shownProgress;
  }

  /** The last load's failure when it failed as a whole and nothing loaded since. */
  get failure(): { readonly error: unknown } | undefined {
    return this.lastFailure;
  }

  /** Resolves when the load in progress (if any) settles; for tests and hosts that await a loaded book. */
  get loadComplete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }

  /** Shows the cached directory when fresh, or loads it. Called each time the book opens. */
  ensureFresh(): void {
    const adapter = this.host.adapter;
    if (!adapter) return;
    const cached = this.cache.peek(adapter, this.host.maxAge);
    if (cached) this.show(cached);
    else if (!this.loading || this.runningFor !== adapter) this.run(adapter, false);
  }

  /** Loads again, ignoring the cache (the agent's retry). */
  reload(): void {
    const adapter = this.host.adapter;
    if (adapter) this.run(adapter, true);
  }

  private run(adapter: DirectoryAdapter, force: boolean): void {
    this.runningFor = adapter;
    void this.task.run([adapter, force]);
  }

  /** The adapter changed: forget what the old one gave. */
  reset(): void {
    this.runningFor = undefined;
    this.newRun();
    this.task.abort();
    this.directory = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // The aborted run is still pending until its abort settles: forget it, so reconnecting runs a new one.
    this.runningFor = undefined;
    this.newRun();
    this.task.abort();
  }

  /** Starts a new run (or ends the current one): earlier runs' progress is dropped from now on. */
  private newRun(): number {
    this.clearProgress();
    return ++this.runs;
  }

  /** Shows a report now, or when the interval since the last one shown has passed (only the latest is shown). */
  private reportProgress(progress: ListProgress): void {
    this.latestProgress = progress;
    if (this.progressTimer === undefined) this.flushProgress();
  }

  private flushProgress(): void {
    if (this.latestProgress === this.shownProgress) return;
    this.shownProgress = this.latestProgress;
    this.host.requestUpdate();
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      this.flushProgress();
    }, PROGRESS_INTERVAL_MS);
  }

  private clearProgress(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.latestProgress = undefined;
    if (this.shownProgress !== undefined) {
      this.shownProgress = undefined;
      this.host.requestUpdate();
    }
  }

  /** A directory some sources are still listing: listed and searchable now, its problems reported when it completes. */
  private showPartial(directory: LoadedDirectory): void {
    this.directory = directory;
    this.host.requestUpdate();
  }

  private show(directory: LoadedDirectory): void {
    this.lastFailure = undefined;
    this.clearProgress();
    if (directory !== this.directory) {
      this.directory = directory;
      this.host.requestUpdate();
    }
    if (!this.seen.has(directory)) {
      this.seen.add(directory);
      this.options.onLoaded(directory);
    }
  }
}
