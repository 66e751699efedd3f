/**
 * Fault injection: a queue of rules consumed in order (see `FaultRule` in types.ts for the exact semantics).
 */
import type { FaultAnswer, FaultRule, SimEndpoint } from './types.js';

type FaultStatus = NonNullable<FaultRule['status']>;

const STATUSES: ReadonlySet<number> = new Set([429, 503, 504, 500, 401, 403]);
const ANSWERS: ReadonlySet<string> = new Set<FaultAnswer>(['html', 'not-a-page', 'endless-pages']);
const MATCHES: ReadonlySet<string> = new Set(['users', 'presence', 'numberAssignments', 'userConfigurations', 'delta', '*']);

/** Graph's error code and message for each injectable status. */
const DEFAULT_ERRORS: Readonly<Record<FaultStatus, readonly [code: string, message: string]>> = {
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
  if (rule.answer !== undefined) {
    if (typeof rule.answer !== 'string' || !ANSWERS.has(rule.answer)) throw new TypeError(`Fault rule 'answer' must be one of ${[...ANSWERS].join(', ')}.`);
    if (rule.status !== undefined) throw new TypeError("A fault rule has a 'status' or an 'answer', not both.");
  } else if (typeof rule.status !== 'number' || !STATUSES.has(rule.status)) {
    throw new TypeError(`Fault rule 'status' must be one of ${[...STATUSES].join(', ')} (or give an 'answer').`);
  }
  const count = (key: 'times' | 'skip' | 'count', fallback: number): number => {
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
    ...(rule.answer !== undefined ? { answer: rule.answer as FaultAnswer } : { status: rule.status as FaultStatus }),
    times: count('times', 1),
    skip: count('skip', 0),
  };
  if (rule.count !== undefined && rule.answer !== 'endless-pages') throw new TypeError("Fault rule 'count' goes with answer 'endless-pages'.");
  const claimed = rule.count === undefined ? undefined : count('count', 0);
  const retryAfter = text('retryAfter');
  const code = text('code');
  const message = text('message');
  return {
    ...parsed,
    ...(claimed !== undefined ? { count: claimed } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

/** An error status in Graph's shape, or a 200 that is not what Graph would send. */
export type InjectedFault =
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'answer'; readonly answer: FaultAnswer; readonly count?: number };

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

  /**
   * The fault for a request to `endpoint`, consuming the owning rule; undefined when the request passes. `paged`: the
   * request lists pages (an `endless-pages` rule passes any other untouched, without counting it).
   */
  take(endpoint: SimEndpoint | 'other', paged = false): InjectedFault | undefined {
    const entry = this.rules.find(({ rule }) => rule.match === '*' || rule.match === endpoint);
    if (!entry || (entry.rule.answer === 'endless-pages' && !paged)) return undefined;
    if (entry.skip > 0) {
      entry.skip--;
      return undefined;
    }
    entry.times--;
    if (entry.times <= 0) this.rules.splice(this.rules.indexOf(entry), 1);
    const { rule } = entry;
    if (rule.answer !== undefined) return { kind: 'answer', answer: rule.answer, ...(rule.count !== undefined ? { count: rule.count } : {}) };
    const status = rule.status ?? 500;
    const [code, message] = DEFAULT_ERRORS[status];
    const headers: Record<string, string> = {};
    if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter;
    if (status === 401) headers['www-authenticate'] = 'Bearer realm="", error="invalid_token"';
    return { kind: 'error', status, code: rule.code ?? code, message: rule.message ?? message, headers };
  }
}
