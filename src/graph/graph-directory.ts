/**
 * `createGraphDirectory`: the address book's Teams side from Microsoft Graph — Teams users with a number, auto
 * attendants and call queues (resource accounts), presences — as a {@link DirectoryAdapter}.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { DirectoryAdapter, DirectoryListing, ListProgress, PresenceRecord, SignedInAgent, SourceFailure } from '../directory/adapter.js';
import type { DirectoryEntry } from '../directory/entry.js';
import type { PhoneNumber } from '../directory/phone-number.js';
import { createGraphApi, GRAPH_BASE_URL, type GraphApi } from './graph-client.js';
import { fetchNumberAssignments } from './graph-numbers.js';
import { fetchPresences } from './graph-presence.js';
import { DEFAULT_READ_LIMIT, GraphPagingError, isGraphPage, NotAGraphAnswerError, pages } from './graph-pages.js';
import { isResourceAccount, PAGE_SIZE, profileNumbers, searchClause, toEntry, type ResourceAccountRule } from './graph-users.js';
import { RESOURCE_ACCOUNT_DEPARTMENT, USER_SELECT, type GraphPage, type ReceivedGraphUser } from './graph-wire.js';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry-policy.js';
import { msalTokenProvider, type GetAccessToken, type TokenProvider } from './token-provider.js';

/** Delegated permissions the adapter needs: phone numbers need `User.Read.All` (`User.ReadBasic.All` hides them). */
export const GRAPH_SCOPES = ['User.Read.All', 'Presence.Read.All'] as const;

/** Something worth knowing that is not an error (e.g. optional enrichment not granted). */
export interface GraphDiagnostic {
  readonly code: 'number-assignments-forbidden' | 'number-assignments-failed' | 'server-search';
  readonly message: string;
}

export interface GraphDirectoryOptions {
  /** An MSAL public client application (initialised for you), or… */
  readonly msal?: IPublicClientApplication;
  /** …any function that gives an access token for scopes. */
  readonly getAccessToken?: GetAccessToken;
  /** Scopes to ask for (default `User.Read.All`, `Presence.Read.All`; add `TeamsTelephoneNumber.Read.All` for enrichment). */
  readonly scopes?: readonly string[];
  /** Graph's root (default `https://graph.microsoft.com`); tokens are sent only to this host, over https. */
  readonly baseUrl?: string;
  readonly version?: string;
  /** The Teams user the signed-in agent is linked to; default: the MSAL account, else `GET /me`. */
  readonly linkedTeamsUserId?: string | null;
  /** How auto attendants and call queues are told apart (see DEFAULT_RESOURCE_ACCOUNT_RULE). */
  readonly resourceAccounts?: ResourceAccountRule;
  /** Read Teams Phone number assignments when granted (default true); a 403 keeps the profile numbers. */
  readonly numberAssignments?: boolean;
  /** Above this many users the directory is not downloaded: the book searches the server (default 20,000). */
  readonly localLimit?: number;
  /**
   * The memory guard: the most records one paged read takes (users, resource accounts, number assignments), whatever
   * Graph's pages say (default 500,000, so a 300,000-user tenant is read whole). A read is also held to what its
   * first page counted (`@odata.count` plus a tenth, at least 1,000). Past either it stops, keeps what it read and
   * reports it once. Keep it above `localLimit`.
   */
  readonly readLimit?: number;
  /**
   * How the adapter names itself when it reports its own failure beside what it did list (a read stopped by its
   * bounds): give the id and label you give it in `createCompositeDirectory`. Default
   * `{ id: 'teams', label: 'Microsoft Teams' }`.
   */
  readonly source?: { readonly id: string; readonly label: string };
  /** Presence requests in flight at once (default 3). */
  readonly presenceConcurrency?: number;
  /** Most users a server search returns (default 50). */
  readonly searchLimit?: number;
  readonly retry?: Partial<RetryOptions>;
  /** Called once per diagnostic (default: nothing). */
  readonly onDiagnostic?: (diagnostic: GraphDiagnostic) => void;
}

const EVENTUAL = { ConsistencyLevel: 'eventual' };

/** What a paged read of users gave: the users, and why it stopped early when its bounds stopped it. */
interface UsersRead {
  readonly users: ReceivedGraphUser[];
  readonly stopped?: GraphPagingError;
}

/**
 * Reports a paged read after each page: the users read so far and, once a page has said it, `@odata.count` (the
 * users the whole walk will read, with or without a number).
 */
