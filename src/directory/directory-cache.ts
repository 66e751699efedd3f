/**
 * Loads the directory through an adapter and keeps it for a maximum age (30 minutes by default: newly created
 * Teams auto attendants and call queues take up to that long to appear anyway). One load per adapter is in flight
 * at a time, shared by every book that uses the adapter (the outbound dialog and the consult panel). The rules:
 * docs/rules.md#directory-cached-for-30-minutes and #one-load-shared-per-adapter.
 */
import type { DirectoryAdapter, ListProgress, SignedInAgent, SourceFailure } from './adapter.js';
import { TEAMS_KINDS, type DirectoryEntry, type EntryKind } from './entry.js';
import { isPartialResult } from './errors.js';
import { sanitizeProgress } from './progress.js';
import { sanitizeListing } from './sanitize.js';
import { SearchIndex } from './search-index.js';
import { collator } from '../internal/intl.js';

export const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;

export interface LoadedDirectory {
  /** The entries the book may offer: number-less Teams entries, Teams entries of an unlinked agent and the agent's own entries removed. */
  readonly entries: readonly DirectoryEntry[];
  readonly agent: SignedInAgent;
  readonly failures: readonly SourceFailure[];
  /** Entries the adapter returned that could not be used (malformed, repeated ids). */
  readonly rejected: number;
  /** The kinds of entry offered (for the kind filter). */
  readonly kinds: ReadonlySet<EntryKind>;
  /** The listing is partial: more entries are found by the adapter's server search as the agent types. */
  readonly serverSearch: boolean;
  /** The error of `getSignedInAgent` when it failed (Teams entries are then hidden). */
  readonly agentError?: unknown;
  readonly loadedAt: number;
  /**
   * The offered Teams user a contact-centre agent is linked to ("Linked to <name>"), by its id. Only linked users are
   * indexed (on first use): a map of every entry would cost megabytes at 100,000 entries, for a handful of agents.
   */
  linkedUser(id: string): DirectoryEntry | undefined;
  /** The search index for a locale's collation, built once per locale on first use. */
  indexFor(locale: string | undefined): SearchIndex;
}

const DIALLED_BY_ID: ReadonlySet<EntryKind> = new Set(['vcc-agent', 'vcc-group', 'interaction-plan']);

const NOT_LINKED: SignedInAgent = { linkedTeamsUserId: null };

/** Whether an entry is offered to this agent at all, whatever the mode. */
export function isOffered(entry: DirectoryEntry, agent: SignedInAgent): boolean {
  if (entry.id === agent.agentId || entry.id === agent.linkedTeamsUserId) return false;
  // Contact-centre agents, groups and plans are dialled by id; everything else needs a number.
  if (!DIALLED_BY_ID.has(entry.kind) && entry.numbers.length === 0) return false;
  // Teams entries need a linked agent.
  return agent.linkedTeamsUserId !== null || !TEAMS_KINDS.has(entry.kind);
}

function sanitizeAgent(value: unknown): SignedInAgent {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const linked = typeof raw.linkedTeamsUserId === 'string' && raw.linkedTeamsUserId !== '' ? raw.linkedTeamsUserId : null;
  return typeof raw.agentId === 'string' ? { agentId: raw.agentId, linkedTeamsUserId: linked } : { linkedTeamsUserId: linked };
}

/**
 * Loads and prepares a directory once. Rejects when the listing fails as a whole (or is garbage). `onProgress` gets
 * the adapter's progress reports, cleaned, until the listing settles or `signal` aborts.
 */
