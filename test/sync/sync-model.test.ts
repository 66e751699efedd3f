import { expect } from '@open-wc/testing';
import type { VccState } from '../../src/directory/entry.js';
import { compareSequenceNumbers, type SyncEvent } from '../../src/sync/sync-events.js';
import { createSyncState, syncStep, type SyncState, type SyncStateInit } from '../../src/sync/sync-model.js';
import { createSyncRegistry, linkAgent, syncRegistryStep, unlinkAgent } from '../../src/sync/sync-registry.js';
import {
  DEFAULT_PRESENCE_MAPPING,
  createPresenceMapping,
  type PresenceMapping,
} from '../../src/sync/vcc-mapping.js';
import type { TeamsAvailability } from '../../src/presence/presence.js';

const AGENT = 'agent-7';

function teams(at: number, availability: string, activity: string | null = availability, sequenceNumber?: string): SyncEvent {
  return { type: 'teams-presence-changed', at, availability, activity, ...(sequenceNumber === undefined ? {} : { sequenceNumber }) };
}

function vcc(at: number, state: VccState, stateName?: string): SyncEvent {
  return { type: 'vcc-state-changed', at, state, ...(stateName === undefined ? {} : { stateName }) };
}

const started = (at: number, interactionId: string): SyncEvent => ({ type: 'vcc-interaction-started', at, interactionId });
const ended = (at: number, interactionId: string): SyncEvent => ({ type: 'vcc-interaction-ended', at, interactionId });
const wrapStarted = (at: number): SyncEvent => ({ type: 'wrap-started', at });
const wrapEnded = (at: number): SyncEvent => ({ type: 'wrap-ended', at });

function agent(init: SyncStateInit): SyncState {
  return createSyncState(AGENT, init);
}

/** Runs events in order and returns every step's result. */
function run(state: SyncState, events: readonly SyncEvent[], mapping: PresenceMapping = DEFAULT_PRESENCE_MAPPING) {
  const results = [];
  let current = state;
  for (const event of events) {
    const result = syncStep(current, event, mapping);
    results.push(result);
    current = result.state;
  }
  return results;
}

function last<T>(items: readonly T[]): T {
  const item = items.at(-1);
  if (item === undefined) throw new Error('no results');
  return item;
}

describe('syncStep: VCC → Teams, every default row', () => {
  const ROWS: ReadonlyArray<readonly [VccState, TeamsAvailability, string]> = [
    ['ready', 'Available', 'Available'],
    ['ready-outbound', 'Available', 'Available'],
    ['busy', 'Busy', 'Busy'],
    ['wrap', 'Busy', 'Busy'],
    ['away', 'Away', 'Away'],
    ['extended-away', 'DoNotDisturb', 'DoNotDisturb'],
    ['logged-out', 'Offline', 'OffWork'],
  ];
  for (const [state, availability, activity] of ROWS) {
    it(`VCC ${state} publishes Teams ${availability} and is not sent back to VCC`, () => {
      const from: VccState = state === 'logged-out' ? 'ready' : 'logged-out';
      const result = syncStep(agent({ vccState: from }), vcc(10, state));
      expect(result.publishTeams).to.deep.equal({ availability, activity });
      expect(result.vccState).to.equal(undefined);
      expect(result.ignored).to.equal(undefined);
      expect(result.interactionsCreated).to.deep.equal([]);
      expect(result.state.vccState).to.equal(state);
      expect(result.state.teamsShown).to.equal(availability);
    });
  }
});

