/**
 * Presence for ONE open of the address book. The product rule: presences are refreshed only when the agent opens
 * the book; a change while it stays open is not shown until it is closed and reopened. So a session asks for each
 * Teams user at most once, never refreshes, and is aborted (with any request in flight) when the book closes.
 *
 * Requests scale with what the agent sees: the book asks for the rows in view; asks made while scrolling are
 * coalesced, one request per quiet moment. The session does not split a request by size: a source's limit per request
 * is its adapter's to keep (the Graph adapter sends Graph at most 650 ids a request, `presenceConcurrency` at a time).
 * Pieces split here would each be a call of their own, all in flight at once, around that concurrency limit.
 */
import type { GetPresencesOptions, PresenceRecord } from '../directory/adapter.js';
import { isPartialResult } from '../directory/errors.js';
import { parsePresence, unknownPresence, type Presence } from './presence.js';

export type FetchPresences = (teamsUserIds: readonly string[], options: GetPresencesOptions) => Promise<readonly PresenceRecord[]>;

/** Asks made within this quiet time after the first request are sent together. */
export const COALESCE_MS = 100;

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
  /** Asked for but not yet sent. */
  private pending: string[] = [];
  private flushScheduled = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private sentAny = false;
  /** A session reports one failure: a storm of failing requests is one problem for the agent. */
  private reportedFailure = false;

  constructor(
    private readonly fetchPresences: FetchPresences,
    private readonly callbacks: PresenceSessionCallbacks,
  ) {}

  /** Whether the session was ended (the book closed). */
  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  /**
   * Asks for the presences of users not yet asked for in this session; returns how many were new. The first ask of
   * a session is sent at once (in a microtask, so asks of the same moment join it); later ones are coalesced.
   */
  request(teamsUserIds: Iterable<string>): number {
    if (this.ended) return 0;
    let added = 0;
    for (const id of teamsUserIds) {
      if (this.requested.has(id)) continue;
      this.requested.add(id);
      this.pending.push(id);
      added++;
    }
    if (added > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      if (this.sentAny) this.flushTimer = setTimeout(() => this.flush(), COALESCE_MS);
      else queueMicrotask(() => this.flush());
    }
    return added;
  }

  /** Ends the session: aborts requests in flight; nothing it receives afterwards is shown. */
  end(): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.pending = [];
    this.controller.abort(new DOMException('The address book closed.', 'AbortError'));
  }

  private flush(): void {
    this.flushScheduled = false;
    this.flushTimer = undefined;
    if (this.ended) return;
    const ids = this.pending;
    this.pending = [];
    if (ids.length === 0) return;
    this.sentAny = true;
    void this.fetch(ids);
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
    if (failure && !this.reportedFailure) {
      this.reportedFailure = true;
      this.callbacks.onError(failure.error);
    }
  }
}
