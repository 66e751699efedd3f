/**
 * Fault injection: a queue of rules consumed in order (see `FaultRule` in types.ts for the exact semantics).
 */
import type { FaultRule, SimEndpoint } from './types.js';

const STATUSES: ReadonlySet<number> = new Set([429, 503, 504, 500, 401, 403]);
const MATCHES: ReadonlySet<string> = new Set(['users', 'presence', 'numberAssignments', 'userConfigurations', 'delta', '*']);

/** Graph's error code and message for each injectable status. */
const DEFAULT_ERRORS: Readonly<Record<FaultRule['status'], readonly [code: string, message: string]>> = {
  429: ['TooManyRequests', 'Too many requests. Retry after the interval given in the Retry-After header.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway did not receive a timely response from the upstream service.'],
  500: ['generalException', 'An internal server error occurred while processing the request.'],
  401: ['InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'],
  403: ['Forbidden', 'Insufficient privileges to complete the operation.'],
};

/** A rule checked field by field (control API input is untrusted JSON); throws a TypeError naming the problem. */
export function parseFaultRule(value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null) throw new TypeError('A fault rule must be an object.');
  const rule = value as Record<string, unknown>;
  if (typeof rule.match !== 'string' || !MATCHES.has(rule.match)) {
    throw new TypeError(`Fault rule 'match' must be one of ${[...MATCHES].join(', ')}.`);
  }
  if (typeof rule.status !== 'number' || !STATUSES.has(rule.status)) {
    throw new TypeError(`Fault rule 'status' must be one of ${[...STATUSES].join(', ')}.`);
  }
  const count = (key: 'times' | 'skip', fallback: number): number => {
    const raw = rule[key] ?? fallback;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) throw new TypeError(`Fault rule '${key}' must be a whole number.`);
    return raw;
  };
  const text = (key: 'retryAfter' | 'code' | 'message'): string | undefined => {
    const raw = rule[key];
    if (raw !== undefined && typeof raw !== 'string') throw new TypeError(`Fault rule '${key}' must be a string.`);
    return raw;
  };
  const parsed: FaultRule = {
    match: rule.match as FaultRule['match'],
    status: rule.status as FaultRule['status'],
    times: count('times', 1),
    skip: count('skip', 0),
  };
  const retryAfter = text('retryAfter');
  const code = text('code');
  const message = text('message');
  return {
    ...parsed,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

export interface InjectedFault {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers: Readonly<Record<string, string>>;
}

export class FaultQueue {
  private rules: { rule: FaultRule; times: number; skip: number }[] = [];

  add(rules: readonly FaultRule[]): void {
    for (const rule of rules) this.rules.push({ rule, times: rule.times ?? 1, skip: rule.skip ?? 0 });
    this.rules = this.rules.filter((entry) => entry.times > 0);
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules still queued, with their remaining counts. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, times, skip }) => ({ ...rule, times, skip }));
  }

  /** The fault for a request to `endpoint`, consuming the owning rule; undefined when the request passes. */
  take(endpoint: SimEndpoint | 'other'): InjectedFault | undefined {
    const entry = this.rules.find(({ rule }) => rule.match === '*' || rule.match === endpoint);
    if (!entry) return undefined;
    if (entry.skip > 0) {
      entry.skip--;
      return undefined;
    }
    entry.times--;
    if (entry.times <= 0) this.rules.splice(this.rules.indexOf(entry), 1);
    const { rule } = entry;
    const [code, message] = DEFAULT_ERRORS[rule.status];
    const headers: Record<string, string> = {};
    if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter;
    if (rule.status === 401) headers['www-authenticate'] = 'Bearer realm="", error="invalid_token"';
    return { status: rule.status, code: rule.code ?? code, message: rule.message ?? message, headers };
  }
}
