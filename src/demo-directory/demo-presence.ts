/**
 * Presences that move on a clock. A user's presence is a pure function of (seed, user id, period), so any `now`
 * gives the same answer on every machine and a test can step time by hand; a demo control can pin one user.
 */
import type { PresenceRecord } from '../directory/adapter.js';
import { hash32, weightedPick, type WeightedTable } from './prng.js';
import type { DemoTenant } from './demo-types.js';

/** Default length of a presence period: presences may change once a minute. */
export const DEFAULT_PRESENCE_PERIOD_MS = 60_000;

/**
 * Graph `availability` / `activity` pairs with their share of a working day. Weights are percentages: 40 available,
 * 20 busy (calls, meetings), 10 do-not-disturb (presenting, focus), 10 away, 5 be-right-back, 10 offline,
 * 3 idle, 2 unknown.
 */
export const PRESENCE_SPREAD: WeightedTable<readonly [availability: string, activity: string]> = [
  [['Available', 'Available'], 40],
  [['Busy', 'InACall'], 8],
  [['Busy', 'InAMeeting'], 8],
  [['Busy', 'Busy'], 3],
  [['Busy', 'InAConferenceCall'], 1],
  [['DoNotDisturb', 'Presenting'], 5],
  [['DoNotDisturb', 'DoNotDisturb'], 4],
  [['DoNotDisturb', 'UrgentInterruptionsOnly'], 1],
  [['Away', 'Away'], 10],
  [['BeRightBack', 'BeRightBack'], 5],
  [['Offline', 'Offline'], 6],
  [['Offline', 'OffWork'], 3],
  [['Offline', 'OutOfOffice'], 1],
  [['AvailableIdle', 'Inactive'], 2],
  [['BusyIdle', 'Inactive'], 1],
  [['PresenceUnknown', 'PresenceUnknown'], 2],
];

/** Longest stretch (in periods) a generated presence holds, so people do not all flip on the same tick. */
const MAX_DWELL_PERIODS = 5;

const overrides = new WeakMap<DemoTenant, Map<string, PresenceRecord>>();

/** Pins (or with `undefined` releases) a user's presence in a tenant; `tenant.setPresence` calls this. */
export function setPresenceOverride(
  tenant: DemoTenant,
  teamsUserId: string,
  record: PresenceRecord | undefined,
): void {
  let pinned = overrides.get(tenant);
  if (!pinned) {
    pinned = new Map();
    overrides.set(tenant, pinned);
  }
  if (record) pinned.set(teamsUserId, record);
  else pinned.delete(teamsUserId);
}

/**
 * The presence of a Teams user at `now` (epoch ms): a pinned record when one is set, otherwise generated.
 * Generated presences hold for 1–5 periods of `tenant.presencePeriodMs` (per user, with its own phase) and are
 * identical within a period. Ids that are not Teams users of the tenant get a generated record too; the adapter
 * is the one that omits them.
 */
export function presenceAt(tenant: DemoTenant, teamsUserId: string, now: number): PresenceRecord {
  const pinned = overrides.get(tenant)?.get(teamsUserId);
  if (pinned) return { ...pinned, id: teamsUserId };
  const period = Math.floor(now / tenant.presencePeriodMs);
  const dwell = 1 + (hash32(tenant.seed, teamsUserId, 'dwell') % MAX_DWELL_PERIODS);
  const phase = hash32(tenant.seed, teamsUserId, 'phase') % dwell;
  const stretch = Math.floor((period + phase) / dwell);
  const draw = hash32(tenant.seed, teamsUserId, 'presence', stretch) / 4294967296;
  const [availability, activity] = weightedPick(PRESENCE_SPREAD, draw);
  if (activity === 'OutOfOffice') {
    return { id: teamsUserId, availability, activity, outOfOfficeSettings: { isOutOfOffice: true } };
  }
  return { id: teamsUserId, availability, activity };
}
