/**
 * `GET /users`, `GET /users/{id}`, `GET /me` and `GET /users/delta` of the simulated tenant.
 */
import { serviceRoot, type RouteContext, type RouteResult } from './context.js';
import {
  GraphError, badRequest, buildQuery, decodeToken, encodeToken, parseEqFilter, parseSearch, parseSelect, parseTop,
  project, tokenNumber, type Search,
} from './odata.js';
import { RESOURCE_ACCOUNT_DEPARTMENT } from '../../src/graph/graph-wire.js';
import { basePerson, type Tenant } from './tenant.js';
import type { SimUserRecord } from './types.js';

type Predicate = (index: number) => SimUserRecord | undefined;

const USERS_PARAMS = new Set(['$select', '$top', '$filter', '$search', '$count', '$skiptoken']);
const DELTA_PARAMS = new Set(['$select', '$top', '$skiptoken', '$deltatoken']);

function rejectUnknownParams(query: Readonly<Record<string, string>>, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(query)) {
    if (key.startsWith('$') && !allowed.has(key)) {
      throw badRequest('Request_UnsupportedQuery', `The query parameter '${key}' is not supported here by the simulated tenant.`);
    }
  }
}

function needsEventual(context: RouteContext, what: string): void {
  if (context.header('consistencylevel')?.trim().toLowerCase() !== 'eventual') {
    throw badRequest('Request_UnsupportedQuery',
      `Request with ${what} query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'`);
  }
}

function metadata(context: RouteContext, select: readonly string[] | undefined): string {
  return `${serviceRoot(context)}/$metadata#users${select ? `(${select.join(',')})` : ''}`;
}

const NAME_FIELDS: ReadonlySet<string> = new Set(['displayName', 'givenName', 'surname']);

/** The entries a `/users` request keeps: `$filter` (department eq only) and `$search`. */
function usersPredicate(context: RouteContext): Predicate {
  const { tenant, query } = context;
  let department: string | undefined;
  if (query.$filter !== undefined) {
    const filter = parseEqFilter(query.$filter);
    if (filter?.property.toLowerCase() !== 'department') {
      throw badRequest('Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for resource 'User' (the simulated tenant supports department eq '…'): ${query.$filter}`);
    }
    department = filter.value;
  }
  let search: Search | undefined;
  if (query.$search !== undefined) {
    needsEventual(context, '$search');
    search = parseSearch(query.$search, context.foldDiacritics);
  }
  const resourceOnly = department === RESOURCE_ACCOUNT_DEPARTMENT;
  // A name-only search tests the cheap name fields before generating the whole user.
  const byName = search && [...search.fields].every((field) => NAME_FIELDS.has(field)) ? search : undefined;
  return (index) => {
    // People's generated departments are never the resource department: only a mutated person can match.
    if (resourceOnly && index < tenant.people && !tenant.isChanged(index)) return undefined;
    if (byName) {
      const names = tenant.namesOf(index);
      if (!names || !byName.test(names)) return undefined;
    }
    const record = tenant.record(index);
    if (!record || (department !== undefined && record.user.department !== department)) return undefined;
    return !search || byName || search.test(record.user) ? record : undefined;
  };
}

/**
 * Up to `top` matches from `start`, the index of the next match (undefined at the end) and, with `countAll`, the
 * number of matches in the whole tenant (one pass for both).
 */
function scan(tenant: Tenant, start: number, top: number, predicate: Predicate, countAll = false):
  { page: SimUserRecord[]; next?: number; total?: number } {
  const page: SimUserRecord[] = [];
  let next: number | undefined;
  let total = 0;
  for (let index = countAll ? 0 : start; index < tenant.size; index++) {
    const record = predicate(index);
    if (!record) continue;
    total++;
    if (index < start || next !== undefined) continue;
    if (page.length === top) {
      next = index;
      if (!countAll) break;
    } else {
      page.push(record);
    }
  }
  return { page, ...(next !== undefined ? { next } : {}), ...(countAll ? { total } : {}) };
}

function readPageToken(tenant: Tenant, raw: string | undefined, kind: string): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  const token = decodeToken(raw);
  if (token.k !== kind || token.g !== tenant.generation) {
    throw badRequest('Request_BadRequest', 'The specified page token value has expired or is invalid.');
  }
  return token;
}

export function listUsers(context: RouteContext): RouteResult {
  const { tenant, query } = context;
  rejectUnknownParams(query, USERS_PARAMS);
  const select = parseSelect(query.$select);
  const top = parseTop(query.$top, 999, 100);
  const count = query.$count?.toLowerCase() === 'true';
  if (count) needsEventual(context, '$count');
  const predicate = usersPredicate(context);
  const token = readPageToken(tenant, query.$skiptoken, 'users');
  const start = token ? tokenNumber(token, 'i') : 0;
  const { page, next: following, total } = scan(tenant, start, top, predicate, count);
  const users = page.map((record) => record.user);
  let next = following;
  if (context.endless) {
    // The tenant's own pages, then people generated past its end, and always a next page.
    let index = Math.max(start, tenant.size);
    while (users.length < top) users.push(basePerson(tenant.seed, index++));
    next ??= index;
  }
  const body: Record<string, unknown> = { '@odata.context': metadata(context, select) };
  const claimed = context.endless ? context.endless.count : total;
  if (count && claimed !== undefined) body['@odata.count'] = claimed;
  body.value = users.map((user) => project(user, select));
  if (next !== undefined) {
    const link = buildQuery({
      $select: query.$select, $filter: query.$filter, $search: query.$search, $count: query.$count, $top: query.$top,
      $skiptoken: encodeToken({ k: 'users', g: tenant.generation, i: next }),
    });
    body['@odata.nextLink'] = `${serviceRoot(context)}/users${link}`;
  }
  return { body };
}

