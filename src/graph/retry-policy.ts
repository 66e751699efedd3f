/**
 * When to retry a Graph request and how long to wait: 429 (throttled), 503 and 504 are retried, honouring
 * `Retry-After` in seconds (Microsoft's own examples are fractional, e.g. `2.128`) or as an HTTP date, within a
 * bounded total wait so a throttling storm cannot hold an agent's book for minutes. Pure.
 */

export interface RetryOptions {
  /** Retries per request after the first attempt. */
  readonly maxRetries: number;
  /** The most a request may spend waiting between attempts, in milliseconds. */
  readonly maxTotalWaitMs: number;
  /** Wait before the first retry when the response gives no `Retry-After`; doubles each retry. */
  readonly baseDelayMs: number;
  /** Each attempt is abandoned after this long, in milliseconds. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxRetries: 3, maxTotalWaitMs: 10_000, baseDelayMs: 500, timeoutMs: 15_000 };

const RETRIABLE = new Set([429, 503, 504]);
/** First wait after a 429 without a readable Retry-After. */
const THROTTLED_FALLBACK_MS = 2000;

export function isRetriable(status: number): boolean {
  return RETRIABLE.has(status);
}

/** `Retry-After` in milliseconds (seconds, fractional allowed, or an HTTP date), or `undefined` when absent/invalid. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header == null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); anything else is not one.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `attempt` (1-based), or `undefined` when the request must not be retried
 * (not retriable, out of retries, or the wait would exceed what is left of the budget).
 */
export function retryDelay(
  status: number,
  retryAfter: string | null | undefined,
  attempt: number,
  waitedMs: number,
  options: RetryOptions,
  now: number = Date.now(),
): number | undefined {
  if (!isRetriable(status) || attempt > options.maxRetries) return undefined;
  // A throttled answer whose Retry-After the browser cannot read (not exposed by CORS) waits as Graph would ask.
  const fallback = status === 429 ? Math.max(THROTTLED_FALLBACK_MS, options.baseDelayMs) : options.baseDelayMs;
  const delay = parseRetryAfter(retryAfter, now) ?? fallback * 2 ** (attempt - 1);
  return waitedMs + delay > options.maxTotalWaitMs ? undefined : delay;
}
