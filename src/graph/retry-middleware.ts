/**
 * A Graph client middleware that retries throttled and unavailable responses (see retry-policy.ts), gives every
 * attempt a timeout, and stops at once when the caller's `AbortSignal` aborts (also while it waits). It replaces the
 * SDK's RetryHandler, whose waits cannot be aborted and whose total wait is not bounded.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { abortableDelay } from '../internal/abortable-delay.js';
import { DEFAULT_RETRY_OPTIONS, retryDelay, type RetryOptions } from './retry-policy.js';

export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly options: RetryOptions = DEFAULT_RETRY_OPTIONS) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const callerSignal = context.options?.signal ?? undefined;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const attemptSignal = callerSignal
        ? AbortSignal.any([callerSignal, AbortSignal.timeout(this.options.timeoutMs)])
        : AbortSignal.timeout(this.options.timeoutMs);
      context.options = { ...context.options, signal: attemptSignal };
      try {
        await this.next!.execute(context);
      } finally {
        // Later middleware and the caller see the caller's own signal again.
        context.options = { ...context.options, signal: callerSignal ?? null };
      }
      const response = context.response;
      if (!response) return;
      const delay = retryDelay(response.status, response.headers.get('Retry-After'), attempt, waited, this.options);
      if (delay === undefined) return;
      await abortableDelay(delay, callerSignal);
      waited += delay;
    }
  }
}
