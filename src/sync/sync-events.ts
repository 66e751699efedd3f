/**
 * The events the VCC ⇄ Teams synchronisation model takes, what one step returns, and the checks that turn anything a
 * host passes in into a well-formed event or a reason to ignore it. Pure; no lit; nothing here throws.
 */
import { isVccState, type VccState } from '../directory/entry.js';
import type { TeamsPresenceUpdate } from './vcc-mapping.js';

/** The agent's VCC state changed in VCC. */
export interface VccStateChanged {
  readonly type: 'vcc-state-changed';
  /** When it happened, epoch milliseconds (the model has no clock of its own). */
  readonly at: number;
  readonly state: VccState;
  /** The state's own name ("Lunch", "Outgoing"): custom away / extended-away states are found by it. */
  readonly stateName?: string;
  /** Only VCC sends this event; the field exists so that hosts relaying several feeds can say so. */
  readonly source?: 'vcc';
}

/** The linked Teams user's presence changed (a Graph `presence` resource or change notification). */
export interface TeamsPresenceChanged {
  readonly type: 'teams-presence-changed';
  readonly at: number;
  /** Graph `availability`, any casing; unknown values are ignored. */
  readonly availability: string;
  /** Graph `activity`, any casing. */
  readonly activity?: string | null;
  /** Graph's `sequenceNumber`: a hexadecimal (or decimal) string that grows with every change. */
  readonly sequenceNumber?: string;
}

/** VCC gave the agent an interaction (VCC's own: the model records that the agent is busy on it). */
export interface VccInteractionStarted {
  readonly type: 'vcc-interaction-started';
  readonly at: number;
  readonly interactionId: string;
}

/** A VCC interaction finished (wrap, if any, follows as its own event). */
export interface VccInteractionEnded {
  readonly type: 'vcc-interaction-ended';
  readonly at: number;
  readonly interactionId: string;
}

/** The agent went into wrap after a VCC interaction. */
export interface WrapStarted {
  readonly type: 'wrap-started';
  readonly at: number;
}

/** Wrap finished. */
export interface WrapEnded {
  readonly type: 'wrap-ended';
  readonly at: number;
}

export type SyncEvent =
  | VccStateChanged
  | TeamsPresenceChanged
  | VccInteractionStarted
  | VccInteractionEnded
  | WrapStarted
  | WrapEnded;

export type SyncEventType = SyncEvent['type'];

export const SYNC_EVENT_TYPES: readonly SyncEventType[] = [
  'vcc-state-changed',
  'teams-presence-changed',
  'vcc-interaction-started',
  'vcc-interaction-ended',
  'wrap-started',
  'wrap-ended',
];

/** An event addressed to one agent of a registry. */
export type AgentSyncEvent = SyncEvent & { readonly agentId: string };

/**
 * An interaction the model asks VCC to record for a Teams call. Microsoft does not say which way a Teams call went,
 * so the direction is always inbound.
 */
export interface Interaction {
  /** Deterministic: `${agentId}:teams-call:${n}@${startedAt}`, `n` counting the agent's Teams calls from 1. */
  readonly id: string;
  readonly agentId: string;
  readonly direction: 'inbound';
  readonly origin: 'teams-call';
  /** The Graph activity that started it, in Graph's spelling as received. */
  readonly activity: string;
  readonly startedAt: number;
  /** Set on the copy returned in {@link SyncStepResult.interactionsClosed}. */
  readonly endedAt?: number;
}

/**
 * Why a step asked neither side to do anything:
 * - `invalid-event`: not an event, an unknown `type`, a non-finite `at`, an unknown VCC state, an empty interaction id
 *   or a `source` other than `'vcc'`;
 * - `unknown-agent`: a registry event for an agent it does not hold;
 * - `unrecognised-presence`: a Teams availability Graph does not define (garbage, a future value);
 * - `unknown-presence`: `PresenceUnknown` (or an availability the mapping maps to no change);
 * - `out-of-order`: older than the last applied event (timestamp) or the last Teams presence (`sequenceNumber`);
 * - `duplicate`: the same `sequenceNumber` again, an interaction id seen before, wrap started twice;
 * - `no-change`: the event repeats the state the model already holds (this is how echoes of the model's own
 *   requests end);
 * - `agent-in-wrap`: a Teams presence during wrap (remembered; VCC stays in wrap);
 * - `agent-busy-on-vcc`: a Teams presence while a VCC interaction keeps the agent busy (remembered; no interaction);
 * - `interaction-not-open`: a VCC interaction ended that the model does not hold open;
 * - `not-in-wrap`: wrap ended while the agent was not in wrap.
 */
