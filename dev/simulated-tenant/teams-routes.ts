/**
 * `POST /communications/getPresencesByUserId` and the Teams admin APIs
 * (`/admin/teams/telephoneNumberManagement/numberAssignments`, `/admin/teams/userConfigurations`).
 */
import { hash32 } from '../../src/demo-directory/index.js';
import { serviceRoot, type RouteContext, type RouteResult } from './context.js';
import { GraphError, badRequest, buildQuery, decodeToken, encodeToken, parseEqFilter, parseTop, tokenNumber } from './odata.js';
import { poolNumberOf } from './phones.js';
import type { Tenant } from './tenant.js';
import type { SimPresence } from './types.js';

export const PRESENCE_ID_LIMIT = 650;

/** The ids of a presence request body, or a 400. */
export function presenceIds(body: string | undefined): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    throw badRequest('BadRequest', 'The request body must be JSON: { "ids": [...] }.');
  }
  const ids = typeof parsed === 'object' && parsed !== null ? (parsed as { ids?: unknown }).ids : undefined;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw badRequest('BadRequest', "The request body must have an 'ids' array of user ids.");
  }
  return ids;
}

export function getPresences(context: RouteContext, ids: readonly string[]): RouteResult {
  if (ids.length > PRESENCE_ID_LIMIT) {
    throw badRequest('BadRequest', `The number of ids (${ids.length}) exceeds the limit of ${PRESENCE_ID_LIMIT} per request.`);
  }
  const { tenant } = context;
  const value: SimPresence[] = [];
  for (const id of new Set(ids)) {
    const index = tenant.indexOfId(id);
    if (index !== undefined && !tenant.isRemoved(index)) value.push(tenant.presence(index, context.now));
  }
  return { body: { '@odata.context': `${serviceRoot(context)}/$metadata#Collection(microsoft.graph.presence)`, value } };
}

function forbidden(scope: string): GraphError {
  return new GraphError(403, 'Forbidden',
    `Missing scope permissions on the request. API requires one of '${scope}'. The simulated tenant has not granted it.`);
}

const BLOCK = 1024;
const blockCache = new WeakMap<Tenant, { seq: number; counts: Uint32Array; total: number }>();

/** Numbers assigned in each block of 1,024 entries, so `$skip` finds its row without a full scan. */
function assignmentBlocks(tenant: Tenant): { counts: Uint32Array; total: number } {
  const cached = blockCache.get(tenant);
  if (cached?.seq === tenant.changeSeq) return cached;
  const counts = new Uint32Array(Math.ceil(tenant.size / BLOCK));
  let total = 0;
  for (let index = 0; index < tenant.size; index++) {
    if (!tenant.isRemoved(index) && tenant.teamsNumberOf(index) !== null) {
      const block = Math.floor(index / BLOCK);
      counts[block] = (counts[block] ?? 0) + 1;
      total++;
    }
  }
  const entry = { seq: tenant.changeSeq, counts, total };
  blockCache.set(tenant, entry);
  return entry;
}

const poolSize = (tenant: Tenant): number => Math.ceil(tenant.people / 50);

const NUMBER_TYPES = ['callingPlan', 'callingPlan', 'directRouting', 'operatorConnect'] as const;

function countryOf(number: string): string {
  return number.startsWith('+44') ? 'GB' : number.startsWith('+61') ? 'AU' : 'US';
}

function assignmentRow(tenant: Tenant, index: number | undefined, number: string): Record<string, unknown> {
  const kind = index === undefined ? undefined : tenant.kindOf(index);
  const numberType = kind === undefined ? 'directRouting'
    : NUMBER_TYPES[hash32(tenant.seed, index ?? 0, 'number-type') % NUMBER_TYPES.length] ?? 'callingPlan';
  return {
    telephoneNumber: number,
    operatorId: numberType === 'operatorConnect' ? '4c5e1a1c-0000-4000-8000-0000000000c0' : null,
    numberType,
    activationState: 'activated',
    assignmentCategory: 'primary',
    assignmentStatus: kind === undefined ? 'unassigned' : kind === 'person' ? 'userAssigned' : 'voiceApplicationAssigned',
    assignmentTargetId: index === undefined ? null : tenant.idOf(index),
    capabilities: kind === undefined ? [] : kind === 'person' ? ['userAssignment'] : ['voiceApplicationAssignment'],
    city: null,
    isoCountryCode: countryOf(number),
    locationId: null,
    networkSiteId: null,
    portInStatus: 'completed',
  };
}

/**
 * Rows: every entry with a Teams Phone number, in index order (people `userAssigned`, resource accounts
 * `voiceApplicationAssigned`), then a pool of `ceil(people / 50)` `unassigned` numbers.
 */
