/**
 * Microsoft Graph's wire format, as far as this package reads it: the user shape, a page of a collection, and the
 * department that marks resource accounts. Types and constants only, with no import at all: the demo directory
 * (which generates users in this shape) and the simulated tenant (which serves them over HTTP) share these
 * definitions with the adapter without pulling the Graph client into their bundles.
 */

/** The department Entra gives the resource accounts of auto attendants and call queues. */
export const RESOURCE_ACCOUNT_DEPARTMENT = 'Microsoft Communication Application Instance';

/** The properties the adapter asks `/users` for: those of {@link GraphUser}. */
export const USER_SELECT = 'id,displayName,mail,userPrincipalName,businessPhones,mobilePhone,jobTitle,department';

/**
 * A user as Graph documents it for {@link USER_SELECT}: every selected property is present, `businessPhones` is always
 * an array (Graph holds at most one business number), and `displayName` and `userPrincipalName` are required of
 * every Entra user. The others are `null` when unset.
 */
export interface GraphUser {
  /** An Entra object id (GUID). */
  readonly id: string;
  readonly displayName: string;
  readonly mail: string | null;
  readonly userPrincipalName: string;
  readonly businessPhones: readonly string[];
  readonly mobilePhone: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
}

/**
 * A {@link GraphUser} as the adapter reads it: only `id` is relied on. Any other property may be missing or `null`
 * (a `$select` that left it out, a tenant's bad data), and the adapter must still make an entry, or skip one, without
 * throwing.
 */
export type ReceivedGraphUser = Pick<GraphUser, 'id'> & {
  readonly [K in Exclude<keyof GraphUser, 'id'>]?: GraphUser[K] | null;
};

/** One page of a Graph collection. */
export interface GraphPage<T> {
  readonly value?: readonly T[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.count'?: number;
  /** The last page of a delta round: the link that starts the next one. */
  readonly '@odata.deltaLink'?: string;
}