export type IgnoredReason =
  | 'invalid-event'
  | 'unknown-agent'
  | 'unrecognised-presence'
  | 'unknown-presence'
  | 'out-of-order'
  | 'duplicate'
  | 'no-change'
  | 'agent-in-wrap'
  | 'agent-busy-on-vcc'
  | 'interaction-not-open'
  | 'not-in-wrap';

/** The outcome of one event. */
export interface SyncStepResult<S> {
  /** The state after the event (the same object when the event was ignored without being remembered). */
  readonly state: S;
  /**
   * The state VCC must put the agent in, set only when Teams caused the change (a Teams presence, or a Teams call
   * still on when wrap ends). VCC's own events never set it: VCC already knows.
   */
  readonly vccState?: VccState;
  /** The presence to publish to Teams, set only when VCC caused the change. Teams's own events never set it. */
  readonly publishTeams?: TeamsPresenceUpdate;
  /** Interactions VCC must record (Teams calls, inbound). */
  readonly interactionsCreated: readonly Interaction[];
  /** Interactions that ended (the Teams call ended), with `endedAt`. */
  readonly interactionsClosed: readonly Interaction[];
  /** Set when the step asks nothing of either side; see {@link IgnoredReason}. */
  readonly ignored?: IgnoredReason;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The event if it is well formed, else `undefined`. Checked at run time because events come from hosts' JavaScript
 * and from the network; a malformed one is ignored rather than half-applied. Never throws (a getter that throws
 * gives `undefined`).
 */
export function validateSyncEvent(value: unknown): SyncEvent | undefined {
  try {
    return validate(value);
  } catch {
    return undefined;
  }
}

function validate(value: unknown): SyncEvent | undefined {
  if (!isRecord(value)) return undefined;
  const { type, at } = value;
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  switch (type) {
    case 'vcc-state-changed': {
      const { state, stateName, source } = value;
      if (!isVccState(state) || !optionalString(stateName) || (source !== undefined && source !== 'vcc')) return undefined;
      return { type, at, state, ...(stateName === undefined ? {} : { stateName }) };
    }
    case 'teams-presence-changed': {
      const { availability, activity, sequenceNumber } = value;
      // A non-string availability is kept as '' so that it is reported as unrecognised, like any other garbage.
      const text = typeof availability === 'string' ? availability : '';
      const act = typeof activity === 'string' ? activity : null;
      const seq = typeof sequenceNumber === 'string' ? sequenceNumber : undefined;
      return { type, at, availability: text, activity: act, ...(seq === undefined ? {} : { sequenceNumber: seq }) };
    }
    case 'vcc-interaction-started':
    case 'vcc-interaction-ended': {
      const { interactionId } = value;
      return nonEmptyString(interactionId) ? { type, at, interactionId } : undefined;
    }
    case 'wrap-started':
    case 'wrap-ended':
      return { type, at };
    default:
      return undefined;
  }
}

const HEX = /^[0-9a-f]+$/i;

/**
 * Compares two Graph `sequenceNumber`s as unsigned hexadecimal numbers of any length (decimal strings order the same
 * way): negative when `a` is older, 0 when equal, positive when newer, `undefined` when either is not a hex string
 * (then the timestamp alone orders the presences).
 */
export function compareSequenceNumbers(a: string, b: string): number | undefined {
  const x = a.trim();
  const y = b.trim();
  if (!HEX.test(x) || !HEX.test(y)) return undefined;
  const left = x.replace(/^0+(?=.)/, '').toLowerCase();
  const right = y.replace(/^0+(?=.)/, '').toLowerCase();
  if (left.length !== right.length) return left.length - right.length;
  return left < right ? -1 : left > right ? 1 : 0;
}