describe('syncStep: Teams → VCC, every default row', () => {
  const ROWS: ReadonlyArray<readonly [TeamsAvailability, VccState]> = [
    ['Available', 'ready'],
    ['AvailableIdle', 'ready'],
    ['Busy', 'busy'],
    ['BusyIdle', 'busy'],
    ['Away', 'away'],
    ['BeRightBack', 'away'],
    ['DoNotDisturb', 'extended-away'],
    ['Offline', 'logged-out'],
  ];
  for (const [availability, state] of ROWS) {
    it(`Teams ${availability} sets VCC ${state} and is not published back to Teams`, () => {
      const from: VccState = state === 'logged-out' ? 'ready' : 'logged-out';
      const result = syncStep(agent({ vccState: from }), teams(10, availability));
      expect(result.vccState).to.equal(state);
      expect(result.publishTeams).to.equal(undefined);
      expect(result.interactionsCreated).to.deep.equal([]);
      expect(result.state.vccState).to.equal(state);
      expect(result.state.vccStateOrigin).to.equal('teams');
    });
  }

  it('Teams PresenceUnknown changes nothing', () => {
    const result = syncStep(agent({ vccState: 'ready' }), teams(10, 'PresenceUnknown'));
    expect(result.ignored).to.equal('unknown-presence');
    expect(result.vccState).to.equal(undefined);
    expect(result.state.vccState).to.equal('ready');
  });

  for (const availability of ['Focusing', 'Availble', '', '  ']) {
    it(`Teams ${JSON.stringify(availability)} (unrecognised) changes nothing, not even the remembered presence`, () => {
      const before = agent({ vccState: 'away', at: 5 });
      const result = syncStep(before, teams(10, availability, 'InACall'));
      expect(result.ignored).to.equal('unrecognised-presence');
      expect(result.state).to.equal(before);
      expect(result.interactionsCreated).to.deep.equal([]);
    });
  }

  it('matches Graph strings case-insensitively', () => {
    expect(syncStep(agent({ vccState: 'ready' }), teams(10, 'DONOTDISTURB', 'donotdisturb')).vccState).to.equal('extended-away');
    expect(syncStep(agent({ vccState: 'ready' }), teams(10, 'busy', 'inacall')).interactionsCreated).to.have.length(1);
  });

  it('respects overrides', () => {
    const mapping = createPresenceMapping({ teamsToVcc: { DoNotDisturb: 'away', Offline: null } });
    expect(syncStep(agent({ vccState: 'ready' }), teams(10, 'DoNotDisturb'), mapping).vccState).to.equal('away');
    expect(syncStep(agent({ vccState: 'ready' }), teams(10, 'Offline'), mapping).ignored).to.equal('unknown-presence');
  });
});

