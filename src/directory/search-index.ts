/**
 * The search index: built once per directory load, queried on every keystroke.
 * Matches names, any number (by digits, national or international), mail, job title, department and other
 * descriptive text; case- and diacritic-insensitive. Ranks name prefix matches first, then word-prefix matches,
 * then other matches, each in collation order.
 */
import type { DirectoryEntry } from './entry.js';
import { digitsOf, findDigits, isDialable, type PhoneNumber } from './phone-number.js';
import { findWordStart, foldText, queryWords } from './text.js';

/** How well an entry matched; lower is better. */
export const MatchRank = { NamePrefix: 0, NameWord: 1, NameInner: 2, Other: 3 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

export interface SearchHit {
  readonly entry: DirectoryEntry;
  readonly rank: MatchRank;
  /** The number that matched typed digits, when one did (show it rather than the default). */
  readonly matchedNumber?: PhoneNumber;
}

interface IndexedEntry {
  readonly entry: DirectoryEntry;
  readonly name: string;
  /** Every other searchable field, folded and joined by a separator no query contains. */
  readonly details: string;
}

/** The searchable text of an entry other than its name. */
export function detailFields(entry: DirectoryEntry): (string | undefined)[] {
  switch (entry.kind) {
    case 'teams-user':
      return [entry.mail, entry.userPrincipalName, entry.jobTitle, entry.department];
    case 'auto-attendant':
    case 'call-queue':
      return [entry.userPrincipalName];
    case 'vcc-agent':
      return [entry.mail];
    case 'vcc-group':
    case 'interaction-plan':
      return [entry.description];
    case 'external-contact':
      return [entry.organization];
  }
}

export class SearchIndex {
  /** Entries in collation order of their names. */
  readonly entries: readonly DirectoryEntry[];
  private readonly indexed: readonly IndexedEntry[];
  /** The previous search's matches (positions in collation order), for narrowing. */
  private last: { readonly fullQuery: string; readonly acceptKey: string; readonly matches: readonly number[] } | undefined;

  constructor(entries: readonly DirectoryEntry[], collator: Intl.Collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })) {
    const sorted = [...entries].sort((a, b) => collator.compare(a.displayName, b.displayName));
    this.entries = sorted;
    this.indexed = sorted.map((entry) => ({
      entry,
      name: foldText(entry.displayName),
      details: foldText(detailFields(entry).filter(Boolean).join('\u0001')),
    }));
  }

  /**
   * Entries matching every word of the query, best first. An empty query gives every entry in collation order.
   * `accept` filters entries before matching (kind filter, mode policy). When `acceptKey` names the filter, a query
   * that extends the previous one with the same filter ("ann" → "anna", "ann" → "ann l") searches only the previous
   * matches: every entry matching the longer query matched the shorter one.
   */
  search(query: string, accept: (entry: DirectoryEntry) => boolean = () => true, acceptKey?: string): SearchHit[] {
    const words = queryWords(query);
    if (words.length === 0) {
      this.last = undefined;
      return this.indexed.filter(({ entry }) => accept(entry)).map(({ entry }) => ({ entry, rank: MatchRank.NamePrefix }));
    }
    // A query that is a number ("020 7946") matches numbers by its digits as a whole, separators ignored.
    const queryDigits = isDialable(query) ? digitsOf(query) : '';
    const fullQuery = words.join(' ');
    const last = this.last;
    const narrowing = acceptKey !== undefined && last?.acceptKey === acceptKey && fullQuery.startsWith(last.fullQuery);
    const candidates = narrowing ? last.matches : undefined;
    const count = candidates ? candidates.length : this.indexed.length;
    const buckets: SearchHit[][] = [[], [], [], []];
    const matches: number[] = [];
    for (let i = 0; i < count; i++) {
      const position = candidates ? candidates[i]! : i;
      const item = this.indexed[position]!;
      if (!candidates && !accept(item.entry)) continue;
      const hit = this.match(item, words, fullQuery, queryDigits);
      if (!hit) continue;
      buckets[hit.rank]!.push(hit);
      matches.push(position);
    }
    this.last = acceptKey === undefined ? undefined : { fullQuery, acceptKey, matches };
    return buckets.flat();
  }

  private match(item: IndexedEntry, words: readonly string[], fullQuery: string, queryDigits: string): SearchHit | undefined {
    const { entry } = item;
    if (queryDigits) {
      const matchedNumber = entry.numbers.find((number) => findDigits(number, queryDigits));
      if (matchedNumber) return { entry, rank: MatchRank.Other, matchedNumber };
    }
    let matchedNumber: PhoneNumber | undefined;
    let nameOnly = true;
    for (const word of words) {
      if (item.name.includes(word)) continue;
      nameOnly = false;
      if (item.details.includes(word)) continue;
      // A word of digits may also be part of a number ("anna 7946").
      const digits = /^\d+$/.test(word) ? entry.numbers.find((number) => findDigits(number, word)) : undefined;
      if (!digits) return undefined;
      matchedNumber ??= digits;
    }
    const rank = nameOnly ? nameRank(item.name, words, fullQuery) : MatchRank.Other;
    return matchedNumber ? { entry, rank, matchedNumber } : { entry, rank };
  }
}

function nameRank(name: string, words: readonly string[], fullQuery: string): MatchRank {
  if (name.startsWith(fullQuery)) return MatchRank.NamePrefix;
  const first = words[0] ?? '';
  const at = findWordStart(name, first);
  return at === 0 || (at > 0 && !/[\p{L}\p{N}]/u.test(name.charAt(at - 1))) ? MatchRank.NameWord : MatchRank.NameInner;
}