export function numberAssignments(context: RouteContext): RouteResult {
  if (!context.grants.numberAssignments) throw forbidden('TeamsTelephoneNumber.Read.All, TeamsTelephoneNumber.ReadWrite.All');
  const { tenant, query } = context;
  if (query.$filter !== undefined) throw badRequest('BadRequest', 'The simulated tenant does not support $filter on numberAssignments.');
  const top = parseTop(query.$top, 1000, 500);
  const skip = query.$skip === undefined ? 0 : Number(query.$skip);
  if (!Number.isInteger(skip) || skip < 0) throw badRequest('BadRequest', `Invalid $skip value '${query.$skip ?? ''}'.`);
  const { counts, total } = assignmentBlocks(tenant);
  const rows: Record<string, unknown>[] = [];
  let row = skip;
  if (row < total) {
    let block = 0;
    let before = 0;
    while (block < counts.length && before + (counts[block] ?? 0) <= row) before += counts[block++] ?? 0;
    for (let index = block * BLOCK; index < tenant.size && rows.length < top; index++) {
      if (tenant.isRemoved(index)) continue;
      const number = tenant.teamsNumberOf(index);
      if (number === null) continue;
      if (before++ >= row) rows.push(assignmentRow(tenant, index, number));
    }
    row = skip + rows.length;
  }
  // An `endless-pages` fault: the pool never ends.
  const all = context.endless ? Number.POSITIVE_INFINITY : total + poolSize(tenant);
  for (; rows.length < top && row < all; row++) rows.push(assignmentRow(tenant, undefined, poolNumberOf(row - total)));
  const body: Record<string, unknown> = {
    '@odata.context': `${serviceRoot(context)}/$metadata#admin/teams/telephoneNumberManagement/numberAssignments`,
    value: rows,
  };
  if (skip + rows.length < all) {
    body['@odata.nextLink'] = `${serviceRoot(context)}/admin/teams/telephoneNumberManagement/numberAssignments${
      buildQuery({ $top: String(top), $skip: String(skip + rows.length) })}`;
  }
  return { body };
}

const CREATED = '2024-03-04T09:15:00Z';

/**
 * One `teamsUserConfiguration` per entry (`accountType` `user` or `resourceAccount`), paged by `$top` (1–999,
 * default 100) and `$skiptoken`. `$filter=accountType eq 'resourceAccount'` (or `'user'`) is supported.
 */
export function userConfigurations(context: RouteContext): RouteResult {
  if (!context.grants.userConfigurations) throw forbidden('TeamsUserConfiguration.Read.All');
  const { tenant, query } = context;
  const top = parseTop(query.$top, 999, 100);
  let accountType: string | undefined;
  if (query.$filter !== undefined) {
    const filter = parseEqFilter(query.$filter);
    if (filter?.property !== 'accountType') throw badRequest('BadRequest', `Unsupported $filter '${query.$filter}'.`);
    accountType = filter.value;
  }
  let start = 0;
  if (query.$skiptoken !== undefined) {
    const token = decodeToken(query.$skiptoken);
    if (token.k !== 'configs' || token.g !== tenant.generation) throw badRequest('BadRequest', 'Invalid $skiptoken.');
    start = tokenNumber(token, 'i');
  }
  if (accountType !== undefined && accountType !== 'user' && accountType !== 'resourceAccount') start = tenant.size;
  if (accountType === 'resourceAccount') start = Math.max(start, tenant.people);
  // Added entries (people or resource accounts) come after the generated ones: a filter checks each entry's kind.
  const end = tenant.size;
  const wanted = (record: { kind: string }): boolean =>
    accountType === undefined || (accountType === 'user') === (record.kind === 'person');
  const tenantId = `${tenant.idOf(0xffffffff).slice(0, 24)}00000000c0de`;
  const rows: Record<string, unknown>[] = [];
  let index = start;
  for (; index < end && rows.length < top; index++) {
    const record = tenant.record(index);
    if (!record || !wanted(record)) continue;
    const number = record.teamsNumber;
    rows.push({
      id: record.user.id,
      userPrincipalName: record.user.userPrincipalName,
      tenantId,
      isEnterpriseVoiceEnabled: number !== null,
      accountType: record.kind === 'person' ? 'user' : 'resourceAccount',
      featureTypes: number !== null ? ['Teams', 'PhoneSystem'] : ['Teams'],
      telephoneNumbers: number !== null ? [{ telephoneNumber: number, assignmentCategory: 'primary' }] : [],
      effectivePolicyAssignments: [],
      createdDateTime: CREATED,
      modifiedDateTime: CREATED,
    });
  }
  for (; index < end; index++) {
    const record = tenant.record(index);
    if (record && wanted(record)) break;
  }
  const body: Record<string, unknown> = {
    '@odata.context': `${serviceRoot(context)}/$metadata#admin/teams/userConfigurations`,
    value: rows,
  };
  if (index < end && rows.length > 0) {
    body['@odata.nextLink'] = `${serviceRoot(context)}/admin/teams/userConfigurations${buildQuery({
      $top: query.$top, $filter: query.$filter, $skiptoken: encodeToken({ k: 'configs', g: tenant.generation, i: index }),
    })}`;
  }
  return { body };
}