describe('syncStep: Teams calls', () => {
  for (const activity of ['InACall', 'InAConferenceCall', 'Presenting']) {
    for (const availability of ['Busy', 'DoNotDisturb', 'Available', 'PresenceUnknown']) {
      it(`${availability} + ${activity} sets the agent busy with one inbound interaction`, () => {
        const result = syncStep(agent({ vccState: 'ready' }), teams(1000, availability, activity));
        expect(result.vccState).to.equal('busy');
        expect(result.publishTeams).to.equal(undefined);
        expect(result.interactionsCreated).to.deep.equal([
          {
            id: `${AGENT}:teams-call:1@1000`,
            agentId: AGENT,
            direction: 'inbound',
            origin: 'teams-call',
            activity,
            startedAt: 1000,
          },
        ]);
        expect(result.state.openTeamsCall?.id).to.equal(`${AGENT}:teams-call:1@1000`);
      });
    }
  }

  it('keeps one interaction while the call goes on (repeats, Presenting after InACall)', () => {
    const results = run(agent({ vccState: 'ready' }), [
      teams(10, 'Busy', 'InACall'),
      teams(10, 'Busy', 'InACall'),
      teams(20, 'DoNotDisturb', 'Presenting'),
    ]);
    expect(results.flatMap((r) => r.interactionsCreated)).to.have.length(1);
    expect(results[1]?.ignored).to.equal('no-change');
    expect(results[2]?.ignored).to.equal('no-change');
    expect(last(results).state.vccState).to.equal('busy');
  });

  it('closes the interaction when the call ends, and VCC follows the new presence', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Busy', 'InACall'), teams(30, 'Available', 'Available')]);
    const [call] = results[0]?.interactionsCreated ?? [];
    expect(last(results).interactionsClosed).to.deep.equal([{ ...call, endedAt: 30 }]);
    expect(last(results).vccState).to.equal('ready');
    expect(last(results).publishTeams).to.equal(undefined);
    expect(last(results).state.openTeamsCall).to.equal(undefined);
  });

  it('closes the interaction when the call ends in a meeting (Busy, InAMeeting) and the agent stays busy', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Busy', 'InACall'), teams(30, 'Busy', 'InAMeeting')]);
    expect(last(results).interactionsClosed).to.have.length(1);
    expect(last(results).vccState).to.equal(undefined);
    expect(last(results).ignored).to.equal(undefined);
    expect(last(results).state.vccState).to.equal('busy');
  });

  it('closes the interaction even when the presence after the call is PresenceUnknown', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Busy', 'InACall'), teams(30, 'PresenceUnknown')]);
    expect(last(results).interactionsClosed).to.have.length(1);
    expect(last(results).ignored).to.equal(undefined);
  });

  it('numbers later calls, so ids never repeat even in the same millisecond', () => {
    const results = run(agent({ vccState: 'ready' }), [
      teams(10, 'Busy', 'InACall', '1'),
      teams(10, 'Available', 'Available', '2'),
      teams(10, 'Busy', 'InACall', '3'),
    ]);
    expect(results.flatMap((r) => r.interactionsCreated).map((i) => i.id)).to.deep.equal([
      `${AGENT}:teams-call:1@10`,
      `${AGENT}:teams-call:2@10`,
    ]);
  });

  it('a Teams call while the agent is on a VCC interaction creates nothing and keeps VCC busy', () => {
    const results = run(agent({ vccState: 'ready' }), [started(10, 'vcc-1'), teams(20, 'Busy', 'InACall')]);
    expect(results[0]?.publishTeams).to.deep.equal({ availability: 'Busy', activity: 'Busy' });
    expect(last(results).ignored).to.equal('agent-busy-on-vcc');
    expect(last(results).interactionsCreated).to.deep.equal([]);
    expect(last(results).vccState).to.equal(undefined);
    expect(last(results).state.teamsSeen?.inCall).to.equal(true);
  });

  it('a Teams call while VCC itself set the agent busy creates nothing either', () => {
    const result = last(run(agent({ vccState: 'ready' }), [vcc(10, 'busy', 'Outgoing'), teams(20, 'Busy', 'InACall')]));
    expect(result.ignored).to.equal('agent-busy-on-vcc');
    expect(result.interactionsCreated).to.deep.equal([]);
  });

  it('a Teams call still on once VCC frees the agent is recorded on its next presence', () => {
    const results = run(agent({ vccState: 'ready' }), [
      started(10, 'vcc-1'),
      teams(20, 'Busy', 'InACall'),
      vcc(30, 'ready'),
      teams(40, 'Busy', 'Presenting'),
    ]);
    expect(last(results).interactionsCreated).to.have.length(1);
    expect(last(results).vccState).to.equal('busy');
  });

  it('Teams presences do not move VCC off a VCC interaction', () => {
    const result = last(run(agent({ vccState: 'ready' }), [started(10, 'vcc-1'), teams(20, 'Available')]));
    expect(result.ignored).to.equal('agent-busy-on-vcc');
    expect(result.state.vccState).to.equal('busy');
  });

  it('a VCC interaction during a Teams call holds the agent busy after the call ends', () => {
    const results = run(agent({ vccState: 'ready' }), [
      teams(10, 'Busy', 'InACall'),
      started(20, 'vcc-1'),
      teams(30, 'Available'),
    ]);
    expect(results[1]?.publishTeams).to.equal(undefined);
    expect(last(results).interactionsClosed).to.have.length(1);
    expect(last(results).vccState).to.equal(undefined);
    expect(last(results).state.vccState).to.equal('busy');
  });

  it('a VCC confirmation of the busy state Teams caused still lets the call end free the agent', () => {
    const results = run(agent({ vccState: 'ready' }), [
      teams(10, 'Busy', 'InACall'),
      vcc(11, 'busy', 'Teams call'),
      teams(30, 'Available'),
    ]);
    expect(results[1]?.publishTeams).to.equal(undefined);
    expect(last(results).vccState).to.equal('ready');
  });
});

