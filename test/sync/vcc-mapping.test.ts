import { expect } from '@open-wc/testing';
import { VCC_STATES, type VccState } from '../../src/directory/entry.js';
import {
  DEFAULT_PRESENCE_MAPPING,
  DEFAULT_TEAMS_TO_VCC,
  DEFAULT_VCC_TO_TEAMS,
  TEAMS_CALL_ACTIVITIES,
  createPresenceMapping,
  customStateOf,
  isTeamsCallActivity,
  teamsToVcc,
  vccToTeams,
  type PresenceMappingOverrides,
} from '../../src/sync/vcc-mapping.js';
import { TEAMS_AVAILABILITIES, parseTeamsAvailability, type TeamsAvailability } from '../../src/presence/presence.js';

/** The default VCC → Teams table (docs/rules.md#default-mapping-tables), row by row, with the activity published alongside. */
const VCC_TO_TEAMS_ROWS: ReadonlyArray<readonly [VccState, TeamsAvailability, string]> = [
  ['ready', 'Available', 'Available'],
  ['ready-outbound', 'Available', 'Available'],
  ['busy', 'Busy', 'Busy'],
  ['wrap', 'Busy', 'Busy'],
  ['away', 'Away', 'Away'],
  ['extended-away', 'DoNotDisturb', 'DoNotDisturb'],
  ['logged-out', 'Offline', 'OffWork'],
];

/** The default Teams → VCC table (docs/rules.md#default-mapping-tables) for presences that are not calls; `undefined` is "no change". */
const TEAMS_TO_VCC_ROWS: ReadonlyArray<readonly [TeamsAvailability, VccState | undefined]> = [
  ['Available', 'ready'],
  ['AvailableIdle', 'ready'],
  ['Busy', 'busy'],
  ['BusyIdle', 'busy'],
  ['Away', 'away'],
  ['BeRightBack', 'away'],
  ['DoNotDisturb', 'extended-away'],
  ['Offline', 'logged-out'],
  ['PresenceUnknown', undefined],
];

/** Activities that are not calls: none of them may change a row (absent, repeating, refining, unknown). */
const NON_CALL_ACTIVITIES: ReadonlyArray<string | null | undefined> = [
  null,
  undefined,
  'Available',
  'Busy',
  'InAMeeting',
  'OutOfOffice',
  'Focusing',
  '',
];

function casings(value: string): string[] {
  return [value, value.toLowerCase(), value.toUpperCase(), ` ${value} `];
}