function notFound(id: string): GraphError {
  return new GraphError(404, 'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** `GET /users/{id}` and `GET /me`. */
export function getUser(context: RouteContext, id: string | undefined): RouteResult {
  const { tenant } = context;
  rejectUnknownParams(context.query, new Set(['$select']));
  const select = parseSelect(context.query.$select);
  const index = id === undefined ? context.meIndex : tenant.indexOfId(id);
  const record = index === undefined ? undefined : tenant.record(index);
  if (!record) throw notFound(id ?? 'me');
  return { body: { '@odata.context': `${metadata(context, select)}/$entity`, ...project(record.user, select) } };
}

/** Page size of a delta page: `Prefer: odata.maxpagesize=N`, else `$top` (a leniency), else 100. */
function deltaPageSize(context: RouteContext): number {
  const prefer = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(context.header('prefer') ?? '');
  return prefer ? Math.min(999, Math.max(1, Number(prefer[1]))) : parseTop(context.query.$top, 999, 100);
}

/**
 * `GET /users/delta`. The first call pages through every current user (`$skiptoken` links) and ends with a
 * `@odata.deltaLink`; calling that link returns the users changed since (full selected objects) and removed ones as
 * `{ id, "@removed": { reason: "deleted" } }`, ending with a new deltaLink. A token of an earlier tenant → 410.
 */
export function usersDelta(context: RouteContext): RouteResult {
  const { tenant, query } = context;
  rejectUnknownParams(query, DELTA_PARAMS);
  const top = deltaPageSize(context);
  const root = `${serviceRoot(context)}/users/delta`;
  const link = (payload: Record<string, unknown>, key: '$skiptoken' | '$deltatoken'): string =>
    `${root}${buildQuery({ [key]: encodeToken({ ...payload, g: tenant.generation }) })}`;

  let select: string | undefined = query.$select;
  let body: Record<string, unknown>;
  if (query.$deltatoken !== undefined || query.$skiptoken !== undefined) {
    const token = decodeToken(query.$deltatoken ?? query.$skiptoken ?? '');
    if (token.g !== tenant.generation) {
      throw new GraphError(410, 'resyncRequired', 'Resync required. Replace any local items with the server\'s version (including deletes) if you\'re sure that the service was up to date with your local changes when you last synced.');
    }
    select = typeof token.sel === 'string' ? token.sel : undefined;
    const selected = parseSelect(select);
    if (token.k === 'delta-initial' && query.$skiptoken !== undefined) {
      const since = tokenNumber(token, 's');
      const { page, next } = scan(tenant, tokenNumber(token, 'i'), top, (index) => tenant.record(index));
      body = { value: page.map((record) => project(record.user, selected)) };
      if (next !== undefined) body['@odata.nextLink'] = link({ k: 'delta-initial', i: next, s: since, sel: select }, '$skiptoken');
      else body['@odata.deltaLink'] = link({ k: 'delta', s: since, sel: select }, '$deltatoken');
    } else if (token.k === 'delta' || token.k === 'delta-changes') {
      const since = tokenNumber(token, 's');
      const upTo = token.k === 'delta-changes' ? tokenNumber(token, 'u') : tenant.changeSeq;
      const offset = token.k === 'delta-changes' ? tokenNumber(token, 'o') : 0;
      const changed = tenant.changesSince(since, upTo);
      body = {
        value: changed.slice(offset, offset + top).map((index) => {
          const record = tenant.record(index);
          return record ? project(record.user, selected) : { id: tenant.idOf(index), '@removed': { reason: 'deleted' } };
        }),
      };
      if (offset + top < changed.length) {
        body['@odata.nextLink'] = link({ k: 'delta-changes', s: since, u: upTo, o: offset + top, sel: select }, '$skiptoken');
      } else {
        body['@odata.deltaLink'] = link({ k: 'delta', s: upTo, sel: select }, '$deltatoken');
      }
    } else {
      throw badRequest('Request_BadRequest', 'The specified delta token value is invalid.');
    }
  } else {
    const selected = parseSelect(select);
    const since = tenant.changeSeq;
    const { page, next } = scan(tenant, 0, top, (index) => tenant.record(index));
    body = { value: page.map((record) => project(record.user, selected)) };
    if (next !== undefined) body['@odata.nextLink'] = link({ k: 'delta-initial', i: next, s: since, sel: select }, '$skiptoken');
    else body['@odata.deltaLink'] = link({ k: 'delta', s: since, sel: select }, '$deltatoken');
  }
  const selected = parseSelect(select);
  return { body: { '@odata.context': metadata(context, selected), ...body } };
}
