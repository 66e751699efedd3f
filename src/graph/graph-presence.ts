/**
 * Presences from `POST /communications/getPresencesByUserId`: at most 650 ids per request (Graph's limit), a few
 * requests in flight at once. A chunk that fails leaves only its users Unknown: the others' presences still arrive,
 * and the failure is reported once (a PartialResultError carrying what did arrive).
 */
import type { PresenceRecord } from '../directory/adapter.js';
import { PartialResultError } from '../directory/errors.js';
import type { GraphApi } from './graph-client.js';

export const MAX_IDS_PER_PRESENCE_REQUEST = 650;

/** Splits ids into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs tasks with at most `limit` in flight, keeping each outcome. */
export async function settleWithLimit<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array<PromiseSettledResult<T>>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await tasks[index]!() };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export async function fetchPresences(
  api: GraphApi,
  ids: readonly string[],
  { signal, concurrency }: { signal: AbortSignal; concurrency: number },
): Promise<readonly PresenceRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const requests = chunk(unique, MAX_IDS_PER_PRESENCE_REQUEST).map(
    (chunkIds) => () => api.post<{ value?: readonly PresenceRecord[] }>('/communications/getPresencesByUserId', { ids: chunkIds }, { signal }),
  );
  const results = await settleWithLimit(requests, concurrency);
  signal.throwIfAborted();
  const records = results.flatMap((result): readonly PresenceRecord[] =>
    result.status === 'fulfilled' && Array.isArray(result.value?.value) ? (result.value.value as readonly PresenceRecord[]) : [],
  );
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failures.length === 0) return records;
  if (failures.length === results.length) throw failures[0]!.reason;
  throw new PartialResultError(`Presence could not be read for ${failures.length} of ${results.length} groups of users.`, records, {
    cause: failures[0]!.reason,
  });
}
