/**
 * Keeps the book's directory: loads it through the shared max-age cache when the book opens (a fresh cached
 * directory costs no request), keeps the last good directory on screen while a reload runs or after it fails,
 * and reports each new load's problems once.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter } from '../directory/adapter.js';
import { isAbortError } from '../directory/errors.js';
import { sharedDirectoryCache, type DirectoryCache, type LoadedDirectory } from '../directory/directory-cache.js';

export interface DirectoryControllerOptions {
  readonly adapter: () => DirectoryAdapter | undefined;
  readonly maxAge: () => number;
  /** Called once for each directory newly loaded (not for cache hits already seen). */
  readonly onLoaded: (directory: LoadedDirectory) => void;
  /** Called once when a load fails as a whole. */
  readonly onError: (error: unknown) => void;
  readonly cache?: DirectoryCache;
}

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

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DirectoryControllerOptions,
  ) {
    this.cache = options.cache ?? sharedDirectoryCache;
    this.task = new Task(host, {
      autoRun: false,
      task: ([adapter, force], { signal }) => this.cache.get(adapter, { signal, maxAge: this.options.maxAge(), force }),
      onComplete: (directory) => this.show(directory),
      onError: (error) => {
        // An abort is ours (adapter swapped, element moved): not a failure to show or report.
        if (isAbortError(error)) return;
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
    const adapter = this.options.adapter();
    if (!adapter) return;
    const cached = this.cache.peek(adapter, this.options.maxAge());
    if (cached) this.show(cached);
    else if (!this.loading || this.runningFor !== adapter) this.run(adapter, false);
  }

  /** Loads again, ignoring the cache (the agent's retry). */
  reload(): void {
    const adapter = this.options.adapter();
    if (adapter) this.run(adapter, true);
  }

  private run(adapter: DirectoryAdapter, force: boolean): void {
    this.runningFor = adapter;
    void this.task.run([adapter, force]);
  }

  /** The adapter changed: forget what the old one gave. */
  reset(): void {
    this.runningFor = undefined;
    this.task.abort();
    this.directory = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // The aborted run is still pending until its abort settles: forget it, so reconnecting runs a new one.
    this.runningFor = undefined;
    this.task.abort();
  }

  private show(directory: LoadedDirectory): void {
    this.lastFailure = undefined;
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
