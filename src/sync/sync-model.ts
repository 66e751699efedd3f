/**
 * The VCC ⇄ Teams synchronisation of one linked agent as a pure, deterministic state machine: {@link syncStep} takes
 * the agent's state and one timestamped event and returns the next state and what each side must be told. No clock,
 * no I/O, no lit: the same events give the same answers, so hosts and tests can replay them.
 *
 * The rules (docs/rules.md#synchronisation-vcc-and-teams) and the outcomes chosen where the product text is silent:
 * - **No echo.** A change that came from Teams is returned as {@link SyncStepResult.vccState} for VCC and never
 *   published back to Teams; a change that came from VCC is returned as {@link SyncStepResult.publishTeams} and never
 *   sent back to VCC. When the other side then reports the change it was asked to make, it equals the model's state
 *   and ends as `no-change`: no ping-pong. A VCC change is not published when Teams is already known to show the
 *   availability it maps to.
 * - **Teams call.** A Teams presence with activity `InACall`, `InAConferenceCall` or `Presenting` makes the agent busy
 *   and creates one inbound interaction (Microsoft does not give the direction). Further call presences (Presenting
 *   after InACall, repeats) belong to the same call. The interaction is closed by the first Teams presence that is
 *   not a call, whatever the agent's state; so at most one is ever open.
 * - **Teams call while the agent is busy on VCC** (a VCC interaction is open, or VCC itself set the agent busy): the
 *   call is taken to be that VCC conversation as Teams sees it (Teams is often the agent's phone). It creates no
 *   interaction and leaves VCC busy (`agent-busy-on-vcc`), so a conversation is never recorded twice. The presence is
 *   remembered: once the agent is free, the next Teams call presence records it.
 * - **Wrap.** Wrap publishes Busy (a mapping cannot make wrap Available), and no Teams presence moves VCC out of wrap:
 *   during wrap Teams presences, calls included, are remembered but change nothing (`agent-in-wrap`), except that a
 *   Teams call's interaction is still closed when the call ends. The model does not answer a Teams change during
 *   wrap by publishing Busy again: that would be ping-pong. When wrap ends the agent is Ready (published), unless
 *   Teams still shows a call: then the agent goes busy with that call's interaction (a `vccState`, since Teams caused
 *   it), so a call that outlasts wrap is not lost.
 * - **Unknown and out-of-order input.** An availability Graph does not define, `PresenceUnknown`, a `sequenceNumber`
 *   older than or equal to the last Teams presence's, or a timestamp older than the last applied event changes nothing
 *   and says why in {@link SyncStepResult.ignored}. Duplicates change nothing the second time: a repeated
 *   `sequenceNumber` or interaction id, a repeated state. Without a `sequenceNumber`, a repeat at the same timestamp is
 *   a duplicate only if it repeats the current state (a call ended and started again in the same millisecond is two
 *   calls).
 * - **VCC interactions** are VCC's own; the model only tracks them (by id) to know the agent is busy on VCC. Their end
 *   is applied whatever its timestamp, so one is never left open; a VCC state other than Busy ends them all.
 * - Nothing here throws; malformed events are `invalid-event`.
 */
import { isVccState, type VccState } from '../directory/entry.js';
import {
  compareSequenceNumbers,
  validateSyncEvent,
  type IgnoredReason,
  type Interaction,
  type SyncEvent,
  type SyncStepResult,
  type TeamsPresenceChanged,
  type VccStateChanged,
} from './sync-events.js';
import {
  DEFAULT_PRESENCE_MAPPING,
  isTeamsCallActivity,
  teamsToVcc,
  vccToTeams,
  type PresenceMapping,
  type TeamsPresenceUpdate,
} from './vcc-mapping.js';
import { parseTeamsAvailability, type TeamsAvailability } from '../presence/presence.js';

/** A Teams presence as last read from Teams. */
export interface TeamsPresenceSeen {
  readonly availability: TeamsAvailability;
  readonly activity: string | null;
  /** The activity is a call (`InACall`, `InAConferenceCall`, `Presenting`). */
  readonly inCall: boolean;
}

/** One linked agent's synchronisation state. Treat as opaque and immutable: {@link syncStep} returns new ones. */
export interface SyncState {
  readonly agentId: string;
  readonly vccState: VccState;
  /** The VCC state's own name ("Lunch"), when it has one. */
  readonly vccStateName?: string;
  /** Which side put the agent in its current VCC state. */
  readonly vccStateOrigin: 'vcc' | 'teams';
  /** The last Teams presence read (including ones held back by wrap or a VCC interaction). */
  readonly teamsSeen?: TeamsPresenceSeen;
  /** The availability Teams shows as far as the model knows: the last one read or published. */
  readonly teamsShown?: TeamsAvailability;
  /** The time of the last applied event, for ordering. */
  readonly lastAt?: number;
  /** The last Teams `sequenceNumber` applied, for ordering. */
  readonly lastSequenceNumber?: string;
  /** The Teams call's interaction while the call is on (at most one). */
  readonly openTeamsCall?: Interaction;
  /** Ids of the VCC interactions the agent is on. */
  readonly openVccInteractions: readonly string[];
  /** Ids of recently ended VCC interactions (the last {@link ENDED_MEMORY}), so that a late repeat cannot reopen one. */
  readonly endedVccInteractions: readonly string[];
  /** How many Teams-call interactions this agent has had: numbers their ids. */
  readonly teamsCallCount: number;
}

