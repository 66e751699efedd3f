import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_STATUS_MESSAGE_LENGTH,
  PRESENCE_ACTIVITIES,
  PRESENCE_STATES,
  isPresence,
  parsePresence,
  unknownPresence,
  type PresenceActivity,
  type PresenceState,
} from '../../src/presence/presence.js';
import { DEFAULT_PRESENCE_STRINGS, describePresence, type PresenceStrings } from '../../src/presence-icon/presence-strings.js';
import { VCC_STATES, type VccState } from '../../src/directory/entry.js';
import {
  DEFAULT_PRESENCE_MAPPING,
  createPresenceMapping,
  isPresenceMapping,
  MAX_VCC_STATE_NAME_LENGTH,
  presenceFromVccState,
  type PresenceMapping,
} from '../../src/sync/vcc-mapping.js';

const READ_AT = Date.UTC(2026, 10, 25, 14, 5);

/** Every Graph `availability` value (docs/rules.md#graph-presence-values), with the icon state it must give. */
const AVAILABILITIES: ReadonlyArray<readonly [string, PresenceState]> = [
  ['Available', 'available'],
  ['AvailableIdle', 'available-idle'],
  ['Away', 'away'],
  ['BeRightBack', 'be-right-back'],
  ['Busy', 'busy'],
  ['BusyIdle', 'busy-idle'],
  ['DoNotDisturb', 'do-not-disturb'],
  ['Offline', 'offline'],
  ['PresenceUnknown', 'unknown'],
];

/** Every Graph `activity` value (docs/rules.md#graph-presence-values): refining ones map, ones that repeat an availability give null. */
const ACTIVITIES: ReadonlyArray<readonly [string, PresenceActivity | null]> = [
  ['Available', null],
  ['Away', null],
  ['BeRightBack', null],
  ['Busy', null],
  ['DoNotDisturb', null],
  ['InACall', 'in-a-call'],
  ['InAConferenceCall', 'in-a-conference-call'],
  ['Inactive', 'inactive'],
  ['InAMeeting', 'in-a-meeting'],
  ['Offline', null],
  ['OffWork', 'off-work'],
  ['OutOfOffice', 'out-of-office'],
  ['PresenceUnknown', null],
  ['Presenting', 'presenting'],
  ['UrgentInterruptionsOnly', 'urgent-interruptions-only'],
];

/** Values that are not a known Graph string: new values, empty, and wrong types. */
const UNRECOGNISED: readonly unknown[] = [
  'Focusing',
  'focusing',
  '',
  '   ',
  'Available Idle',
  null,
  undefined,
  42,
  {},
  [],
  true,
];

/** Graph's casing varies between responses: each value as documented, lower-cased, upper-cased and camelCased. */
function casings(value: string): string[] {
  return [value, value.toLowerCase(), value.toUpperCase(), value.charAt(0).toLowerCase() + value.slice(1)];
}