describe('default VCC → Teams mapping', () => {
  it('has a row for every VCC state and nothing else', () => {
    expect(Object.keys(DEFAULT_VCC_TO_TEAMS).sort()).to.deep.equal([...VCC_STATES].sort());
    expect(VCC_TO_TEAMS_ROWS.map(([state]) => state).sort()).to.deep.equal([...VCC_STATES].sort());
  });

  for (const [state, availability, activity] of VCC_TO_TEAMS_ROWS) {
    it(`${state} → ${availability} (${activity})`, () => {
      expect(DEFAULT_VCC_TO_TEAMS[state]).to.equal(availability);
      expect(vccToTeams(DEFAULT_PRESENCE_MAPPING, state)).to.deep.equal({ availability, activity });
    });
  }

  it('publishes no call activity, so a published presence read back never starts a call', () => {
    for (const state of VCC_STATES) {
      expect(isTeamsCallActivity(vccToTeams(DEFAULT_PRESENCE_MAPPING, state)?.activity)).to.equal(false);
    }
  });

  it('gives nothing for a value that is not a VCC state', () => {
    for (const bad of ['Ready', 'lunch', '', null, undefined, 3, {}]) {
      expect(vccToTeams(DEFAULT_PRESENCE_MAPPING, bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('uses the state row for a state name that is not a custom state', () => {
    expect(vccToTeams(DEFAULT_PRESENCE_MAPPING, 'away', 'Comfort break')?.availability).to.equal('Away');
    expect(vccToTeams(DEFAULT_PRESENCE_MAPPING, 'extended-away', 'Meeting')?.availability).to.equal('DoNotDisturb');
  });
});

describe('default Teams → VCC mapping', () => {
  it('has a row for every Graph availability', () => {
    expect(Object.keys(DEFAULT_TEAMS_TO_VCC).sort()).to.deep.equal([...TEAMS_AVAILABILITIES].sort());
    expect(TEAMS_TO_VCC_ROWS.map(([availability]) => availability).sort()).to.deep.equal([...TEAMS_AVAILABILITIES].sort());
  });

  for (const [availability, state] of TEAMS_TO_VCC_ROWS) {
    it(`${availability} (not in a call) → ${state ?? 'no change'}, in any casing, whatever non-call activity`, () => {
      for (const variant of casings(availability)) {
        for (const activity of NON_CALL_ACTIVITIES) {
          const expected = state === undefined ? undefined : { state, startsCall: false };
          expect(teamsToVcc(DEFAULT_PRESENCE_MAPPING, variant, activity), `${variant} / ${String(activity)}`).to.deep.equal(
            expected,
          );
        }
      }
    });
  }

  for (const activity of TEAMS_CALL_ACTIVITIES) {
    it(`any availability with ${activity} → busy plus an inbound interaction`, () => {
      for (const availability of TEAMS_AVAILABILITIES) {
        for (const variant of casings(activity)) {
          expect(teamsToVcc(DEFAULT_PRESENCE_MAPPING, availability, variant), `${availability} / ${variant}`).to.deep.equal({
            state: 'busy',
            startsCall: true,
          });
        }
      }
    });
  }

  it('DoNotDisturb while presenting is a call, not extended away', () => {
    expect(teamsToVcc(DEFAULT_PRESENCE_MAPPING, 'DoNotDisturb', 'Presenting')).to.deep.equal({ state: 'busy', startsCall: true });
  });

  it('changes nothing for unrecognised availabilities, even with a call activity', () => {
    for (const availability of ['Focusing', 'Availble', '', 'null', null, undefined, 42, {}, ['Busy']]) {
      for (const activity of ['InACall', 'Available', null]) {
        expect(teamsToVcc(DEFAULT_PRESENCE_MAPPING, availability, activity), `${JSON.stringify(availability)} / ${String(activity)}`).to
          .be.undefined;
      }
    }
  });
});

describe('parseTeamsAvailability and isTeamsCallActivity', () => {
  it('read Graph strings in any casing and refuse the rest', () => {
    for (const availability of TEAMS_AVAILABILITIES) {
      for (const variant of casings(availability)) expect(parseTeamsAvailability(variant)).to.equal(availability);
    }
    expect(parseTeamsAvailability('Focusing')).to.equal(undefined);
    expect(parseTeamsAvailability(7)).to.equal(undefined);
    expect(isTeamsCallActivity('inaconferencecall')).to.equal(true);
    expect(isTeamsCallActivity('InAMeeting')).to.equal(false);
    expect(isTeamsCallActivity(undefined)).to.equal(false);
  });
});

describe('createPresenceMapping overrides', () => {
  it('with none, equals the defaults', () => {
    const mapping = createPresenceMapping();
    expect(mapping.vccToTeams).to.deep.equal(DEFAULT_VCC_TO_TEAMS);
    expect(mapping.teamsToVcc).to.deep.equal(DEFAULT_TEAMS_TO_VCC);
    expect(mapping.customStates.size).to.equal(0);
  });

  it('overrides single rows both ways and leaves the others and the defaults alone', () => {
    const mapping = createPresenceMapping({
      vccToTeams: { away: 'BeRightBack', 'logged-out': 'Away' },
      teamsToVcc: { DoNotDisturb: 'away', PresenceUnknown: 'logged-out', Offline: null },
    });
    expect(vccToTeams(mapping, 'away')).to.deep.equal({ availability: 'BeRightBack', activity: 'BeRightBack' });
    expect(vccToTeams(mapping, 'logged-out')?.availability).to.equal('Away');
    expect(vccToTeams(mapping, 'ready')?.availability).to.equal('Available');
    expect(teamsToVcc(mapping, 'DoNotDisturb', 'DoNotDisturb')).to.deep.equal({ state: 'away', startsCall: false });
    expect(teamsToVcc(mapping, 'PresenceUnknown', null)).to.deep.equal({ state: 'logged-out', startsCall: false });
    expect(teamsToVcc(mapping, 'Offline', 'OffWork')).to.equal(undefined);
    expect(teamsToVcc(mapping, 'Busy', 'Busy')).to.deep.equal({ state: 'busy', startsCall: false });
    expect(DEFAULT_VCC_TO_TEAMS.away).to.equal('Away');
    expect(DEFAULT_TEAMS_TO_VCC.DoNotDisturb).to.equal('extended-away');
  });

  it('keeps the call rule whatever the overrides say about availabilities', () => {
    const mapping = createPresenceMapping({ teamsToVcc: { Busy: null, DoNotDisturb: 'away' } });
    expect(teamsToVcc(mapping, 'Busy', 'InACall')).to.deep.equal({ state: 'busy', startsCall: true });
    expect(teamsToVcc(mapping, 'DoNotDisturb', 'Presenting')).to.deep.equal({ state: 'busy', startsCall: true });
  });

  it('accepts Teams availabilities in any casing, as hosts copy them from Graph answers', () => {
    const mapping = createPresenceMapping({
      vccToTeams: { away: 'berightback' as TeamsAvailability },
      teamsToVcc: { ['donotdisturb' as TeamsAvailability]: 'away' },
    });
    expect(mapping.vccToTeams.away).to.equal('BeRightBack');
    expect(mapping.teamsToVcc.DoNotDisturb).to.equal('away');
  });

  it('maps custom away and extended-away states by name, case-insensitively', () => {
    const mapping = createPresenceMapping({
      vccToTeams: { away: 'BeRightBack' },
      customStates: { Lunch: 'extended-away', Break: 'away', ' Training ': { kind: 'extended-away', teams: 'Busy' } },
    });
    expect(vccToTeams(mapping, 'away', 'Lunch')?.availability).to.equal('DoNotDisturb');
    expect(vccToTeams(mapping, 'away', ' lunch ')?.availability).to.equal('DoNotDisturb');
    expect(vccToTeams(mapping, 'extended-away', 'BREAK')?.availability).to.equal('BeRightBack');
    expect(vccToTeams(mapping, 'extended-away', 'training')).to.deep.equal({ availability: 'Busy', activity: 'Busy' });
    expect(vccToTeams(mapping, 'away', 'Coffee')?.availability).to.equal('BeRightBack');
    expect(customStateOf(mapping, 'away', 'Training')).to.deep.equal({ name: 'Training', kind: 'extended-away', teams: 'Busy' });
  });

  it('never re-classifies a state that is not away by a custom name', () => {
    const mapping = createPresenceMapping({ customStates: { Outgoing: 'away' } });
    expect(vccToTeams(mapping, 'busy', 'Outgoing')?.availability).to.equal('Busy');
    expect(customStateOf(mapping, 'ready', 'Outgoing')).to.equal(undefined);
  });

  it('is frozen', () => {
    const mapping = createPresenceMapping({ vccToTeams: { away: 'BeRightBack' } });
    expect(Object.isFrozen(mapping)).to.equal(true);
    expect(Object.isFrozen(mapping.vccToTeams)).to.equal(true);
    expect(Object.isFrozen(mapping.teamsToVcc)).to.equal(true);
    expect(Object.isFrozen(DEFAULT_VCC_TO_TEAMS)).to.equal(true);
    expect(Object.isFrozen(DEFAULT_TEAMS_TO_VCC)).to.equal(true);
  });
});

describe('createPresenceMapping validation', () => {
  /** [what, overrides as a host's JavaScript might pass them, the message the error must carry]. */
  const BAD: ReadonlyArray<readonly [string, unknown, RegExp]> = [
    ['an unknown VCC state as a key', { vccToTeams: { lunch: 'Away' } }, /vccToTeams: unknown VCC state "lunch"/],
    ['a VCC state in the wrong casing', { vccToTeams: { Ready: 'Available' } }, /unknown VCC state "Ready"/],
    ['an unknown Teams availability as a value', { vccToTeams: { away: 'Gone' } }, /vccToTeams\.away: unknown Teams availability "Gone"/],
    ['a non-string availability', { vccToTeams: { away: 3 } }, /vccToTeams\.away: unknown Teams availability 3/],
    ['PresenceUnknown as a published presence', { vccToTeams: { ready: 'PresenceUnknown' } }, /cannot be set to "PresenceUnknown"/],
    ['wrap shown Available', { vccToTeams: { wrap: 'Available' } }, /wrap keeps the Teams user busy .* "Available"/],
    ['wrap shown AvailableIdle', { vccToTeams: { wrap: 'availableidle' } }, /"AvailableIdle"/],
    ['an unknown Teams availability as a key', { teamsToVcc: { Focusing: 'busy' } }, /teamsToVcc: unknown Teams availability "Focusing"/],
    ['an unknown VCC state as a value', { teamsToVcc: { Busy: 'on-call' } }, /teamsToVcc\.Busy: unknown VCC state "on-call"/],
    ['undefined as a VCC state', { teamsToVcc: { Busy: undefined } }, /teamsToVcc\.Busy: unknown VCC state undefined/],
    ['one availability twice', { teamsToVcc: { Busy: 'busy', busy: 'away' } }, /"busy" repeats "Busy"/],
    ['a custom state of another kind', { customStates: { Lunch: 'busy' } }, /customStates\["Lunch"\]: .*"away" or "extended-away", got "busy"/],
    ['a custom state object without kind', { customStates: { Lunch: { teams: 'Away' } } }, /customStates\["Lunch"\]: .*got undefined/],
    [
      'a custom state with an unknown availability',
      { customStates: { Lunch: { kind: 'extended-away', teams: 'Lunching' } } },
      /customStates\["Lunch"\]\.teams: unknown Teams availability "Lunching"/,
    ],
    ['a nameless custom state', { customStates: { '  ': 'away' } }, /customStates\[" {2}"\]: a custom state needs a name/],
    ['a custom state named twice', { customStates: { Lunch: 'away', ' lunch': 'extended-away' } }, /given twice/],
    ['an unknown option', { vccToTeam: { away: 'Away' } }, /unknown option "vccToTeam"/],
    ['a table that is not an object', { vccToTeams: 'Busy' }, /vccToTeams must be an object, got "Busy"/],
    ['a table that is an array', { customStates: ['Lunch'] }, /customStates must be an object/],
    ['overrides that are not an object', null, /overrides must be an object, got null/],
  ];

  for (const [what, overrides, message] of BAD) {
    it(`refuses ${what} with a TypeError naming it`, () => {
      expect(() => createPresenceMapping(overrides as PresenceMappingOverrides))
        .to.throw(TypeError)
        .with.property('message')
        .that.matches(message);
    });
  }
});
