/**
 * Loads the directory through an adapter and keeps it for a maximum age (30 minutes by default: newly created
 * Teams auto attendants and call queues take up to that long to appear anyway). One load per adapter is in flight
 * at a time, shared by every book that uses the adapter (the outbound dialog and the consult panel). The rules:
 * docs/rules.md#directory-cached-for-30-minutes and #one-load-shared-per-adapter.
 */
import type { DirectoryAdapter, DirectoryListing, ListProgress, PendingSource } from './adapter.js';
import { isPartialResult } from './errors.js';
import { NOT_LINKED, sanitizeAgent, toLoadedDirectory, type AgentCheck, type LoadedDirectory } from './loaded-directory.js';
import { sanitizeProgress } from './progress.js';
import { sanitizeListing, type SanitizedListing } from './sanitize.js';

export const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;

/**
 * How long a whole load may take (3 minutes) before the sources still listing are given up as failed: a source that
 * keeps answering slowly, each attempt within its own timeout, must not keep the book loading for ever.
 */
export const DEFAULT_LOAD_DEADLINE_MS = 3 * 60 * 1000;

/**
 * How long a partial listing waits before it is shown, unless the load ends first: sources that answer close together
 * are indexed once, not once each.
 */
export const PARTIAL_LISTING_GRACE_MS = 150;

/** The load went past its deadline ({@link DEFAULT_LOAD_DEADLINE_MS}). */
export class LoadDeadlineError extends Error {
  override readonly name = 'LoadDeadlineError';
}

export interface LoadOptions {
  readonly now?: () => number;
  /** The adapter's progress reports, cleaned, until the listing settles or the signal aborts. */
  readonly onProgress?: (progress: ListProgress) => void;
  /** What has been listed while the load goes on (some sources answered, others not yet): a directory not `complete`. */
  readonly onPartial?: (directory: LoadedDirectory) => void;
  /** The last good directory: its Teams link is kept, marked stale, when the link check fails. */
  readonly previous?: LoadedDirectory | undefined;
  /** The whole load's deadline, in milliseconds ({@link DEFAULT_LOAD_DEADLINE_MS}). */
  readonly deadline?: number;
}

/**
 * Loads and prepares a directory once. Rejects when the listing fails as a whole (or is garbage) and nothing was
 * listed. Past its deadline, the sources still listing are reported as failed and what was listed is the directory
 * (docs/rules.md#every-load-has-a-deadline).
 */