function pageProgress(onProgress: ((progress: ListProgress) => void) | undefined): (loaded: number, page: GraphPage<unknown>) => void {
  let total: number | undefined;
  return (loaded, page) => {
    if (!onProgress) return;
    const count = page['@odata.count'];
    if (typeof count === 'number') total ??= count;
    onProgress(total === undefined ? { loaded } : { loaded, total });
  };
}

export function createGraphDirectory(options: GraphDirectoryOptions): DirectoryAdapter {
  const tokens: TokenProvider | undefined = options.msal ? msalTokenProvider(options.msal) : undefined;
  const getAccessToken = options.getAccessToken ?? tokens?.getAccessToken;
  if (!getAccessToken) throw new TypeError('createGraphDirectory needs `msal` or `getAccessToken`.');
  const scopes = options.scopes ?? GRAPH_SCOPES;
  const api = createGraphApi({
    getAccessToken,
    scopes,
    baseUrl: options.baseUrl ?? GRAPH_BASE_URL,
    version: options.version ?? 'v1.0',
    retry: { ...DEFAULT_RETRY_OPTIONS, ...options.retry },
    ...(tokens?.signInRequired ? { signInRequired: (cause: unknown) => tokens.signInRequired?.(scopes, cause) } : {}),
  });
  const localLimit = options.localLimit ?? 20_000;
  const readLimit = options.readLimit ?? DEFAULT_READ_LIMIT;
  const source = options.source ?? { id: 'teams', label: 'Microsoft Teams' };
  const reported = new Set<GraphDiagnostic['code']>();
  const diagnose = (diagnostic: GraphDiagnostic) => {
    if (reported.has(diagnostic.code)) return;
    reported.add(diagnostic.code);
    options.onDiagnostic?.(diagnostic);
  };

  const toEntries = (users: readonly ReceivedGraphUser[], assigned: ReadonlyMap<string, PhoneNumber[]> | undefined): DirectoryEntry[] =>
    users.flatMap((user) => {
      if (typeof user?.id !== 'string') return [];
      // Assigned Teams Phone numbers are the DDIs; the profile's mobile still counts.
      const profile = profileNumbers(user);
      const numbers = assigned?.has(user.id) ? [...assigned.get(user.id)!, ...profile.filter((number) => number.type === 'mobile')] : profile;
      return numbers.length > 0 ? [toEntry(user, numbers, options.resourceAccounts)] : [];
    });

  /** Optional enrichment: whatever goes wrong, the profile numbers are used and the listing goes on. */
  async function assignments(signal: AbortSignal): Promise<ReadonlyMap<string, PhoneNumber[]> | undefined> {
    if (options.numberAssignments === false) return undefined;
    try {
      const assigned = await fetchNumberAssignments(api, signal, readLimit);
      if (!assigned) diagnose({ code: 'number-assignments-forbidden', message: 'Teams Phone number assignments are not granted; profile numbers are used.' });
      return assigned;
    } catch (error) {
      if (signal.aborted) throw error;
      diagnose({ code: 'number-assignments-failed', message: 'Teams Phone number assignments could not be read; profile numbers are used.' });
      return undefined;
    }
  }

  /**
   * Reads every page of a `/users` path, handing each to `onPage` until it says `'stop'`. A read its bounds stopped
   * keeps what it read: the stop is returned, to be reported beside it (docs/rules.md#graph-paging-bounded).
   */
  async function readUsers(path: string, signal: AbortSignal, onPage: (page: GraphPage<ReceivedGraphUser>, users: readonly ReceivedGraphUser[]) => 'stop' | void): Promise<GraphPagingError | undefined> {
    try {
      for await (const page of pages<ReceivedGraphUser>(api, path, { signal, headers: EVENTUAL, readLimit })) {
        if (onPage(page, page.value) === 'stop') return undefined;
      }
    } catch (error) {
      if (error instanceof GraphPagingError) return error;
      throw error;
    }
    return undefined;
  }

  /**
   * All users, or none when the first page says the tenant is above the local limit. `onSmall` runs once that is
   * known. Progress is reported after each page: the users read so far, of `@odata.count`.
   */
  async function listUsers(signal: AbortSignal, onSmall: () => void, onProgress?: (progress: ListProgress) => void): Promise<UsersRead & { large: boolean }> {
    const users: ReceivedGraphUser[] = [];
    let first = true;
    let large = false;
    // The first page also says how many users there are, so a huge tenant is never downloaded.
    const path = `/users?$select=${USER_SELECT}&$top=${PAGE_SIZE}&$count=true`;
    const progress = pageProgress(onProgress);
    const stopped = await readUsers(path, signal, (page, read) => {
      if (first) {
        first = false;
        const count = page['@odata.count'];
        if (typeof count === 'number' && count > localLimit) {
          large = true;
          return 'stop';
        }
        onSmall();
      }
      users.push(...read);
      progress(users.length, page);
    });
    return { users, large, ...(stopped ? { stopped } : {}) };
  }

  async function listResourceAccounts(signal: AbortSignal, onProgress?: (progress: ListProgress) => void): Promise<UsersRead> {
    const users: ReceivedGraphUser[] = [];
    const filter = encodeURIComponent(`department eq '${RESOURCE_ACCOUNT_DEPARTMENT}'`);
    const progress = pageProgress(onProgress);
    const stopped = await readUsers(`/users?$select=${USER_SELECT}&$top=${PAGE_SIZE}&$count=true&$filter=${filter}`, signal, (page, read) => {
      users.push(...read);
      progress(users.length, page);
    });
    return { users, ...(stopped ? { stopped } : {}) };
  }

  /** A listing of what was read, with the read's stop as this source's failure when it stopped. */
  const listing = (entries: DirectoryEntry[], stopped: GraphPagingError | undefined, serverSearch = false): DirectoryListing => {
    const failures: SourceFailure[] = stopped ? [{ source: source.id, label: source.label, error: stopped }] : [];
    return { entries, ...(failures.length > 0 ? { failures } : {}), ...(serverSearch ? { serverSearch } : {}) };
  };

  let assignedCache: ReadonlyMap<string, PhoneNumber[]> | undefined;

  return {
    async listEntries({ signal, onProgress }): Promise<DirectoryListing> {
      // Number assignments are read alongside the remaining user pages, once the tenant is known to be small enough.
      let assigned: Promise<ReadonlyMap<string, PhoneNumber[]> | undefined> = Promise.resolve(undefined);
      const listed = await listUsers(
        signal,
        () => {
          assigned = assignments(signal);
          // Settled here too, so a users failure never leaves it unhandled.
          assigned.catch(() => undefined);
        },
        onProgress,
      );
      if (listed.large) {
        assignedCache = undefined;
        diagnose({ code: 'server-search', message: `More than ${localLimit} users: Teams users are searched on the server.` });
        const accounts = await listResourceAccounts(signal, onProgress);
        return listing(toEntries(accounts.users, undefined), accounts.stopped, true);
      }
      assignedCache = await assigned;
      return listing(toEntries(listed.users, assignedCache), listed.stopped);
    },

    async searchEntries(query, { signal }): Promise<readonly DirectoryEntry[]> {
      // What remains once quotes and backslashes are stripped is what the server would search for.
      if (query.replace(/["\\]/g, '').trim().length < 2) return [];
      const path = `/users?$search=${encodeURIComponent(searchClause(query))}&$select=${USER_SELECT}&$top=${options.searchLimit ?? 50}`;
      const page = await api.get<unknown>(path, { signal, headers: EVENTUAL });
      // An answer that is not a page is a failed search, not "no one found" (docs/rules.md#graph-answers-checked).
      if (!isGraphPage(page)) throw new NotAGraphAnswerError('Microsoft Graph answered a search with something that is not a page of users.');
      const users = (page.value as readonly (ReceivedGraphUser | null)[]).filter((user): user is ReceivedGraphUser => typeof user === 'object' && user !== null);
      return toEntries(users.filter((user) => !isResourceAccount(user)), assignedCache);
    },

    getPresences(ids, { signal }): Promise<readonly PresenceRecord[]> {
      return fetchPresences(api, ids, { signal, concurrency: options.presenceConcurrency ?? 3 });
    },

    async getSignedInAgent({ signal }): Promise<SignedInAgent> {
      if (options.linkedTeamsUserId !== undefined) return { linkedTeamsUserId: options.linkedTeamsUserId };
      // Asking for a token first surfaces "sign in" before anything else.
      await getAccessToken(scopes);
      const known = tokens?.signedInUserId?.();
      if (known) return { linkedTeamsUserId: known };
      const me = await api.get<unknown>('/me?$select=id', { signal });
      const id = (me as { id?: unknown } | null)?.id;
      // Graph's user always has an id: anything else is a failed check, never "not linked".
      if (typeof id !== 'string' || id === '') throw new NotAGraphAnswerError('Microsoft Graph answered /me with something that is not a user.');
      return { linkedTeamsUserId: id };
    },
  };
}

export type { GraphApi };