describe('parsePresence', () => {
  describe('maps every Graph availability, in any casing', () => {
    for (const [availability, state] of AVAILABILITIES) {
      for (const variant of casings(availability)) {
        it(`${variant} → ${state}`, () => {
          const presence = parsePresence({ id: 'u1', availability: variant, activity: availability }, READ_AT);
          expect(presence.state).to.equal(state);
          expect(presence.origin).to.equal('teams');
          expect(presence.readAt).to.equal(READ_AT);
        });
      }
    }
  });

  describe('maps every Graph activity, in any casing', () => {
    for (const [activity, expected] of ACTIVITIES) {
      for (const variant of casings(activity)) {
        it(`${variant} → ${String(expected)}`, () => {
          expect(parsePresence({ id: 'u1', availability: 'Busy', activity: variant }, READ_AT).activity).to.equal(expected);
        });
      }
    }
  });

  it('gives Unknown for unrecognised, empty and non-string availabilities', () => {
    for (const availability of UNRECOGNISED) {
      const presence = parsePresence({ id: 'u1', availability, activity: 'InACall' }, READ_AT);
      expect(presence.state, String(availability)).to.equal('unknown');
    }
  });

  it('gives no activity for unrecognised, empty and non-string activities', () => {
    for (const activity of UNRECOGNISED) {
      expect(parsePresence({ id: 'u1', availability: 'Busy', activity }, READ_AT).activity, String(activity)).to.equal(null);
    }
  });

  it('gives Unknown for records that are not records', () => {
    const notRecords: readonly unknown[] = [null, undefined, 42, 'Busy', [], {}, true, Symbol('x'), () => 'Busy'];
    notRecords.forEach((record, index) => {
      expect(parsePresence(record, READ_AT), `value #${index}`).to.deep.equal({
        state: 'unknown',
        activity: null,
        origin: 'teams',
        readAt: READ_AT,
      });
    });
  });

  it('never throws, even on records whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(parsePresence(hostile, READ_AT).state).to.equal('unknown');
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.double(), fc.constant(null)), (record, readAt) => {
        const presence = parsePresence(record, readAt);
        return PRESENCE_STATES.includes(presence.state) && presence.origin === 'teams';
      }),
    );
  });

  it('shows out of office when Graph says so and no other activity refines the state', () => {
    const outOfOffice = { outOfOfficeSettings: { isOutOfOffice: true } };
    const activityOf = (record: object): unknown => parsePresence(record, READ_AT).activity;
    expect(activityOf({ availability: 'Away', activity: 'Away', ...outOfOffice })).to.equal('out-of-office');
    expect(activityOf({ availability: 'Away', ...outOfOffice })).to.equal('out-of-office');
    expect(activityOf({ availability: 'Busy', activity: 'Focusing', ...outOfOffice })).to.equal('out-of-office');
    expect(activityOf({ availability: 'Busy', activity: 'InACall', ...outOfOffice })).to.equal('in-a-call');
    for (const settings of [{ isOutOfOffice: false }, { isOutOfOffice: 'true' }, null, {}, 1]) {
      expect(parsePresence({ availability: 'Away', outOfOfficeSettings: settings }, READ_AT).activity).to.equal(null);
    }
  });

  it('keeps the trimmed status message as the detail', () => {
    const record = { availability: 'Busy', statusMessage: { message: { content: '  Back at 3  ', contentType: 'text' } } };
    expect(parsePresence(record, READ_AT).detail).to.equal('Back at 3');
    for (const statusMessage of [null, {}, { message: null }, { message: { content: 7 } }, { message: { content: '  ' } }]) {
      expect(parsePresence({ availability: 'Busy', statusMessage }, READ_AT)).not.to.have.property('detail');
    }
  });

  // docs/rules.md#presence-texts-clamped
  it(`clamps a status message to ${MAX_STATUS_MESSAGE_LENGTH} characters, with an ellipsis`, () => {
    const long = parsePresence({ availability: 'Away', statusMessage: { message: { content: 'Back soon. '.repeat(10_000) } } }, READ_AT).detail!;
    expect(long.length).to.be.within(MAX_STATUS_MESSAGE_LENGTH - 2, MAX_STATUS_MESSAGE_LENGTH);
    expect(long.endsWith('Back soon. Back…'), 'cut, with an ellipsis').to.equal(true);
    const exact = 'x'.repeat(MAX_STATUS_MESSAGE_LENGTH);
    expect(parsePresence({ availability: 'Away', statusMessage: { message: { content: exact } } }, READ_AT).detail).to.equal(exact);
    // Never half an emoji: the clamp counts whole code points.
    const emoji = parsePresence({ availability: 'Away', statusMessage: { message: { content: '😀'.repeat(1_000) } } }, READ_AT).detail!;
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(emoji), 'a lone surrogate').to.equal(false);
    expect(emoji.endsWith('😀…')).to.equal(true);
  });

  it('drops a read time that cannot be shown', () => {
    expect(parsePresence({ availability: 'Busy' }, Number.NaN).readAt).to.equal(null);
    expect(parsePresence({ availability: 'Busy' }, null).readAt).to.equal(null);
  });
});

