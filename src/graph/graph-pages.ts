/**
 * Reading a Graph collection page by page (`@odata.nextLink`), bounded: a walk reads no more than its first page
 * promised (`@odata.count` plus a margin) and never more than the memory guard (`readLimit`), follows a link only
 * under the API root and never twice, and takes an answer for a page only when it is one.
 * docs/rules.md#graph-paging-bounded, #graph-answers-checked, #graph-users-listing.
 */
import type { GraphApi } from './graph-client.js';
import type { GraphPage } from './graph-wire.js';

/**
 * The default memory guard: the most records one walk reads. A 300,000-user tenant (with a tenth more for the
 * margin) fits; the endless chain that prompted it had read 760,000 users into 455 MB.
 */
export const DEFAULT_READ_LIMIT = 500_000;

/** What a walk may read beyond `@odata.count`: users added while it reads, a count that lags (eventual consistency). */
export const COUNT_MARGIN = { least: 1000, share: 0.1 } as const;

/** Pages in a row with no record that a walk follows: a server that links on without giving anything is stopped. */
export const MAX_EMPTY_PAGES = 5;

/** An answer Graph would never give where a page (or an object) was due: an HTML page, JSON without `value`. */
export class NotAGraphAnswerError extends Error {
  override readonly name = 'NotAGraphAnswerError';
}

/** Why a walk stopped before its last page. */
export type PagingStop = 'beyond-count' | 'read-limit' | 'empty-pages' | 'repeated-link' | 'foreign-link';

/**
 * A walk stopped before Graph said it was over: what it had read is kept (a partial listing, reported once).
 * `read` is how many records it kept.
 */
export class GraphPagingError extends Error {
  override readonly name = 'GraphPagingError';

  constructor(
    readonly reason: PagingStop,
    readonly read: number,
    message: string,
  ) {
    super(message);
  }
}

/** Whether an answer is a page: an object with a `value` array, and a next link that is a string when present. */
export function isGraphPage(answer: unknown): answer is GraphPage<unknown> & { readonly value: readonly unknown[] } {
  if (typeof answer !== 'object' || answer === null) return false;
  const { value, '@odata.nextLink': next } = answer as GraphPage<unknown>;
  return Array.isArray(value) && (next === undefined || next === null || typeof next === 'string');
}

/** The most records a walk reads: `count` (the first page's `@odata.count`) plus the margin, within `readLimit`. */
export function readBound(count: number | undefined, readLimit: number): number {
  if (count === undefined) return readLimit;
  return Math.min(readLimit, count + Math.max(COUNT_MARGIN.least, Math.ceil(count * COUNT_MARGIN.share)));
}

export interface PagesOptions {
  readonly signal: AbortSignal;
  readonly headers?: Record<string, string>;
  /** The memory guard: the most records the walk reads, whatever the pages say. */
  readonly readLimit: number;
}

const countOf = (page: GraphPage<unknown>): number | undefined => {
  const count = page['@odata.count'];
  return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
};

/**
 * Follows `@odata.nextLink` to the end, page by page. A page that would take the walk past its bound is not given:
 * the walk stops with a {@link GraphPagingError}, as it does at a link seen before (a loop), at a link outside the
 * API root (the token is never sent elsewhere) or after {@link MAX_EMPTY_PAGES} empty pages in a row. An answer that
 * is not a page fails it with a {@link NotAGraphAnswerError}.
 */
export async function* pages<T>(api: GraphApi, firstPath: string, options: PagesOptions): AsyncGenerator<GraphPage<T> & { readonly value: readonly T[] }> {
  const { signal, headers, readLimit } = options;
  const seen = new Set<string>();
  let path = firstPath;
  let read = 0;
  let bound: number | undefined;
  let stopReason: PagingStop = 'read-limit';
  let emptyInARow = 0;
  for (;;) {
    const answer = await api.get<unknown>(path, headers ? { signal, headers } : { signal });
    if (!isGraphPage(answer)) throw new NotAGraphAnswerError('Microsoft Graph answered with something that is not a page of results.');
    const page = answer as GraphPage<T> & { readonly value: readonly T[] };
    // The first page's count is the promise the walk is held to.
    if (bound === undefined) {
      const count = countOf(page);
      bound = readBound(count, readLimit);
      if (count !== undefined && bound < readLimit) stopReason = 'beyond-count';
    }
    if (read + page.value.length > bound) {
      throw new GraphPagingError(stopReason, read, `Microsoft Graph offered more than the ${bound} records this read may take; it stopped there.`);
    }
    read += page.value.length;
    emptyInARow = page.value.length === 0 ? emptyInARow + 1 : 0;
    yield page;
    const next = page['@odata.nextLink'];
    if (typeof next !== 'string' || next === '') return;
    if (emptyInARow >= MAX_EMPTY_PAGES) throw new GraphPagingError('empty-pages', read, `Microsoft Graph linked on after ${MAX_EMPTY_PAGES} empty pages.`);
    if (seen.has(next)) throw new GraphPagingError('repeated-link', read, 'Microsoft Graph returned the same next page link twice.');
    seen.add(next);
    const relative = api.relativePath(next);
    if (relative === undefined) throw new GraphPagingError('foreign-link', read, 'Microsoft Graph returned a next page link outside its API root.');
    path = relative;
  }
}