describe('syncStep: wrap', () => {
  it('keeps Teams busy from a VCC interaction until wrap ends, then publishes Available', () => {
    const results = run(agent({ vccState: 'ready', teams: { availability: 'Available' } }), [
      started(10, 'vcc-1'),
      ended(20, 'vcc-1'),
      wrapStarted(21),
      wrapEnded(40),
    ]);
    expect(results.map((r) => r.publishTeams?.availability)).to.deep.equal(['Busy', undefined, undefined, 'Available']);
    expect(results.map((r) => r.vccState)).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(results[2]?.state.vccState).to.equal('wrap');
    expect(last(results).state.vccState).to.equal('ready');
  });

  it('a Teams change to Available during wrap does not move VCC out of wrap, and is not fought', () => {
    const results = run(agent({ vccState: 'ready', teams: { availability: 'Available' } }), [
      started(10, 'vcc-1'),
      ended(20, 'vcc-1'),
      wrapStarted(21),
      teams(30, 'Available', 'Available'),
      wrapEnded(40),
    ]);
    expect(results[3]?.ignored).to.equal('agent-in-wrap');
    expect(results[3]?.vccState).to.equal(undefined);
    expect(results[3]?.publishTeams).to.equal(undefined);
    expect(results[3]?.state.vccState).to.equal('wrap');
    // Teams already shows Available when wrap ends: nothing to publish.
    expect(last(results).publishTeams).to.equal(undefined);
    expect(last(results).state.vccState).to.equal('ready');
  });

  it('publishes Busy when wrap starts and Teams shows something else', () => {
    const result = syncStep(agent({ vccState: 'ready', teams: { availability: 'Available' } }), wrapStarted(10));
    expect(result.publishTeams).to.deep.equal({ availability: 'Busy', activity: 'Busy' });
  });

  it('a VCC state change to wrap is wrap too', () => {
    const results = run(agent({ vccState: 'busy' }), [vcc(10, 'wrap'), teams(20, 'Available'), wrapEnded(30)]);
    expect(results[0]?.publishTeams?.availability).to.equal('Busy');
    expect(results[1]?.ignored).to.equal('agent-in-wrap');
    expect(last(results).state.vccState).to.equal('ready');
  });

  it('a Teams call during wrap is held back, and recorded when wrap ends if it is still on', () => {
    const results = run(agent({ vccState: 'busy' }), [wrapStarted(10), teams(20, 'Busy', 'InACall'), wrapEnded(30)]);
    expect(results[1]?.ignored).to.equal('agent-in-wrap');
    expect(results[1]?.interactionsCreated).to.deep.equal([]);
    expect(last(results).vccState).to.equal('busy');
    expect(last(results).publishTeams).to.equal(undefined);
    expect(last(results).interactionsCreated.map((i) => [i.id, i.direction])).to.deep.equal([[`${AGENT}:teams-call:1@30`, 'inbound']]);
  });

  it('a Teams call that ended during wrap is not recorded', () => {
    const results = run(agent({ vccState: 'busy' }), [
      wrapStarted(10),
      teams(20, 'Busy', 'InACall'),
      teams(25, 'Available'),
      wrapEnded(30),
    ]);
    expect(results.flatMap((r) => r.interactionsCreated)).to.deep.equal([]);
    expect(last(results).state.vccState).to.equal('ready');
  });

  it('a Teams call that began before wrap is closed when it ends during wrap; VCC stays in wrap', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Busy', 'InACall'), wrapStarted(20), teams(30, 'Available')]);
    expect(last(results).interactionsClosed).to.have.length(1);
    expect(last(results).ignored).to.equal(undefined);
    expect(last(results).vccState).to.equal(undefined);
    expect(last(results).state.vccState).to.equal('wrap');
  });

  it('a Teams call on through the whole wrap keeps its interaction when wrap ends', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Busy', 'InACall'), wrapStarted(20), wrapEnded(30)]);
    expect(last(results).vccState).to.equal('busy');
    expect(last(results).interactionsCreated).to.deep.equal([]);
    expect(last(results).state.openTeamsCall?.startedAt).to.equal(10);
  });

  it('wrap cannot be shown Available even by a hand-made mapping', () => {
    const handMade: PresenceMapping = {
      ...DEFAULT_PRESENCE_MAPPING,
      vccToTeams: { ...DEFAULT_PRESENCE_MAPPING.vccToTeams, wrap: 'Available' },
    };
    expect(syncStep(agent({ vccState: 'busy' }), wrapStarted(10), handMade).publishTeams?.availability).to.equal('Busy');
  });
});

