/**
 * Which rows' presence the book asks for: the rows in view and a margin around them, so presence scales with what
 * the agent sees. The presence session never asks for a user twice in one open, and coalesces asks made while
 * scrolling.
 */
import type { DirectoryEntry } from '../directory/entry.js';
import type { ResultRow } from './result-rows.js';

/** Rows asked for when the book opens: more than fit in view at the default height, so one request covers them. */
const INITIAL_VIEW_ROWS = 20;
/** Rows beyond those in view whose presence is asked for too, so a short scroll shows presence at once. */
const PRESENCE_MARGIN_ROWS = 10;

export interface PresenceRowsOptions {
  readonly open: () => boolean;
  /** The rows last rendered. */
  readonly rows: () => readonly ResultRow[];
  /** The rows in view now (inclusive indices). */
  readonly visible: () => { first: number; last: number };
  readonly request: (entries: readonly DirectoryEntry[]) => void;
}

export class PresenceRows {
  /** This open has not yet asked for presence (it does once rows can be shown). */
  private openPending = false;

  constructor(private readonly options: PresenceRowsOptions) {}

  /** A new open: its first ask waits until there are rows to show. */
  begin(): void {
    this.openPending = true;
  }

  /** Called as the book updates, once it knows whether the results are new and whether the directory is loaded. */
  update(resultsChanged: boolean, loaded: boolean): void {
    // New results: the rows now in view need presence (the session asks only for users it has not asked for in this open).
    if (resultsChanged && !this.openPending) {
      const { first, last } = this.options.visible();
      this.request(first, last);
    }
    // This open's first presence request: the rows in view and a margin, as soon as there are rows to show.
    if (this.options.open() && this.openPending && loaded) {
      this.openPending = false;
      this.request(0, INITIAL_VIEW_ROWS);
    }
  }

  /** Asks presence for the Teams users of rows `first`…`last` and a margin around them. */
  request(first: number, last: number): void {
    if (!this.options.open()) return;
    const rows = this.options.rows().slice(Math.max(0, first - PRESENCE_MARGIN_ROWS), last + PRESENCE_MARGIN_ROWS + 1);
    this.options.request(rows.flatMap((row) => (row.type === 'entry' ? [row.entry] : [])));
  }
}
