/**
 * Turns whatever an adapter returned into entries the book can trust. Adapters are host code and may return
 * garbage: nothing here throws; what cannot be used is dropped and counted, so it is reported once
 * (docs/rules.md#adapter-answers-not-trusted). Hostile data too: an entry whose properties throw when read is dropped
 * (#unreadable-entries-dropped), an entry keeps at most {@link MAX_NUMBERS_PER_ENTRY} numbers
 * (#numbers-cleaned-and-capped), and shown texts lose what would make them show other than they read
 * (#shown-text-is-matched-text).
 */
import type { DirectoryListing, SourceFailure } from './adapter.js';
import { isEntryKind, isVccState, type DirectoryEntry, type EntryKind } from './entry.js';
import { toPhoneNumber, type PhoneNumber, type PhoneNumberType } from './phone-number.js';
import { cleanShownText } from './text.js';

/**
 * The most numbers an entry keeps: the first ones given, repeats (the same digits) not counted. Real entries have a
 * handful (Graph gives business phones, a mobile and assigned numbers); the rest are dropped, counted and reported once
 * (docs/rules.md#numbers-cleaned-and-capped). It also bounds the number menu, which therefore needs no windowing.
 */
export const MAX_NUMBERS_PER_ENTRY = 20;

export interface SanitizedListing {
  readonly entries: readonly DirectoryEntry[];
  readonly failures: readonly SourceFailure[];
  /** Entries dropped because they were malformed, could not be read, or repeated an id already listed. */
  readonly rejected: number;
  /** Distinct numbers dropped because their entry had more than {@link MAX_NUMBERS_PER_ENTRY}. */
  readonly droppedNumbers: number;
  /** More entries can be found with the adapter's server search. */
  readonly serverSearch: boolean;
}

const NUMBER_TYPES: readonly PhoneNumberType[] = ['business', 'mobile', 'ddi', 'extension', 'other'];

/** A host's object, its fields not yet checked. */
type Fields = Readonly<Record<string, unknown>>;

/** Whether every own enumerable field of a host's object can be read (none is a getter or a Proxy trap that throws). */
function readable(value: object): boolean {
  try {
    for (const key of Object.keys(value)) void (value as Fields)[key];
    return true;
  } catch {
    return false;
  }
}

/** A shown text, cleaned; `undefined` when nothing visible is left (a name of spaces or zero-width characters). */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanShownText(value);
  return cleaned === '' ? undefined : cleaned;
}

/**
 * One number an adapter gave: a {@link PhoneNumber} (its digits recomputed, not trusted) or a plain string. Throws when
 * reading it does: its entry is then dropped, like an entry that throws itself.
 */
function numberOf(item: unknown): PhoneNumber | undefined {
  if (typeof item === 'string') return toPhoneNumber(item, 'other');
  if (typeof item !== 'object' || item === null) return undefined;
  const { value, type } = item as { value?: unknown; type?: unknown };
  return toPhoneNumber(value, NUMBER_TYPES.includes(type as PhoneNumberType) ? (type as PhoneNumberType) : 'other');
}

/**
 * An entry's usable numbers, repeats (by digits) removed in one pass, the first {@link MAX_NUMBERS_PER_ENTRY} kept; and
 * how many distinct numbers were dropped beyond them. Throws when the host's list does (the entry is then dropped).
 */
function numbersOf(value: unknown): { numbers: PhoneNumber[]; dropped: number } {
  const numbers: PhoneNumber[] = [];
  if (!Array.isArray(value)) return { numbers, dropped: 0 };
  // Repeats among the kept numbers are found by a scan of at most MAX_NUMBERS_PER_ENTRY; beyond the cap, by a set made
  // then (most entries never need one): linear either way, whatever the number of numbers.
  let beyond: Set<string> | undefined;
  const list = value as readonly unknown[];
  for (let at = 0; at < list.length; at++) {
    const number = numberOf(list[at]);
    if (!number || numbers.some((kept) => kept.digits === number.digits)) continue;
    if (numbers.length < MAX_NUMBERS_PER_ENTRY) numbers.push(number);
    else (beyond ??= new Set()).add(number.digits);
  }
  return { numbers, dropped: beyond?.size ?? 0 };
}

/** An entry, cleaned, and how many of its numbers were dropped beyond the cap. */
interface CleanedEntry {
  readonly entry: DirectoryEntry;
  readonly droppedNumbers: number;
}

/**
 * One entry, cleaned, or `undefined` when it cannot be used at all (no kind, no id, unreadable). An entry that cleaning
 * would not change is returned as it is, not copied: at 100,000 entries a copy of each would double the directory's
 * memory.
 */
export function sanitizeEntry(value: unknown): DirectoryEntry | undefined {
  return cleanEntry(value)?.entry;
}

function cleanEntry(value: unknown): CleanedEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    const raw = value as Fields;
    const kind = raw.kind;
    const id = entryId(kind, raw.id);
    if (id === undefined) return undefined;
    const { numbers, dropped } = numbersOf(raw.numbers);
    const entry = build(raw, kind as EntryKind, id, numbers);
    // Kept as given only when it holds plain data: then no host code runs when the book reads it again.
    return { entry: holdsOnly(raw, entry) ? (value as DirectoryEntry) : entry, droppedNumbers: dropped };
  } catch {
    // A getter or a Proxy that throws: the entry is unreadable, and dropped with the malformed ones.
    return undefined;
  }
}

