/**
 * Merges several directory sources (e.g. ContactPad's VCC entities and Microsoft Graph's Teams entities) into one
 * adapter. Entries are de-duplicated by id (the first source listed wins). A source that fails does not fail the
 * whole: its failure is reported in the listing (the book shows it with a retry) and the other sources stay usable.
 */
import type { DirectoryAdapter, DirectoryListing, PresenceRecord, SignedInAgent, SourceFailure } from './adapter.js';
import type { DirectoryEntry } from './entry.js';
import { PartialResultError } from './errors.js';

export interface DirectorySource {
  /** A stable id for the source (reported with failures, set as `entry.source`). */
  readonly id: string;
  /** What an agent calls it, e.g. "Microsoft Teams", "Contact centre". */
  readonly label: string;
  readonly adapter: DirectoryAdapter;
}

export function createCompositeDirectory(sources: readonly DirectorySource[]): DirectoryAdapter {
  // Which source listed each Teams user, so presence is asked of the source that knows the user.
  let ownerOf = new Map<string, DirectorySource>();
  // Sources whose last listing was partial (a large tenant): the ones searched on the server.
  let searchable: DirectorySource[] = [];
  // The last listing each source gave, shown again (with its failure) when a reload of that source fails.
  const lastGood = new Map<string, readonly unknown[]>();

  return {
    async listEntries({ signal }): Promise<DirectoryListing> {
      const results = await Promise.allSettled(
        sources.map((source) => Promise.resolve().then(() => source.adapter.listEntries({ signal }))),
      );
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
          const id = (entry as Partial<DirectoryEntry> | null)?.id;
          if (typeof id !== 'string' || owners.has(id)) continue;
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
        bySource.set(source, [...(bySource.get(source) ?? []), id]);
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
