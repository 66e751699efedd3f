/**
 * Property tests of the synchronisation model over random event sequences: random kinds, Graph strings in random
 * casings and garbage, timestamps from a small range (so that duplicates and out-of-order events are frequent), and
 * malformed events. The invariants are the "Done when".
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { VCC_STATES } from '../../src/directory/entry.js';
import type { AgentSyncEvent, Interaction, SyncEvent, SyncStepResult } from '../../src/sync/sync-events.js';
import { createSyncState, syncStep, type SyncState } from '../../src/sync/sync-model.js';
import { createSyncRegistry, syncRegistryStep } from '../../src/sync/sync-registry.js';
import {
  DEFAULT_PRESENCE_MAPPING,
  createPresenceMapping,
  type PresenceMapping,
} from '../../src/sync/vcc-mapping.js';
import { TEAMS_AVAILABILITIES } from '../../src/presence/presence.js';

const NUM_RUNS = 300;
const AGENT = 'agent-1';

const GRAPH_ACTIVITIES = [
  'Available',
  'Away',
  'BeRightBack',
  'Busy',
  'DoNotDisturb',
  'InACall',
  'InAConferenceCall',
  'Inactive',
  'InAMeeting',
  'Offline',
  'OffWork',
  'OutOfOffice',
  'PresenceUnknown',
  'Presenting',
  'UrgentInterruptionsOnly',
] as const;

/** Whether a generated event is an object with a type (the malformed ones may be anything). */
function isEvent<T extends SyncEvent>(value: T): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A Graph string in Graph's, lower or upper casing. */
function anyCasing(values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.constantFrom('as-is', 'lower', 'upper'))
    .map(([value, casing]) => (casing === 'lower' ? value.toLowerCase() : casing === 'upper' ? value.toUpperCase() : value));
}

const availability = fc.oneof(
  { weight: 6, arbitrary: anyCasing(TEAMS_AVAILABILITIES) },
  { weight: 1, arbitrary: fc.constantFrom('Focusing', '', 'Availble', 'null') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const activity = fc.oneof(
  { weight: 4, arbitrary: anyCasing(GRAPH_ACTIVITIES) },
  // Calls weigh more: they are what the interaction invariants are about.
  { weight: 3, arbitrary: anyCasing(['InACall', 'InAConferenceCall', 'Presenting']) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
/** `'auto'`: a hex sequence number that grows with time (set in {@link events}); else none or garbage. */
const sequenceNumber = fc.oneof(
  { weight: 4, arbitrary: fc.constant('auto') },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const vccState = fc.constantFrom(...VCC_STATES);
const stateName = fc.option(fc.constantFrom('Lunch', 'Break', 'Meeting', 'Outgoing'), { nil: undefined });
const interactionId = fc.constantFrom('i1', 'i2', 'i3');

/** An event whose `at` (and automatic sequence number) {@link events} sets. */
const event: fc.Arbitrary<SyncEvent> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('vcc-state-changed' as const), at: fc.constant(0), state: vccState, stateName }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('teams-presence-changed' as const),
      at: fc.constant(0),
      availability,
      activity,
      sequenceNumber,
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('vcc-interaction-started' as const), at: fc.constant(0), interactionId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('vcc-interaction-ended' as const), at: fc.constant(0), interactionId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('wrap-started' as const), at: fc.constant(0) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('wrap-ended' as const), at: fc.constant(0) }) },
  // Malformed: anything at all, typed as an event because hosts' JavaScript can pass anything.
  { weight: 1, arbitrary: fc.anything().map((value) => value as SyncEvent) },
);

/** Mostly forward in time, sometimes the same millisecond, sometimes back (out of order). */
const step = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: -30, max: -1 }) },
);

/**
 * Random events on a clock that mostly moves forward, some delivered twice in a row (duplicates), some late (an older
 * `at` and so an older automatic sequence number).
 */
const events = fc.array(fc.tuple(event, step, fc.boolean()), { minLength: 4, maxLength: 40 }).map((items) => {
  let clock = 100;
  return items.flatMap(([raw, delta, repeat], index) => {
    const at = Math.max(0, clock + delta);
    clock = Math.max(clock, at);
    let timed = raw;
    if (isEvent(raw)) {
      timed = { ...raw, at };
      if (timed.type === 'teams-presence-changed' && timed.sequenceNumber === 'auto') {
        timed = { ...timed, sequenceNumber: (at * 64 + index).toString(16) };
      }
    }
    return repeat ? [timed, timed] : [timed];
  });
});