describe('isPresence', () => {
  it('accepts what the parsers make and rejects anything malformed', () => {
    const record = { availability: 'Busy', activity: 'InACall', statusMessage: { message: { content: 'x' } } };
    expect(isPresence(parsePresence(record, READ_AT))).to.equal(true);
    expect(isPresence(presenceFromVccState('away', 'Lunch', null))).to.equal(true);
    expect(isPresence(unknownPresence('vcc'))).to.equal(true);
    const valid = { state: 'busy', activity: null, origin: 'teams', readAt: null };
    const malformed: readonly unknown[] = [
      null,
      'busy',
      42,
      {},
      { ...valid, state: 'free' },
      { ...valid, activity: 'InACall' },
      { ...valid, origin: 'x' },
      { ...valid, readAt: Number.NaN },
      { ...valid, readAt: '1' },
      { ...valid, detail: 3 },
      { state: 'busy', activity: null, origin: 'teams' },
    ];
    for (const value of malformed) {
      expect(isPresence(value), JSON.stringify(value)).to.equal(false);
    }
  });
});

describe('unknownPresence', () => {
  it('is Unknown and never read', () => {
    expect(unknownPresence()).to.deep.equal({ state: 'unknown', activity: null, origin: 'teams', readAt: null });
    expect(unknownPresence('vcc').origin).to.equal('vcc');
  });
});

describe('presenceFromVccState', () => {
  const EXPECTED: Record<VccState, PresenceState> = {
    ready: 'available',
    'ready-outbound': 'available',
    busy: 'busy',
    wrap: 'busy',
    away: 'away',
    'extended-away': 'do-not-disturb',
    'logged-out': 'offline',
  };

  for (const vccState of VCC_STATES) {
    it(`${vccState} → ${EXPECTED[vccState]}`, () => {
      expect(presenceFromVccState(vccState, undefined, READ_AT)).to.deep.equal({
        state: EXPECTED[vccState],
        activity: null,
        origin: 'vcc',
        readAt: READ_AT,
      });
    });
  }

  it('gives Unknown for states it does not know', () => {
    for (const state of ['dancing', '', 'toString', 'READY', null, 3]) {
      expect(presenceFromVccState(state as VccState, undefined, null).state, String(state)).to.equal('unknown');
    }
  });

  it("keeps a custom state's name as the detail", () => {
    expect(presenceFromVccState('extended-away', ' Lunch ', null).detail).to.equal('Lunch');
    expect(presenceFromVccState('away', '  ', null)).not.to.have.property('detail');
  });

  // docs/rules.md#presence-texts-clamped
  it(`clamps a state's name to ${MAX_VCC_STATE_NAME_LENGTH} characters, with an ellipsis, and so the label`, () => {
    const presence = presenceFromVccState('away', `Lunch ${'with the whole team '.repeat(5_000)}`, null);
    expect(presence.detail!.length).to.be.within(MAX_VCC_STATE_NAME_LENGTH - 2, MAX_VCC_STATE_NAME_LENGTH);
    expect(presence.detail!.startsWith('Lunch with the whole team')).to.equal(true);
    expect(presence.detail!.endsWith('…')).to.equal(true);
    expect(describePresence(presence)).to.equal(`Away (${presence.detail!})`);
    expect(presenceFromVccState('away', 'x'.repeat(MAX_VCC_STATE_NAME_LENGTH), null).detail).to.equal('x'.repeat(MAX_VCC_STATE_NAME_LENGTH));
  });

  it("shows the availability a host's mapping publishes, custom states included", () => {
    const mapping = createPresenceMapping({ vccToTeams: { ready: 'AvailableIdle' }, customStates: { Lunch: { kind: 'away', teams: 'Offline' } } });
    expect(presenceFromVccState('ready', undefined, null, mapping).state).to.equal('available-idle');
    expect(presenceFromVccState('away', 'lunch', null, mapping)).to.deep.include({ state: 'offline', detail: 'lunch' });
    expect(presenceFromVccState('away', 'Break', null, mapping).state).to.equal('away');
  });

  it('reads the defaults for a mapping createPresenceMapping did not make, and never throws on one', () => {
    const handMade = { ...DEFAULT_PRESENCE_MAPPING, vccToTeams: { ...DEFAULT_PRESENCE_MAPPING.vccToTeams, wrap: 'Available' as const } };
    expect(isPresenceMapping(handMade)).to.equal(false);
    expect(isPresenceMapping(DEFAULT_PRESENCE_MAPPING)).to.equal(true);
    expect(presenceFromVccState('wrap', undefined, null, handMade).state).to.equal('busy');
    for (const bad of [{}, null, 'x', { customStates: {} }]) {
      expect(presenceFromVccState('away', 'Lunch', null, bad as unknown as PresenceMapping).state, JSON.stringify(bad)).to.equal('away');
    }
  });
});

