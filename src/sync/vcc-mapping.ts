/**
 * The VCC ⇄ Teams presence mapping as data: the defaults (docs/rules.md#default-mapping-tables), which hosts may
 * override per state and extend with their own custom away / extended-away states. Pure; no lit. Only
 * {@link createPresenceMapping} throws, and only on a host's configuration, so a typo is found when the page starts
 * rather than as an agent silently shown in the wrong state.
 */
import { VCC_STATES, isVccState, type VccState } from '../directory/entry.js';
import { clampText, cleanShownText } from '../directory/text.js';
import { foldGraphString, parseTeamsAvailability, presenceStateOf, TEAMS_AVAILABILITIES, vccPresence, type Presence, type TeamsAvailability } from '../presence/presence.js';

/**
 * Graph `activity` values that mean the Teams user is on a call or presenting: the call-handling rule makes the agent
 * busy with an inbound interaction for these, whatever the availability says.
 */
export const TEAMS_CALL_ACTIVITIES = ['InACall', 'InAConferenceCall', 'Presenting'] as const;
export type TeamsCallActivity = (typeof TEAMS_CALL_ACTIVITIES)[number];

/** The VCC states an administrator's custom state can be: custom states are away or extended-away kinds only. */
export type CustomStateKind = 'away' | 'extended-away';

/** A Teams presence for the model to publish (Graph's `availability` and `activity` spelling). */
export interface TeamsPresenceUpdate {
  readonly availability: TeamsAvailability;
  /**
   * The plain activity that goes with the availability (`Busy`/`Busy`, `Offline`/`OffWork`, the pairs Graph's
   * preferred-presence API accepts). Never a call activity: a published presence read back from Teams must not look
   * like a Teams call and create an interaction.
   */
  readonly activity: string;
}

/** What a Teams presence does to the linked agent's VCC state. */
export interface TeamsToVccResult {
  readonly state: VccState;
  /** The Teams user is on a call or presenting: VCC must record an inbound interaction. */
  readonly startsCall: boolean;
}

/** A custom away / extended-away state, resolved. */
export interface CustomVccState {
  /** The name as the host wrote it (trimmed). */
  readonly name: string;
  readonly kind: CustomStateKind;
  /** The Teams availability it publishes: its own override, else its kind's row. */
  readonly teams: TeamsAvailability;
}

/** A validated mapping. Make it with {@link createPresenceMapping}; the defaults are {@link DEFAULT_PRESENCE_MAPPING}. */
export interface PresenceMapping {
  readonly vccToTeams: Readonly<Record<VccState, TeamsAvailability>>;
  /** `null`: this availability changes nothing in VCC. */
  readonly teamsToVcc: Readonly<Record<TeamsAvailability, VccState | null>>;
  /** Custom states by their trimmed, lower-cased name (VCC's state names are matched case-insensitively). */
  readonly customStates: ReadonlyMap<string, CustomVccState>;
}

/** A custom state override: its kind, or its kind and its own Teams availability. */
export type CustomStateOverride =
  | CustomStateKind
  | { readonly kind: CustomStateKind; readonly teams?: TeamsAvailability };

/**
 * A host's changes to the defaults. Teams availabilities may be written in any casing (Graph's casing varies, so
 * hosts copy what they see); VCC states must be spelled as in {@link VCC_STATES}.
 *
 * @example
 * createPresenceMapping({
 *   vccToTeams: { away: 'BeRightBack' },
 *   teamsToVcc: { DoNotDisturb: 'away', PresenceUnknown: null },
 *   customStates: { Lunch: 'extended-away', Break: 'away', Training: { kind: 'extended-away', teams: 'Busy' } },
 * });
 */
export interface PresenceMappingOverrides {
  readonly vccToTeams?: Readonly<Partial<Record<VccState, TeamsAvailability>>>;
  readonly teamsToVcc?: Readonly<Partial<Record<TeamsAvailability, VccState | null>>>;
  readonly customStates?: Readonly<Record<string, CustomStateOverride>>;
}

/**
 * The default VCC → Teams table (docs/rules.md#default-mapping-tables). Wrap publishes Busy: the Teams user stays busy
 * until wrap ends.
 */
