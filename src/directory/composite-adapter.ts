/**
 * Merges several directory sources (e.g. ContactPad's VCC entities and Microsoft Graph's Teams entities) into one
 * adapter. Entries are de-duplicated by id (the first source listed wins). A source that fails does not fail the
 * whole: its failure is reported in the listing (the book shows it with a retry) and the other sources stay usable.
 */
import type {
  DirectoryAdapter,
  DirectoryListing,
  ListProgress,
  PresenceRecord,
  SignedInAgent,
  SourceFailure,
  SourceProgress,
} from './adapter.js';
import type { DirectoryEntry } from './entry.js';
import { PartialResultError } from './errors.js';
import { usableEntryId } from './sanitize.js';
import { sanitizeProgress, sumProgress } from './progress.js';

export interface DirectorySource {
  /** A stable id for the source (reported with failures, set as `entry.source`). */
  readonly id: string;
  /** What an agent calls it, e.g. "Microsoft Teams", "Contact centre". */
  readonly label: string;
  readonly adapter: DirectoryAdapter;
}

type ProgressReporter = (source: DirectorySource, progress: SourceProgress | undefined) => void;

/**
 * Keeps each source's latest progress and reports the whole (per source, in source order) on every change; nothing
 * without a listener or once the listing is aborted. `undefined` drops a source (it failed).
 */
function progressReporter(
  sources: readonly DirectorySource[],
  onProgress: ((progress: ListProgress) => void) | undefined,
  signal: AbortSignal,
): ProgressReporter | undefined {
  if (!onProgress) return undefined;
  const bySource = new Map<DirectorySource, SourceProgress>();
  const failed = new Set<DirectorySource>();
  return (source, progress) => {
    if (signal.aborted) return;
    if (progress) bySource.set(source, progress);
    else {
      failed.add(source);
      if (!bySource.delete(source)) return;
    }
    const { total, ...whole } = sumProgress(sources.flatMap((known) => bySource.get(known) ?? []));
    // A source that has not reported yet has an unknown total: a sum without it would read as complete too early.
    const allKnown = sources.every((known) => bySource.has(known) || failed.has(known));
    onProgress(allKnown && total !== undefined ? { ...whole, total } : whole);
  };
}

/**
 * One source's listing. Its progress is forwarded while it lists; when it has listed, its count becomes final (its
 * last report's, or the entries it gave when it reported none) and is its total; when it fails, it is dropped from the
 * progress.
 */
function listSource(source: DirectorySource, signal: AbortSignal, report: ProgressReporter | undefined): Promise<DirectoryListing> {
  let last: SourceProgress | undefined;
  let settled = false;
  const onProgress = report
    ? (value: ListProgress) => {
        const progress = sanitizeProgress(value);
        if (settled || !progress) return;
        last = { source: source.id, label: source.label, loaded: progress.loaded, ...(progress.total === undefined ? {} : { total: progress.total }), done: false };
        report(source, last);
      }
    : undefined;
  return Promise.resolve()
    .then(() => source.adapter.listEntries(onProgress ? { signal, onProgress } : { signal }))
    .then(
      (listing) => {
        settled = true;
        if (!report) return listing;
        // Not a listing: a failure (see below), so no figures either.
        if (!Array.isArray(listing?.entries)) {
          report(source, undefined);
          return listing;
        }
        const loaded = last?.loaded ?? listing.entries.length;
        report(source, { source: source.id, label: source.label, loaded, total: loaded, done: true });
        return listing;
      },
      (error: unknown) => {
        settled = true;
        report?.(source, undefined);
        throw error;
      },
    );
}

