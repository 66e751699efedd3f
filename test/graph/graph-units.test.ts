import { expect } from '@open-wc/testing';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { chunk, settleWithLimit } from '../../src/graph/graph-presence.js';
import { classifyResourceAccount, profileNumbers, searchClause } from '../../src/graph/graph-users.js';
import type { ReceivedGraphUser } from '../../src/graph/graph-wire.js';
import { RetryMiddleware } from '../../src/graph/retry-middleware.js';
import { parseRetryAfter, retryDelay, type RetryOptions } from '../../src/graph/retry-policy.js';

const options: RetryOptions = { maxRetries: 3, maxTotalWaitMs: 5000, baseDelayMs: 100, timeoutMs: 1000 };

describe('retry policy', () => {
  it('reads Retry-After as seconds (fractional too) or as an HTTP date', () => {
    expect(parseRetryAfter('2')).to.equal(2000);
    expect(parseRetryAfter('2.128')).to.equal(2128);
    const now = Date.parse('Wed, 25 Nov 2026 21:00:00 GMT');
    expect(parseRetryAfter('Wed, 25 Nov 2026 21:00:03 GMT', now)).to.equal(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 20:59:00 GMT', now)).to.equal(0);
    for (const bad of [null, undefined, '', 'soon', '-1']) expect(parseRetryAfter(bad), String(bad)).to.equal(undefined);
  });

  it('retries 429, 503 and 504 only, within the retries and the total wait', () => {
    expect(retryDelay(429, '2', 1, 0, options)).to.equal(2000);
    expect(retryDelay(503, null, 1, 0, options)).to.equal(100);
    // A 429 whose Retry-After the browser cannot read (CORS) waits as long as Graph usually asks.
    expect(retryDelay(429, null, 1, 0, options)).to.equal(2000);
    expect(retryDelay(504, null, 3, 0, options)).to.equal(400);
    expect(retryDelay(500, '1', 1, 0, options)).to.equal(undefined);
    expect(retryDelay(429, '1', 4, 0, options)).to.equal(undefined);
    expect(retryDelay(429, '2', 2, 3500, options)).to.equal(undefined);
  });
});

describe('RetryMiddleware', () => {
  /** A stand-in for the HTTP handler: answers with the statuses given, in order. */
  function answering(...statuses: [number, string?][]): Middleware & { calls: number; signals: (AbortSignal | null | undefined)[] } {
    const next = {
      calls: 0,
      signals: [] as (AbortSignal | null | undefined)[],
      execute(context: Context) {
        const [status, retryAfter] = statuses[Math.min(next.calls, statuses.length - 1)]!;
        next.calls++;
        next.signals.push(context.options?.signal);
        context.response = new Response(null, { status, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
        return Promise.resolve();
      },
    };
    return next;
  }

  it('retries until success and gives each attempt its own timeout signal', async () => {
    const retry = new RetryMiddleware({ ...options, baseDelayMs: 1 });
    const next = answering([503], [429, '0.01'], [200]);
    retry.setNext(next);
    const caller = new AbortController();
    const context: Context = { request: 'https://graph.example/users', options: { signal: caller.signal } };
    await retry.execute(context);
    expect(next.calls).to.equal(3);
    expect(context.response?.status).to.equal(200);
    expect(new Set(next.signals).size).to.equal(3);
    expect(context.options?.signal).to.equal(caller.signal);
  });

  it('gives up with the last response when the budget is spent', async () => {
    const retry = new RetryMiddleware({ ...options, maxRetries: 2, baseDelayMs: 1 });
    const next = answering([503]);
    retry.setNext(next);
    const context: Context = { request: 'https://graph.example/users', options: {} };
    await retry.execute(context);
    expect(next.calls).to.equal(3);
    expect(context.response?.status).to.equal(503);
  });

  it('stops waiting at once when the caller aborts', async () => {
    const retry = new RetryMiddleware(options);
    const next = answering([429, '3']);
    retry.setNext(next);
    const caller = new AbortController();
    const context: Context = { request: 'https://graph.example/users', options: { signal: caller.signal } };
    const running = retry.execute(context).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    caller.abort(new DOMException('closed', 'AbortError'));
    expect(((await running) as DOMException).name).to.equal('AbortError');
    expect(next.calls).to.equal(1);
  });
});

describe('resource accounts', () => {
  const account = (userPrincipalName: string, displayName: string, id = 'x'): ReceivedGraphUser => ({ id, userPrincipalName, displayName });

  it('classifies by UPN convention, then by name, then the fallback', () => {
    expect(classifyResourceAccount(account('aa-main@contoso.example', 'Main line'))).to.equal('auto-attendant');
    expect(classifyResourceAccount(account('cq-sales@contoso.example', 'Sales'))).to.equal('call-queue');
    expect(classifyResourceAccount(account('ra1@contoso.example', 'Reception'))).to.equal('auto-attendant');
    expect(classifyResourceAccount(account('ra2@contoso.example', 'Billing queue'))).to.equal('call-queue');
    expect(classifyResourceAccount(account('cq-front@contoso.example', 'Reception queue'))).to.equal('call-queue');
    expect(classifyResourceAccount(account('ra3@contoso.example', 'Helpdesk'))).to.equal('call-queue');
  });

  it('lets the host decide by id, pattern or fallback', () => {
    expect(classifyResourceAccount(account('cq-x@contoso.example', 'Queue', 'id-1'), { autoAttendantIds: ['id-1'] })).to.equal('auto-attendant');
    expect(classifyResourceAccount(account('ra@contoso.example', 'Helpdesk'), { otherwise: 'auto-attendant' })).to.equal('auto-attendant');
    expect(classifyResourceAccount(account('ivr-1@contoso.example', 'Line 1'), { autoAttendantPattern: /^ivr-/ })).to.equal('auto-attendant');
  });
});

describe('Graph users', () => {
  it('takes the business phone as the DDI and the mobile after it, dropping what is not a number', () => {
    const numbers = profileNumbers({ id: '1', businessPhones: ['+44 20 7946 0001', 'ext. ?'], mobilePhone: '+44 7700 900001' });
    expect(numbers.map((number) => [number.value, number.type])).to.deep.equal([
      ['+44 20 7946 0001', 'ddi'],
      ['+44 7700 900001', 'mobile'],
    ]);
    expect(profileNumbers({ id: '2', businessPhones: [], mobilePhone: null })).to.deep.equal([]);
  });

  it('builds a $search clause that cannot be broken out of', () => {
    expect(searchClause('ann')).to.equal('"displayName:ann"');
    expect(searchClause('a"n\\n')).to.equal('"displayName:a n n"');
  });
});

describe('presence batching', () => {
  it('splits 1,301 ids into chunks of at most 650', () => {
    const ids = Array.from({ length: 1301 }, (_, i) => String(i));
    expect(chunk(ids, 650).map((part) => part.length)).to.deep.equal([650, 650, 1]);
  });

  it('keeps at most the limit in flight and every outcome', async () => {
    let inFlight = 0;
    let most = 0;
    const tasks = Array.from({ length: 7 }, (_, i) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (i === 3) throw new Error('chunk 3');
      return i;
    });
    const results = await settleWithLimit(tasks, 3);
    expect(most).to.equal(3);
    expect(results.map((result) => result.status)).to.deep.equal(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
