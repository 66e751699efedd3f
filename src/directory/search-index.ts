/**
 * The search index: built once per directory load, queried on every keystroke.
 * Matches names, any number (by digits, national or international), mail, job title, department and other
 * descriptive text; case- and diacritic-insensitive. A query that is a number ranks entries with that number first
 * (docs/rules.md#number-queries-rank-numbers-first); then name prefix matches, word-prefix matches, other matches,
 * each in collation order.
 *
 * Everything a keystroke needs is folded once, here, into flat arrays of strings, so a keystroke is a tight loop of
 * `String.prototype.includes` over 100,000 entries with no allocation but the hits. A query that extends the
 * previous one searches only the previous matches.
 */
import { ENTRY_KINDS, type DirectoryEntry, type EntryKind } from './entry.js';
import { digitsOf, findDigits, isDialable, matchForms, type PhoneNumber } from './phone-number.js';
import { foldText, queryWords } from './text.js';
import { collator as browserCollator } from '../internal/intl.js';

/**
 * How well an entry matched; lower is better. `Number`: a query that is a number found it in one of its numbers, which
 * beats any name that merely spells that number (docs/rules.md#number-queries-rank-numbers-first).
 */
export const MatchRank = { Number: 0, NamePrefix: 1, NameWord: 2, NameInner: 3, Other: 4 } as const;
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
  /**
   * Per entry, one folded string: the name, every other searchable field, then every digit form of every number,
   * joined by {@link SEPARATOR}. One string rather than one per field: a keystroke finds a word with a single
   * `indexOf` (where it occurs tells name from details), and 100,000 entries cost a third of the strings' headers.
   */
  private readonly haystacks: string[];
  /** Per entry, where its name ends and where its digits start in its haystack. */
  private readonly nameEnds: Uint32Array;
  private readonly digitsStarts: Uint32Array;
  /** Per entry, the first character of its folded name: one-letter queries never touch the strings. */
  private readonly firstCodes: Uint16Array;
  /** Per entry, a bit per letter a–z present in the name, at a name's word start, and in the details. */
  private readonly nameLetters: Uint32Array;
  private readonly wordStartLetters: Uint32Array;
  private readonly detailLetters: Uint32Array;
  /** Per entry, a bit per digit 0–9 in the name, and in the details or any number form. */
  private readonly nameDigits: Uint16Array;
  private readonly otherDigits: Uint16Array;
  /** Each entry's last hit, by position; filled (not sparse) so V8 keeps it a fast array. */
  private readonly hits: (SearchHit | undefined)[];
  /** The previous search's matches (positions in collation order), for narrowing. */
  private last: { readonly fullQuery: string; readonly accepted: number; readonly matches: Uint32Array } | undefined;
  /** The matches (positions in collation order) of the last search; `last.matches` views its start. */
  private readonly matchBuffer: Uint32Array;
  /** The rank of each match of the search under way. */
  private readonly matchRanks: Uint8Array;
  /** Per entry, the position of its kind in {@link ENTRY_KINDS}. */
  private readonly kindCodes: Uint8Array;
  /** How many entries the last search looked at: all of them, or only the previous matches when it narrowed. */
  scanned = 0;

  constructor(entries: readonly DirectoryEntry[], collator: Intl.Collator = browserCollator(undefined)) {
    const sorted = [...entries].sort((a, b) => collator.compare(a.displayName, b.displayName));
    const count = sorted.length;
    this.entries = sorted;
    this.haystacks = new Array<string>(count);
    this.nameEnds = new Uint32Array(count);
    this.digitsStarts = new Uint32Array(count);
    this.firstCodes = new Uint16Array(count);
    this.nameLetters = new Uint32Array(count);
    this.wordStartLetters = new Uint32Array(count);
    this.detailLetters = new Uint32Array(count);
    this.nameDigits = new Uint16Array(count);
    this.otherDigits = new Uint16Array(count);
    this.kindCodes = Uint8Array.from(sorted, (entry) => ENTRY_KINDS.indexOf(entry.kind));
    this.matchBuffer = new Uint32Array(count);
    this.matchRanks = new Uint8Array(count);
    for (let at = 0; at < count; at++) {
      const entry = sorted[at]!;
      const name = foldText(entry.displayName);
      // Mail and UPN are often the same address: searched once, the haystack is shorter for every keystroke.
      const details = foldText([...new Set(detailFields(entry).filter(Boolean))].join(SEPARATOR));
      // join() makes one flat string (concatenation would make a rope that V8 flattens into a second copy).
      const haystack = [name, details, digitForms(entry.numbers)].join(SEPARATOR);
      const digitsStart = name.length + details.length + 2;
      this.haystacks[at] = haystack;
      this.nameEnds[at] = name.length;
      this.digitsStarts[at] = digitsStart;
      this.firstCodes[at] = haystack.charCodeAt(0);
      this.nameLetters[at] = letterBits(haystack, 0, name.length);
      this.wordStartLetters[at] = wordStartBits(haystack, name.length);
      this.detailLetters[at] = letterBits(haystack, name.length, digitsStart);
      this.nameDigits[at] = digitBits(haystack, 0, name.length);
      this.otherDigits[at] = digitBits(haystack, name.length, haystack.length);
    }
    this.hits = new Array<SearchHit | undefined>(count).fill(undefined);
  }

  /**
   * Entries of the given kinds (every kind when omitted) matching every word of the query, best first. An empty
   * query gives every entry in collation order. A query that extends the previous one with the same kinds
   * ("ann" → "anna", "ann" → "ann l") searches only the previous matches: every entry matching the longer query
   * matched the shorter one.
   */
  search(query: string, kinds?: ReadonlySet<EntryKind>): SearchHit[] {
    const words = queryWords(query);
    // Kinds as bits, so the loop below tests an entry's kind without touching the entry object.
    const accepted = kinds ? kindBits(kinds) : ALL_KINDS;
    const codes = this.kindCodes;
    if (words.length === 0) {
      this.last = undefined;
      this.scanned = this.entries.length;
      const all: SearchHit[] = [];
      for (let at = 0; at < codes.length; at++) if (accepted & (1 << codes[at]!)) all.push(this.hit(at, MatchRank.NamePrefix));
      return all;
    }
    // A query that is a number ("020 7946") matches numbers by its digits as a whole, separators ignored.
    const queryDigits = isDialable(query) ? digitsOf(query) : '';
    const fullQuery = words.join(' ');
    // Words that look like part of a number ("+44", "(020)", "7946") are also matched by their digits.
    const digitWords = words.map(numberWordDigits);
    const last = this.last;
    const candidates = last?.accepted === accepted && fullQuery.startsWith(last.fullQuery) ? last.matches : undefined;
    const count = candidates ? candidates.length : codes.length;
    this.scanned = count;
    // Narrowing compacts the candidates in place: the i-th candidate is read before any match at or after i is written.
    const matches = this.matchBuffer;
    const ranks = this.matchRanks;
    // How many matches each rank has; then, below, where each rank starts in the results.
    const perRank = [0, 0, 0, 0, 0];
    let found = 0;
    for (let i = 0; i < count; i++) {
      const at = candidates ? candidates[i]! : i;
      if (!candidates && !(accepted & (1 << codes[at]!))) continue;
      const rank = this.rank(at, words, digitWords, fullQuery, queryDigits);
      if (rank === undefined) continue;
      matches[found] = at;
      ranks[found++] = rank;
      perRank[rank]!++;
    }
    this.last = { fullQuery, accepted, matches: matches.subarray(0, found) };
    // One array of exactly the right size, filled rank by rank in one pass (each rank keeps collation order).
    for (let rank = 0, start = 0; rank < perRank.length; rank++) {
      const size = perRank[rank]!;
      perRank[rank] = start;
      start += size;
    }
    const hits = new Array<SearchHit>(found);
    for (let j = 0; j < found; j++) {
      const rank = ranks[j]! as MatchRank;
      hits[perRank[rank]!++] = this.hit(matches[j]!, rank);
    }
    return hits;
  }

  /**
   * The hit of entry `at` with a rank: the entry's last hit when it had that rank, so a keystroke allocates only for
   * entries whose rank changed. One hit per entry, not one per rank: five would cost about 10 MB at 100,000 entries.
   */
  private hit(at: number, rank: MatchRank): SearchHit {
    let hit = this.hits[at];
    if (hit?.rank !== rank) {
      hit = { type: 'entry', entry: this.entries[at]!, rank };
      this.hits[at] = hit;
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
          if (this.firstCodes[at] === fullQuery.charCodeAt(0)) return MatchRank.NamePrefix;
          return this.wordStartLetters[at]! & bit ? MatchRank.NameWord : MatchRank.NameInner;
        }
        return this.detailLetters[at]! & bit ? MatchRank.Other : undefined;
      }
      // One digit: most entries have it in a number; only those with it in their name need a closer look.
      const digit = digitBit(fullQuery.charCodeAt(0));
      if (digit !== 0 && !(this.nameDigits[at]! & digit)) return this.otherDigits[at]! & digit ? MatchRank.Other : undefined;
    }
    const haystack = this.haystacks[at]!;
    const digitsStart = this.digitsStarts[at]!;
    // A number query found in a number outranks any name spelling it (an impostor named "+44 20 7946 0001").
    if (queryDigits !== '' && haystack.indexOf(queryDigits, digitsStart) >= 0) return MatchRank.Number;
    const nameEnd = this.nameEnds[at]!;
    let nameOnly = true;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      // The first occurrence tells where: a word in the name occurs there before anywhere else.
      const found = haystack.indexOf(word);
      if (found >= 0) {
        if (found >= nameEnd) nameOnly = false;
        continue;
      }
      nameOnly = false;
      // A word that looks like part of a number ("(020)", "+44") is also matched by its digits.
      const digits = digitWords[w]!;
      if (digits !== '' && haystack.indexOf(digits, digitsStart) >= 0) continue;
      return undefined;
    }
    if (!nameOnly) return MatchRank.Other;
    if (haystack.startsWith(fullQuery)) return MatchRank.NamePrefix;
    return startsWordAt(haystack, words[0]!, nameEnd) ? MatchRank.NameWord : MatchRank.NameInner;
  }

}

