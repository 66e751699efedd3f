/**
 * Keeps the book's directory: loads it through the shared max-age cache when the book opens (a fresh cached
 * directory costs no request), keeps the last good directory on screen while a reload runs or after it fails,
 * and reports each new load's problems once.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter } from '../directory/adapter.js';
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
        if (!(error instanceof DOMException && error.name === 'AbortError')) this.options.onError(error);
      },
    });
    host.addController(this);
  }

  /** Loading with nothing to show yet, or reloading. */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Whether the last load failed as a whole (its error may be any value, `undefined` included). */
  get failed(): boolean {
    return this.task.status === TaskStatus.ERROR;
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
    else if (!this.loading) void this.task.run([adapter, false]);
  }

  /** Loads again, ignoring the cache (the agent's retry). */
  reload(): void {
    const adapter = this.options.adapter();
    if (adapter) void this.task.run([adapter, true]);
  }

  /** The adapter changed: forget what the old one gave. */
  reset(): void {
    this.task.abort();
    this.directory = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.task.abort();
  }

  private show(directory: LoadedDirectory): void {
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