describe('syncStep: no echo', () => {
  it('a change from Teams is applied to VCC, and VCC reporting it back publishes nothing', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Away'), vcc(11, 'away')]);
    expect(results[0]?.vccState).to.equal('away');
    expect(results[0]?.publishTeams).to.equal(undefined);
    expect(results[1]?.ignored).to.equal('no-change');
    expect(results[1]?.publishTeams).to.equal(undefined);
  });

  it('VCC naming the state Teams caused publishes nothing: Teams already shows it', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'DoNotDisturb'), vcc(11, 'extended-away', 'Meeting')]);
    expect(results[1]?.publishTeams).to.equal(undefined);
    expect(results[1]?.state.vccStateName).to.equal('Meeting');
  });

  it('a change from VCC is published to Teams, and Teams reporting it back changes nothing in VCC', () => {
    const results = run(agent({ vccState: 'ready' }), [vcc(10, 'away'), teams(11, 'Away', 'Away')]);
    expect(results[0]?.publishTeams?.availability).to.equal('Away');
    expect(results[0]?.vccState).to.equal(undefined);
    expect(results[1]?.ignored).to.equal('no-change');
    expect(results[1]?.vccState).to.equal(undefined);
  });

  it('Ready (Outbound) read back from Teams as Available stays Ready (Outbound)', () => {
    const results = run(agent({ vccState: 'ready', teams: { availability: 'Available' } }), [
      vcc(10, 'ready-outbound'),
      teams(11, 'Available'),
    ]);
    expect(results[0]?.publishTeams).to.equal(undefined);
    expect(results[1]?.ignored).to.equal('no-change');
    expect(results[1]?.state.vccState).to.equal('ready-outbound');
  });

  it('a custom state read back from Teams keeps its name', () => {
    const mapping = createPresenceMapping({ customStates: { Lunch: 'extended-away' } });
    const results = run(agent({ vccState: 'ready' }), [vcc(10, 'away', 'Lunch'), teams(11, 'DoNotDisturb')], mapping);
    expect(results[0]?.publishTeams?.availability).to.equal('DoNotDisturb');
    expect(results[1]?.ignored).to.equal('no-change');
    expect(results[1]?.state.vccStateName).to.equal('Lunch');
  });
});