export async function loadDirectory(adapter: DirectoryAdapter, signal: AbortSignal, options: LoadOptions = {}): Promise<LoadedDirectory> {
  const { now = Date.now, onProgress, onPartial, previous, deadline = DEFAULT_LOAD_DEADLINE_MS } = options;
  // The adapter's work stops when the caller aborts or the deadline passes, whichever comes first.
  const work = new AbortController();
  const stopWork = () => work.abort(signal.reason);
  signal.addEventListener('abort', stopWork, { once: true });
  let onDeadline = (_error: LoadDeadlineError) => {};
  const pastDeadline = new Promise<never>((_, reject) => {
    onDeadline = reject;
  });
  pastDeadline.catch(() => undefined);
  const deadlineTimer = setTimeout(() => {
    const error = new LoadDeadlineError(`The directory did not finish loading within ${Math.round(deadline / 1000)} s.`);
    onDeadline(error);
    work.abort(error);
  }, deadline);

  let settled = false;
  let latest: DirectoryListing | undefined;
  let check: AgentCheck | undefined;
  let partialTimer: ReturnType<typeof setTimeout> | undefined;
  const showPartial = () => {
    partialTimer = undefined;
    if (settled || signal.aborted || !latest || !check || !onPartial) return;
    const { pending, ...listing } = latest;
    onPartial(toLoadedDirectory(sanitizeListing(listing), check, { loadedAt: now(), pending: pending ?? [] }));
  };
  const schedulePartial = () => {
    if (onPartial && partialTimer === undefined) partialTimer = setTimeout(showPartial, PARTIAL_LISTING_GRACE_MS);
  };
  const report = onProgress
    ? (value: ListProgress) => {
        const progress = sanitizeProgress(value);
        if (progress && !settled && !signal.aborted) onProgress(progress);
      }
    : undefined;
  const partial = onPartial
    ? (value: DirectoryListing) => {
        if (settled || !Array.isArray(value?.entries)) return;
        latest = value;
        schedulePartial();
      }
    : undefined;

  try {
    const [listing, agentCheck] = await Promise.all([
      Promise.race([
        // Called inside the promise chain so a synchronous throw in host code becomes a rejection.
        Promise.resolve().then(() => adapter.listEntries({ signal: work.signal, ...(report ? { onProgress: report } : {}), ...(partial ? { onPartial: partial } : {}) })),
        pastDeadline,
      ]).then(
        (value) => sanitizeListing(value),
        // Past the deadline with something listed: that is the directory, the sources still listing failed.
        (error: unknown) => {
          if (!(error instanceof LoadDeadlineError) || !latest) throw error;
          return withPendingFailed(latest, error);
        },
      ),
      Promise.race([Promise.resolve().then(() => adapter.getSignedInAgent({ signal: work.signal })), pastDeadline]).then(
        (agent): AgentCheck => ({ agent: sanitizeAgent(agent) }),
        (error: unknown): AgentCheck => failedCheck(error, previous),
      ).then((value) => {
        check = value;
        if (latest) schedulePartial();
        return value;
      }),
    ]);
    signal.throwIfAborted();
    return toLoadedDirectory(listing, agentCheck, { loadedAt: now() });
  } finally {
    settled = true;
    clearTimeout(deadlineTimer);
    clearTimeout(partialTimer);
    signal.removeEventListener('abort', stopWork);
  }
}

/**
 * The link check failed. A partial answer keeps what is known (the agent's own id); the failure is its cause. The link
 * the last good load found is kept, marked stale, rather than hiding every Teams entry (docs/rules.md#a-failed-refresh-keeps-what-was-shown).
 */
function failedCheck(error: unknown, previous: LoadedDirectory | undefined): AgentCheck {
  const partial = isPartialResult(error);
  const known = partial ? sanitizeAgent(error.partial) : NOT_LINKED;
  const cause = partial ? (error.cause ?? error) : error;
  const source = partial && typeof error.source === 'string' ? error.source : undefined;
  const lastLink = previous?.agent.linkedTeamsUserId ?? null;
  if (known.linkedTeamsUserId === null && lastLink !== null) {
    const agentId = known.agentId ?? previous?.agent.agentId;
    return { agent: agentId === undefined ? { linkedTeamsUserId: lastLink } : { agentId, linkedTeamsUserId: lastLink }, error: cause, stale: true, source };
  }
  return { agent: known, error: cause, source };
}

/** A partial listing ended by the deadline: its pending sources become failures. */
function withPendingFailed(listing: DirectoryListing, error: LoadDeadlineError): SanitizedListing {
  const { pending = [], ...rest } = listing;
  const sanitized = sanitizeListing(rest);
  const failed = pending.map((source: PendingSource) => ({ source: source.source, label: source.label, error }));
  return { ...sanitized, failures: [...sanitized.failures, ...failed] };
}

interface InFlight {
  promise: Promise<LoadedDirectory>;
  controller: AbortController;
  waiters: number;
  /** The waiters' listeners, and the latest report and partial directory (given at once to a waiter that joins later). */
  listeners: Set<Listeners>;
  progress?: ListProgress;
  partial?: LoadedDirectory;
}

interface Listeners {
  readonly onProgress?: ((progress: ListProgress) => void) | undefined;
  readonly onPartial?: ((directory: LoadedDirectory) => void) | undefined;
}

interface CacheSlot {
  directory?: LoadedDirectory;
  inFlight?: InFlight;
}

