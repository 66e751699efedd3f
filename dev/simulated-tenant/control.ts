/**
 * The simulator's mutable state and its control API (not Graph): `/__sim/…` by default. Browser tests drive the
 * simulated tenant through it over HTTP. Every body is JSON; every answer is JSON. See README.md for the list.
 */
import { FaultQueue, parseFaultRule } from './faults.js';
import { createTenant, tenantCounts, type Tenant } from './tenant.js';
import type {
  FaultRule, SimDeltaExpiry, SimGrants, SimLogEntry, SimMutation, SimNewPerson, SimResetBody, SimResponse, SimUserChanges,
} from './types.js';

/** Settings a request may change (grants partially). */
export interface SimSettingsChange {
  readonly latencyMs?: number;
  readonly requireAuth?: boolean;
  readonly tokens?: readonly string[] | null;
  readonly grants?: SimGrants;
}

export interface SimSettings {
  readonly latencyMs: number;
  readonly requireAuth: boolean;
  /** Accepted bearer tokens; null = any non-empty token except `'expired'`. */
  readonly tokens: readonly string[] | null;
  readonly grants: Required<SimGrants>;
}

/** What `reset` falls back to: the options the handler was created with. */
export interface SimDefaults extends SimSettings {
  readonly users: number;
  readonly seed: number;
  readonly resourceAccounts: number;
  readonly presencePeriodMs: number;
  readonly faults: readonly FaultRule[];
}

const MAX_USERS = 5_000_000;

export class SimState {
  tenant!: Tenant;
  settings!: SimSettings;
  readonly faults = new FaultQueue();
  log: SimLogEntry[] = [];
  /** Added to the clock (`POST /__sim/clock`), so tests can move presences on without waiting. */
  clockOffsetMs = 0;

  constructor(
    private readonly defaults: SimDefaults,
    private readonly logLimit: number,
  ) {
    this.reset({});
  }

  reset(body: SimResetBody): void {
    const d = this.defaults;
    this.tenant = createTenant({
      users: body.users ?? d.users,
      seed: body.seed ?? d.seed,
      resourceAccounts: body.resourceAccounts ?? d.resourceAccounts,
      presencePeriodMs: body.presencePeriodMs ?? d.presencePeriodMs,
    });
    this.settings = d;
    this.configure(body);
    this.faults.clear();
    this.faults.add(body.faults ?? d.faults);
    this.log = [];
    this.clockOffsetMs = 0;
  }

  /** Changes latency, auth and grants without touching the tenant. */
  configure(body: SimSettingsChange): void {
    const s = this.settings;
    this.settings = {
      latencyMs: body.latencyMs ?? s.latencyMs,
      requireAuth: body.requireAuth ?? s.requireAuth,
      tokens: body.tokens === undefined ? s.tokens : body.tokens,
      grants: { ...s.grants, ...body.grants },
    };
  }

  record(entry: SimLogEntry): void {
    this.log.push(entry);
    if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
  }
}

class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function json(status: number, body: unknown): SimResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}

function parseBody(body: string | undefined): unknown {
  if (body === undefined || body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new ControlError(400, 'The body must be JSON.');
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, 'The body must be a JSON object.');
  return value as Record<string, unknown>;
}

function optional<T>(record: Record<string, unknown>, key: string, check: (value: unknown) => value is T, what: string): T | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (!check(value)) throw new ControlError(400, `'${key}' must be ${what}.`);
  return value;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isTokens = (value: unknown): value is readonly string[] | null =>
  value === null || (Array.isArray(value) && value.every((token) => typeof token === 'string'));
const isGrants = (value: unknown): value is SimGrants =>
  typeof value === 'object' && value !== null &&
  Object.entries(value).every(([key, grant]) => (key === 'numberAssignments' || key === 'userConfigurations') && typeof grant === 'boolean');

function parseSettings(record: Record<string, unknown>): SimSettingsChange {
  const latencyMs = optional(record, 'latencyMs', isCount, 'a whole number of milliseconds');
  const requireAuth = optional(record, 'requireAuth', isBoolean, 'a boolean');
  const tokens = optional(record, 'tokens', isTokens, 'an array of strings or null');
  const grants = optional(record, 'grants', isGrants, '{ numberAssignments?: boolean, userConfigurations?: boolean }');
  return {
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(requireAuth !== undefined ? { requireAuth } : {}),
    ...(tokens !== undefined ? { tokens } : {}),
    ...(grants !== undefined ? { grants } : {}),
  };
}