describe('syncStep: order and duplicates', () => {
  it('ignores a Teams presence with an older sequence number (hexadecimal)', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Away', 'Away', '0A'), teams(20, 'Busy', 'Busy', '9')]);
    expect(last(results).ignored).to.equal('out-of-order');
    expect(last(results).state).to.equal(results[0]?.state);
  });

  it('applies a newer sequence number of more digits', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Away', 'Away', 'ff'), teams(20, 'Busy', 'Busy', '0100')]);
    expect(last(results).vccState).to.equal('busy');
  });

  it('ignores the same sequence number twice as a duplicate', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Busy', 'InACall', 'C1'), teams(10, 'Busy', 'InACall', 'c1')]);
    expect(last(results).ignored).to.equal('duplicate');
    expect(results.flatMap((r) => r.interactionsCreated)).to.have.length(1);
  });

  it('ignores an event older than the last applied one, from either side', () => {
    const results = run(agent({ vccState: 'ready' }), [
      vcc(50, 'away'),
      teams(40, 'Busy', 'InACall'),
      vcc(45, 'logged-out'),
      wrapStarted(49),
    ]);
    expect(results.slice(1).map((r) => r.ignored)).to.deep.equal(['out-of-order', 'out-of-order', 'out-of-order']);
    expect(last(results).state).to.equal(results[0]?.state);
  });

  it('ignores an older timestamp even with a newer sequence number', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(50, 'Away', 'Away', '1'), teams(40, 'Busy', 'Busy', '2')]);
    expect(last(results).ignored).to.equal('out-of-order');
  });

  it('orders by timestamp when a sequence number cannot be read', () => {
    const results = run(agent({ vccState: 'ready' }), [teams(10, 'Away', 'Away', '5'), teams(20, 'Busy', 'Busy', 'not-hex')]);
    expect(last(results).vccState).to.equal('busy');
    expect(last(results).state.lastSequenceNumber).to.equal('5');
  });

  it('ignores events older than the initial state', () => {
    expect(syncStep(agent({ vccState: 'ready', at: 100 }), vcc(99, 'away')).ignored).to.equal('out-of-order');
  });

  it('changes nothing the second time for repeated VCC events', () => {
    const results = run(agent({ vccState: 'ready' }), [
      vcc(10, 'away', 'Break'),
      vcc(10, 'away', 'Break'),
      started(20, 'vcc-1'),
      started(20, 'vcc-1'),
      ended(30, 'vcc-1'),
      ended(30, 'vcc-1'),
      started(20, 'vcc-1'),
      wrapStarted(31),
      wrapStarted(31),
      wrapEnded(40),
      wrapEnded(40),
    ]);
    expect(results.map((r) => r.ignored)).to.deep.equal([
      undefined,
      'no-change',
      undefined,
      'duplicate',
      undefined,
      'duplicate',
      'duplicate',
      undefined,
      'duplicate',
      undefined,
      'not-in-wrap',
    ]);
  });

  it('applies the end of a VCC interaction whatever its timestamp, so none is left open', () => {
    const results = run(agent({ vccState: 'ready' }), [started(10, 'vcc-1'), vcc(30, 'busy', 'Outgoing'), ended(20, 'vcc-1')]);
    expect(last(results).ignored).to.equal(undefined);
    expect(last(results).state.openVccInteractions).to.deep.equal([]);
  });

  it('an end that arrives before its start keeps the late start from opening it', () => {
    const results = run(agent({ vccState: 'ready' }), [ended(20, 'vcc-1'), started(10, 'vcc-1')]);
    expect(results.map((r) => r.ignored)).to.deep.equal(['interaction-not-open', 'duplicate']);
    expect(last(results).state.openVccInteractions).to.deep.equal([]);
  });

  it('a VCC state other than busy ends the VCC interactions it was on', () => {
    const result = last(run(agent({ vccState: 'ready' }), [started(10, 'vcc-1'), vcc(20, 'away')]));
    expect(result.state.openVccInteractions).to.deep.equal([]);
    expect(result.state.endedVccInteractions).to.deep.equal(['vcc-1']);
  });
});

describe('syncStep: malformed input', () => {
  const BAD: ReadonlyArray<readonly [string, unknown]> = [
    ['null', null],
    ['a string', 'wrap-started'],
    ['an empty object', {}],
    ['an unknown type', { type: 'teams-call', at: 1 }],
    ['a NaN time', { type: 'wrap-started', at: Number.NaN }],
    ['an infinite time', { type: 'wrap-started', at: Number.POSITIVE_INFINITY }],
    ['a string time', { type: 'wrap-started', at: '10' }],
    ['an unknown VCC state', { type: 'vcc-state-changed', at: 1, state: 'lunch' }],
    ['a non-string state name', { type: 'vcc-state-changed', at: 1, state: 'away', stateName: 3 }],
    ['a source other than VCC', { type: 'vcc-state-changed', at: 1, state: 'away', source: 'teams' }],
    ['an empty interaction id', { type: 'vcc-interaction-started', at: 1, interactionId: ' ' }],
    ['a missing interaction id', { type: 'vcc-interaction-ended', at: 1 }],
    [
      'an event whose getters throw',
      new Proxy(
        {},
        {
          get() {
            throw new Error('hostile');
          },
        },
      ),
    ],
  ];
  for (const [what, event] of BAD) {
    it(`ignores ${what} as invalid-event, without throwing`, () => {
      const before = agent({ vccState: 'ready' });
      const result = syncStep(before, event as SyncEvent);
      expect(result.ignored).to.equal('invalid-event');
      expect(result.state).to.equal(before);
    });
  }

  it('treats a non-string availability as unrecognised', () => {
    const result = syncStep(agent({ vccState: 'ready' }), { type: 'teams-presence-changed', at: 1, availability: 7 } as unknown as SyncEvent);
    expect(result.ignored).to.equal('unrecognised-presence');
  });

  it('does not throw on a state or mapping not made by this module', () => {
    expect(syncStep(null as unknown as SyncState, vcc(1, 'away')).ignored).to.equal('invalid-event');
    expect(syncStep(agent({ vccState: 'ready' }), vcc(1, 'away'), {} as PresenceMapping).ignored).to.equal('invalid-event');
  });
});

