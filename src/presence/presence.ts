/**
 * Presence as the address book shows it: Microsoft Graph `availability` + `activity` → one of the eight icons the
 * product shows, plus Unknown. Pure; never throws. Unknown is the default: telling an agent someone is free when we
 * do not know is the worst error a calling product can make (docs/rules.md#unknown-by-default).
 */
import type { PresenceRecord } from '../directory/adapter.js';
import { clampText, cleanShownText } from '../directory/text.js';

/** The icon states: Graph's eight availabilities plus Unknown. */
export const PRESENCE_STATES = [
  'available',
  'available-idle',
  'busy',
  'busy-idle',
  'away',
  'be-right-back',
  'do-not-disturb',
  'offline',
  'unknown',
] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Activities that refine the label ("Busy, In a call"). */
export const PRESENCE_ACTIVITIES = [
  'in-a-call',
  'in-a-conference-call',
  'presenting',
  'in-a-meeting',
  'out-of-office',
  'off-work',
  'inactive',
  'urgent-interruptions-only',
] as const;
export type PresenceActivity = (typeof PRESENCE_ACTIVITIES)[number];

/** A presence ready to show. */
export interface Presence {
  readonly state: PresenceState;
  /** A refining activity, or `null` when the activity only repeats the availability (or is unknown). */
  readonly activity: PresenceActivity | null;
  /** Where it came from: a Teams presence, or a VCC agent's state. */
  readonly origin: 'teams' | 'vcc';
  /** When it was read (epoch milliseconds), or `null` when it was never read. */
  readonly readAt: number | null;
  /** A VCC state's own name ("Lunch") or a Teams status message, shown in the tooltip. */
  readonly detail?: string;
}

/** Microsoft Graph `availability` values, in Graph's own spelling. */
export const TEAMS_AVAILABILITIES = [
  'Available',
  'AvailableIdle',
  'Away',
  'BeRightBack',
  'Busy',
  'BusyIdle',
  'DoNotDisturb',
  'Offline',
  'PresenceUnknown',
] as const;
export type TeamsAvailability = (typeof TEAMS_AVAILABILITIES)[number];

/** The icon each Graph availability shows: the product's eight, and Unknown for `PresenceUnknown`. */
const AVAILABILITY_ICON_STATES: Readonly<Record<TeamsAvailability, PresenceState>> = {
  Available: 'available',
  AvailableIdle: 'available-idle',
  Away: 'away',
  BeRightBack: 'be-right-back',
  Busy: 'busy',
  BusyIdle: 'busy-idle',
  DoNotDisturb: 'do-not-disturb',
  Offline: 'offline',
  PresenceUnknown: 'unknown',
};

/** Trimmed and lower-cased: Graph's casing varies between responses, so its strings are compared this way. */
export function foldGraphString(value: string): string {
  return value.trim().toLowerCase();
}

// From the icon table's keys, the same list as TEAMS_AVAILABILITIES: a bundle that only parses need not carry both.
const AVAILABILITY_BY_FOLDED: ReadonlyMap<string, TeamsAvailability> = new Map(
  (Object.keys(AVAILABILITY_ICON_STATES) as TeamsAvailability[]).map((availability) => [foldGraphString(availability), availability]),
);

/** A Graph availability in any casing → Graph's spelling; anything else (new values, garbage) → `undefined`. */
export function parseTeamsAvailability(value: unknown): TeamsAvailability | undefined {
  return typeof value === 'string' ? AVAILABILITY_BY_FOLDED.get(foldGraphString(value)) : undefined;
}

/** The icon state of a Graph availability. */
export function presenceStateOf(availability: TeamsAvailability): PresenceState {
  return AVAILABILITY_ICON_STATES[availability];
}

/**
 * Graph `activity` values that say more than the availability, lower-cased. The activities that merely repeat an
 * availability (Available, Away, BeRightBack, Busy, DoNotDisturb, Offline, PresenceUnknown) are left out on purpose:
 * "Busy, Busy" helps nobody.
 */
const REFINING_ACTIVITIES: ReadonlyMap<string, PresenceActivity> = new Map<string, PresenceActivity>([
  ['inacall', 'in-a-call'],
  ['inaconferencecall', 'in-a-conference-call'],
  ['presenting', 'presenting'],
  ['inameeting', 'in-a-meeting'],
  ['outofoffice', 'out-of-office'],
  ['offwork', 'off-work'],
  ['inactive', 'inactive'],
  ['urgentinterruptionsonly', 'urgent-interruptions-only'],
]);

/** An object whose fields are still to be checked: Graph's answers are not trusted. */
type Untrusted = Record<string, unknown>;

function isObject(value: unknown): value is Untrusted {
  return typeof value === 'object' && value !== null;
}