const mapping: fc.Arbitrary<PresenceMapping> = fc.constantFrom(
  DEFAULT_PRESENCE_MAPPING,
  createPresenceMapping({
    vccToTeams: { wrap: 'DoNotDisturb', away: 'BeRightBack' },
    teamsToVcc: { DoNotDisturb: 'away', PresenceUnknown: 'logged-out', Busy: null },
    customStates: { Lunch: 'extended-away', Break: { kind: 'away', teams: 'Busy' } },
  }),
);

const initial = fc.record({
  vccState,
  teams: fc.option(fc.record({ availability, activity }), { nil: undefined }),
});

/** Tracks the Teams-call interactions across steps and checks the per-step invariants. */
class Ledger {
  readonly open = new Map<string, Interaction>();
  readonly created = new Set<string>();
  readonly closed = new Set<string>();

  check(before: SyncState, input: SyncEvent, result: SyncStepResult<SyncState>): void {
    const type = isEvent(input) ? input.type : undefined;
    expect(result.interactionsCreated.length, 'at most one interaction per step').to.be.at.most(1);
    for (const interaction of result.interactionsCreated) {
      expect(interaction.direction).to.equal('inbound');
      expect(interaction.origin).to.equal('teams-call');
      expect(interaction.agentId).to.equal(AGENT);
      expect(this.created.has(interaction.id), `id ${interaction.id} is new`).to.equal(false);
      this.created.add(interaction.id);
      this.open.set(interaction.id, interaction);
    }
    for (const interaction of result.interactionsClosed) {
      expect(this.open.has(interaction.id), `${interaction.id} was open`).to.equal(true);
      expect(this.closed.has(interaction.id), `${interaction.id} is closed once`).to.equal(false);
      expect(interaction.direction).to.equal('inbound');
      expect(interaction.endedAt).to.be.a('number');
      this.closed.add(interaction.id);
      this.open.delete(interaction.id);
    }
    expect(this.open.size, 'at most one open Teams-call interaction').to.be.at.most(1);
    expect(result.state.openTeamsCall?.id).to.equal([...this.open.keys()][0]);

    if (result.publishTeams !== undefined && result.state.vccState === 'wrap') {
      expect(result.publishTeams.availability, 'Teams is never published Available during wrap').to.not.be.oneOf([
        'Available',
        'AvailableIdle',
      ]);
    }
    // No echo: Teams's changes never go back to Teams, VCC's never back to VCC.
    if (type === 'teams-presence-changed') expect(result.publishTeams).to.equal(undefined);
    const fromVcc: readonly string[] = ['vcc-state-changed', 'vcc-interaction-started', 'vcc-interaction-ended', 'wrap-started'];
    if (type !== undefined && fromVcc.includes(type)) {
      expect(result.vccState).to.equal(undefined);
    }
    if (type === 'wrap-ended' && result.vccState !== undefined) expect(result.vccState).to.equal('busy');

    if (result.ignored !== undefined) {
      expect(result.vccState).to.equal(undefined);
      expect(result.publishTeams).to.equal(undefined);
      expect(result.interactionsCreated).to.deep.equal([]);
      expect(result.interactionsClosed).to.deep.equal([]);
      if (['out-of-order', 'invalid-event', 'unrecognised-presence'].includes(result.ignored)) {
        expect(result.state, `${result.ignored} leaves the state as it was`).to.equal(before);
      }
    }
  }
}

function replay(state: SyncState, sequence: readonly SyncEvent[], map: PresenceMapping, ledger: Ledger): SyncState {
  let current = state;
  for (const input of sequence) {
    const result = syncStep(current, input, map);
    ledger.check(current, input, result);
    current = result.state;
  }
  return current;
}

