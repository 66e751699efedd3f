/**
 * Presence for ONE open of the address book. The product rule: presences are refreshed only when the agent opens
 * the book; a change while it stays open is not shown until it is closed and reopened. So a session asks for each
 * Teams user at most once, never refreshes, and is aborted (with any request in flight) when the book closes.
 */
import type { GetPresencesOptions, PresenceRecord } from '../directory/adapter.js';
import { isPartialResult } from '../directory/errors.js';
import { parsePresence, unknownPresence, type Presence } from './presence.js';

export type FetchPresences = (teamsUserIds: readonly string[], options: GetPresencesOptions) => Promise<readonly PresenceRecord[]>;

export interface PresenceSessionCallbacks {
  /** New presences arrived (or failed and became Unknown). */
  readonly onPresences: (presences: ReadonlyMap<string, Presence>) => void;
  /** A request failed (not called for aborts). */
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
}

export class PresenceSession {
  private readonly controller = new AbortController();
  private readonly requested = new Set<string>();

  constructor(
    private readonly fetchPresences: FetchPresences,
    private readonly callbacks: PresenceSessionCallbacks,
  ) {}

  /** Whether the session was ended (the book closed). */
  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  /** Asks for the presences of users not yet asked for in this session; returns how many were asked for. */
  request(teamsUserIds: Iterable<string>): number {
    if (this.ended) return 0;
    const ids = [...new Set(teamsUserIds)].filter((id) => !this.requested.has(id));
    if (ids.length === 0) return 0;
    for (const id of ids) this.requested.add(id);
    void this.fetch(ids);
    return ids.length;
  }

  /** Ends the session: aborts requests in flight; nothing it receives afterwards is shown. */
  end(): void {
    this.controller.abort(new DOMException('The address book closed.', 'AbortError'));
  }

  private async fetch(ids: readonly string[]): Promise<void> {
    const { signal } = this.controller;
    const now = this.callbacks.now ?? Date.now;
    let records: readonly PresenceRecord[];
    let failure: { error: unknown } | undefined;
    try {
      // Inside the try so that a synchronous throw in host code is caught too.
      records = await this.fetchPresences(ids, { signal });
      if (!Array.isArray(records)) throw new TypeError('The directory adapter returned presences that are not a list.');
    } catch (error) {
      if (signal.aborted) return;
      // What did arrive is shown; everyone else becomes Unknown rather than keep a presence from an earlier open.
      records = isPartialResult<readonly PresenceRecord[]>(error) && Array.isArray(error.partial) ? error.partial : [];
      failure = { error };
    }
    if (signal.aborted) return;
    const readAt = now();
    const wanted = new Set(ids);
    const presences = new Map<string, Presence>();
    for (const record of records) {
      const id = (record as Partial<PresenceRecord> | null)?.id;
      if (typeof id === 'string' && wanted.has(id) && !presences.has(id)) presences.set(id, parsePresence(record, readAt));
    }
    for (const id of ids) if (!presences.has(id)) presences.set(id, unknownPresence());
    this.callbacks.onPresences(presences);
    if (failure) this.callbacks.onError(failure.error);
  }
}