/** Reads one {@link PresenceRecord} field by its typed name, without trusting its value. */
function field(record: Untrusted, name: keyof PresenceRecord): unknown {
  return record[name];
}

/** Looks a Graph enum string up case-insensitively; anything that is not a string finds nothing. */
function lookUp<T>(table: ReadonlyMap<string, T>, value: unknown): T | undefined {
  return typeof value === 'string' ? table.get(foldGraphString(value)) : undefined;
}

/** A trimmed, non-empty string, or `undefined`. */
function nonEmptyText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Epoch milliseconds that can be formatted, or `null` (a NaN would print "Invalid Date" in the tooltip). */
function readTime(readAt: number | null): number | null {
  return typeof readAt === 'number' && Number.isFinite(readAt) ? readAt : null;
}

/**
 * The longest status message shown, in characters; a longer one is cut and ends with an ellipsis. Teams lets a user
 * write 280 characters: a longer one is not Teams's, and would make a tooltip taller than the screen
 * (docs/rules.md#presence-texts-clamped).
 */
export const MAX_STATUS_MESSAGE_LENGTH = 280;

/** The Graph status message's text (`statusMessage.message.content`), if any: cleaned like any shown text, clamped. */
function statusMessageOf(record: Untrusted): string | undefined {
  const statusMessage = field(record, 'statusMessage');
  if (!isObject(statusMessage)) return undefined;
  const message = statusMessage['message'];
  const content = isObject(message) ? message['content'] : undefined;
  return typeof content === 'string' ? nonEmptyText(clampText(cleanShownText(content), MAX_STATUS_MESSAGE_LENGTH)) : undefined;
}

function isOutOfOffice(record: Untrusted): boolean {
  const settings = field(record, 'outOfOfficeSettings');
  return isObject(settings) && settings['isOutOfOffice'] === true;
}

/**
 * Maps a Microsoft Graph presence record (or anything else: the answer is not trusted) to a {@link Presence}.
 * `availability` and `activity` are matched case-insensitively; an unknown, missing or non-string availability gives
 * `unknown`, an activity that only repeats the availability or is unknown (`Focusing`) gives `null`. An out-of-office
 * user with no other refining activity gets the `out-of-office` activity. Never throws.
 *
 * @param record A Graph `presence` resource ({@link PresenceRecord}) or garbage.
 * @param readAt When it was read (epoch ms), or `null` when not known.
 */
export function parsePresence(record: unknown, readAt: number | null): Presence {
  try {
    return parseRecord(record, readTime(readAt));
  } catch {
    // A host-made record may be a proxy or have throwing getters; a bad record must not break the whole book.
    return { ...unknownPresence('teams'), readAt: readTime(readAt) };
  }
}

function parseRecord(record: unknown, readAt: number | null): Presence {
  if (!isObject(record)) return { ...unknownPresence('teams'), readAt };
  const availability = parseTeamsAvailability(field(record, 'availability'));
  const state = availability === undefined ? 'unknown' : presenceStateOf(availability);
  const refining = lookUp(REFINING_ACTIVITIES, field(record, 'activity'));
  const activity = refining ?? (isOutOfOffice(record) ? 'out-of-office' : null);
  const detail = statusMessageOf(record);
  const presence: Presence = { state, activity, origin: 'teams', readAt };
  return detail === undefined ? presence : { ...presence, detail };
}

/** The presence to show when nothing is known: never "available" by default. */
export function unknownPresence(origin: 'teams' | 'vcc' = 'teams'): Presence {
  return { state: 'unknown', activity: null, origin, readAt: null };
}

/**
 * A VCC agent's presence, shown as the icon `state` (which the VCC ⇄ Teams mapping decides: see `presenceFromVccState`
 * in `src/sync/`). The state's own name (a custom state such as "Lunch") becomes the {@link Presence.detail}.
 */
export function vccPresence(state: PresenceState, stateName: unknown, readAt: number | null): Presence {
  const presence: Presence = { state, activity: null, origin: 'vcc', readAt: readTime(readAt) };
  const detail = nonEmptyText(stateName);
  return detail === undefined ? presence : { ...presence, detail };
}

/**
 * Whether a value is a well-formed {@link Presence}. For values that cross into the library at run time (an element
 * property set by a host page): a malformed one is shown as Unknown rather than half-rendered.
 */
export function isPresence(value: unknown): value is Presence {
  if (!isObject(value)) return false;
  const { state, activity, origin, readAt, detail } = value;
  return (
    (PRESENCE_STATES as readonly unknown[]).includes(state) &&
    (activity === null || (PRESENCE_ACTIVITIES as readonly unknown[]).includes(activity)) &&
    (origin === 'teams' || origin === 'vcc') &&
    (readAt === null || (typeof readAt === 'number' && Number.isFinite(readAt))) &&
    (detail === undefined || typeof detail === 'string')
  );
}
