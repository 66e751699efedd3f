/**
 * A loaded directory as the book uses it: the entries offered to this agent, what went wrong while loading, and the
 * search index (built per locale on first use). Built from a sanitised listing and the signed-in agent, once for the
 * final listing and once for each partial one shown while a slow source still lists.
 */
import type { SignedInAgent, SourceFailure, PendingSource } from './adapter.js';
import { TEAMS_KINDS, type DirectoryEntry, type EntryKind } from './entry.js';
import type { SanitizedListing } from './sanitize.js';
import { SearchIndex } from './search-index.js';
import { collator } from '../internal/intl.js';

export interface LoadedDirectory {
  /** The entries the book may offer: number-less Teams entries, Teams entries of an unlinked agent and the agent's own entries removed. */
  readonly entries: readonly DirectoryEntry[];
  readonly agent: SignedInAgent;
  readonly failures: readonly SourceFailure[];
  /** Entries the adapter returned that could not be used (malformed, unreadable, repeated ids). */
  readonly rejected: number;
  /** Numbers dropped because their entry had more than `MAX_NUMBERS_PER_ENTRY` (docs/rules.md#numbers-cleaned-and-capped). */
  readonly droppedNumbers: number;
  /** The kinds of entry offered (for the kind filter). */
  readonly kinds: ReadonlySet<EntryKind>;
  /** The listing is partial: more entries are found by the adapter's server search as the agent types. */
  readonly serverSearch: boolean;
  /** The error of `getSignedInAgent` when it failed (Teams entries are then hidden, unless the link is `agentStale`). */
  readonly agentError?: unknown;
  /** The link check failed, and `agent` is the one the last good load found (kept rather than hiding Teams entries). */
  readonly agentStale?: boolean;
  /** The source whose failure failed the link check, when known (a composite's source id). */
  readonly agentErrorSource?: string;
  /**
   * `false` for what is shown while the load goes on (some sources have answered, `pending` have not): listed and
   * searchable, but not cached, and its problems not reported yet.
   */
  readonly complete: boolean;
  /** In a directory not `complete`: the sources still listing. */
  readonly pending: readonly PendingSource[];
  readonly loadedAt: number;
  /**
   * The offered Teams user a contact-centre agent is linked to ("Linked to <name>"), by its id. Only linked users are
   * indexed (on first use): a map of every entry would cost megabytes at 100,000 entries, for a handful of agents.
   */
  linkedUser(id: string): DirectoryEntry | undefined;
  /** The search index for a locale's collation, built once per locale on first use. */
  indexFor(locale: string | undefined): SearchIndex;
}

const DIALLED_BY_ID: ReadonlySet<EntryKind> = new Set(['vcc-agent', 'vcc-group', 'interaction-plan']);

export const NOT_LINKED: SignedInAgent = { linkedTeamsUserId: null };

/** Whether an entry is offered to this agent at all, whatever the mode. */
export function isOffered(entry: DirectoryEntry, agent: SignedInAgent): boolean {
  if (entry.id === agent.agentId || entry.id === agent.linkedTeamsUserId) return false;
  // Contact-centre agents, groups and plans are dialled by id; everything else needs a number.
  if (!DIALLED_BY_ID.has(entry.kind) && entry.numbers.length === 0) return false;
  // Teams entries need a linked agent.
  return agent.linkedTeamsUserId !== null || !TEAMS_KINDS.has(entry.kind);
}

/** The agent as `getSignedInAgent` gave it, cleaned (host code). */
export function sanitizeAgent(value: unknown): SignedInAgent {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const linked = typeof raw.linkedTeamsUserId === 'string' && raw.linkedTeamsUserId !== '' ? raw.linkedTeamsUserId : null;
  return typeof raw.agentId === 'string' ? { agentId: raw.agentId, linkedTeamsUserId: linked } : { linkedTeamsUserId: linked };
}

/** What the link check gave: the agent, or what is known of it and why the check failed. */
export interface AgentCheck {
  readonly agent: SignedInAgent;
  readonly error?: unknown;
  readonly stale?: boolean;
  readonly source?: string | undefined;
}

export function toLoadedDirectory(
  { entries, failures, rejected, droppedNumbers, serverSearch }: SanitizedListing,
  check: AgentCheck,
  { loadedAt, pending }: { readonly loadedAt: number; readonly pending?: readonly PendingSource[] | undefined },
): LoadedDirectory {
  const { agent } = check;
  const offered = entries.filter((entry) => isOffered(entry, agent));
  const indexes = new Map<string, SearchIndex>();
  let linked: Map<string, DirectoryEntry> | undefined;
  return {
    entries: offered,
    agent,
    failures,
    rejected,
    droppedNumbers,
    serverSearch,
    kinds: new Set(offered.map((entry) => entry.kind)),
    ...('error' in check ? { agentError: check.error } : {}),
    ...(check.stale ? { agentStale: true } : {}),
    ...(check.source === undefined ? {} : { agentErrorSource: check.source }),
    complete: pending === undefined,
    pending: pending ?? [],
    loadedAt,
    linkedUser(id) {
      if (!linked) {
        const wanted = new Set(offered.flatMap((entry) => (entry.kind === 'vcc-agent' && entry.linkedTeamsUserId ? [entry.linkedTeamsUserId] : [])));
        linked = new Map(offered.filter((entry) => entry.kind === 'teams-user' && wanted.has(entry.id)).map((entry) => [entry.id, entry]));
      }
      return linked.get(id);
    },
    indexFor(locale) {
      const key = locale ?? '';
      let index = indexes.get(key);
      if (!index) {
        index = new SearchIndex(offered, collator(locale));
        indexes.set(key, index);
      }
      return index;
    },
  };
}
