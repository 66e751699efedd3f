/**
 * `GET /users/delta` of the simulated tenant, in Microsoft's documented wire format (docs/rules.md#graph-delta-query):
 * an initial round through every current user (`$skiptoken` next links) ending with a `$deltatoken` deltaLink; then
 * rounds of changed users (full selected objects) and removed ones (`{ id, "@removed": { reason } }`). Tokens are
 * opaque base64url JSON: `k` kind, `g` tenant generation, `e` delta epoch, `s` change sequence, `sel` the `$select`.
 */
import { serviceRoot, type RouteContext, type RouteResult } from './context.js';
import { GraphError, badRequest, buildQuery, decodeToken, encodeToken, parseSelect, parseTop, project, tokenNumber } from './odata.js';
import { metadata, rejectUnknownParams, scan } from './users-routes.js';

const DELTA_PARAMS = new Set(['$select', '$top', '$skiptoken', '$deltatoken']);

/** Page size of a delta page: `Prefer: odata.maxpagesize=N`, else `$top` (a leniency), else 100. */
function deltaPageSize(context: RouteContext): number {
  const prefer = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(context.header('prefer') ?? '');
  return prefer ? Math.min(999, Math.max(1, Number(prefer[1]))) : parseTop(context.query.$top, 999, 100);
}

/**
 * The two documented refusals of a state token. Expired (Microsoft's blog on token duration: "BadRequest" with
 * `syncStateNotFound`); synchronization reset: 410 Gone with a `Location` that is the initial query with an empty
 * `$deltatoken` (delta-query-overview, "Synchronization reset"). A token of an earlier tenant (a reset) is the latter.
 */
function refuse(context: RouteContext, how: 'expired' | 'resync', select: string | undefined): GraphError {
  if (how === 'expired') {
    return new GraphError(400, 'syncStateNotFound',
      'The sync state generation is not found. The delta token is expired and data must be synchronized again.');
  }
  const location = `${serviceRoot(context)}/users/delta${buildQuery({ $select: select, $deltatoken: '' })}`;
  return new GraphError(410, 'resyncRequired',
    'Resync required. Replace any local items with the server\'s version (including deletes) if you\'re sure that the service was up to date with your local changes when you last synced.',
    { location });
}

export function usersDelta(context: RouteContext): RouteResult {
  const { tenant, query } = context;
  rejectUnknownParams(query, DELTA_PARAMS);
  const top = deltaPageSize(context);
  const root = `${serviceRoot(context)}/users/delta`;
  const link = (payload: Record<string, unknown>, key: '$skiptoken' | '$deltatoken'): string =>
    `${root}${buildQuery({ [key]: encodeToken({ ...payload, g: tenant.generation, e: tenant.deltaEpoch }) })}`;
  /** The first page of the initial round (also where a synchronization reset's Location leads). */
  const initialPage = (since: number, start: number, select: string | undefined): Record<string, unknown> => {
    const { page, next } = scan(tenant, start, top, (index) => tenant.record(index));
    const body: Record<string, unknown> = { value: page.map((record) => project(record.user, parseSelect(select))) };
    if (next !== undefined) body['@odata.nextLink'] = link({ k: 'delta-initial', i: next, s: since, sel: select }, '$skiptoken');
    else body['@odata.deltaLink'] = link({ k: 'delta', s: since, sel: select }, '$deltatoken');
    return body;
  };

  let select: string | undefined = query.$select;
  let body: Record<string, unknown>;
  const raw = query.$skiptoken ?? query.$deltatoken ?? '';
  if (raw === '') {
    // No token, or the empty $deltatoken of a reset's Location: a new initial round.
    parseSelect(select);
    body = initialPage(tenant.changeSeq, 0, select);
  } else if (query.$skiptoken === undefined && raw.toLowerCase() === 'latest') {
    // "Sync from now" (documented for directory resources): no users, only a deltaLink from this moment.
    parseSelect(select);
    body = { value: [], '@odata.deltaLink': link({ k: 'delta', s: tenant.changeSeq, sel: select }, '$deltatoken') };
  } else {
    const token = decodeToken(raw);
    select = typeof token.sel === 'string' ? token.sel : undefined;
    if (token.g !== tenant.generation) throw refuse(context, 'resync', select);
    const problem = tenant.deltaTokenProblem(typeof token.e === 'number' ? token.e : 0);
    if (problem) throw refuse(context, problem, select);
    const selected = parseSelect(select);
    const since = tokenNumber(token, 's');
    if (token.k === 'delta-initial' && query.$skiptoken !== undefined) {
      body = initialPage(since, tokenNumber(token, 'i'), select);
    } else if (token.k === 'delta' || token.k === 'delta-changes') {
      const upTo = token.k === 'delta-changes' ? tokenNumber(token, 'u') : tenant.changeSeq;
      const offset = token.k === 'delta-changes' ? tokenNumber(token, 'o') : 0;
      const changed = tenant.changesSince(since, upTo);
      body = {
        value: changed.slice(offset, offset + top).map((index) => {
          const record = tenant.record(index);
          return record ? project(record.user, selected)
            : { id: tenant.idOf(index), '@removed': { reason: tenant.removalReason(index) ?? 'deleted' } };
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
  }
  return { body: { '@odata.context': metadata(context, parseSelect(select)), ...body } };
}