/** What a linked agent starts from. */
export interface SyncStateInit {
  readonly vccState: VccState;
  readonly vccStateName?: string;
  /** The Teams presence when linking, if known (unrecognised availabilities are dropped). */
  readonly teams?: { readonly availability: string; readonly activity?: string | null; readonly sequenceNumber?: string };
  /** When this state was read; older events are then out of order. */
  readonly at?: number;
}

/** How many ended VCC interaction ids are remembered: bounds the state while covering any realistic redelivery. */
export const ENDED_MEMORY = 64;

function trimmedName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * A linked agent's initial state.
 *
 * @throws TypeError when `agentId` is not a non-empty string or `initial.vccState` is not a VCC state: this is set-up,
 *   where a mistake must be seen at once (events, by contrast, are never refused with an exception).
 */
export function createSyncState(agentId: string, initial: SyncStateInit): SyncState {
  if (typeof agentId !== 'string' || agentId.trim() === '') {
    throw new TypeError(`agentId must be a non-empty string, got ${String(agentId)}`);
  }
  if (!isVccState(initial?.vccState)) {
    throw new TypeError(`initial.vccState: unknown VCC state ${String(initial?.vccState)}`);
  }
  const name = trimmedName(typeof initial.vccStateName === 'string' ? initial.vccStateName : undefined);
  const availability = parseTeamsAvailability(initial.teams?.availability);
  const activity = typeof initial.teams?.activity === 'string' ? initial.teams.activity : null;
  const sequenceNumber = initial.teams?.sequenceNumber;
  const at = typeof initial.at === 'number' && Number.isFinite(initial.at) ? initial.at : undefined;
  return {
    agentId,
    vccState: initial.vccState,
    ...(name === undefined ? {} : { vccStateName: name }),
    vccStateOrigin: 'vcc',
    ...(availability === undefined
      ? {}
      : { teamsSeen: { availability, activity, inCall: isTeamsCallActivity(activity) }, teamsShown: availability }),
    ...(availability !== undefined && typeof sequenceNumber === 'string' ? { lastSequenceNumber: sequenceNumber } : {}),
    ...(at === undefined ? {} : { lastAt: at }),
    openVccInteractions: [],
    endedVccInteractions: [],
    teamsCallCount: 0,
  };
}

const NOTHING: readonly Interaction[] = Object.freeze([]);

function ignore<S>(state: S, reason: IgnoredReason): SyncStepResult<S> {
  return { state, interactionsCreated: NOTHING, interactionsClosed: NOTHING, ignored: reason };
}

/** A step that asks nothing unless it closed an interaction: then it is not ignored. */
function heldBack(state: SyncState, closed: readonly Interaction[], reason: IgnoredReason): SyncStepResult<SyncState> {
  return closed.length > 0 ? { state, interactionsCreated: NOTHING, interactionsClosed: closed } : ignore(state, reason);
}

function isOlder(state: SyncState, at: number): boolean {
  return state.lastAt !== undefined && at < state.lastAt;
}

/** Busy because of VCC: on a VCC interaction, or put in Busy by VCC itself. */
function isBusyOnVcc(state: SyncState): boolean {
  return state.openVccInteractions.length > 0 || (state.vccState === 'busy' && state.vccStateOrigin === 'vcc');
}

function endedWith(state: SyncState, ids: readonly string[]): readonly string[] {
  return [...state.endedVccInteractions, ...ids].slice(-ENDED_MEMORY);
}

function newTeamsCall(state: SyncState, activity: string | null, at: number): Interaction {
  const n = state.teamsCallCount + 1;
  return {
    id: `${state.agentId}:teams-call:${n}@${at}`,
    agentId: state.agentId,
    direction: 'inbound',
    origin: 'teams-call',
    activity: activity ?? 'InACall',
    startedAt: at,
  };
}

