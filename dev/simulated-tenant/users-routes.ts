/**
 * `GET /users`, `GET /users/{id}` and `GET /me` of the simulated tenant (`GET /users/delta`: delta-route.ts).
 */
import { serviceRoot, type RouteContext, type RouteResult } from './context.js';
import {
  GraphError, badRequest, buildQuery, decodeToken, encodeToken, parseEqFilter, parseSearch, parseSelect, parseTop,
  project, tokenNumber, type Search,
} from './odata.js';
import { RESOURCE_ACCOUNT_DEPARTMENT } from '../../src/graph/graph-wire.js';
import { basePerson, type Tenant } from './tenant.js';
import type { SimUserRecord } from './types.js';

export type Predicate = (index: number) => SimUserRecord | undefined;

const USERS_PARAMS = new Set(['$select', '$top', '$filter', '$search', '$count', '$skiptoken']);

export function rejectUnknownParams(query: Readonly<Record<string, string>>, allowed: ReadonlySet<string>): void {
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

export function metadata(context: RouteContext, select: readonly string[] | undefined): string {
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
export function scan(tenant: Tenant, start: number, top: number, predicate: Predicate, countAll = false):
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
