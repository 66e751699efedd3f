/**
 * Presence as the address book shows it: Microsoft Graph `availability` + `activity` → one of the eight icons the
 * product shows, plus Unknown. Pure; never throws. Unknown is the default: telling an agent someone is free when we
 * do not know is the worst error a calling product can make.
 */
import type { PresenceRecord } from '../directory/adapter.js';
import type { VccState } from '../directory/entry.js';

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
