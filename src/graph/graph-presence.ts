/**
 * Presences from `POST /communications/getPresencesByUserId`: at most 650 ids per request (Graph's limit), a few
 * requests in flight at once. A chunk that fails leaves only its users Unknown: the others' presences still arrive,
 * and the failure is reported once (a PartialResultError carrying what did arrive). An answer not in the documented
 * shape is such a failure, never a silent Unknown for everyone.
 */
import type { PresenceRecord } from '../directory/adapter.js';
import { isPartialResult, isSignInRequired, PartialResultError } from '../directory/errors.js';
import type { GraphApi } from './graph-client.js';
import { isGraphPage, NotAGraphAnswerError } from './graph-pages.js';

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

/** A record in the documented shape: an object with a string `id`, and string (or absent) availability and activity. */
function isPresenceRecord(record: unknown): record is PresenceRecord {
  if (typeof record !== 'object' || record === null) return false;
  const { id, availability, activity } = record as Record<string, unknown>;
  const text = (value: unknown) => value === undefined || value === null || typeof value === 'string';
  return typeof id === 'string' && text(availability) && text(activity);
}

/**
 * One request's presences. An answer that is not a page fails it; records not in the documented shape are left out
 * and fail it too, keeping the others (docs/rules.md#graph-answers-checked).
 */
async function presenceChunk(api: GraphApi, ids: readonly string[], signal: AbortSignal): Promise<readonly PresenceRecord[]> {
  const answer = await api.post<unknown>('/communications/getPresencesByUserId', { ids }, { signal });
  if (!isGraphPage(answer)) throw new NotAGraphAnswerError('Microsoft Graph answered a presence request with something that is not a page of presences.');
  const records = answer.value.filter(isPresenceRecord);
  if (records.length < answer.value.length) {
    throw new PartialResultError('Microsoft Graph answered presences that are not in the documented shape.', records, {
      cause: new NotAGraphAnswerError('Presence records without an id, or with an availability that is not text.'),
    });
  }
  return records;
}

export async function fetchPresences(
  api: GraphApi,
  ids: readonly string[],
  { signal, concurrency }: { signal: AbortSignal; concurrency: number },
): Promise<readonly PresenceRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const requests = chunk(unique, MAX_IDS_PER_PRESENCE_REQUEST).map((chunkIds) => () => presenceChunk(api, chunkIds, signal));
  const results = await settleWithLimit(requests, concurrency);
  signal.throwIfAborted();
  const records = results.flatMap((result): readonly PresenceRecord[] => {
    if (result.status === 'fulfilled') return result.value;
    return isPartialResult<readonly PresenceRecord[]>(result.reason) ? result.reason.partial : [];
  });
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length === 0) return records;
  // Only the agent can fix a sign-in: that is the one thing to say, whatever else arrived (docs/rules.md#graph-401-leads-to-sign-in).
  const signIn = failures.find(isSignInRequired);
  if (signIn) throw signIn;
  if (failures.length === results.length && !failures.some((failure) => isPartialResult(failure))) throw failures[0];
  throw new PartialResultError(`Presence could not be read for ${failures.length} of ${results.length} groups of users.`, records, {
    cause: failures[0],
  });
}