function parseFaults(value: unknown): FaultRule[] {
  try {
    return (Array.isArray(value) ? value : [value]).map(parseFaultRule);
  } catch (error) {
    throw new ControlError(400, error instanceof Error ? error.message : String(error));
  }
}

function parseReset(record: Record<string, unknown>): SimResetBody {
  const users = optional(record, 'users', isCount, 'a whole number');
  if (users !== undefined && users > MAX_USERS) throw new ControlError(400, `'users' must be at most ${MAX_USERS}.`);
  const seed = optional(record, 'seed', (v): v is number => typeof v === 'number' && Number.isFinite(v), 'a number');
  const resourceAccounts = optional(record, 'resourceAccounts', isCount, 'a whole number');
  const presencePeriodMs = optional(record, 'presencePeriodMs', isCount, 'a whole number of milliseconds');
  return {
    ...parseSettings(record),
    ...(users !== undefined ? { users } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(resourceAccounts !== undefined ? { resourceAccounts } : {}),
    ...(presencePeriodMs !== undefined ? { presencePeriodMs } : {}),
    ...(record.faults !== undefined ? { faults: parseFaults(record.faults) } : {}),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

function parseChanges(record: Record<string, unknown>): SimUserChanges {
  const changes: { -readonly [K in keyof SimUserChanges]: SimUserChanges[K] } = {};
  for (const key of Object.keys(record)) {
    if (key === 'displayName') changes.displayName = optional(record, key, isString, 'a string');
    else if (key === 'businessPhones') {
      changes.businessPhones = optional(record, key, (v): v is string[] => Array.isArray(v) && v.every(isString), 'an array of strings');
    } else if (key === 'mobilePhone' || key === 'jobTitle' || key === 'department') {
      changes[key] = optional(record, key, isNullableString, 'a string or null');
    } else {
      throw new ControlError(400, `'changes' may hold displayName, businessPhones, mobilePhone, jobTitle, department; not '${key}'.`);
    }
  }
  return changes;
}

function parseNewPerson(record: Record<string, unknown>): SimNewPerson {
  const { displayName, givenName, surname, ...rest } = record;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw new ControlError(400, "'user.displayName' must be a non-empty string.");
  const name = (key: string, value: unknown): string | null | undefined => {
    if (value === undefined || isNullableString(value)) return value;
    throw new ControlError(400, `'user.${key}' must be a string or null.`);
  };
  const given = name('givenName', givenName);
  const family = name('surname', surname);
  return {
    displayName, ...parseChanges(rest),
    ...(given !== undefined ? { givenName: given } : {}), ...(family !== undefined ? { surname: family } : {}),
  };
}

const MUTATION_SHAPES = "A mutation is { op: 'rename', displayName } | { op: 'update', changes } | { op: 'remove' | 'softDelete' | 'restore' } "
  + "(each with id or index) | { op: 'add', user: { displayName, … } } | { op: 'createResourceAccount', kind: 'callQueue' | 'autoAttendant', displayName, phoneNumber? }.";

function parseMutation(value: unknown): SimMutation {
  const record = asObject(value);
  if (record.op === 'add') return { op: 'add', user: parseNewPerson(asObject(record.user)) };
  if (record.op === 'createResourceAccount') {
    const { kind, displayName } = record;
    const phoneNumber = optional(record, 'phoneNumber', isString, 'a string');
    if ((kind !== 'callQueue' && kind !== 'autoAttendant') || typeof displayName !== 'string' || displayName.trim() === '') {
      throw new ControlError(400, MUTATION_SHAPES);
    }
    return { op: 'createResourceAccount', kind, displayName, ...(phoneNumber !== undefined ? { phoneNumber } : {}) };
  }
  const id = optional(record, 'id', (v): v is string => typeof v === 'string', 'a string');
  const index = optional(record, 'index', isCount, 'a whole number');
  const target = { ...(id !== undefined ? { id } : {}), ...(index !== undefined ? { index } : {}) };
  if (id === undefined && index === undefined) throw new ControlError(400, "A mutation needs 'id' or 'index'.");
  if (record.op === 'remove' || record.op === 'softDelete' || record.op === 'restore') return { op: record.op, ...target };
  if (record.op === 'rename' && typeof record.displayName === 'string') {
    return { op: 'rename', ...target, displayName: record.displayName };
  }
  if (record.op === 'update') return { op: 'update', ...target, changes: parseChanges(asObject(record.changes)) };
  throw new ControlError(400, MUTATION_SHAPES);
}

function summary(state: SimState, now: number): Record<string, unknown> {
  const { tenant, settings } = state;
  return {
    tenant: {
      users: tenant.people, seed: tenant.seed, resourceAccounts: tenant.resourceAccounts,
      presencePeriodMs: tenant.presencePeriodMs, changeSeq: tenant.changeSeq,
    },
    settings: { ...settings, tokens: settings.tokens === null ? null : settings.tokens.length },
    counts: tenantCounts(tenant),
    faults: state.faults.list(),
    now,
  };
}

/** Answers `<controlPath><subpath>`; `now` is the simulator's clock (offset included). */
export function handleControl(state: SimState, method: string, subpath: string, query: Record<string, string>,
  body: string | undefined, now: () => number): SimResponse {
  try {
    const route = `${method.toUpperCase()} ${subpath}`;
    switch (route) {
      case 'POST /reset':
        state.reset(parseReset(asObject(parseBody(body))));
        return json(200, { ok: true, ...summary(state, now()) });
      case 'POST /settings':
        state.configure(parseSettings(asObject(parseBody(body))));
        return json(200, { ok: true, ...summary(state, now()) });
      case 'GET /state':
        return json(200, summary(state, now()));
      case 'GET /faults':
        return json(200, state.faults.list());
      case 'POST /faults':
        state.faults.add(parseFaults(parseBody(body)));
        return json(200, { queued: state.faults.list().length });
      case 'POST /faults/clear':
      case 'DELETE /faults':
        state.faults.clear();
        return json(200, { queued: 0 });
      case 'GET /log':
        return json(200, state.log);
      case 'POST /log/clear':
        state.log = [];
        return json(200, { ok: true });
      case 'POST /mutate': {
        const parsed = parseBody(body);
        const mutations = (Array.isArray(parsed) ? parsed : [parsed]).map(parseMutation);
        const users = mutations.map((mutation) => {
          try {
            return state.tenant.mutate(mutation) ?? null;
          } catch (error) {
            throw new ControlError(404, error instanceof Error ? error.message : String(error));
          }
        });
        return json(200, { ok: true, users, changeSeq: state.tenant.changeSeq });
      }
      case 'POST /delta/expire': {
        const how = asObject(parseBody(body)).reason ?? 'expired';
        if (how !== 'expired' && how !== 'resync') throw new ControlError(400, "'reason' must be 'expired' or 'resync'.");
        state.tenant.expireDeltaTokens(how satisfies SimDeltaExpiry);
        return json(200, { ok: true, deltaEpoch: state.tenant.deltaEpoch });
      }
      case 'POST /clock': {
        const advanceMs = optional(asObject(parseBody(body)), 'advanceMs', (v): v is number => typeof v === 'number' && Number.isFinite(v), 'a number');
        state.clockOffsetMs += advanceMs ?? 0;
        return json(200, { now: now() });
      }
      case 'GET /users': {
        const from = Math.max(0, Number(query.from ?? 0) || 0);
        const count = Math.min(1000, Math.max(0, Number(query.count ?? 20) || 0));
        const at = now();
        const records = [];
        for (let index = from; index < Math.min(state.tenant.size, from + count); index++) {
          const record = state.tenant.record(index);
          records.push(record ? { ...record, presence: state.tenant.presence(index, at) } : { index, removed: true });
        }
        return json(200, records);
      }
      default:
        return json(404, { error: `No control route ${route}.` });
    }
  } catch (error) {
    if (error instanceof ControlError) return json(error.status, { error: error.message });
    throw error;
  }
}
