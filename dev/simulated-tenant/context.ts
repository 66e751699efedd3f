/** What an endpoint implementation receives and returns (the handler does auth, faults, latency and logging). */
import type { Tenant } from './tenant.js';
import type { SimGrants } from './types.js';

export interface RouteContext {
  readonly tenant: Tenant;
  readonly method: string;
  /** The path below the base path, e.g. `/users/delta`. */
  readonly route: string;
  readonly query: Readonly<Record<string, string>>;
  /** A request header by lower-case name. */
  readonly header: (name: string) => string | undefined;
  readonly body: string | undefined;
  /** `<protocol>://<host>` of the request, for absolute links. */
  readonly origin: string;
  readonly basePath: string;
  readonly now: number;
  readonly grants: Required<SimGrants>;
  readonly foldDiacritics: boolean;
  /** The entry `/me` answers with. */
  readonly meIndex: number;
  /**
   * An `endless-pages` fault owns this listing: every page links to a next one; `count` is the `@odata.count` the
   * pages claim (none when absent).
   */
  readonly endless?: { readonly count?: number };
}

export interface RouteResult {
  readonly status?: number;
  readonly body: unknown;
}

/** `<origin><basePath>` — the root every absolute link starts with. */
export const serviceRoot = (context: RouteContext): string => `${context.origin}${context.basePath}`;
