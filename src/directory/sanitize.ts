/**
 * Turns whatever an adapter returned into entries the book can trust. Adapters are host code and may return
 * garbage: nothing here throws; what cannot be used is dropped and counted, so it is reported once.
 */
import type { DirectoryListing, SourceFailure } from './adapter.js';
import { isEntryKind, isVccState, type DirectoryEntry } from './entry.js';
import { toPhoneNumber, type PhoneNumber, type PhoneNumberType } from './phone-number.js';

export interface SanitizedListing {
  readonly entries: readonly DirectoryEntry[];
  readonly failures: readonly SourceFailure[];
  /** Entries dropped because they were malformed or repeated an id already listed. */
  readonly rejected: number;
  /** More entries can be found with the adapter's server search. */
  readonly serverSearch: boolean;
}

const NUMBER_TYPES: readonly PhoneNumberType[] = ['business', 'mobile', 'ddi', 'extension', 'other'];

// trim() leaves zero-width and bidi formatting characters: a name of nothing else would show as a blank row.
const INVISIBLE = /^[\s\p{Cf}]*$/u;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && !INVISIBLE.test(value) ? value.trim() : undefined;
}

function numbersOf(value: unknown): PhoneNumber[] {
  if (!Array.isArray(value)) return [];
  const numbers: PhoneNumber[] = [];
  for (const item of value as unknown[]) {
    // Accept a PhoneNumber or a plain string; recompute digits rather than trusting the adapter's.
    const raw = typeof item === 'string' ? item : (item as { value?: unknown } | null)?.value;
    const type = (item as { type?: unknown } | null)?.type;
    const number = toPhoneNumber(raw, NUMBER_TYPES.includes(type as PhoneNumberType) ? (type as PhoneNumberType) : 'other');
    if (number && !numbers.some((known) => known.digits === number.digits)) numbers.push(number);
  }
  return numbers;
}

/**
 * One entry, cleaned, or `undefined` when it cannot be used at all (no kind, no id). An entry that cleaning would
 * not change is returned as it is, not copied: at 100,000 entries a copy of each would double the directory's memory.
 */
export function sanitizeEntry(value: unknown): DirectoryEntry | undefined {
  const cleaned = cleanEntry(value);
  return cleaned && sameEntry(cleaned, value as Record<string, unknown>) ? (value as DirectoryEntry) : cleaned;
}

/** Whether the host's object holds exactly the cleaned entry: the same own keys with the same values. */
function sameEntry(cleaned: DirectoryEntry, raw: Record<string, unknown>): boolean {
  const keys = Object.keys(cleaned);
  if (Object.keys(raw).length !== keys.length) return false;
  for (const key of keys) {
    const mine = (cleaned as unknown as Record<string, unknown>)[key];
    const theirs = raw[key];
    if (key === 'numbers') {
      if (!sameNumbers(mine as readonly PhoneNumber[], theirs)) return false;
    } else if (mine !== theirs) return false;
  }
  return true;
}

function sameNumbers(cleaned: readonly PhoneNumber[], raw: unknown): boolean {
  if (!Array.isArray(raw) || raw.length !== cleaned.length) return false;
  return cleaned.every((number, at) => {
    const theirs = raw[at] as Record<string, unknown> | null;
    return (
      typeof theirs === 'object' && theirs !== null && Object.keys(theirs).length === 3 &&
      theirs.value === number.value && theirs.digits === number.digits && theirs.type === number.type
    );
  });
}

/**
 * The id an entry is known by, or `undefined` when it cannot be used at all (not an object, no kind, no id): what
 * de-duplication keys on, here and in a composite directory.
 */
export function usableEntryId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id).trim() : '';
  return isEntryKind(raw.kind) && id !== '' ? id : undefined;
}

function cleanEntry(value: unknown): DirectoryEntry | undefined {
  const id = usableEntryId(value);
  if (id === undefined) return undefined;
  const raw = value as Record<string, unknown>;
  const numbers = numbersOf(raw.numbers);
  // A missing name falls back to the first number, so the row still says what it dials.
  const displayName = text(raw.displayName) ?? numbers[0]?.value ?? '';
  const common = { id, displayName, numbers, ...(text(raw.source) ? { source: text(raw.source) } : {}) };
  const optional = (...keys: string[]) => Object.fromEntries(keys.flatMap((key) => (text(raw[key]) ? [[key, text(raw[key])]] : [])));
  switch (raw.kind) {
    case 'teams-user':
      return { kind: raw.kind, ...common, ...optional('mail', 'userPrincipalName', 'jobTitle', 'department') };
    case 'auto-attendant':
    case 'call-queue':
      return { kind: raw.kind, ...common, ...optional('userPrincipalName') };
    case 'vcc-agent':
      return {
        kind: raw.kind,
        ...common,
        ...(isVccState(raw.vccState) ? { vccState: raw.vccState } : {}),
        ...optional('vccStateName', 'linkedTeamsUserId', 'mail'),
      };
    case 'vcc-group':
    case 'interaction-plan':
      return { kind: raw.kind, ...common, ...optional('description') };
    case 'external-contact':
      return { kind: raw.kind, ...common, ...optional('organization') };
  }
}

/** Cleans a listing: drops malformed entries and repeated ids (the first wins), keeps source failures. */
export function sanitizeListing(value: unknown): SanitizedListing {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as DirectoryListing).entries)) {
    throw new TypeError('The directory adapter returned something that is not a listing ({ entries: [...] }).');
  }
  const listing = value as DirectoryListing;
  const seen = new Set<string>();
  const entries: DirectoryEntry[] = [];
  let rejected = 0;
  for (const item of listing.entries as unknown[]) {
    const entry = sanitizeEntry(item);
    if (!entry || seen.has(entry.id)) {
      rejected++;
      continue;
    }
    seen.add(entry.id);
    entries.push(entry);
  }
  const failures = Array.isArray(listing.failures) ? (listing.failures as readonly Partial<SourceFailure>[]).filter((failure): failure is SourceFailure => typeof failure?.source === 'string') : [];
  return { entries, failures, rejected, serverSearch: listing.serverSearch === true };
}