export function createCompositeDirectory(sources: readonly DirectorySource[]): DirectoryAdapter {
  // Which source listed each Teams user, so presence is asked of the source that knows the user.
  let ownerOf = new Map<string, DirectorySource>();
  // Sources whose last listing was partial (a large tenant): the ones searched on the server.
  let searchable: DirectorySource[] = [];
  // The last listing each source gave, shown again (with its failure) when a reload of that source fails.
  const lastGood = new Map<string, readonly unknown[]>();

  return {
    async listEntries({ signal, onProgress }): Promise<DirectoryListing> {
      const report = progressReporter(sources, onProgress, signal);
      const results = await Promise.allSettled(sources.map((source) => listSource(source, signal, report)));
      signal.throwIfAborted();
      const entries: DirectoryEntry[] = [];
      const failures: SourceFailure[] = [];
      const owners = new Map<string, DirectorySource>();
      results.forEach((result, i) => {
        const source = sources[i]!;
        if (result.status === 'fulfilled' && Array.isArray(result.value?.entries)) {
          lastGood.set(source.id, result.value.entries);
          // Failures a nested composite reported stay visible.
          failures.push(...(result.value.failures ?? []));
        } else {
          failures.push({ source: source.id, label: source.label, error: result.status === 'rejected' ? result.reason : new TypeError('not a listing') });
        }
        // Host data is checked again by the book; here only what de-duplication needs.
        for (const entry of lastGood.get(source.id) ?? []) {
          const id = usableEntryId(entry);
          // Unusable (no kind or id): passed on, so the book drops it and reports it with the rest. Keyed as the book
          // keys entries, so a malformed entry never hides a good one with its id, and " 7" and 7 are one id.
          if (id === undefined) entries.push(entry as DirectoryEntry);
          if (id === undefined || owners.has(id)) continue;
          owners.set(id, source);
          entries.push({ ...(entry as DirectoryEntry), source: source.id });
        }
      });
      if (failures.length === sources.length && sources.length > 0) {
        throw failures[0]!.error;
      }
      ownerOf = owners;
      searchable = sources.filter((source, i) => {
        const result = results[i];
        return result?.status === 'fulfilled' && result.value?.serverSearch === true && typeof source.adapter.searchEntries === 'function';
      });
      return { entries, failures, ...(searchable.length > 0 ? { serverSearch: true } : {}) };
    },

    async searchEntries(query, { signal }): Promise<readonly DirectoryEntry[]> {
      // Only the sources whose listing was partial are searched; one failing leaves the others' results.
      const results = await Promise.allSettled(
        searchable.map((source) => Promise.resolve().then(() => source.adapter.searchEntries!(query, { signal }))),
      );
      signal.throwIfAborted();
      const found: DirectoryEntry[] = [];
      results.forEach((result, i) => {
        const source = searchable[i]!;
        if (result.status !== 'fulfilled' || !Array.isArray(result.value)) return;
        for (const entry of result.value as readonly DirectoryEntry[]) {
          if (typeof entry?.id !== 'string') continue;
          // Presence for a user found this way is asked of the source that found them.
          if (!ownerOf.has(entry.id)) ownerOf.set(entry.id, source);
          found.push({ ...entry, source: source.id });
        }
      });
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed && found.length === 0) throw failed.reason;
      return found;
    },

    async getPresences(ids, { signal }): Promise<readonly PresenceRecord[]> {
      const bySource = new Map<DirectorySource, string[]>();
      for (const id of ids) {
        const source = ownerOf.get(id);
        if (!source?.adapter.getPresences) continue;
        const sourceIds = bySource.get(source);
        if (sourceIds) sourceIds.push(id);
        else bySource.set(source, [id]);
      }
      // One source failing leaves its users Unknown; the others' presences still arrive.
      const results = await Promise.allSettled(
        [...bySource].map(([source, sourceIds]) => Promise.resolve().then(() => source.adapter.getPresences!(sourceIds, { signal }))),
      );
      signal.throwIfAborted();
      const failed = results.filter((result) => result.status === 'rejected');
      if (failed.length > 0 && failed.length === results.length) throw failed[0]!.reason;
      return results.flatMap((result) =>
        result.status === 'fulfilled' && Array.isArray(result.value) ? (result.value as readonly PresenceRecord[]) : [],
      );
    },

    async getSignedInAgent({ signal }): Promise<SignedInAgent> {
      const results = await Promise.allSettled(sources.map((source) => Promise.resolve().then(() => source.adapter.getSignedInAgent({ signal }))));
      signal.throwIfAborted();
      const agents = results.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value] : []));
      const agentId = agents.find((agent) => agent.agentId)?.agentId;
      const linkedTeamsUserId = agents.find((agent) => agent.linkedTeamsUserId)?.linkedTeamsUserId ?? null;
      // "Not linked" is only an answer if no source that could have said otherwise failed.
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      const agent: SignedInAgent = agentId ? { agentId, linkedTeamsUserId } : { linkedTeamsUserId };
      if (failed && linkedTeamsUserId === null) {
        // What is known (the agent's own id) still counts; the failure is the reason (e.g. a sign-in to Teams).
        throw new PartialResultError('The Teams link could not be checked.', agent, { cause: failed.reason });
      }
      return agent;
    },
  };
}