export async function loadDirectory(
  adapter: DirectoryAdapter,
  signal: AbortSignal,
  now: () => number = Date.now,
  onProgress?: (progress: ListProgress) => void,
): Promise<LoadedDirectory> {
  let listed = false;
  const report = onProgress
    ? (value: ListProgress) => {
        const progress = sanitizeProgress(value);
        if (progress && !listed && !signal.aborted) onProgress(progress);
      }
    : undefined;
  const [listing, agentResult] = await Promise.all([
    // Called inside the promise chain so a synchronous throw in host code becomes a rejection.
    Promise.resolve()
      .then(() => adapter.listEntries(report ? { signal, onProgress: report } : { signal }))
      .finally(() => {
        listed = true;
      }),
    Promise.resolve()
      .then(() => adapter.getSignedInAgent({ signal }))
      .then(
        (agent) => ({ agent: sanitizeAgent(agent) }),
        // A partial answer keeps what is known (the agent's own id); its cause is what went wrong.
        (error: unknown) =>
          isPartialResult(error) ? { agent: sanitizeAgent(error.partial), error: error.cause ?? error } : { agent: NOT_LINKED, error },
      ),
  ]);
  signal.throwIfAborted();
  const { entries, failures, rejected, serverSearch } = sanitizeListing(listing);
  const agent = agentResult.agent;
  const offered = entries.filter((entry) => isOffered(entry, agent));
  const indexes = new Map<string, SearchIndex>();
  let linked: Map<string, DirectoryEntry> | undefined;
  return {
    entries: offered,
    agent,
    failures,
    rejected,
    serverSearch,
    kinds: new Set(offered.map((entry) => entry.kind)),
    ...('error' in agentResult ? { agentError: agentResult.error } : {}),
    loadedAt: now(),
    linkedUser(id) {
      if (!linked) {
        const wanted = new Set(offered.flatMap((entry) => (entry.kind === 'vcc-agent' && entry.linkedTeamsUserId ? [entry.linkedTeamsUserId] : [])));
        linked = new Map(offered.filter((entry) => entry.kind === 'teams-user' && wanted.has(entry.id)).map((entry) => [entry.id, entry]));
      }
      return linked.get(id);
    },
    indexFor(locale) {
      const key = locale ?? '';
      let index = indexes.get(key);
      if (!index) {
        index = new SearchIndex(offered, collator(locale));
        indexes.set(key, index);
      }
      return index;
    },
  };
}

interface InFlight {
  promise: Promise<LoadedDirectory>;
  controller: AbortController;
  waiters: number;
  /** The waiters' progress listeners, and the latest report (given at once to a waiter that joins later). */
  listeners: Set<(progress: ListProgress) => void>;
  progress?: ListProgress;
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
  /**
   * How far the load this call waits for has got, when its adapter reports it: every caller sharing a load gets its
   * reports (one that joins later gets the latest at once), until the load settles or the caller's signal aborts.
   */
  readonly onProgress?: (progress: ListProgress) => void;
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

  get(adapter: DirectoryAdapter, { signal, maxAge = DEFAULT_MAX_AGE_MS, force = false, onProgress }: CacheGetOptions): Promise<LoadedDirectory> {
    const fresh = force ? undefined : this.peek(adapter, maxAge);
    if (fresh) return Promise.resolve(fresh);
    let slot = this.slots.get(adapter);
    if (!slot) {
      slot = {};
      this.slots.set(adapter, slot);
    }
    if (!slot.inFlight || slot.inFlight.controller.signal.aborted) slot.inFlight = this.startLoad(adapter, slot);
    return this.wait(slot.inFlight, signal, onProgress);
  }

  private startLoad(adapter: DirectoryAdapter, slot: CacheSlot): InFlight {
    const controller = new AbortController();
    const inFlight: InFlight = {
      controller,
      waiters: 0,
      listeners: new Set(),
      // Reports come once listing has begun (after this object exists).
      promise: loadDirectory(adapter, controller.signal, this.now, (progress) => {
        inFlight.progress = progress;
        for (const listener of [...inFlight.listeners]) notify(listener, progress);
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
  private async wait(inFlight: InFlight, signal: AbortSignal, onProgress?: (progress: ListProgress) => void): Promise<LoadedDirectory> {
    signal.throwIfAborted();
    inFlight.waiters++;
    if (onProgress) {
      inFlight.listeners.add(onProgress);
      if (inFlight.progress) notify(onProgress, inFlight.progress);
    }
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        if (onProgress) inFlight.listeners.delete(onProgress);
        if (--inFlight.waiters === 0) inFlight.controller.abort(signal.reason);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([inFlight.promise, aborted]);
    } finally {
      if (onProgress) inFlight.listeners.delete(onProgress);
      if (!signal.aborted) {
        signal.removeEventListener('abort', onAbort);
        inFlight.waiters--;
      }
    }
  }
}

/** Gives a listener a report; one that throws is reported as uncaught, without failing the load or other listeners. */
function notify(listener: (progress: ListProgress) => void, progress: ListProgress): void {
  try {
    listener(progress);
  } catch (error) {
    reportError(error);
  }
}

/** The cache every book shares unless given its own. */
export const sharedDirectoryCache = new DirectoryCache();