export interface CacheGetOptions {
  readonly signal: AbortSignal;
  readonly maxAge?: number;
  /** Ignore the cached directory (an agent's retry). */
  readonly force?: boolean;
  /** The load's deadline, when this call starts one ({@link DEFAULT_LOAD_DEADLINE_MS}). */
  readonly deadline?: number;
  /**
   * How far the load this call waits for has got, when its adapter reports it: every caller sharing a load gets its
   * reports (one that joins later gets the latest at once), until the load settles or the caller's signal aborts.
   */
  readonly onProgress?: (progress: ListProgress) => void;
  /** What the load has listed so far, shown while slower sources still list; shared as progress is. */
  readonly onPartial?: (directory: LoadedDirectory) => void;
}

/** A max-age cache of loaded directories, per adapter. */
export class DirectoryCache {
  private readonly slots = new WeakMap<DirectoryAdapter, CacheSlot>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached directory if still fresh, without loading. */
  peek(adapter: DirectoryAdapter, maxAge = DEFAULT_MAX_AGE_MS): LoadedDirectory | undefined {
    const directory = this.slots.get(adapter)?.directory;
    return directory && this.now() - directory.loadedAt < maxAge ? directory : undefined;
  }

  get(adapter: DirectoryAdapter, { signal, maxAge = DEFAULT_MAX_AGE_MS, force = false, deadline, onProgress, onPartial }: CacheGetOptions): Promise<LoadedDirectory> {
    const fresh = force ? undefined : this.peek(adapter, maxAge);
    if (fresh) return Promise.resolve(fresh);
    let slot = this.slots.get(adapter);
    if (!slot) {
      slot = {};
      this.slots.set(adapter, slot);
    }
    if (!slot.inFlight || slot.inFlight.controller.signal.aborted) slot.inFlight = this.startLoad(adapter, slot, deadline);
    return this.wait(slot.inFlight, signal, { onProgress, onPartial });
  }

  private startLoad(adapter: DirectoryAdapter, slot: CacheSlot, deadline: number | undefined): InFlight {
    const controller = new AbortController();
    const inFlight: InFlight = {
      controller,
      waiters: 0,
      listeners: new Set(),
      // Reports come once listing has begun (after this object exists).
      promise: loadDirectory(adapter, controller.signal, {
        now: this.now,
        previous: slot.directory,
        ...(deadline === undefined ? {} : { deadline }),
        onProgress: (progress) => {
          inFlight.progress = progress;
          for (const { onProgress } of [...inFlight.listeners]) if (onProgress) notify(onProgress, progress);
        },
        onPartial: (directory) => {
          inFlight.partial = directory;
          for (const { onPartial } of [...inFlight.listeners]) if (onPartial) notify(onPartial, directory);
        },
      }),
    };
    inFlight.promise.then(
      (directory) => {
        slot.directory = directory;
      },
      () => undefined,
    ).finally(() => {
      if (slot.inFlight === inFlight) delete slot.inFlight;
    });
    return inFlight;
  }

  /** Waits for a shared load; the load is aborted only when every waiter has given up. */
  private async wait(inFlight: InFlight, signal: AbortSignal, listeners: Listeners): Promise<LoadedDirectory> {
    signal.throwIfAborted();
    inFlight.waiters++;
    inFlight.listeners.add(listeners);
    if (inFlight.progress && listeners.onProgress) notify(listeners.onProgress, inFlight.progress);
    if (inFlight.partial && listeners.onPartial) notify(listeners.onPartial, inFlight.partial);
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        inFlight.listeners.delete(listeners);
        if (--inFlight.waiters === 0) inFlight.controller.abort(signal.reason);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([inFlight.promise, aborted]);
    } finally {
      inFlight.listeners.delete(listeners);
      if (!signal.aborted) {
        signal.removeEventListener('abort', onAbort);
        inFlight.waiters--;
      }
    }
  }
}

/** Gives a listener a report; one that throws is reported as uncaught, without failing the load or other listeners. */
function notify<T>(listener: (report: T) => void, report: T): void {
  try {
    listener(report);
  } catch (error) {
    reportError(error);
  }
}

/** The cache every book shares unless given its own. */
export const sharedDirectoryCache = new DirectoryCache();