/** The agent's new VCC state as set by VCC, with the presence to publish unless Teams already shows it. */
function fromVcc(
  previous: SyncState,
  next: SyncState,
  mapping: PresenceMapping,
): SyncStepResult<SyncState> {
  let target: TeamsPresenceUpdate | undefined = vccToTeams(mapping, next.vccState, next.vccStateName);
  if (next.vccState === 'wrap' && (target?.availability === 'Available' || target?.availability === 'AvailableIdle')) {
    // createPresenceMapping refuses this; a hand-made mapping must not break the wrap rule either.
    target = { availability: 'Busy', activity: 'Busy' };
  }
  if (target === undefined || target.availability === previous.teamsShown) {
    return { state: next, interactionsCreated: NOTHING, interactionsClosed: NOTHING };
  }
  return {
    state: { ...next, teamsShown: target.availability },
    publishTeams: target,
    interactionsCreated: NOTHING,
    interactionsClosed: NOTHING,
  };
}

function onVccStateChanged(state: SyncState, event: VccStateChanged, mapping: PresenceMapping): SyncStepResult<SyncState> {
  if (isOlder(state, event.at)) return ignore(state, 'out-of-order');
  const name = trimmedName(event.stateName);
  if (event.state === state.vccState && name === state.vccStateName) return ignore(state, 'no-change');
  const leavesBusy = event.state !== 'busy';
  const next: SyncState = {
    ...state,
    vccState: event.state,
    vccStateName: name,
    // VCC confirming a Busy that Teams caused (perhaps naming it) leaves it Teams's: the call's end still frees it.
    vccStateOrigin: event.state === state.vccState ? state.vccStateOrigin : 'vcc',
    lastAt: event.at,
    openVccInteractions: leavesBusy ? [] : state.openVccInteractions,
    endedVccInteractions: leavesBusy ? endedWith(state, state.openVccInteractions) : state.endedVccInteractions,
  };
  return fromVcc(state, next, mapping);
}

function onTeamsPresence(
  state: SyncState,
  event: TeamsPresenceChanged,
  mapping: PresenceMapping,
): SyncStepResult<SyncState> {
  const availability = parseTeamsAvailability(event.availability);
  if (availability === undefined) return ignore(state, 'unrecognised-presence');
  const sequence = event.sequenceNumber;
  const order = sequence === undefined || state.lastSequenceNumber === undefined
    ? undefined
    : compareSequenceNumbers(sequence, state.lastSequenceNumber);
  if (order !== undefined && order < 0) return ignore(state, 'out-of-order');
  if (order === 0) return ignore(state, 'duplicate');
  if (isOlder(state, event.at)) return ignore(state, 'out-of-order');

  const activity = event.activity ?? null;
  const inCall = isTeamsCallActivity(activity);
  // Only a sequence number that can be compared is kept: a garbage one must not block the next good one.
  const usableSequence = sequence !== undefined && /^\s*[0-9a-f]+\s*$/i.test(sequence);
  let next: SyncState = {
    ...state,
    teamsSeen: { availability, activity, inCall },
    teamsShown: availability,
    lastAt: event.at,
    lastSequenceNumber: usableSequence ? sequence : state.lastSequenceNumber,
  };
  let closed: readonly Interaction[] = NOTHING;
  if (state.openTeamsCall !== undefined && !inCall) {
    closed = [{ ...state.openTeamsCall, endedAt: event.at }];
    next = { ...next, openTeamsCall: undefined };
  }

  const mapped = teamsToVcc(mapping, availability, activity);
  if (mapped === undefined) return heldBack(next, closed, 'unknown-presence');
  if (state.vccState === 'wrap') return heldBack(next, closed, 'agent-in-wrap');
  if (isBusyOnVcc(state)) return heldBack(next, closed, 'agent-busy-on-vcc');

  if (mapped.startsCall) {
    if (state.openTeamsCall !== undefined) return heldBack(next, closed, 'no-change');
    const call = newTeamsCall(state, activity, event.at);
    next = {
      ...next,
      vccState: 'busy',
      vccStateName: undefined,
      vccStateOrigin: 'teams',
      openTeamsCall: call,
      teamsCallCount: state.teamsCallCount + 1,
    };
    return {
      state: next,
      ...(state.vccState === 'busy' ? {} : { vccState: 'busy' as const }),
      interactionsCreated: [call],
      interactionsClosed: closed,
    };
  }

  // Already there, or in a state Teams shows this way (Ready (Outbound) is Available; a custom "Lunch" may be
  // DoNotDisturb): moving VCC would undo a finer VCC state for nothing.
  const shownNow = vccToTeams(mapping, state.vccState, state.vccStateName)?.availability;
  if (mapped.state === state.vccState || shownNow === availability) return heldBack(next, closed, 'no-change');
  next = { ...next, vccState: mapped.state, vccStateName: undefined, vccStateOrigin: 'teams' };
  return { state: next, vccState: mapped.state, interactionsCreated: NOTHING, interactionsClosed: closed };
}

