/**
 * The simulated tenant's HTTP handler, independent of any server framework: a request in, a response out (or
 * undefined when the path is not the simulator's). Graph endpoints live under `basePath` (default `/graph/v1.0`),
 * the control API under `controlPath` (default `/__sim`). Order for a Graph request: latency → auth → fault rules →
 * the endpoint; every Graph request is logged with its final status (never its token).
 */
import { handleControl, SimState, type SimDefaults } from './control.js';
import type { RouteContext, RouteResult } from './context.js';
import { GraphError, parseQuery } from './odata.js';
import { getPresences, numberAssignments, presenceIds, userConfigurations } from './teams-routes.js';
import { usersDelta } from './delta-route.js';
import { getUser, listUsers } from './users-routes.js';
import type { FaultRule, SimEndpoint, SimGrants, SimRequest, SimResponse, TenantOptions } from './types.js';

export interface GraphHandlerOptions extends Partial<TenantOptions> {
  /** Where the Graph endpoints are mounted. Default `/graph/v1.0`. */
  readonly basePath?: string;
  /** Where the control API is mounted; `false` turns it off. Default `/__sim`. */
  readonly controlPath?: string | false;
  /** Delay before every Graph answer. Default 0. */
  readonly latencyMs?: number;
  /** Demand `Authorization: Bearer <token>`. Default true. */
  readonly requireAuth?: boolean;
  /** Accepted tokens; default (null) = any non-empty token except `'expired'`. */
  readonly tokens?: readonly string[] | null;
  /** Admin APIs granted. Default none. */
  readonly grants?: SimGrants;
  /** Fault rules queued at start (and after every reset without `faults`). */
  readonly faults?: readonly FaultRule[];
  /** `<protocol>://<host>` of a request, for absolute links. Default: `x-forwarded-proto` or `protocol`, and `Host`. */
  readonly origin?: (request: SimRequest) => string;
  /** The server's protocol, for the default origin. Default `'http'`. */
  readonly protocol?: 'http' | 'https';
  /** The clock (presences move with it). Default `Date.now`. */
  readonly now?: () => number;
  /** `$search` also matches without diacritics ("mul" finds "Müller"). Default false. */
  readonly foldDiacritics?: boolean;
  /** The entry `/me` returns. Default 0. */
  readonly meIndex?: number;
  /** Log entries kept. Default 10,000. */
  readonly logLimit?: number;
}

export interface GraphHandler {
  (request: SimRequest): Promise<SimResponse | undefined>;
  /** Whether a URL (path + query) is the simulator's, so a server can skip reading other bodies. */
  handles(url: string): boolean;
  /** The live state (tenant, settings, faults, log), for Node-side tests. */
  readonly state: SimState;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const under = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);

function endpointOf(route: string): SimEndpoint | 'other' {
  if (route === '/users/delta') return 'delta';
  if (route === '/users' || route === '/me' || /^\/users\/[^/]+$/.test(route)) return 'users';
  if (route === '/communications/getPresencesByUserId') return 'presence';
  if (route === '/admin/teams/telephoneNumberManagement/numberAssignments') return 'numberAssignments';
  if (route === '/admin/teams/userConfigurations') return 'userConfigurations';
  return 'other';
}