export const DEFAULT_VCC_TO_TEAMS: Readonly<Record<VccState, TeamsAvailability>> = /* @__PURE__ */ Object.freeze({
  ready: 'Available',
  'ready-outbound': 'Available',
  busy: 'Busy',
  wrap: 'Busy',
  away: 'Away',
  'extended-away': 'DoNotDisturb',
  'logged-out': 'Offline',
});

/**
 * The default Teams → VCC table (docs/rules.md#default-mapping-tables) for presences that are not calls (a call activity wins over every row: see
 * {@link teamsToVcc}). `PresenceUnknown` changes nothing: guessing an agent's state is worse than keeping it.
 */
export const DEFAULT_TEAMS_TO_VCC: Readonly<Record<TeamsAvailability, VccState | null>> = /* @__PURE__ */ Object.freeze({
  Available: 'ready',
  AvailableIdle: 'ready',
  Busy: 'busy',
  BusyIdle: 'busy',
  Away: 'away',
  BeRightBack: 'away',
  DoNotDisturb: 'extended-away',
  Offline: 'logged-out',
  PresenceUnknown: null,
});

/** The activity published with each availability (see {@link TeamsPresenceUpdate.activity}). */
const PUBLISHED_ACTIVITY: Readonly<Record<TeamsAvailability, string>> = {
  Available: 'Available',
  AvailableIdle: 'Available',
  Away: 'Away',
  BeRightBack: 'BeRightBack',
  Busy: 'Busy',
  BusyIdle: 'Busy',
  DoNotDisturb: 'DoNotDisturb',
  Offline: 'OffWork',
  PresenceUnknown: 'PresenceUnknown',
};

let callActivitiesFolded: ReadonlySet<string> | undefined;

/** Whether a Graph activity (any casing) is `InACall`, `InAConferenceCall` or `Presenting`. */
export function isTeamsCallActivity(value: unknown): boolean {
  // Made on first use: a bundle that never asks (the address book) carries neither the set nor the list.
  callActivitiesFolded ??= new Set(TEAMS_CALL_ACTIVITIES.map(foldGraphString));
  return typeof value === 'string' && callActivitiesFolded.has(foldGraphString(value));
}