describe('describePresence', () => {
  it('joins with the English joiners when a host table lacks them (tables written before they existed)', () => {
    const older: Partial<PresenceStrings> = { ...DEFAULT_PRESENCE_STRINGS };
    delete older.withActivity;
    delete older.withDetail;
    const busyInACall = parsePresence({ availability: 'Busy', activity: 'InACall' }, READ_AT);
    expect(describePresence(busyInACall, older as PresenceStrings)).to.equal('Busy, In a call');
  });

  it('says the state, then the activity', () => {
    const busyInACall = parsePresence({ availability: 'Busy', activity: 'InACall' }, READ_AT);
    expect(describePresence(busyInACall)).to.equal('Busy, In a call');
    expect(describePresence(parsePresence({ availability: 'available' }, READ_AT))).to.equal('Available');
    expect(describePresence(parsePresence({ availability: 'BusyIdle' }, READ_AT))).to.equal('Busy idle');
    expect(describePresence(unknownPresence())).to.equal('Unknown');
  });

  it("adds a VCC state's name in brackets, but not a Teams status message", () => {
    expect(describePresence(presenceFromVccState('away', 'Lunch', null))).to.equal('Away (Lunch)');
    expect(describePresence(presenceFromVccState('away', undefined, null))).to.equal('Away');
    const withMessage = parsePresence({ availability: 'Away', statusMessage: { message: { content: 'On holiday' } } }, null);
    expect(describePresence(withMessage)).to.equal('Away');
  });

  it('uses the strings it is given', () => {
    const german: PresenceStrings = {
      ...DEFAULT_PRESENCE_STRINGS,
      states: { ...DEFAULT_PRESENCE_STRINGS.states, busy: 'Beschäftigt' },
      activities: { ...DEFAULT_PRESENCE_STRINGS.activities, presenting: 'Präsentiert' },
    };
    expect(describePresence(parsePresence({ availability: 'Busy', activity: 'Presenting' }, null), german)).to.equal(
      'Beschäftigt, Präsentiert',
    );
  });

  it('has an English word for every state, activity and VCC state', () => {
    for (const state of PRESENCE_STATES) expect(DEFAULT_PRESENCE_STRINGS.states[state]).to.match(/^[A-Z]/);
    for (const activity of PRESENCE_ACTIVITIES) expect(DEFAULT_PRESENCE_STRINGS.activities[activity]).to.match(/^[A-Z]/);
    for (const vccState of VCC_STATES) expect(DEFAULT_PRESENCE_STRINGS.vccStates[vccState]).to.match(/^[A-Z]/);
    expect(DEFAULT_PRESENCE_STRINGS.readAt('14:05')).to.equal('Read at 14:05');
    expect(DEFAULT_PRESENCE_STRINGS.presenceOf('Anna Berg', 'Busy')).to.equal('Anna Berg, Busy');
  });
});