describe('createSyncState', () => {
  it('starts from the given VCC state and Teams presence', () => {
    const state = agent({
      vccState: 'away',
      vccStateName: ' Lunch ',
      teams: { availability: 'busy', activity: 'InACall', sequenceNumber: 'A' },
      at: 5,
    });
    expect(state).to.deep.include({
      agentId: AGENT,
      vccState: 'away',
      vccStateName: 'Lunch',
      teamsShown: 'Busy',
      lastSequenceNumber: 'A',
      lastAt: 5,
      teamsCallCount: 0,
    });
    expect(state.teamsSeen).to.deep.equal({ availability: 'Busy', activity: 'InACall', inCall: true });
  });

  it('drops an unrecognised initial presence', () => {
    expect(agent({ vccState: 'ready', teams: { availability: 'Focusing' } }).teamsSeen).to.equal(undefined);
  });

  it('refuses a bad agent id or VCC state with a TypeError', () => {
    expect(() => createSyncState('', { vccState: 'ready' })).to.throw(TypeError, /agentId/);
    expect(() => createSyncState(AGENT, { vccState: 'lunch' as VccState })).to.throw(TypeError, /unknown VCC state lunch/);
  });
});

describe('sync registry', () => {
  const registry = createSyncRegistry([agent({ vccState: 'ready' }), createSyncState('agent-8', { vccState: 'away' })]);

  it('routes an event to its agent only', () => {
    const result = syncRegistryStep(registry, { ...teams(10, 'Busy', 'InACall'), agentId: 'agent-8' });
    expect(result.vccState).to.equal('busy');
    expect(result.interactionsCreated[0]?.agentId).to.equal('agent-8');
    expect(result.state.agents.get('agent-8')?.vccState).to.equal('busy');
    expect(result.state.agents.get(AGENT)).to.equal(registry.agents.get(AGENT));
    expect(registry.agents.get('agent-8')?.vccState).to.equal('away');
  });

  it('ignores events for unknown, unlinked or missing agents', () => {
    expect(syncRegistryStep(registry, { ...vcc(10, 'away'), agentId: 'nobody' })).to.deep.include({
      ignored: 'unknown-agent',
      state: registry,
    });
    const unlinked = unlinkAgent(registry, 'agent-8');
    expect(syncRegistryStep(unlinked, { ...vcc(10, 'busy'), agentId: 'agent-8' }).ignored).to.equal('unknown-agent');
    expect(syncRegistryStep(registry, vcc(10, 'busy') as never).ignored).to.equal('unknown-agent');
    expect(syncRegistryStep(registry, null as never).ignored).to.equal('unknown-agent');
  });

  it('keeps the same registry when the agent ignores the event', () => {
    expect(syncRegistryStep(registry, { ...vcc(10, 'ready'), agentId: AGENT }).state).to.equal(registry);
  });

  it('links and replaces agents', () => {
    const relinked = linkAgent(registry, createSyncState(AGENT, { vccState: 'logged-out' }));
    expect(relinked.agents.get(AGENT)?.vccState).to.equal('logged-out');
    expect(relinked.agents.size).to.equal(2);
  });
});

describe('compareSequenceNumbers', () => {
  const ROWS: ReadonlyArray<readonly [string, string, number | undefined]> = [
    ['1', '2', -1],
    ['A', '9', 1],
    ['0a', 'A', 0],
    ['ff', '100', -1],
    ['000100', 'ff', 1],
    ['10', '9', 1],
    ['0', '000', 0],
    ['x1', '1', undefined],
    ['', '1', undefined],
  ];
  for (const [a, b, expected] of ROWS) {
    it(`${JSON.stringify(a)} vs ${JSON.stringify(b)} → ${String(expected)}`, () => {
      const order = compareSequenceNumbers(a, b);
      expect(order === undefined ? undefined : Math.sign(order)).to.equal(expected);
    });
  }
});