/** The entry of a kind, each of the host's fields read once. */
function build(raw: Fields, kind: EntryKind, id: string, numbers: readonly PhoneNumber[]): DirectoryEntry {
  // A missing name falls back to the first number, so the row still says what it dials.
  const displayName = text(raw.displayName) ?? numbers[0]?.value ?? '';
  const source = text(raw.source);
  const common = { id, displayName, numbers, ...(source === undefined ? {} : { source }) };
  // A loop, not fromEntries over arrays: this runs for every entry of a 100,000-entry directory.
  const optional = (...keys: string[]) => {
    const fields: Record<string, string> = {};
    for (const key of keys) {
      const value = text(raw[key]);
      if (value !== undefined) fields[key] = value;
    }
    return fields;
  };
  switch (kind) {
    case 'teams-user':
      return { kind, ...common, ...optional('mail', 'userPrincipalName', 'jobTitle', 'department') };
    case 'auto-attendant':
    case 'call-queue':
      return { kind, ...common, ...optional('userPrincipalName') };
    case 'vcc-agent': {
      const vccState = raw.vccState;
      return { kind, ...common, ...(isVccState(vccState) ? { vccState } : {}), ...optional('vccStateName', 'linkedTeamsUserId', 'mail') };
    }
    case 'vcc-group':
    case 'interaction-plan':
      return { kind, ...common, ...optional('description') };
    case 'external-contact':
      return { kind, ...common, ...optional('organization') };
  }
}

/**
 * Whether the host's object holds exactly the cleaned entry, in plain data properties: the same own keys with the same
 * values, and no getter (which would run host code each time the book reads the entry).
 */
function holdsOnly(raw: object, cleaned: DirectoryEntry): boolean {
  const mine = cleaned as unknown as Record<string, unknown>;
  return holdsExactly(raw, mine, (key, theirs) => (key === 'numbers' ? sameNumbers(mine.numbers as readonly PhoneNumber[], theirs) : theirs === mine[key]));
}

/** Whether `raw`'s own keys are `expected`'s, each a data property that `same` accepts. */
function holdsExactly(raw: object, expected: Readonly<Record<string, unknown>>, same: (key: string, theirs: unknown) => boolean): boolean {
  const keys = Object.keys(expected);
  if (Object.keys(raw).length !== keys.length) return false;
  return keys.every((key) => {
    const property = Object.getOwnPropertyDescriptor(raw, key);
    return property !== undefined && 'value' in property && same(key, property.value);
  });
}

function sameNumbers(cleaned: readonly PhoneNumber[], raw: unknown): boolean {
  if (!Array.isArray(raw) || raw.length !== cleaned.length) return false;
  return cleaned.every((number, at) => {
    const theirs: unknown = (raw as readonly unknown[])[at];
    if (typeof theirs !== 'object' || theirs === null) return false;
    const mine = number as unknown as Record<string, unknown>;
    return holdsExactly(theirs, mine, (key, value) => value === mine[key]);
  });
}

/** The id of an entry with this kind and id, or `undefined` without a known kind or an id. */
function entryId(kind: unknown, rawId: unknown): string | undefined {
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).trim() : '';
  return isEntryKind(kind) && id !== '' ? id : undefined;
}

/**
 * The id an entry is known by, or `undefined` when it cannot be used at all (not an object, no kind, no id, or a
 * property that throws when read): what de-duplication keys on, here and in a composite directory. Never throws.
 */
export function usableEntryId(value: unknown): string | undefined {
  // Every field is read, not only the id: an entry that passes can be copied (a composite directory spreads it).
  if (typeof value !== 'object' || value === null || !readable(value)) return undefined;
  try {
    return entryId((value as Fields).kind, (value as Fields).id);
  } catch {
    return undefined;
  }
}

/**
 * A source failure with its label cleaned like any shown text (as it is when already clean; its other fields, such as
 * `staleSince`, kept), or `undefined` when it is not one.
 */
function cleanFailure(value: unknown): SourceFailure | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    const failure = value as SourceFailure;
    if (typeof failure.source !== 'string') return undefined;
    const label = text(failure.label) ?? failure.source;
    return label === failure.label ? failure : { ...failure, label };
  } catch {
    return undefined;
  }
}

/**
 * Cleans a listing: drops malformed and unreadable entries and repeated ids (the first wins), caps each entry's numbers,
 * keeps source failures.
 */
export function sanitizeListing(value: unknown): SanitizedListing {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as DirectoryListing).entries)) {
    throw new TypeError('The directory adapter returned something that is not a listing ({ entries: [...] }).');
  }
  const listing = value as DirectoryListing;
  const seen = new Set<string>();
  const entries: DirectoryEntry[] = [];
  let rejected = 0;
  let droppedNumbers = 0;
  const items = listing.entries as readonly unknown[];
  for (let at = 0; at < items.length; at++) {
    const cleaned = cleanEntry(readItem(items, at));
    if (!cleaned || seen.has(cleaned.entry.id)) {
      rejected++;
      continue;
    }
    seen.add(cleaned.entry.id);
    entries.push(cleaned.entry);
    droppedNumbers += cleaned.droppedNumbers;
  }
  const failures = Array.isArray(listing.failures) ? (listing.failures as readonly unknown[]).flatMap((failure) => cleanFailure(failure) ?? []) : [];
  return { entries, failures, rejected, droppedNumbers, serverSearch: listing.serverSearch === true };
}

/** One slot of the host's array, or `undefined` when reading it throws (a getter on an index). */
function readItem(items: readonly unknown[], at: number): unknown {
  try {
    return items[at];
  } catch {
    return undefined;
  }
}
