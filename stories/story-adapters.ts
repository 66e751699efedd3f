/**
 * Directory adapters for the stories: the demo tenant (shared, created once), and hand-made adapters for the edge
 * cases (never answers, empty, one failing source, malformed data). Everything is in memory: no network.
 */
import {
  createCompositeDirectory,
  createMemoryDirectory,
  type DirectoryAdapter,
  type DirectoryEntry,
  type DirectoryListing,
  type PresenceRecord,
  type SignedInAgent,
} from '../src/index.js';
import {
  createDemoDirectoryAdapter,
  createDemoTeamsAdapter,
  createDemoTenant,
  createDemoVccAdapter,
  type DemoTenant,
} from '../src/demo-directory/index.js';

/** The latency the "latency" control simulates, in milliseconds. */
export const STORY_LATENCY_MS = 150;
/** Demo presences change this often, so closing and reopening the book soon shows new ones. */
export const STORY_PRESENCE_PERIOD_MS = 15_000;
/** Teams users in the "Large tenant" story. */
export const LARGE_TENANT_USERS = 2_000;

export interface AdapterArgs {
  /** Whether the signed-in agent is linked to a Teams user. */
  readonly linked: boolean;
  /** Whether each answer waits {@link STORY_LATENCY_MS}. */
  readonly latency: boolean;
}

const tenants = new Map<number, DemoTenant>();

/** The demo tenant with `teamsUsers` Teams users; created once per size (a 2,000-user tenant takes a moment). */
export function storyTenant(teamsUsers = 300): DemoTenant {
  let tenant = tenants.get(teamsUsers);
  if (!tenant) {
    tenant = createDemoTenant({ teamsUsers, presencePeriodMs: STORY_PRESENCE_PERIOD_MS });
    tenants.set(teamsUsers, tenant);
  }
  return tenant;
}

const latencyOf = (args: AdapterArgs): number => (args.latency ? STORY_LATENCY_MS : 0);

/** The whole demo tenant through one adapter. */
export function demoAdapter(args: AdapterArgs, teamsUsers?: number): DirectoryAdapter {
  return createDemoDirectoryAdapter({ tenant: storyTenant(teamsUsers), latencyMs: latencyOf(args), linked: args.linked });
}

/** The demo tenant as a real host wires it: Microsoft Teams and the contact centre merged by a composite adapter. */
export function compositeDemoAdapter(args: AdapterArgs): DirectoryAdapter {
  const tenant = storyTenant();
  const options = { tenant, latencyMs: latencyOf(args), linked: args.linked };
  return createCompositeDirectory([
    { id: 'teams', label: 'Microsoft Teams', adapter: createDemoTeamsAdapter(options) },
    { id: 'vcc', label: 'Contact centre', adapter: createDemoVccAdapter(options) },
  ]);
}

/**
 * The Teams source fails; the contact centre's entries stay usable. With `recoverOnRetry` the book's Retry
 * succeeds (the outage was brief); without it, the source keeps failing.
 */
