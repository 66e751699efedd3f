/**
 * Directory adapters over the demo tenant: one for everything, and a Teams one and a VCC one that a composite
 * adapter can merge, as a real host merges Microsoft Graph and ContactPad. They behave like remote sources: an
 * optional latency, abortable at any moment, and a switch that makes listing fail.
 */
import type {
  DirectoryAdapter,
  DirectoryListing,
  GetPresencesOptions,
  ListEntriesOptions,
  PresenceRecord,
  SignedInAgent,
  SignedInAgentOptions,
} from '../directory/adapter.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { toTeamsEntries, toVccEntries } from './demo-entries.js';
import { presenceAt } from './demo-presence.js';
import { createDemoTenant } from './demo-tenant.js';
import type { DemoTenant } from './demo-types.js';

export interface DemoAdapterOptions {
  /** The tenant to serve; a default {@link createDemoTenant} one otherwise. */
  readonly tenant?: DemoTenant;
  /** The clock presences are read at (epoch ms); `Date.now` by default. Tests pass a fixed one. */
  readonly now?: () => number;
  /** Delay before every answer, in ms (default 0). The demo page uses ~150 so loading states show. */
  readonly latencyMs?: number;
  /** Whether the signed-in agent is linked to a Teams user (default true). */
  readonly linked?: boolean;
  /** Makes `listEntries` reject, to show the error and retry path (default false). */
  readonly failListing?: boolean;
}

/** How often each method was called (aborted calls included), for demos and tests. */
export interface DemoAdapterCalls {
  listEntries: number;
  getPresences: number;
  getSignedInAgent: number;
}

/** What every demo adapter exposes besides the contract. The switches are live: a demo control may flip them. */
export interface DemoAdapterControls {
  readonly tenant: DemoTenant;
  readonly calls: DemoAdapterCalls;
  latencyMs: number;
  linked: boolean;
  failListing: boolean;
}

/** Serves presences, so `getPresences` is always there; `setPresence` pins one user (see DemoTenant.setPresence). */
export interface DemoTeamsAdapter extends DirectoryAdapter, DemoAdapterControls {
  getPresences(teamsUserIds: readonly string[], options: GetPresencesOptions): Promise<readonly PresenceRecord[]>;
  setPresence(teamsUserId: string, record: PresenceRecord | undefined): void;
}

/** The contact-centre side: agents, groups, interaction plans, external contacts. No presences. */
export type DemoVccAdapter = DirectoryAdapter & DemoAdapterControls;

/** Both sides in one adapter. */
export type DemoDirectoryAdapter = DemoTeamsAdapter;

/** Thrown by `listEntries` while `failListing` is set. */
export class DemoListingError extends Error {
  constructor(readonly source: 'teams' | 'vcc' | 'all') {
    super(`The demo ${source === 'all' ? 'directory' : source} source was set to fail listing.`);
    this.name = 'DemoListingError';
  }
}

/**
 * Waits `ms`, ending early when `signal` aborts; it never rejects, the caller checks `signal` afterwards. The timer
 * and the listener are removed either way, so an aborted request leaves nothing behind.
 */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

interface Parts {
  readonly teams: boolean;
  readonly vcc: boolean;
  readonly source: 'teams' | 'vcc' | 'all';
}

/** Latency, then the abort check: rejects with `signal.reason` (an AbortError DOMException unless one was given). */
async function answer(adapter: DemoAdapterControls, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  await pause(adapter.latencyMs, signal);
  signal.throwIfAborted();
}

/** Listing and the signed-in agent; the switches are read on every call, so flipping them takes effect at once. */
function createBaseAdapter(parts: Parts, options: DemoAdapterOptions): DemoVccAdapter {
  const tenant = options.tenant ?? createDemoTenant();
  const adapter: DemoVccAdapter = {
    tenant,
    calls: { listEntries: 0, getPresences: 0, getSignedInAgent: 0 },
    latencyMs: Math.max(0, options.latencyMs ?? 0),
    linked: options.linked ?? true,
    failListing: options.failListing ?? false,

    async listEntries({ signal }: ListEntriesOptions): Promise<DirectoryListing> {
      adapter.calls.listEntries++;
      await answer(adapter, signal);
      if (adapter.failListing) throw new DemoListingError(parts.source);
      const entries: DirectoryEntry[] = [
        ...(parts.teams ? toTeamsEntries(tenant) : []),
        ...(parts.vcc ? toVccEntries(tenant) : []),
      ];
      return { entries };
    },

    async getSignedInAgent({ signal }: SignedInAgentOptions): Promise<SignedInAgent> {
      adapter.calls.getSignedInAgent++;
      await answer(adapter, signal);
      return adapter.linked ? tenant.signedInAgent : { ...tenant.signedInAgent, linkedTeamsUserId: null };
    },
  };
  return adapter;
}

/** Adds presences to an adapter, on the same object, so its live switches stay the ones the methods read. */
function withPresences(adapter: DemoVccAdapter, options: DemoAdapterOptions): DemoTeamsAdapter {
  const { tenant } = adapter;
  const now = options.now ?? (() => Date.now());
  const teamsUserIds = new Set(tenant.teamsUsers.map((user) => user.id));
  return Object.assign(adapter, {
    async getPresences(ids: readonly string[], { signal }: GetPresencesOptions): Promise<readonly PresenceRecord[]> {
      adapter.calls.getPresences++;
      await answer(adapter, signal);
      // Read the clock when answering, as a server would. Ids that are not Teams users (auto attendants and call
      // queues included) get no record, and a repeated id is answered once.
      const at = now();
      return [...new Set(ids)].filter((id) => teamsUserIds.has(id)).map((id) => presenceAt(tenant, id, at));
    },

    setPresence(teamsUserId: string, record: PresenceRecord | undefined): void {
      tenant.setPresence(teamsUserId, record);
    },
  });
}

/** One adapter for the whole demo tenant: Teams users, auto attendants, call queues and every VCC entity. */
export function createDemoDirectoryAdapter(options: DemoAdapterOptions = {}): DemoDirectoryAdapter {
  return withPresences(createBaseAdapter({ teams: true, vcc: true, source: 'all' }, options), options);
}

/**
 * The Teams side only (users, auto attendants, call queues, presences), for a composite adapter. It answers
 * `getSignedInAgent` too (the contract requires it), with the same agent as the VCC side.
 */
export function createDemoTeamsAdapter(options: DemoAdapterOptions = {}): DemoTeamsAdapter {
  return withPresences(createBaseAdapter({ teams: true, vcc: false, source: 'teams' }, options), options);
}

/** The VCC side only (agents, groups, interaction plans, external contacts); it has no `getPresences`. */
export function createDemoVccAdapter(options: DemoAdapterOptions = {}): DemoVccAdapter {
  return createBaseAdapter({ teams: false, vcc: true, source: 'vcc' }, options);
}