function onVccInteractionStarted(
  state: SyncState,
  id: string,
  at: number,
  mapping: PresenceMapping,
): SyncStepResult<SyncState> {
  if (state.openVccInteractions.includes(id) || state.endedVccInteractions.includes(id)) return ignore(state, 'duplicate');
  if (isOlder(state, at)) return ignore(state, 'out-of-order');
  const next: SyncState = { ...state, lastAt: at, openVccInteractions: [...state.openVccInteractions, id] };
  if (state.vccState === 'busy') return { state: next, interactionsCreated: NOTHING, interactionsClosed: NOTHING };
  return fromVcc(state, { ...next, vccState: 'busy', vccStateName: undefined, vccStateOrigin: 'vcc' }, mapping);
}

function onVccInteractionEnded(state: SyncState, id: string): SyncStepResult<SyncState> {
  if (state.endedVccInteractions.includes(id)) return ignore(state, 'duplicate');
  if (!state.openVccInteractions.includes(id)) {
    // Remembered anyway, so that its start, arriving late, cannot open it.
    return ignore({ ...state, endedVccInteractions: endedWith(state, [id]) }, 'interaction-not-open');
  }
  // Applied whatever its timestamp: an end must never be lost, and it changes no state of its own.
  return {
    state: {
      ...state,
      openVccInteractions: state.openVccInteractions.filter((open) => open !== id),
      endedVccInteractions: endedWith(state, [id]),
    },
    interactionsCreated: NOTHING,
    interactionsClosed: NOTHING,
  };
}

function onWrapStarted(state: SyncState, at: number, mapping: PresenceMapping): SyncStepResult<SyncState> {
  if (state.vccState === 'wrap') return ignore(state, 'duplicate');
  if (isOlder(state, at)) return ignore(state, 'out-of-order');
  const next: SyncState = {
    ...state,
    vccState: 'wrap',
    vccStateName: undefined,
    vccStateOrigin: 'vcc',
    lastAt: at,
    openVccInteractions: [],
    endedVccInteractions: endedWith(state, state.openVccInteractions),
  };
  return fromVcc(state, next, mapping);
}

function onWrapEnded(state: SyncState, at: number, mapping: PresenceMapping): SyncStepResult<SyncState> {
  if (state.vccState !== 'wrap') return ignore(state, 'not-in-wrap');
  if (isOlder(state, at)) return ignore(state, 'out-of-order');
  const seen = state.teamsSeen;
  if (state.openTeamsCall !== undefined || seen?.inCall === true) {
    // Teams still shows a call: the agent is busy on it now that wrap is over (Teams caused it: tell VCC).
    const call = state.openTeamsCall ?? newTeamsCall(state, seen?.activity ?? null, at);
    const created = state.openTeamsCall === undefined ? [call] : NOTHING;
    const next: SyncState = {
      ...state,
      vccState: 'busy',
      vccStateName: undefined,
      vccStateOrigin: 'teams',
      lastAt: at,
      openTeamsCall: call,
      teamsCallCount: state.teamsCallCount + created.length,
    };
    return { state: next, vccState: 'busy', interactionsCreated: created, interactionsClosed: NOTHING };
  }
  const next: SyncState = { ...state, vccState: 'ready', vccStateName: undefined, vccStateOrigin: 'vcc', lastAt: at };
  return fromVcc(state, next, mapping);
}

function step(state: SyncState, event: SyncEvent, mapping: PresenceMapping): SyncStepResult<SyncState> {
  switch (event.type) {
    case 'vcc-state-changed':
      return onVccStateChanged(state, event, mapping);
    case 'teams-presence-changed':
      return onTeamsPresence(state, event, mapping);
    case 'vcc-interaction-started':
      return onVccInteractionStarted(state, event.interactionId, event.at, mapping);
    case 'vcc-interaction-ended':
      return onVccInteractionEnded(state, event.interactionId);
    case 'wrap-started':
      return onWrapStarted(state, event.at, mapping);
    case 'wrap-ended':
      return onWrapEnded(state, event.at, mapping);
  }
}

/**
 * Applies one event to a linked agent's state. Events are checked at run time (hosts relay them from the network):
 * a malformed one is `invalid-event`. Never throws, whatever `state`, `event` and `mapping` hold.
 *
 * @param mapping Made by {@link createPresenceMapping}; the defaults (docs/rules.md#default-mapping-tables) when omitted.
 */
export function syncStep(
  state: SyncState,
  event: SyncEvent,
  mapping: PresenceMapping = DEFAULT_PRESENCE_MAPPING,
): SyncStepResult<SyncState> {
  try {
    const valid = validateSyncEvent(event);
    return valid === undefined ? ignore(state, 'invalid-event') : step(state, valid, mapping);
  } catch {
    // Only a state or mapping not made by this module can get here; it is left as it was.
    return ignore(state, 'invalid-event');
  }
}