/** Values are shown in errors as JSON so that `''`, `' Busy'` and `undefined` are told apart. */
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // A cycle or a BigInt: fall through to the type.
  }
  return typeof value === 'symbol' ? value.toString() : typeof value === 'bigint' ? `${value}n` : `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own enumerable entries of a host object, refusing non-objects with an error naming `what`. */
function entriesOf(value: unknown, what: string): Array<[string, unknown]> {
  if (!isRecord(value)) throw new TypeError(`${what} must be an object, got ${show(value)}`);
  return Object.entries(value);
}

function requireAvailability(value: unknown, where: string): TeamsAvailability {
  const availability = parseTeamsAvailability(value);
  if (availability === undefined) {
    const expected = TEAMS_AVAILABILITIES.join(', ');
    throw new TypeError(`${where}: unknown Teams availability ${show(value)} (expected one of ${expected})`);
  }
  return availability;
}

/** A Teams availability VCC may publish: Graph cannot be told a user's presence is unknown. */
function requirePublishable(value: unknown, where: string): TeamsAvailability {
  const availability = requireAvailability(value, where);
  if (availability === 'PresenceUnknown') throw new TypeError(`${where}: Teams cannot be set to "PresenceUnknown"`);
  return availability;
}

function requireVccState(value: unknown, where: string): VccState {
  if (!isVccState(value)) {
    throw new TypeError(`${where}: unknown VCC state ${show(value)} (expected one of ${VCC_STATES.join(', ')})`);
  }
  return value;
}

function requireKind(value: unknown, where: string): CustomStateKind {
  if (value !== 'away' && value !== 'extended-away') {
    throw new TypeError(`${where}: a custom state must be "away" or "extended-away", got ${show(value)}`);
  }
  return value;
}

/** The mappings {@link createPresenceMapping} made: a host's object that only looks like one has skipped its checks. */
const validatedMappings = new WeakSet<PresenceMapping>();

const OVERRIDE_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['vccToTeams', 'teamsToVcc', 'customStates']);

function vccToTeamsWith(overrides: unknown): Record<VccState, TeamsAvailability> {
  const table: Record<VccState, TeamsAvailability> = { ...DEFAULT_VCC_TO_TEAMS };
  if (overrides === undefined) return table;
  for (const [key, value] of entriesOf(overrides, 'vccToTeams')) {
    const state = requireVccState(key, 'vccToTeams');
    table[state] = requirePublishable(value, `vccToTeams.${key}`);
  }
  // The wrap rule is the product's, not a default: Teams stays busy until wrap ends.
  if (table.wrap === 'Available' || table.wrap === 'AvailableIdle') {
    throw new TypeError(`vccToTeams.wrap: wrap keeps the Teams user busy until it ends, so it cannot be "${table.wrap}"`);
  }
  return table;
}

function teamsToVccWith(overrides: unknown): Record<TeamsAvailability, VccState | null> {
  const table: Record<TeamsAvailability, VccState | null> = { ...DEFAULT_TEAMS_TO_VCC };
  if (overrides === undefined) return table;
  const seen = new Set<TeamsAvailability>();
  for (const [key, value] of entriesOf(overrides, 'teamsToVcc')) {
    const availability = requireAvailability(key, 'teamsToVcc');
    if (seen.has(availability)) throw new TypeError(`teamsToVcc: ${show(key)} repeats "${availability}" in another casing`);
    seen.add(availability);
    table[availability] = value === null ? null : requireVccState(value, `teamsToVcc.${key}`);
  }
  return table;
}

function customStatesWith(
  overrides: unknown,
  vccToTeams: Readonly<Record<VccState, TeamsAvailability>>,
): Map<string, CustomVccState> {
  const states = new Map<string, CustomVccState>();
  if (overrides === undefined) return states;
  for (const [rawName, value] of entriesOf(overrides, 'customStates')) {
    const name = rawName.trim();
    const where = `customStates[${show(rawName)}]`;
    if (name === '') throw new TypeError(`${where}: a custom state needs a name`);
    if (states.has(foldGraphString(name))) {
      throw new TypeError(`${where}: the name is given twice (names are matched case-insensitively)`);
    }
    const kind = requireKind(isRecord(value) ? value['kind'] : value, where);
    const own = isRecord(value) ? value['teams'] : undefined;
    const teams = own === undefined ? vccToTeams[kind] : requirePublishable(own, `${where}.teams`);
    states.set(foldGraphString(name), Object.freeze({ name, kind, teams }));
  }
  return states;
}

/**
 * The defaults with a host's overrides applied, validated.
 *
 * @throws TypeError naming the bad value when an override names an unknown VCC state, an unknown Teams availability,
 *   a custom state that is not away / extended-away, a nameless or repeated custom state, an unknown option, maps a
 *   VCC state to `PresenceUnknown`, or maps wrap to Available (the wrap rule keeps Teams busy).
 */
export function createPresenceMapping(overrides: PresenceMappingOverrides = {}): PresenceMapping {
  const options = entriesOf(overrides, 'presence mapping overrides');
  const unknown = options.find(([key]) => !OVERRIDE_KEYS.has(key));
  if (unknown !== undefined) {
    const expected = 'expected vccToTeams, teamsToVcc or customStates';
    throw new TypeError(`presence mapping overrides: unknown option ${show(unknown[0])} (${expected})`);
  }
  const vccToTeams = Object.freeze(vccToTeamsWith(overrides.vccToTeams));
  const teamsToVcc = Object.freeze(teamsToVccWith(overrides.teamsToVcc));
  const customStates = customStatesWith(overrides.customStates, vccToTeams);
  const mapping: PresenceMapping = Object.freeze({ vccToTeams, teamsToVcc, customStates });
  validatedMappings.add(mapping);
  return mapping;
}

/**
 * The mapping with no overrides. Marked pure: a bundle that does not use it (the address book's default is no mapping,
 * which reads the default table alone) does not carry the validation of overrides.
 */
export const DEFAULT_PRESENCE_MAPPING: PresenceMapping = /* @__PURE__ */ createPresenceMapping();

/** The custom state a VCC state's name denotes, if the name is one of the mapping's custom states. */
export function customStateOf(mapping: PresenceMapping, state: VccState, stateName: unknown): CustomVccState | undefined {
  // Only away kinds have custom states: a busy state's name ("Outgoing") is a sub-type, never re-classified.
  if ((state !== 'away' && state !== 'extended-away') || typeof stateName !== 'string') return undefined;
  return mapping.customStates.get(foldGraphString(stateName));
}

/**
 * The Teams presence a VCC state publishes. A custom state name (`away` + "Lunch") uses the custom state's row when
 * the mapping declares it; other names use the state's row. An unknown state gives `undefined` (publish nothing).
 */
export function vccToTeams(mapping: PresenceMapping, state: unknown, stateName?: unknown): TeamsPresenceUpdate | undefined {
  const availability = publishedAvailability(mapping, state, stateName);
  return availability === undefined ? undefined : { availability, activity: PUBLISHED_ACTIVITY[availability] };
}

/** The availability of {@link vccToTeams}, without its activity (all an icon needs). */
function publishedAvailability(mapping: PresenceMapping, state: unknown, stateName?: unknown): TeamsAvailability | undefined {
  if (!isVccState(state)) return undefined;
  return customStateOf(mapping, state, stateName)?.teams ?? mapping.vccToTeams[state];
}

/**
 * Whether a value is a mapping {@link createPresenceMapping} made (the defaults included), for values a host sets at
 * run time (the book's `presenceMapping`): its overrides passed instead of its result, or a hand-made object that
 * skipped its checks (an Available wrap), are not.
 */
export function isPresenceMapping(value: unknown): value is PresenceMapping {
  return validatedMappings.has(value as PresenceMapping);
}

/**
 * What a Teams presence does to VCC, or `undefined` for no change. A recognised availability (any casing) with a call
 * activity (`InACall`, `InAConferenceCall`, `Presenting`) is busy with a call, whatever the availability, as the
 * call-handling rule says; otherwise the availability's row applies. An unrecognised availability changes nothing,
 * even with a call activity: a record we cannot read is not trusted to create an interaction.
 */
export function teamsToVcc(
  mapping: PresenceMapping,
  availability: unknown,
  activity: unknown,
): TeamsToVccResult | undefined {
  const known = parseTeamsAvailability(availability);
  if (known === undefined) return undefined;
  if (isTeamsCallActivity(activity)) return { state: 'busy', startsCall: true };
  const state = mapping.teamsToVcc[known];
  return state === null ? undefined : { state, startsCall: false };
}

/**
 * The longest VCC state name shown, in characters; a longer one is cut and ends with an ellipsis. It joins the icon's
 * accessible name ("Away (Lunch)"), which a 100,000-character name would make useless
 * (docs/rules.md#presence-texts-clamped).
 */
export const MAX_VCC_STATE_NAME_LENGTH = 64;

/**
 * A VCC agent's state as a presence icon (docs/rules.md#agent-icons-from-vcc-states): the Teams availability the
 * mapping publishes for it, shown as that availability's icon. So with the defaults Ready and Ready (Outbound) →
 * available, Busy and Wrap → busy, Away → away, Extended away → do not disturb, Logged out → offline; and a host's
 * mapping (its overrides and custom states) changes the agents' icons as it changes what Teams shows. Anything else →
 * unknown. The state's own name (a custom state such as "Lunch") becomes the {@link Presence.detail}, at most
 * {@link MAX_VCC_STATE_NAME_LENGTH} characters.
 *
 * @param mapping Made by {@link createPresenceMapping}. Without one, or with an object it did not make (unchecked:
 *   the overrides passed instead of its result), the defaults.
 */
export function presenceFromVccState(
  state: VccState,
  stateName: string | undefined,
  readAt: number | null,
  mapping?: PresenceMapping,
): Presence {
  // No mapping, or one createPresenceMapping did not make (a host's object, unchecked), reads the default table alone:
  // a bundle that only shows icons then carries no more of the mapping than that table.
  const availability = isPresenceMapping(mapping)
    ? publishedAvailability(mapping, state, stateName)
    : isVccState(state)
      ? DEFAULT_VCC_TO_TEAMS[state]
      : undefined;
  // The name as shown: cleaned like any shown text and clamped; the mapping above matched the name as given.
  const shownName = typeof stateName === 'string' ? clampText(cleanShownText(stateName), MAX_VCC_STATE_NAME_LENGTH) : undefined;
  return vccPresence(availability === undefined ? 'unknown' : presenceStateOf(availability), shownName, readAt);
}
