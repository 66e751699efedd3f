/**
 * Merges several directory sources (e.g. ContactPad's VCC entities and Microsoft Graph's Teams entities) into one
 * adapter. The sources list at once, and what has answered is handed on at once (`onPartial`): a slow source never
 * holds the others back. An id keeps the first source that listed it; a repeat is passed on for the book to report.
 * A source that fails does not fail the whole: its failure is reported in the listing (the book shows it with a
 * retry), its last good entries stay listed (marked stale), and the other sources stay usable.
 */
import type {
  DirectoryAdapter,
  DirectoryListing,
  ListEntriesOptions,
  ListProgress,
  PendingSource,
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
 * progress. `onPartial` gets the source's own partial listings (a nested composite, a streaming adapter).
 */
function listSource(
  source: DirectorySource,
  signal: AbortSignal,
  report: ProgressReporter | undefined,
  onPartial: ((listing: DirectoryListing) => void) | undefined,
): Promise<DirectoryListing> {
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
  const partial = onPartial
    ? (listing: DirectoryListing) => {
        if (!settled && !signal.aborted && Array.isArray(listing?.entries)) onPartial(listing);
      }
    : undefined;
  return Promise.resolve()
    .then(() => source.adapter.listEntries({ signal, ...(onProgress ? { onProgress } : {}), ...(partial ? { onPartial: partial } : {}) }))
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

/** Where one source's listing stands within a composite listing. */
type SourceState =
  | { readonly status: 'pending'; readonly partial?: DirectoryListing }
  | { readonly status: 'listed'; readonly listing: DirectoryListing }
  | { readonly status: 'failed'; readonly error: unknown };

/** A source's last good listing: shown again, marked stale, when a refresh of that source fails. */
interface LastGood {
  readonly entries: readonly unknown[];
  readonly at: number;
}

/** What merging the sources' states gives: the listing, and which source lists each entry (for presence). */
interface Merged {
  readonly listing: DirectoryListing;
  readonly owners: Map<string, DirectorySource>;
}

/**
 * The sources' entries in source order, each marked with its source. An id listed by an earlier source is kept
 * there; the later entry is passed on as it is, so the book counts it among the entries it could not use and reports
 * it (a source never silently replaces another's entry).
 */
function merge(sources: readonly DirectorySource[], states: readonly SourceState[], lastGood: ReadonlyMap<string, LastGood>): Merged {
  const entries: DirectoryEntry[] = [];
  const failures: SourceFailure[] = [];
  const pending: PendingSource[] = [];
  const owners = new Map<string, DirectorySource>();
  states.forEach((state, i) => {
    const source = sources[i]!;
    let listed: readonly unknown[];
    if (state.status === 'listed') {
      listed = state.listing.entries;
      // Failures a nested adapter reported stay visible.
      failures.push(...(state.listing.failures ?? []));
    } else if (state.status === 'failed') {
      const kept = lastGood.get(source.id);
      listed = kept?.entries ?? [];
      failures.push({ source: source.id, label: source.label, error: state.error, ...(kept ? { staleSince: kept.at } : {}) });
    } else {
      pending.push({ source: source.id, label: source.label });
      listed = state.partial?.entries ?? [];
    }
    for (const entry of listed) {
      const id = usableEntryId(entry);
      if (id === undefined || owners.has(id)) {
        // Unusable or repeated: passed on, for the book to drop and report with the rest.
        entries.push(id === undefined ? (entry as DirectoryEntry) : (withSource(entry, source.id) ?? (entry as DirectoryEntry)));
        continue;
      }
      const marked = withSource(entry, source.id);
      if (!marked) {
        entries.push(entry as DirectoryEntry);
        continue;
      }
      owners.set(id, source);
      entries.push(marked);
    }
  });
  return { listing: { entries, failures, ...(pending.length > 0 ? { pending } : {}) }, owners };
}

/** The entry marked with its source; `undefined` when host data cannot be copied (a getter that throws). */
function withSource(entry: unknown, source: string): DirectoryEntry | undefined {
  try {
    return { ...(entry as DirectoryEntry), source };
  } catch {
    return undefined;
  }
}

/**
 * The composite's listing: each source listed at once; as each answers, `onPartial` gets every entry known so far, so
 * a slow source never holds back the others (docs/rules.md#each-source-listed-as-it-answers).
 */
async function listAll(
  sources: readonly DirectorySource[],
  lastGood: Map<string, LastGood>,
  { signal, onProgress, onPartial }: ListEntriesOptions,
): Promise<{ merged: Merged; results: readonly PromiseSettledResult<DirectoryListing>[] }> {
  const report = progressReporter(sources, onProgress, signal);
  const states: SourceState[] = sources.map(() => ({ status: 'pending' }));
  const update = (i: number, state: SourceState) => {
    states[i] = state;
    if (onPartial && !signal.aborted && states.some((other) => other.status === 'pending')) {
      onPartial(merge(sources, states, lastGood).listing);
    }
  };
  const results = await Promise.allSettled(
    sources.map((source, i) =>
      listSource(source, signal, report, onPartial ? (partial) => update(i, { status: 'pending', partial }) : undefined).then(
        (listing) => {
          if (!Array.isArray(listing?.entries)) throw new TypeError('not a listing');
          lastGood.set(source.id, { entries: listing.entries, at: Date.now() });
          update(i, { status: 'listed', listing });
          return listing;
        },
        (error: unknown) => {
          update(i, { status: 'failed', error });
          throw error;
        },
      ),
    ),
  );
  signal.throwIfAborted();
  return { merged: merge(sources, states, lastGood), results };
}

export function createCompositeDirectory(sources: readonly DirectorySource[]): DirectoryAdapter {
  // Which source listed each Teams user, so presence is asked of the source that knows the user.
  let ownerOf = new Map<string, DirectorySource>();
  // Sources whose last listing was partial (a large tenant): the ones searched on the server.
  let searchable: DirectorySource[] = [];
  // The last listing each source gave, shown again (with its failure) when a reload of that source fails.
  const lastGood = new Map<string, LastGood>();

  return {
    async listEntries(options): Promise<DirectoryListing> {
      const { merged, results } = await listAll(sources, lastGood, options);
      const failed = results.filter((result) => result.status === 'rejected');
      if (failed.length === sources.length && sources.length > 0 && merged.listing.entries.length === 0) {
        throw (failed[0] as PromiseRejectedResult).reason;
      }
      ownerOf = merged.owners;
      searchable = sources.filter((source, i) => {
        const result = results[i];
        return result?.status === 'fulfilled' && result.value.serverSearch === true && typeof source.adapter.searchEntries === 'function';
      });
      return { ...merged.listing, ...(searchable.length > 0 ? { serverSearch: true } : {}) };
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
      // A source answers only for the users asked of it: a record for another source's user is dropped, so no source
      // can set the presence of a user it does not list.
      const asked = [...bySource.values()];
      return results.flatMap((result, i) => {
        if (result.status !== 'fulfilled' || !Array.isArray(result.value)) return [];
        const ids = new Set(asked[i]);
        return (result.value as readonly PresenceRecord[]).filter((record) => ids.has(record?.id));
      });
    },

    async getSignedInAgent({ signal }): Promise<SignedInAgent> {
      const results = await Promise.allSettled(sources.map((source) => Promise.resolve().then(() => source.adapter.getSignedInAgent({ signal }))));
      signal.throwIfAborted();
      const agents = results.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value] : []));
      const agentId = agents.find((agent) => agent.agentId)?.agentId;
      const linkedTeamsUserId = agents.find((agent) => agent.linkedTeamsUserId)?.linkedTeamsUserId ?? null;
      // "Not linked" is only an answer if no source that could have said otherwise failed.
      const failedAt = results.findIndex((result) => result.status === 'rejected');
      const agent: SignedInAgent = agentId ? { agentId, linkedTeamsUserId } : { linkedTeamsUserId };
      if (failedAt >= 0 && linkedTeamsUserId === null) {
        // What is known (the agent's own id) still counts; the failure is the reason (e.g. a sign-in to Teams).
        const failed = results[failedAt] as PromiseRejectedResult;
        throw new PartialResultError('The Teams link could not be checked.', agent, { cause: failed.reason, source: sources[failedAt]!.id });
      }
      return agent;
    },
  };
}
