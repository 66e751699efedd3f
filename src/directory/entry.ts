/**
 * What an agent can dial: one discriminated union of directory entries, by `kind`.
 */
import type { PhoneNumber } from './phone-number.js';

/** Every kind of entry the address book lists. */
export const ENTRY_KINDS = [
  'teams-user',
  'auto-attendant',
  'call-queue',
  'vcc-agent',
  'vcc-group',
  'interaction-plan',
  'external-contact',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Kinds that come from the Microsoft Teams organisation (shown only to agents linked to a Teams user). */
export const TEAMS_KINDS: ReadonlySet<EntryKind> = new Set(['teams-user', 'auto-attendant', 'call-queue']);

/**
 * A VCC agent's system state. Custom away and extended-away states created by administrators are `away` or
 * `extended-away` with their own name in {@link VccAgent.vccStateName}.
 */
export const VCC_STATES = ['ready', 'ready-outbound', 'busy', 'wrap', 'away', 'extended-away', 'logged-out'] as const;
export type VccState = (typeof VCC_STATES)[number];

interface EntryBase<K extends EntryKind> {
  readonly kind: K;
  /** Unique across the whole directory (a composite directory keeps the first entry with an id). */
  readonly id: string;
  /** The name shown and searched. */
  readonly displayName: string;
  /** Dialable numbers, in the order the directory gave them (the first is the default). */
  readonly numbers: readonly PhoneNumber[];
  /** Which source listed the entry (set by the composite adapter). */
  readonly source?: string;
}

/** A Microsoft Teams user with at least one phone number (DDI/DID, business or mobile). */
export interface TeamsUser extends EntryBase<'teams-user'> {
  readonly mail?: string;
  readonly userPrincipalName?: string;
  readonly jobTitle?: string;
  readonly department?: string;
}

/** A Teams auto attendant, reached through its resource account's number. It has no presence. */
export interface AutoAttendant extends EntryBase<'auto-attendant'> {
  readonly userPrincipalName?: string;
}

/** A Teams call queue, reached through its resource account's number. It has no presence. */
export interface CallQueue extends EntryBase<'call-queue'> {
  readonly userPrincipalName?: string;
}

/** A contact-centre (VCC) agent. Dialled by id; numbers are optional. */
export interface VccAgent extends EntryBase<'vcc-agent'> {
  /** The agent's state; absent when the contact centre did not say (shown as Unknown). */
  readonly vccState?: VccState;
  /** The state's own name when it is not a system state (e.g. "Lunch", "Comfort break"). */
  readonly vccStateName?: string;
  /** The Teams user this agent linked their account to, when linked. */
  readonly linkedTeamsUserId?: string;
  readonly mail?: string;
}

/** A VCC group (queue): a consult target when consult-to-queue is enabled. */
export interface VccGroup extends EntryBase<'vcc-group'> {
  readonly description?: string;
}

/** A VCC interaction plan: a consult target when consult-to-queue is enabled. */
export interface InteractionPlan extends EntryBase<'interaction-plan'> {
  readonly description?: string;
}

/** An external contact or speed dial kept by the contact centre. */
export interface ExternalContact extends EntryBase<'external-contact'> {
  readonly organization?: string;
}

export type DirectoryEntry =
  | TeamsUser
  | AutoAttendant
  | CallQueue
  | VccAgent
  | VccGroup
  | InteractionPlan
  | ExternalContact;

/** The entry type for a kind: `EntryOfKind<'teams-user'>` is `TeamsUser`. */
export type EntryOfKind<K extends EntryKind> = Extract<DirectoryEntry, { kind: K }>;

export function isEntryKind(value: unknown): value is EntryKind {
  return typeof value === 'string' && (ENTRY_KINDS as readonly string[]).includes(value);
}

export function isVccState(value: unknown): value is VccState {
  return typeof value === 'string' && (VCC_STATES as readonly string[]).includes(value);
}
