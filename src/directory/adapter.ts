/**
 * The directory adapter contract: what a host implements so the address book can list entries and presences.
 * ContactPad feeds VCC entities through one adapter, Microsoft Graph feeds Teams entities through another,
 * and the composite adapter merges them.
 */
import type { DirectoryEntry } from './entry.js';

/** A presence as Microsoft Graph returns it (`presence` resource); strings are parsed case-insensitively. */
export interface PresenceRecord {
  /** The Teams user id (Entra object id). */
  readonly id: string;
  readonly availability?: string | null;
  readonly activity?: string | null;
  readonly statusMessage?: { readonly message?: { readonly content?: string } } | null;
  readonly outOfOfficeSettings?: { readonly isOutOfOffice?: boolean } | null;
  readonly sequenceNumber?: string | null;
}

/** A source that could not be listed (or only in part); its section shows an error with a retry, the rest stays usable. */
export interface SourceFailure {
  /** The source's id (as given to the composite adapter; an adapter reporting its own failure uses the same). */
  readonly source: string;
  /** A name an agent understands, e.g. "Microsoft Teams". */
  readonly label: string;
  readonly error: unknown;
  /**
   * When the source's entries from its last good listing are still listed (a refresh failed): when that listing was
   * read (epoch ms). The book says they may be out of date.
   */
  readonly staleSince?: number;
}

/** A source that has not answered yet, in a partial listing. */
export interface PendingSource {
  readonly source: string;
  readonly label: string;
}

/** What {@link DirectoryAdapter.listEntries} resolves to. */
export interface DirectoryListing {
  readonly entries: readonly DirectoryEntry[];
  /**
   * Sources that failed, shown beside the entries (each with its Retry) and reported once. A composite adapter reports
   * the sources that failed while others succeeded; any adapter may report its own source's failure beside a partial
   * listing (the Graph adapter, when a read stopped at its bounds: docs/rules.md#graph-paging-bounded).
   */
  readonly failures?: readonly SourceFailure[];
  /**
   * The listing is not the whole directory: more entries are found with `searchEntries` as the agent types
   * (a tenant too large to download). The book then searches the server for queries it cannot answer locally.
   */
  readonly serverSearch?: boolean;
  /**
   * In a partial listing ({@link ListEntriesOptions.onPartial}): the sources that have not answered yet. Should the
   * load end before they do (its deadline), they are reported as failed and what was listed stays.
   */
  readonly pending?: readonly PendingSource[];
}

/** Who is using the address book. */
export interface SignedInAgent {
  /** The agent's own VCC agent entry id, so it is not offered. */
  readonly agentId?: string;
  /**
   * The Teams user the agent linked their account to; `null` when not linked. Teams entries (users, auto attendants,
   * call queues) are listed only for a linked agent, and the linked user's own entry is not offered.
   */
  readonly linkedTeamsUserId: string | null;
}

/**
 * How far a listing has got, reported through {@link ListEntriesOptions.onProgress}. Each report is a snapshot that
 * replaces the one before.
 */
export interface ListProgress {
  /**
   * Records read so far. A source may count what it reads before filtering: Graph counts the users it has read,
   * with or without a number, so this can end above the entries listed.
   */
  readonly loaded: number;
  /** How many records there are in all, when the source knows (Graph's `@odata.count`); absent until then. */
  readonly total?: number;
  /**
   * Each source's own progress, from a composite adapter: the sources that have reported or finished (a source that
   * failed is left out), in the order they were given. `loaded` is then their sum, and `total` too when every one of
   * them knows its total.
   */
  readonly sources?: readonly SourceProgress[];
}

/** One source's progress within a composite adapter's {@link ListProgress}. */
export interface SourceProgress {
  /** The source's id (as given to the composite adapter). */
  readonly source: string;
  /** A name an agent understands, e.g. "Microsoft Teams". */
  readonly label: string;
  readonly loaded: number;
  readonly total?: number;
  /** The source has finished listing: its figures are final (`total` is then always set). */
  readonly done: boolean;
}

export interface ListEntriesOptions {
  readonly signal: AbortSignal;
  /**
   * Optional: how far the listing has got, for the book to show while it loads (e.g. call it after each page).
   * Call it as often as is natural: the book throttles what it shows. Reports that are malformed, or come after the
   * listing settled or the signal aborted, are ignored. An adapter that cannot tell simply never calls it.
   */
  readonly onProgress?: (progress: ListProgress) => void;
  /**
   * Optional: the entries listed so far while the listing goes on, for the book to list and search at once (a
   * composite adapter calls it as each source answers, so a slow source never holds the others back). Each call
   * replaces the one before, with `pending` naming the sources still listing; the resolved listing is the final word.
   */
  readonly onPartial?: (listing: DirectoryListing) => void;
}

export interface GetPresencesOptions {
  readonly signal: AbortSignal;
}

export interface SearchEntriesOptions {
  readonly signal: AbortSignal;
}

export interface SignedInAgentOptions {
  readonly signal: AbortSignal;
}

/**
 * Implemented by the host. Every method receives an `AbortSignal`: the book aborts work it no longer needs
 * (presence requests when it closes). Rejections and malformed answers are reported, never thrown at the agent.
 */
export interface DirectoryAdapter {
  /**
   * Everything that can be dialled. Called on first open and when the cached listing is older than its max age.
   * The book keeps well-formed entries as they are (without copying them), so treat a returned listing as immutable:
   * a change shows with the next listing.
   */
  listEntries(options: ListEntriesOptions): Promise<DirectoryListing>;
  /**
   * Presences of Teams users. The book asks for the users it shows, never the whole directory: when it opens, those
   * of the rows in view and a margin (one request, sent first); then, in the same open, users whose rows scroll or
   * search into view, coalesced into one request per quiet moment. Each open asks for each user at most once, and
   * closing aborts what is in flight. The ids of one call are not split: an adapter whose service limits a request's
   * size (Microsoft Graph: 650 ids) splits them itself. Ids with no record in the answer are shown as Unknown.
   * Adapters without Teams users may omit it.
   */
  getPresences?(teamsUserIds: readonly string[], options: GetPresencesOptions): Promise<readonly PresenceRecord[]>;
  /**
   * Entries matching what the agent typed, found on the server; called (debounced, aborted on the next keystroke)
   * only when the listing said `serverSearch`.
   */
  searchEntries?(query: string, options: SearchEntriesOptions): Promise<readonly DirectoryEntry[]>;
  /** The signed-in agent and whether they are linked to a Teams user. */
  getSignedInAgent(options: SignedInAgentOptions): Promise<SignedInAgent>;
}
