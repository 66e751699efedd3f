/**
 * Shapes shared by the simulated Microsoft 365 tenant, its HTTP handler and its control API. Plain types with no
 * runtime code, so browser tests may `import type` them.
 */
import type { GraphUser } from '../../src/graph/graph-wire.js';
import type { TeamsAvailability } from '../../src/presence/index.js';

/**
 * A Microsoft Graph `user` as the simulator stores it: the shape the adapter reads ({@link GraphUser}) plus the other
 * properties the simulator serves (`$select` picks from all of these).
 */
export interface SimGraphUser extends GraphUser {
  readonly givenName: string | null;
  readonly surname: string | null;
  /** Every simulated user has a mail address (Graph allows none). */
  readonly mail: string;
  readonly officeLocation: string | null;
  readonly preferredLanguage: string | null;
  readonly accountEnabled: boolean;
}

/** What a tenant entry is; Graph itself tells auto attendants and call queues apart by nothing (see README). */
export type SimUserKind = 'person' | 'autoAttendant' | 'callQueue';

/** A tenant entry: the Graph user plus what only the simulator knows. */
export interface SimUserRecord {
  /** 0-based position: people first (`0…users-1`), then resource accounts. */
  readonly index: number;
  readonly kind: SimUserKind;
  readonly user: SimGraphUser;
  /** The Teams Phone number assigned to the account, E.164 (`+14255550123`), or null. */
  readonly teamsNumber: string | null;
}

/** Microsoft Graph's `availability` values: the library's own list (one vocabulary, `src/presence/presence.ts`). */
export type GraphAvailability = TeamsAvailability;

/** A Microsoft Graph `presence`. */
export interface SimPresence {
  readonly id: string;
  readonly availability: GraphAvailability;
  readonly activity: string;
  readonly sequenceNumber: string;
  readonly statusMessage: null;
  readonly outOfOfficeSettings: { readonly isOutOfOffice: boolean };
}

/** How `createTenant` is parameterised. */
export interface TenantOptions {
  /** Number of people (resource accounts come on top). */
  readonly users: number;
  readonly seed: number;
  /** Resource accounts (auto attendants and call queues, alternating). Default 10. */
  readonly resourceAccounts?: number;
  /** Presences change at every multiple of this period. Default 60,000 ms. */
  readonly presencePeriodMs?: number;
}

/** Which endpoint a request went to (fault rules match on it; log entries carry it). */
export type SimEndpoint = 'users' | 'delta' | 'presence' | 'numberAssignments' | 'userConfigurations';

/**
 * What a fault answers instead of Graph's own answer, with status 200 (see README "Fault rules"):
 * - `'html'`: an HTML page (`text/html`), as a captive portal or a proxy's login page would send;
 * - `'not-a-page'`: JSON that is not a Graph page (`{ "status": "ok" }`, no `value` array);
 * - `'endless-pages'`: for a `/users` or `numberAssignments` listing, its pages as usual but every one with a new
 *   `@odata.nextLink`: past the tenant's end the pages hold generated people (ids never repeat) or pool numbers.
 *   Other requests of the endpoint pass untouched and are not counted.
 */
export type FaultAnswer = 'html' | 'not-a-page' | 'endless-pages';

/**
 * A fault rule. Rules form a queue: a Graph request is owned by the FIRST rule whose `match` is its endpoint or
 * `'*'`. The owning rule first lets `skip` requests through (counting down), then answers `times` requests with
 * `status` or `answer` (counting down); a rule at zero leaves the queue. A rule has a `status` or an `answer`.
 */
export interface FaultRule {
  readonly match: SimEndpoint | '*';
  /** An error answered in Graph's shape. */
  readonly status?: 429 | 503 | 504 | 500 | 401 | 403;
  /** A 200 that is not what Graph would send (instead of `status`). */
  readonly answer?: FaultAnswer;
  /**
   * With `answer: 'endless-pages'` on `/users`: the `@odata.count` every page claims when asked for one. Left out:
   * the pages carry no `@odata.count` at all.
   */
  readonly count?: number;
  /** How many requests get the fault. Default 1. */
  readonly times?: number;
  /** Matching requests let through before the fault starts. Default 0. */
  readonly skip?: number;
  /** Sent as the `Retry-After` header verbatim: seconds (`'2'`, `'2.128'`) or an HTTP date. */
  readonly retryAfter?: string;
  /** Overrides the Graph error code / message of the body. */
  readonly code?: string;
  readonly message?: string;
}

