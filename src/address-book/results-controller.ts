/**
 * The rows the book shows, recomputed only when what they depend on changes (not on every arrow key or presence
 * arrival), plus server search for directories too large to download: debounced, and aborted on the next keystroke
 * (an @lit/task aborts its previous run when its arguments change).
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter } from '../directory/adapter.js';
import { isOffered, type LoadedDirectory } from '../directory/loaded-directory.js';
import type { DirectoryEntry, EntryKind } from '../directory/entry.js';
import { isAbortError } from '../internal/abort.js';
import { isDialable } from '../directory/phone-number.js';
import { sanitizeEntry } from '../directory/sanitize.js';
import { SearchIndex } from '../directory/search-index.js';
import { abortableDelay } from '../internal/abortable-delay.js';
import { acceptedKinds, resultRows, type ResultRow } from './result-rows.js';

/** Quiet time after a keystroke before the server is asked. */
export const SERVER_SEARCH_DEBOUNCE_MS = 300;
/** Shorter queries are not sent to the server (too broad to be useful). */
export const SERVER_SEARCH_MIN_LENGTH = 2;

/** One empty answer for every query the server is not asked: the rows' memo then sees nothing new. */
const NO_ENTRIES: readonly DirectoryEntry[] = Object.freeze([]);

export interface ResultsInputs {
  readonly directory: LoadedDirectory | undefined;
  readonly adapter: DirectoryAdapter | undefined;
  readonly query: string;
  readonly offered: ReadonlySet<EntryKind>;
  readonly kindFilter: EntryKind | 'all';
  readonly locale: string | undefined;
}

export interface ResultsCallbacks {
  readonly inputs: () => ResultsInputs;
  readonly onServerError: (error: unknown) => void;
}

export class ResultsController {
  private memo: { key: readonly unknown[]; rows: ResultRow[] } | undefined;
  private readonly serverSearch: Task<[DirectoryAdapter | undefined, LoadedDirectory | undefined, string], readonly DirectoryEntry[]>;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: ResultsCallbacks,
  ) {
    this.serverSearch = new Task(host, {
      args: () => {
        const { adapter, directory, query } = callbacks.inputs();
        // A directory searched locally never runs this task: its keystrokes cost one update, not two.
        return [adapter, directory, directory?.serverSearch && adapter?.searchEntries ? query.trim() : ''];
      },
      task: async ([adapter, directory, query], { signal }) => {
        if (!adapter?.searchEntries || !directory?.serverSearch || query.length < SERVER_SEARCH_MIN_LENGTH || isDialable(query)) return NO_ENTRIES;
        await abortableDelay(SERVER_SEARCH_DEBOUNCE_MS, signal);
        const found = await adapter.searchEntries(query, { signal });
        const entries = (Array.isArray(found) ? (found as unknown[]) : []).flatMap((item) => {
          const entry = sanitizeEntry(item);
          return entry && isOffered(entry, directory.agent) ? [entry] : [];
        });
        return entries;
      },
      onError: (error) => {
        if (!isAbortError(error)) callbacks.onServerError(error);
      },
    });
  }

  /** Whether a server search is waiting or running. */
  get searching(): boolean {
    return this.serverSearch.status === TaskStatus.PENDING && this.callbacks.inputs().directory?.serverSearch === true;
  }

  get rows(): ResultRow[] {
    const inputs = this.callbacks.inputs();
    // While the next search runs, the last results stay (re-matched against the new query below): no flicker.
    const serverEntries = this.serverSearch.value?.length ? this.serverSearch.value : NO_ENTRIES;
    const key = [inputs.directory, inputs.query, [...inputs.offered].join(), inputs.kindFilter, inputs.locale, serverEntries];
    if (this.memo && key.every((part, i) => part === this.memo!.key[i])) return this.memo.rows;
    const rows = mergeServerRows(resultRows(inputs.directory, inputs), serverEntries, inputs);
    this.memo = { key, rows };
    return rows;
  }
}

/** Adds server results not already listed, ranked among the local ones. */
function mergeServerRows(rows: ResultRow[], serverEntries: readonly DirectoryEntry[] | undefined, inputs: ResultsInputs): ResultRow[] {
  if (!serverEntries?.length) return rows;
  const listed = new Set(rows.flatMap((row) => (row.type === 'entry' ? [row.entry.id] : [])));
  const extra = serverEntries.filter((entry) => !listed.has(entry.id));
  const serverRows: ResultRow[] = new SearchIndex(extra).search(inputs.query, acceptedKinds(inputs.offered, inputs.kindFilter));
  // Server matches are word-prefix matches of names; keep local ordering and add them after equally ranked rows.
  return [...rows, ...serverRows].sort((a, b) => rankOf(a) - rankOf(b));
}

function rankOf(row: ResultRow): number {
  return row.type === 'typed-number' ? -1 : row.rank;
}
