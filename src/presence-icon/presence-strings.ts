/**
 * The words the presence icon and the address book say about a presence, in one replaceable table so a host can
 * translate them. Pure: no Lit.
 */
import type { VccState } from '../directory/entry.js';
import type { Presence, PresenceActivity, PresenceState } from '../presence/presence.js';

/** Every string shown or announced for a presence. Replace the whole table to translate. */
export interface PresenceStrings {
  /** The icon states, in the product's wording ("Available idle", "Be right back"). */
  states: Record<PresenceState, string>;
  /** Activities that refine a state ("In a call"). */
  activities: Record<PresenceActivity, string>;
  /** VCC agent system states, in ContactPad's wording ("Ready (Outbound)"). */
  vccStates: Record<VccState, string>;
  /** The tooltip's read time line; `time` is already formatted for the page's language. */
  readAt: (time: string) => string;
  /** An entry's accessible name with its presence, e.g. for an address book row: "Anna Berg, Busy, In a call". */
  presenceOf: (name: string, presence: string) => string;
  /** A linked agent's Teams presence, shown with their VCC state: "Teams: Busy, In a call". */
  teamsPresence: (presence: string) => string;
  /** A state refined by an activity, both already in words: "Busy, In a call". */
  withActivity: (state: string, activity: string) => string;
  /** A presence in words with a VCC state's own name or a linked Teams presence: "Away (Lunch)". */
  withDetail: (presence: string, detail: string) => string;
}

/** English defaults, in the wording of the product documentation. */
export const DEFAULT_PRESENCE_STRINGS: PresenceStrings = Object.freeze({
  states: Object.freeze({
    available: 'Available',
    'available-idle': 'Available idle',
    busy: 'Busy',
    'busy-idle': 'Busy idle',
    away: 'Away',
    'be-right-back': 'Be right back',
    'do-not-disturb': 'Do not disturb',
    offline: 'Offline',
    unknown: 'Unknown',
  }),
  activities: Object.freeze({
    'in-a-call': 'In a call',
    'in-a-conference-call': 'In a conference call',
    presenting: 'Presenting',
    'in-a-meeting': 'In a meeting',
    'out-of-office': 'Out of office',
    'off-work': 'Off work',
    inactive: 'Inactive',
    'urgent-interruptions-only': 'Urgent interruptions only',
  }),
  vccStates: Object.freeze({
    ready: 'Ready',
    'ready-outbound': 'Ready (Outbound)',
    busy: 'Busy',
    wrap: 'Wrap',
    away: 'Away',
    'extended-away': 'Extended away',
    'logged-out': 'Logged out',
  }),
  readAt: (time: string) => `Read at ${time}`,
  presenceOf: (name: string, presence: string) => `${name}, ${presence}`,
  teamsPresence: (presence: string) => `Teams: ${presence}`,
  withActivity: (state: string, activity: string) => `${state}, ${activity}`,
  withDetail: (presence: string, detail: string) => `${presence} (${detail})`,
});

/**
 * A presence in words, for an accessible name: the state's label, then ", <activity>" when there is a refining
 * activity, then " (<detail>)" when a VCC presence carries its state's own name. A Teams status message is left out
 * on purpose: it is free text of any length and belongs in the tooltip, not in every row's name.
 *
 * @example describePresence(busyInACall) // "Busy, In a call"
 * @example describePresence(vccAwayLunch) // "Away (Lunch)"
 */
export function describePresence(presence: Presence, strings: PresenceStrings = DEFAULT_PRESENCE_STRINGS): string {
  // Fall back to the Unknown label for states outside the table (a presence built by hand with a bad state).
  const state = strings.states[presence.state] ?? strings.states.unknown;
  const activity = presence.activity === null ? undefined : strings.activities[presence.activity];
  // Tables written before these two joiners existed (or untyped hosts) may lack them: the English ones then.
  const label = activity === undefined ? state : (strings.withActivity ?? DEFAULT_PRESENCE_STRINGS.withActivity)(state, activity);
  if (presence.origin === 'vcc' && presence.detail !== undefined && presence.detail !== '') {
    return (strings.withDetail ?? DEFAULT_PRESENCE_STRINGS.withDetail)(label, presence.detail);
  }
  return label;
}