function dispatch(context: RouteContext, endpoint: SimEndpoint | 'other', ids: string[] | undefined): RouteResult {
  const { method, route } = context;
  const expected = endpoint === 'presence' ? 'POST' : 'GET';
  if (endpoint !== 'other' && method !== expected) {
    throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  }
  switch (endpoint) {
    case 'users':
      if (route === '/users') return listUsers(context);
      return getUser(context, route === '/me' ? undefined : decodeURIComponent(route.slice('/users/'.length)));
    case 'delta':
      return usersDelta(context);
    case 'presence':
      return getPresences(context, ids ?? presenceIds(context.body));
    case 'numberAssignments':
      return numberAssignments(context);
    case 'userConfigurations':
      return userConfigurations(context);
    default:
      throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${route.split('/')[1] ?? ''}'.`);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

let requestCounter = 0;

/** What a captive portal or a proxy's sign-in page answers in Graph's place (the `html` fault). */
const SIGN_IN_PAGE = '<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><form action="/login">'
  + '<p>Your session has expired. Sign in to continue.</p><input name="user"><button>Sign in</button></form></body></html>';

export function createGraphHandler(options: GraphHandlerOptions = {}): GraphHandler {
  const basePath = (options.basePath ?? '/graph/v1.0').replace(/\/+$/, '');
  const controlPath = options.controlPath === false ? undefined : (options.controlPath ?? '/__sim').replace(/\/+$/, '');
  const clock = options.now ?? Date.now;
  const defaults: SimDefaults = {
    users: options.users ?? 1000,
    seed: options.seed ?? 1,
    resourceAccounts: options.resourceAccounts ?? 10,
    presencePeriodMs: options.presencePeriodMs ?? 60_000,
    latencyMs: options.latencyMs ?? 0,
    requireAuth: options.requireAuth ?? true,
    tokens: options.tokens ?? null,
    grants: { numberAssignments: false, userConfigurations: false, ...options.grants },
    faults: options.faults ?? [],
  };
  const state = new SimState(defaults, options.logLimit ?? 10_000);
  const now = (): number => clock() + state.clockOffsetMs;

  const headerReader = (request: SimRequest): ((name: string) => string | undefined) => {
    const lower = new Map(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    return (name) => lower.get(name);
  };
  const origin = options.origin ?? ((request: SimRequest): string => {
    const header = headerReader(request);
    const proto = header('x-forwarded-proto')?.split(',')[0]?.trim() ?? options.protocol ?? 'http';
    return `${proto}://${header('host') ?? header(':authority') ?? 'localhost'}`;
  });

  const tokenProblem = (authorization: string | undefined): string | undefined => {
    const token = /^Bearer\s+(\S.*)$/i.exec(authorization?.trim() ?? '')?.[1]?.trim();
    if (!token) return 'Access token is empty.';
    const { tokens } = state.settings;
    if (tokens ? !tokens.includes(token) : token === 'expired') {
      return token === 'expired' ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure. Invalid audience.';
    }
    return undefined;
  };

  const handles = (url: string): boolean => {
    const { path } = parseQuery(url);
    return under(path, basePath) || (controlPath !== undefined && under(path, controlPath));
  };

  const handler = async (request: SimRequest): Promise<SimResponse | undefined> => {
    const { path, query } = parseQuery(request.url);
    const method = request.method.toUpperCase();
    if (controlPath !== undefined && under(path, controlPath)) {
      return handleControl(state, method, path.slice(controlPath.length) || '/', query, request.body, now);
    }
    if (!under(path, basePath)) return undefined;

    const at = Date.now();
    const header = headerReader(request);
    const route = path.slice(basePath.length) || '/';
    const endpoint = endpointOf(route);
    const requestId = `${(++requestCounter).toString(16).padStart(8, '0')}-5157-4e0a-9a00-${at.toString(16).padStart(12, '0')}`;
    const clientRequestId = header('client-request-id') ?? requestId;
    const headers: Record<string, string> = {
      'content-type': JSON_TYPE, 'cache-control': 'no-cache', 'request-id': requestId, 'client-request-id': clientRequestId,
    };
    let ids: string[] | undefined;
    if (endpoint === 'presence') {
      try {
        ids = presenceIds(request.body);
      } catch {
        ids = undefined;
      }
    }
    const log = (status: number, extra: { fault?: boolean; aborted?: boolean } = {}): void => {
      state.record({
        at, method, path, endpoint, query, status, auth: /^Bearer\s+\S/i.test(header('authorization')?.trim() ?? ''),
        ...(ids !== undefined ? { ids: ids.length } : {}), ...extra,
      });
    };

    await sleep(state.settings.latencyMs, request.signal);
    if (request.signal?.aborted) {
      log(499, { aborted: true });
      return { status: 499, headers, body: '' };
    }

    let fault = false;
    try {
      if (state.settings.requireAuth) {
        const problem = tokenProblem(header('authorization'));
        if (problem) {
          throw new GraphError(401, 'InvalidAuthenticationToken', problem, {
            'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
          });
        }
      }
      const paged = route === '/users' || endpoint === 'numberAssignments';
      const injected = state.faults.take(endpoint, paged);
      if (injected?.kind === 'error') {
        fault = true;
        throw new GraphError(injected.status, injected.code, injected.message, injected.headers);
      }
      if (injected && injected.answer !== 'endless-pages') {
        log(200, { fault: true });
        return injected.answer === 'html'
          ? { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: SIGN_IN_PAGE }
          : { status: 200, headers, body: JSON.stringify({ status: 'ok' }) };
      }
      const context: RouteContext = {
        tenant: state.tenant, method, route, query, header, body: request.body, origin: origin(request), basePath,
        now: now(), grants: state.settings.grants, foldDiacritics: options.foldDiacritics ?? false,
        meIndex: options.meIndex ?? 0,
        ...(injected ? { endless: injected.count === undefined ? {} : { count: injected.count } } : {}),
      };
      const result = dispatch(context, endpoint, ids);
      const status = result.status ?? 200;
      log(status, injected ? { fault: true } : {});
      return { status, headers, body: JSON.stringify(result.body) };
    } catch (error) {
      if (!(error instanceof GraphError)) {
        log(500);
        throw error;
      }
      log(error.status, fault ? { fault: true } : {});
      const innerError = { date: new Date(at).toISOString().replace(/\.\d+Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId };
      return {
        status: error.status,
        headers: { ...headers, ...error.headers },
        body: JSON.stringify({ error: { code: error.code, message: error.message, innerError } }),
      };
    }
  };

  return Object.assign(handler, { handles, state });
}
