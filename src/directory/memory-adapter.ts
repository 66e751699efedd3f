/**
 * A directory adapter over entries held in memory: for hosts that already have their entries (ContactPad's VCC
 * entities, speed dials), for stories and for tests.
 */
import type { DirectoryAdapter, DirectoryListing, PresenceRecord, SignedInAgent } from './adapter.js';
import type { DirectoryEntry } from './entry.js';

export interface MemoryDirectoryOptions {
  readonly entries: readonly DirectoryEntry[];
  /** Presences by Teams user id, or a function read at each request (so presences can move). */
  readonly presences?: ReadonlyMap<string, PresenceRecord> | ((id: string) => PresenceRecord | undefined);
  /** The signed-in agent; not linked to Teams when omitted. */
  readonly agent?: SignedInAgent;
}

export function createMemoryDirectory({ entries, presences, agent = { linkedTeamsUserId: null } }: MemoryDirectoryOptions): DirectoryAdapter {
  const presenceOf = typeof presences === 'function' ? presences : (id: string) => presences?.get(id);
  return {
    listEntries({ signal }): Promise<DirectoryListing> {
      signal.throwIfAborted();
      return Promise.resolve({ entries });
    },
    getPresences(ids, { signal }): Promise<readonly PresenceRecord[]> {
      signal.throwIfAborted();
      return Promise.resolve(ids.flatMap((id) => presenceOf(id) ?? []));
    },
    getSignedInAgent({ signal }): Promise<SignedInAgent> {
      signal.throwIfAborted();
      return Promise.resolve(agent);
    },
  };
}