export function failingSourceAdapter(args: AdapterArgs & { readonly recoverOnRetry: boolean }): DirectoryAdapter {
  const tenant = storyTenant();
  const options = { tenant, latencyMs: latencyOf(args), linked: args.linked };
  const teams = createDemoTeamsAdapter({ ...options, failListing: true });
  const flakyTeams: DirectoryAdapter = {
    listEntries: (listOptions) =>
      teams.listEntries(listOptions).finally(() => {
        if (args.recoverOnRetry) teams.failListing = false;
      }),
    getPresences: (ids, presenceOptions) => teams.getPresences(ids, presenceOptions),
    getSignedInAgent: (agentOptions) => teams.getSignedInAgent(agentOptions),
  };
  return createCompositeDirectory([
    { id: 'teams', label: 'Microsoft Teams', adapter: flakyTeams },
    { id: 'vcc', label: 'Contact centre', adapter: createDemoVccAdapter(options) },
  ]);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Delays every answer of an adapter by `ms` (abortable). */
export function withLatency(adapter: DirectoryAdapter, ms: number): DirectoryAdapter {
  if (ms <= 0) return adapter;
  const { getPresences } = adapter;
  return {
    listEntries: async (options) => {
      await delay(ms, options.signal);
      return adapter.listEntries(options);
    },
    ...(getPresences && {
      getPresences: async (ids: readonly string[], options: { readonly signal: AbortSignal }) => {
        await delay(ms, options.signal);
        return getPresences.call(adapter, ids, options);
      },
    }),
    getSignedInAgent: async (options) => {
      await delay(ms, options.signal);
      return adapter.getSignedInAgent(options);
    },
  };
}

/** Never answers (a stalled network): the book shows its loading state for as long as it is open. */
export function neverAnsweringAdapter(): DirectoryAdapter {
  const stalled = <T>(signal: AbortSignal): Promise<T> =>
    new Promise<T>((_resolve, reject) => {
      // Settles only when the book gives up (closes, or is removed), so nothing is left pending behind it.
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  return {
    listEntries: ({ signal }): Promise<DirectoryListing> => stalled(signal),
    getPresences: (_ids, { signal }): Promise<readonly PresenceRecord[]> => stalled(signal),
    getSignedInAgent: ({ signal }): Promise<SignedInAgent> => stalled(signal),
  };
}

const LINKED_AGENT: SignedInAgent = { agentId: 'story-agent', linkedTeamsUserId: 'story-me' };
const NOT_LINKED_AGENT: SignedInAgent = { agentId: 'story-agent', linkedTeamsUserId: null };

/** A directory with no entries at all. */
export function emptyAdapter(args: AdapterArgs): DirectoryAdapter {
  return withLatency(createMemoryDirectory({ entries: [], agent: args.linked ? LINKED_AGENT : NOT_LINKED_AGENT }), latencyOf(args));
}

/** A hostile name: it must show as text, never as markup. */
export const MARKUP_NAME = '<img src=x onerror=alert(1)>';

/**
 * What a careless host may return: empty and blank names, a repeated id, numbers that are not phone numbers, an
 * unknown kind, a non-object, markup in a name, an unknown agent state and presences Graph may send in future.
 */
const MALFORMED_ENTRIES: readonly unknown[] = [
  { kind: 'teams-user', id: 'bad-empty-name', displayName: '', numbers: [{ value: '+44 20 7946 0101', type: 'ddi' }] },
  { kind: 'teams-user', id: 'bad-empty-name', displayName: 'Repeated id (dropped)', numbers: ['+44 20 7946 0102'] },
  { kind: 'teams-user', id: 'bad-markup', displayName: MARKUP_NAME, numbers: ['+44 20 7946 0103'], jobTitle: '<b>not bold</b>' },
  { kind: 'teams-user', id: 'bad-letters', displayName: 'Letters for a number (hidden: no number)', numbers: ['call me maybe'] },
  { kind: 'external-contact', id: 'bad-numbers', displayName: 'Not phone numbers', numbers: ['n/a', '12', 'ext. ☎', 42, null], organization: 'Odd Data Ltd' },
  { kind: 'external-contact', id: 'bad-some-numbers', displayName: 'One good number of three', numbers: ['tbc', '+1 202 555 0143', '0'] },
  { kind: 'vcc-agent', id: 42, displayName: '   ', vccState: 'dancing' },
  { kind: 'vcc-agent', id: 'bad-long', displayName: `A very long name ${'that goes on '.repeat(8)}and on`, vccState: 'away', vccStateName: 'Lunch' },
  { kind: 'teams-user', id: 'bad-future', displayName: 'Focusing (a presence value from the future)', numbers: ['+44 20 7946 0104'] },
  { kind: 'teams-user', id: 'bad-rtl', displayName: 'مريم الحسيني', numbers: ['+971 4 555 0100'], department: 'Dubai office' },
  { kind: 'mystery-kind', id: 'bad-kind', displayName: 'Unknown kind (dropped)' },
  { kind: 'call-queue', displayName: 'No id (dropped)', numbers: ['+44 20 7946 0105'] },
  null,
  'not an entry',
];

const MALFORMED_PRESENCES: ReadonlyMap<string, PresenceRecord> = new Map<string, PresenceRecord>([
  ['bad-empty-name', { id: 'bad-empty-name', availability: 'available', activity: 'available' }],
  ['bad-markup', { id: 'bad-markup', availability: 'BUSY', activity: 'inacall' }],
  ['bad-future', { id: 'bad-future', availability: 'Focusing', activity: 'Focusing' }],
  ['bad-rtl', { id: 'bad-rtl', availability: null, activity: null }],
]);

export function malformedAdapter(args: AdapterArgs): DirectoryAdapter {
  return withLatency(
    createMemoryDirectory({
      // Deliberately untyped data: the book must sanitise it.
      entries: MALFORMED_ENTRIES as readonly DirectoryEntry[],
      presences: MALFORMED_PRESENCES,
      agent: args.linked ? LINKED_AGENT : NOT_LINKED_AGENT,
    }),
    latencyOf(args),
  );
}