describe('synchronisation model properties', () => {
  it('holds the interaction, wrap and no-echo invariants over random event sequences', () => {
    fc.assert(
      fc.property(initial, events, mapping, (init, sequence, map) => {
        replay(createSyncState(AGENT, init), sequence, map, new Ledger());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('closes every Teams-call interaction exactly once when the sequence ends with the call ended', () => {
    fc.assert(
      fc.property(initial, events, mapping, (init, sequence, map) => {
        const ledger = new Ledger();
        const end: SyncEvent = {
          type: 'teams-presence-changed',
          at: 10_000,
          availability: 'Available',
          activity: 'Available',
          sequenceNumber: 'f'.repeat(40),
        };
        const final = replay(createSyncState(AGENT, init), [...sequence, end], map, ledger);
        expect(final.openTeamsCall).to.equal(undefined);
        expect(ledger.open.size).to.equal(0);
        expect([...ledger.closed].sort()).to.deep.equal([...ledger.created].sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic: the same events give the same results', () => {
    fc.assert(
      fc.property(initial, events, mapping, (init, sequence, map) => {
        const once = sequence.reduce<SyncStepResult<SyncState>[]>((results, input) => {
          const state = results.at(-1)?.state ?? createSyncState(AGENT, init);
          return [...results, syncStep(state, input, map)];
        }, []);
        const twice = sequence.reduce<SyncStepResult<SyncState>[]>((results, input) => {
          const state = results.at(-1)?.state ?? createSyncState(AGENT, init);
          return [...results, syncStep(state, input, map)];
        }, []);
        expect(twice).to.deep.equal(once);
      }),
      { numRuns: 100 },
    );
  });

  it('changes nothing when a Teams presence is delivered again with its sequence number', () => {
    fc.assert(
      fc.property(
        initial,
        events,
        mapping,
        anyCasing(TEAMS_AVAILABILITIES),
        anyCasing(GRAPH_ACTIVITIES),
        (init, sequence, map, availabilityValue, activityValue) => {
          const state = replay(createSyncState(AGENT, init), sequence, map, new Ledger());
          const presence: SyncEvent = {
            type: 'teams-presence-changed',
            at: 20_000,
            availability: availabilityValue,
            activity: activityValue,
            sequenceNumber: 'f'.repeat(30),
          };
          const first = syncStep(state, presence, map);
          const again = syncStep(first.state, presence, map);
          expect(again.ignored).to.equal('duplicate');
          expect(again.state).to.equal(first.state);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('registry: never throws, ignores unknown agents, and keeps agents apart', () => {
    const agentId = fc.constantFrom('agent-a', 'agent-b', 'nobody', '');
    const agentEvent = fc.tuple(event, agentId).map(([e, id]) => (isEvent(e) ? { ...e, agentId: id } : (e as AgentSyncEvent)));
    fc.assert(
      fc.property(fc.array(agentEvent, { maxLength: 40 }), mapping, (sequence, map) => {
        let registry = createSyncRegistry([
          createSyncState('agent-a', { vccState: 'ready' }),
          createSyncState('agent-b', { vccState: 'away' }),
        ]);
        const open = new Map<string, number>();
        for (const input of sequence) {
          const result = syncRegistryStep(registry, input, map);
          const id: unknown = isEvent(input) ? input.agentId : undefined;
          if (id !== 'agent-a' && id !== 'agent-b') {
            expect(result.ignored).to.equal('unknown-agent');
            expect(result.state).to.equal(registry);
          }
          for (const interaction of result.interactionsCreated) {
            expect(interaction.agentId).to.equal(id);
            open.set(interaction.agentId, (open.get(interaction.agentId) ?? 0) + 1);
          }
          for (const interaction of result.interactionsClosed) open.set(interaction.agentId, (open.get(interaction.agentId) ?? 0) - 1);
          for (const count of open.values()) expect(count).to.be.within(0, 1);
          expect([...result.state.agents.keys()].sort()).to.deep.equal(['agent-a', 'agent-b']);
          registry = result.state;
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws, whatever the state, event and mapping', () => {
    const garbage = fc.anything().map((value) => value as never);
    fc.assert(
      fc.property(
        fc.oneof(garbage, initial.map((init) => createSyncState(AGENT, init))),
        fc.oneof(event, garbage),
        fc.oneof(mapping, garbage),
        (state: SyncState, input: SyncEvent, map: PresenceMapping) => {
          expect(() => syncStep(state, input, map)).to.not.throw();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