/** Admin APIs the tenant has consented to (otherwise they answer 403). */
export interface SimGrants {
  readonly numberAssignments?: boolean;
  readonly userConfigurations?: boolean;
}

/** One Graph request as the simulator saw it. Never holds the token. */
export interface SimLogEntry {
  /** `Date.now()` when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** The full path without the query, e.g. `/graph/v1.0/users`. */
  readonly path: string;
  readonly endpoint: SimEndpoint | 'other';
  readonly query: Readonly<Record<string, string>>;
  /** A `Bearer` authorization header was present (its value is never recorded). */
  readonly auth: boolean;
  /** The number of ids of a presence request. */
  readonly ids?: number;
  /** The final status; 499 when the client went away before the answer. */
  readonly status: number;
  /** True when a fault rule produced the status. */
  readonly fault?: boolean;
  /** True when the client aborted the request before it was answered. */
  readonly aborted?: boolean;
}

/** The body of `POST /__sim/reset`; absent fields take the values the handler was created with. */
export interface SimResetBody {
  readonly users?: number;
  readonly seed?: number;
  readonly resourceAccounts?: number;
  readonly presencePeriodMs?: number;
  readonly latencyMs?: number;
  readonly requireAuth?: boolean;
  /** Accepted bearer tokens; `null` = any non-empty token but `'expired'`. */
  readonly tokens?: readonly string[] | null;
  readonly grants?: SimGrants;
  readonly faults?: readonly FaultRule[];
}

/** Names an existing user for a mutation: by `id` or by `index`. */
export interface SimTarget {
  readonly id?: string;
  readonly index?: number;
}

/**
 * The body of `POST /__sim/mutate`. `remove` deletes permanently (delta: `@removed: { reason: 'deleted' }`);
 * `softDelete` moves the user to deleted items, from which `restore` brings it back (delta: `reason: 'changed'`).
 * `add` creates a person; `createResourceAccount` an auto attendant or a call queue.
 */
export type SimMutation =
  | (SimTarget & { readonly op: 'rename'; readonly displayName: string })
  | (SimTarget & { readonly op: 'update'; readonly changes: SimUserChanges })
  | (SimTarget & { readonly op: 'remove' | 'softDelete' | 'restore' })
  | { readonly op: 'add'; readonly user: SimNewPerson }
  | { readonly op: 'createResourceAccount'; readonly kind: 'autoAttendant' | 'callQueue'; readonly displayName: string;
      readonly phoneNumber?: string };

/** A person added through the control API; left-out fields are derived (names, UPN) or empty. */
export interface SimNewPerson extends SimUserChanges {
  readonly displayName: string;
  readonly givenName?: string | null;
  readonly surname?: string | null;
}

/** Why a user left the tenant, as delta's `@removed.reason` says it. */
export type SimRemovalReason = 'deleted' | 'changed';

/** How old delta tokens are refused after `POST /__sim/delta/expire`. */
export type SimDeltaExpiry = 'expired' | 'resync';

export interface SimUserChanges {
  readonly displayName?: string;
  readonly businessPhones?: readonly string[];
  readonly mobilePhone?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
}

/** Exact counts over the tenant's current state (removed users excluded). */
export interface TenantCounts {
  /** People (not resource accounts). */
  readonly people: number;
  readonly resourceAccounts: number;
  readonly autoAttendants: number;
  readonly callQueues: number;
  /** People whose `businessPhones` is non-empty. */
  readonly peopleWithBusinessPhone: number;
  /** People with a `mobilePhone`. */
  readonly peopleWithMobilePhone: number;
  /** People with a business phone or a mobile phone. */
  readonly peopleWithAnyNumber: number;
  /** People with neither. */
  readonly peopleWithoutNumber: number;
  /** People with a Teams Phone number assignment (every business phone, plus the Teams-only ones). */
  readonly peopleWithTeamsNumber: number;
  /** People with a Teams Phone number but an empty `businessPhones` (only the admin APIs reveal their number). */
  readonly peopleWithTeamsNumberOnly: number;
}

/** A request as the handler takes it, independent of any server framework. */
export interface SimRequest {
  readonly method: string;
  /** Path and query, e.g. `/graph/v1.0/users?$top=5`. */
  readonly url: string;
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
  /** Aborted when the client goes away (the handler then answers nothing and logs 499). */
  readonly signal?: AbortSignal;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