const ALL_KINDS = (1 << ENTRY_KINDS.length) - 1;

function kindBits(kinds: ReadonlySet<EntryKind>): number {
  let bits = 0;
  for (const kind of kinds) bits |= 1 << ENTRY_KINDS.indexOf(kind);
  return bits;
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

function digitBits(text: string, from: number, to: number): number {
  let bits = 0;
  for (let i = from; i < to; i++) bits |= digitBit(text.charCodeAt(i));
  return bits;
}

function letterBits(text: string, from: number, to: number): number {
  let bits = 0;
  for (let i = from; i < to; i++) bits |= letterBit(text.charCodeAt(i));
  return bits >>> 0;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether a folded character is part of a word (a letter or a digit in any script). */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= A && code <= Z) || (code >= ZERO && code <= NINE);
  // The second half of a surrogate pair: astral letters (CJK extensions, historic scripts) count as letters.
  if (code >= 0xdc00 && code <= 0xdfff) return true;
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

/** Letters that start a word of the name (the first `nameEnd` characters of the haystack). */
function wordStartBits(haystack: string, nameEnd: number): number {
  let bits = 0;
  for (let i = 0; i < nameEnd; i++) if (i === 0 || !isWordCode(haystack.charCodeAt(i - 1))) bits |= letterBit(haystack.charCodeAt(i));
  return bits >>> 0;
}

/** Whether `word` occurs at the start of a word of the name (the first `nameEnd` characters of the haystack). */
function startsWordAt(haystack: string, word: string, nameEnd: number): boolean {
  for (let at = haystack.indexOf(word); at >= 0 && at < nameEnd; at = haystack.indexOf(word, at + 1)) {
    if (at === 0 || !isWordCode(haystack.charCodeAt(at - 1))) return true;
  }
  return false;
}

/**
 * Every digit form of every number a query may match: international digits and, for international numbers, the
 * national form with its trunk 0. The national form without it is part of the international digits already.
 */
function digitForms(numbers: readonly PhoneNumber[]): string {
  const forms: string[] = [];
  for (const number of numbers) {
    for (const form of matchForms(number)) if (!number.digits.includes(form.digits) || form.digits === number.digits) forms.push(form.digits);
  }
  return forms.join(SEPARATOR);
}

/** The digits of a word that looks like part of a phone number, or '' for any other word. */
export function numberWordDigits(word: string): string {
  return /^[+(]?\d[\d().\-/]*$/.test(word) ? digitsOf(word) : '';
}


