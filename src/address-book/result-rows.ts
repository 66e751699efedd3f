/**
 * The rows the book shows for a query: the typed number (when the query is one) and the matching entries the mode
 * offers, filtered by kind. Pure: the element renders what this returns.
 */
import type { LoadedDirectory } from '../directory/loaded-directory.js';
import type { EntryKind } from '../directory/entry.js';
import { isDialable, toPhoneNumber, type PhoneNumber } from '../directory/phone-number.js';
import type { SearchHit } from '../directory/search-index.js';

export type ResultRow =
  | { readonly type: 'typed-number'; readonly number: PhoneNumber }
  | SearchHit;

export interface RowQuery {
  readonly query: string;
  readonly offered: ReadonlySet<EntryKind>;
  /** `'all'` or one kind. */
  readonly kindFilter: EntryKind | 'all';
  readonly locale: string | undefined;
}

export function resultRows(directory: LoadedDirectory | undefined, { query, offered, kindFilter, locale }: RowQuery): ResultRow[] {
  const rows: ResultRow[] = [];
  // A typed number can be dialled whatever the directory says, even before it loads.
  const typed = isDialable(query) ? toPhoneNumber(query, 'other') : undefined;
  if (typed) rows.push({ type: 'typed-number', number: typed });
  if (!directory) return rows;
  const hits = directory.indexFor(locale).search(query, acceptedKinds(offered, kindFilter));
  // The hits are the rows: no copy of 100,000 results per keystroke when there is no typed-number row.
  return rows.length === 0 ? hits : [...rows, ...hits];
}

/** The kinds the book lists: those the mode offers, narrowed to one by the kind filter. */
export function acceptedKinds(offered: ReadonlySet<EntryKind>, kindFilter: EntryKind | 'all'): ReadonlySet<EntryKind> {
  if (kindFilter === 'all') return offered;
  return new Set(offered.has(kindFilter) ? [kindFilter] : []);
}

/** The kinds the filter offers: those the mode offers that the directory has. */
export function filterKinds(directory: LoadedDirectory | undefined, offered: ReadonlySet<EntryKind>): EntryKind[] {
  if (!directory) return [];
  return [...offered].filter((kind) => directory.kinds.has(kind));
}

/** What a row stands for (the typed number or the entry): stable across keystrokes. */
export function rowKey(row: ResultRow | undefined): string {
  if (!row) return '';
  return row.type === 'typed-number' ? `#${row.number.digits}` : `@${row.entry.id}`;
}

/** Whether two rows stand for the same thing ({@link rowKey} alike), without making a key for either. */
export function sameTarget(a: ResultRow, b: ResultRow): boolean {
  if (a.type === 'typed-number') return b.type === 'typed-number' && a.number.digits === b.number.digits;
  return b.type === 'entry' && a.entry.id === b.entry.id;
}

/** Option ids by what a row stands for: stable across keystrokes, so a new active row is announced. */
export class OptionIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  idFor(row: ResultRow): string {
    const key = rowKey(row);
    let id = this.ids.get(key);
    if (!id) {
      id = `${this.prefix}-option-${this.ids.size}`;
      this.ids.set(key, id);
    }
    return id;
  }
}
