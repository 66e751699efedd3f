/**
 * Moving presences: the presence of user i at time t is a pure function of (seed, user id, floor(t / period)), so
 * it changes at every period boundary and any two calls within one period agree. Values are Graph's PascalCase.
 */
import { hash32, weightedPick, type WeightedTable } from '../../src/demo-directory/index.js';
import type { GraphAvailability, SimPresence } from './types.js';

const AVAILABILITY: WeightedTable<GraphAvailability> = [
  ['Available', 35], ['AvailableIdle', 5], ['Busy', 20], ['BusyIdle', 3], ['DoNotDisturb', 7], ['Away', 10],
  ['BeRightBack', 5], ['Offline', 14], ['PresenceUnknown', 1],
];

/** The activities Graph reports with each availability. */
const ACTIVITY: Readonly<Record<GraphAvailability, WeightedTable<string>>> = {
  Available: [['Available', 1]],
  AvailableIdle: [['Available', 2], ['Inactive', 1]],
  Busy: [['InACall', 4], ['InAConferenceCall', 2], ['InAMeeting', 4], ['Busy', 3]],
  BusyIdle: [['Busy', 2], ['Inactive', 1]],
  DoNotDisturb: [['Presenting', 3], ['DoNotDisturb', 2], ['UrgentInterruptionsOnly', 1]],
  Away: [['Away', 5], ['OutOfOffice', 1]],
  BeRightBack: [['BeRightBack', 1]],
  Offline: [['Offline', 4], ['OffWork', 3], ['OutOfOffice', 1]],
  PresenceUnknown: [['PresenceUnknown', 1]],
};

const draw = (...parts: readonly (string | number)[]): number => hash32(...parts) / 4294967296;

/** The presence of a person with `id` in the period containing `now`. */
export function personPresence(seed: number, id: string, now: number, periodMs: number): SimPresence {
  const period = Math.floor(now / Math.max(1, periodMs));
  const availability = weightedPick(AVAILABILITY, draw(seed, id, period, 'availability'));
  const activity = weightedPick(ACTIVITY[availability], draw(seed, id, period, 'activity'));
  return {
    id,
    availability,
    activity,
    sequenceNumber: period.toString(16).toUpperCase().padStart(16, '0'),
    statusMessage: null,
    outOfOfficeSettings: { isOutOfOffice: activity === 'OutOfOffice' },
  };
}

/** What Graph answers for an account that never signs in to Teams (a resource account). */
export function unknownPresence(id: string): SimPresence {
  return {
    id,
    availability: 'PresenceUnknown',
    activity: 'PresenceUnknown',
    sequenceNumber: '0000000000000000',
    statusMessage: null,
    outOfOfficeSettings: { isOutOfOffice: false },
  };
}
