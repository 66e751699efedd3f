/**
 * The search index: built once per directory load, queried on every keystroke.
 * Matches names, any number (by digits, national or international), mail, job title, department and other
 * descriptive text; case- and diacritic-insensitive. Ranks name prefix matches first, then word-prefix matches,
 * then other matches, each in collation order.
 *
 * Everything a keystroke needs is folded once, here, into flat arrays of strings, so a keystroke is a tight loop of
 * `String.prototype.includes` over 100,000 entries with no allocation but the hits. A query that extends the
 * previous one searches only the previous matches.
 */
import type { DirectoryEntry } from './entry.js';
import { digitsOf, findDigits, isDialable, matchForms, type PhoneNumber } from './phone-number.js';
import { foldText, queryWords } from './text.js';

/** How well an entry matched; lower is better. */
export const MatchRank = { NamePrefix: 0, NameWord: 1, NameInner: 2, Other: 3 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

/** One matching entry: also a row of the book (`type: 'entry'`), so results need no second wrapper. */
export interface SearchHit {
  readonly type: 'entry';
  readonly entry: DirectoryEntry;
  readonly rank: MatchRank;
}

/**
 * The number a query found an entry by (show and dial it rather than the default), or `undefined` when its name or
 * details matched. Worked out only for the rows shown or chosen, never for every hit of a keystroke.
 */
export function numberFoundBy(entry: DirectoryEntry, query: string): PhoneNumber | undefined {
  const queryDigits = isDialable(query) ? digitsOf(query) : '';
  const words = queryWords(query);
  const wanted = queryDigits ? [queryDigits] : words.map(numberWordDigits).filter(Boolean);
  if (wanted.length === 0) return undefined;
  if (!queryDigits) {
    const text = `${foldText(entry.displayName)}${SEPARATOR}${foldText(detailFields(entry).filter(Boolean).join(SEPARATOR))}`;
    if (words.every((word) => text.includes(word))) return undefined;
  }
  return entry.numbers.find((number) => wanted.some((digits) => findDigits(number, digits)));
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

// Joins fields so that no query word (which has no spaces or control characters) can match across two of them.
const SEPARATOR = '\u0001';

export class SearchIndex {
  /** Entries in collation order of their names. */
  readonly entries: readonly DirectoryEntry[];
  /** Folded names. */
  private readonly names: string[];
  /** Folded names with every word start marked by a leading space, for word-prefix ranking. */
  private readonly wordStarts: string[];
  /** Every other searchable field, folded. */
  private readonly details: string[];
  /** Every digit form of every number (international, national with and without the trunk 0). */
  private readonly digits: string[];
  /** Per entry, a bit per letter a–z present in the name, at a name's word start, and in the details. */
  private readonly nameLetters: Uint32Array;
  private readonly wordStartLetters: Uint32Array;
  private readonly detailLetters: Uint32Array;
  /** Per entry, a bit per digit 0–9 in the name, and in the details or any number form. */
  private readonly nameDigits: Uint16Array;
  private readonly otherDigits: Uint16Array;
  /** Reusable hits by rank then position; filled (not sparse) so V8 keeps them fast arrays. */
  private readonly hits: (SearchHit | undefined)[][];
  /** The previous search's matches (positions in collation order), for narrowing. */
  private last: { readonly fullQuery: string; readonly acceptKey: string; readonly matches: readonly number[] } | undefined;

  constructor(entries: readonly DirectoryEntry[], collator: Intl.Collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })) {
    const sorted = [...entries].sort((a, b) => collator.compare(a.displayName, b.displayName));
    this.entries = sorted;
    this.names = sorted.map((entry) => foldText(entry.displayName));
    this.wordStarts = this.names.map((name) => ` ${name.replace(/[^\p{L}\p{N}]+/gu, ' ')}`);
    // Mail and UPN are often the same address: searched once, the details string is shorter for every keystroke.
    this.details = sorted.map((entry) => foldText([...new Set(detailFields(entry).filter(Boolean))].join(SEPARATOR)));
    this.digits = sorted.map((entry) => entry.numbers.flatMap((number) => matchForms(number).map((form) => form.digits)).join(SEPARATOR));
    this.hits = [0, 1, 2, 3].map(() => new Array<SearchHit | undefined>(sorted.length).fill(undefined));
    this.nameLetters = Uint32Array.from(this.names, letterBits);
    this.wordStartLetters = Uint32Array.from(this.wordStarts, wordStartBits);
    this.detailLetters = Uint32Array.from(this.details, letterBits);
    this.nameDigits = Uint16Array.from(this.names, digitBits);
    this.otherDigits = Uint16Array.from(this.details, (details, at) => digitBits(details) | digitBits(this.digits[at]!));
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
      const all: SearchHit[] = [];
      for (let at = 0; at < this.entries.length; at++) if (accept(this.entries[at]!)) all.push(this.hit(at, MatchRank.NamePrefix));
      return all;
    }
    // A query that is a number ("020 7946") matches numbers by its digits as a whole, separators ignored.
    const queryDigits = isDialable(query) ? digitsOf(query) : '';
    const fullQuery = words.join(' ');
    // Words that look like part of a number ("+44", "(020)", "7946") are also matched by their digits.
    const digitWords = words.map(numberWordDigits);
    const last = this.last;
    const candidates = acceptKey !== undefined && last?.acceptKey === acceptKey && fullQuery.startsWith(last.fullQuery) ? last.matches : undefined;
    const count = candidates ? candidates.length : this.entries.length;
    const buckets: SearchHit[][] = [[], [], [], []];
    const matches: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = candidates ? candidates[i]! : i;
      const entry = this.entries[at]!;
      if (!candidates && !accept(entry)) continue;
      const rank = this.rank(at, words, digitWords, fullQuery, queryDigits);
      if (rank === undefined) continue;
      matches.push(at);
      buckets[rank]!.push(this.hit(at, rank));
    }
    this.last = acceptKey === undefined ? undefined : { fullQuery, acceptKey, matches };
    // concat copies arrays wholesale; flat() walks them element by element.
    return buckets[0]!.concat(buckets[1]!, buckets[2]!, buckets[3]!);
  }

  /** The hit of entry `at` with a rank, made once and reused: keystrokes allocate no per-entry objects. */
  private hit(at: number, rank: MatchRank): SearchHit {
    const byRank = this.hits[rank]!;
    let hit = byRank[at];
    if (!hit) {
      hit = { type: 'entry', entry: this.entries[at]!, rank };
      byRank[at] = hit;
    }
    return hit;
  }

  /** The rank of entry `at` for the query, or `undefined` when it does not match. */
  private rank(at: number, words: readonly string[], digitWords: readonly string[], fullQuery: string, queryDigits: string): MatchRank | undefined {
    // The first keystroke (one letter) matches most of the directory: answered from bits, not strings.
    if (words.length === 1 && fullQuery.length === 1) {
      const bit = letterBit(fullQuery.charCodeAt(0));
      if (bit !== 0) {
        if (this.nameLetters[at]! & bit) {
          if (this.names[at]!.charCodeAt(0) === fullQuery.charCodeAt(0)) return MatchRank.NamePrefix;
          return this.wordStartLetters[at]! & bit ? MatchRank.NameWord : MatchRank.NameInner;
        }
        return this.detailLetters[at]! & bit ? MatchRank.Other : undefined;
      }
      // One digit: most entries have it in a number; only those with it in their name need a closer look.
      const digit = digitBit(fullQuery.charCodeAt(0));
      if (digit !== 0 && !(this.nameDigits[at]! & digit)) return this.otherDigits[at]! & digit ? MatchRank.Other : undefined;
    }
    if (queryDigits !== '' && this.digits[at]!.includes(queryDigits)) return MatchRank.Other;
    const name = this.names[at]!;
    let nameOnly = true;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (name.includes(word)) continue;
      nameOnly = false;
      if (this.details[at]!.includes(word)) continue;
      // A word of digits may also be part of a number ("anna 7946").
      const digits = digitWords[w]!;
      if (digits !== '' && this.digits[at]!.includes(digits)) continue;
      return undefined;
    }
    if (!nameOnly) return MatchRank.Other;
    if (name.startsWith(fullQuery)) return MatchRank.NamePrefix;
    return this.wordStarts[at]!.includes(` ${words[0]}`) ? MatchRank.NameWord : MatchRank.NameInner;
  }

}

const A = 97;
const Z = 122;

/** The bit of a lower-case letter a–z, or 0 for any other character. */
function letterBit(code: number): number {
  return code >= A && code <= Z ? 1 << (code - A) : 0;
}

const ZERO = 48;
const NINE = 57;

/** The bit of a digit 0–9, or 0 for any other character. */
function digitBit(code: number): number {
  return code >= ZERO && code <= NINE ? 1 << (code - ZERO) : 0;
}

function digitBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= digitBit(text.charCodeAt(i));
  return bits;
}

function letterBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= letterBit(text.charCodeAt(i));
  return bits >>> 0;
}

/** Letters that start a word (`wordStarts` marks each word start with a leading space). */
function wordStartBits(wordStarts: string): number {
  let bits = 0;
  for (let i = 1; i < wordStarts.length; i++) if (wordStarts.charCodeAt(i - 1) === 32) bits |= letterBit(wordStarts.charCodeAt(i));
  return bits >>> 0;
}

/** The digits of a word that looks like part of a phone number, or '' for any other word. */
export function numberWordDigits(word: string): string {
  return /^[+(]?\d[\d().\-/]*$/.test(word) ? digitsOf(word) : '';
}


