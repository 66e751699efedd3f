/**
 * One round of `GET /users/delta`: the first round lists every user, each later one (started from the last round's
 * `@odata.deltaLink`) only the users added or changed since, and the ones removed (`@removed`). Pages are read
 * through the bounded walk of graph-pages.ts. A delta token Graph no longer accepts (400 `syncStateNotFound`, or 410
 * Gone for a synchronization reset) is a {@link DeltaResyncRequiredError}: the caller reads a first round again.
 * docs/rules.md#graph-delta-query.
 */
import { statusOf, type GraphApi } from './graph-client.js';
import { GraphPagingError, NotAGraphAnswerError, pages } from './graph-pages.js';
import { USER_SELECT, type GraphPage, type ReceivedGraphUser } from './graph-wire.js';

/** The page size asked of `/users/delta` (`Prefer: odata.maxpagesize`), as `/users` reads with `$top`. */
export const DELTA_PAGE_SIZE = 999;

/** Why a user left: `deleted` for good, or `changed` (deleted, restorable for 30 days). Both leave the directory. */
export type DeltaRemovalReason = 'deleted' | 'changed';

export interface DeltaRemoval {
  readonly id: string;
  readonly reason: DeltaRemovalReason;
}

/** What one round gave: users to add or replace (whole, with the selected properties), ids to remove, the next link. */
export interface DeltaRound {
  /** In the order Graph gave them: a user may come more than once, and the later record is the current one. */
  readonly changed: readonly ReceivedGraphUser[];
  readonly removed: readonly DeltaRemoval[];
  /** The link that starts the next round (absolute, as Graph gave it). */
  readonly deltaLink: string;
}

/** Graph no longer accepts the delta token (it expired, or Graph reset the synchronization): read a first round. */
export class DeltaResyncRequiredError extends Error {
  override readonly name = 'DeltaResyncRequiredError';
}

export interface DeltaRoundOptions {
  readonly signal: AbortSignal;
  /** The memory guard: the most records the round reads. */
  readonly readLimit: number;
  /** After each page: the records read so far in this round. */
  readonly onPage?: (read: number) => void;
}

/** The path of a first round, with the properties the book needs. */
export function firstDeltaPath(select: string = USER_SELECT): string {
  return `/users/delta?$select=${select}`;
}

type DeltaRecord = ReceivedGraphUser & { readonly '@removed'?: { readonly reason?: unknown } };

/**
 * Reads one round from `start`: a first round's path ({@link firstDeltaPath}) or the last round's `@odata.deltaLink`.
 * Records without a usable id are skipped (the book would reject them anyway).
 */
export async function readDeltaRound(api: GraphApi, start: string, { signal, readLimit, onPage }: DeltaRoundOptions): Promise<DeltaRound> {
  const path = start.startsWith('/') ? start : api.relativePath(start);
  if (path === undefined) throw new GraphPagingError('foreign-link', 0, 'The delta link is outside the Microsoft Graph API root.');
  const changed: ReceivedGraphUser[] = [];
  const removed: DeltaRemoval[] = [];
  let last: GraphPage<DeltaRecord> | undefined;
  let read = 0;
  try {
    for await (const page of pages<DeltaRecord>(api, path, { signal, readLimit, headers: { Prefer: `odata.maxpagesize=${DELTA_PAGE_SIZE}` } })) {
      for (const record of page.value) {
        if (typeof record?.id !== 'string' || record.id === '') continue;
        if (record['@removed'] !== undefined && record['@removed'] !== null) {
          removed.push({ id: record.id, reason: record['@removed'].reason === 'deleted' ? 'deleted' : 'changed' });
        } else {
          changed.push(record);
        }
      }
      read += page.value.length;
      last = page;
      onPage?.(read);
    }
  } catch (error) {
    if (needsResync(error)) throw new DeltaResyncRequiredError('Microsoft Graph no longer accepts the delta token: the directory is read again.', { cause: error });
    throw error;
  }
  const deltaLink: unknown = last?.['@odata.deltaLink'];
  if (typeof deltaLink !== 'string' || deltaLink === '') throw new NotAGraphAnswerError('Microsoft Graph ended a delta round without a delta link.');
  return { changed, removed, deltaLink };
}

/** 410 Gone (a synchronization reset) or 400 `syncStateNotFound` (an expired token), as Microsoft documents them. */
function needsResync(error: unknown): boolean {
  const status = statusOf(error);
  const code = (error as { code?: unknown } | null)?.code;
  return status === 410 || (status === 400 && code === 'syncStateNotFound');
}
