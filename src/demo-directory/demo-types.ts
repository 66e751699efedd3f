/**
 * The shapes of the demo tenant's raw data: Teams users as Microsoft Graph returns them (`GraphUser`, defined with
 * the Graph adapter in src/graph/graph-wire.ts), and the contact centre's (VCC) entities as a ContactPad host would
 * hold them. Kept raw on purpose: mapping them to directory entries (and dropping Teams users without a number) is
 * what the real adapters and the address book must get right.
 */
import type { PresenceRecord, SignedInAgent } from '../directory/adapter.js';
import type { PhoneNumberType } from '../directory/phone-number.js';
import type { VccState } from '../directory/entry.js';
import type { GraphUser } from '../graph/graph-wire.js';

/**
 * A resource account behind a Teams auto attendant or call queue: an Entra user whose department is Graph's
 * `RESOURCE_ACCOUNT_DEPARTMENT`, with one number. Graph cannot tell an auto attendant from a call queue; the demo
 * knows, and says so in `voiceApplication` (not a Graph field).
 */
export interface DemoResourceAccount extends GraphUser {
  readonly voiceApplication: 'auto-attendant' | 'call-queue';
}

export interface DemoVccAgent {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly state: VccState;
  /** The name of a custom away / extended-away state ("Lunch"); `null` for system states. */
  readonly stateName: string | null;
  /** The Teams user the agent linked their account to (always one with a number), or `null`. */
  readonly linkedTeamsUserId: string | null;
  /** An internal extension some agents have; most agents are dialled by id alone. */
  readonly extension: string | null;
}

export interface DemoVccGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface DemoInteractionPlan {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface DemoExternalContact {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly numbers: readonly { readonly value: string; readonly type: PhoneNumberType }[];
}

/** A whole fake organisation: Teams side, contact-centre side and who is signed in. */
export interface DemoTenant {
  /** The normalised seed everything was derived from. */
  readonly seed: number;
  /** Mail domain of the organisation (a reserved `.example` name). */
  readonly domain: string;
  /** How long a generated presence holds before it may change (milliseconds). */
  readonly presencePeriodMs: number;
  /** All Teams users, with and without numbers, in Graph's shape. */
  readonly teamsUsers: readonly GraphUser[];
  /** Resource accounts of the auto attendants and call queues. */
  readonly resourceAccounts: readonly DemoResourceAccount[];
  readonly vccAgents: readonly DemoVccAgent[];
  readonly vccGroups: readonly DemoVccGroup[];
  readonly interactionPlans: readonly DemoInteractionPlan[];
  readonly externalContacts: readonly DemoExternalContact[];
  /** The agent using the book by default: linked to a Teams user that has a number (when there is one). */
  readonly signedInAgent: SignedInAgent;
  /**
   * Pins a Teams user's presence (a demo control does this), or releases it with `undefined`. Not enumerable, so
   * two tenants from the same seed still compare deep-equal and serialise identically.
   */
  setPresence(teamsUserId: string, record: PresenceRecord | undefined): void;
}

export interface DemoTenantOptions {
  /** Any number; the same seed always gives the same tenant. */
  readonly seed?: number;
  /** How many Teams users (default 300); about 70% have a number. */
  readonly teamsUsers?: number;
  /** How many VCC agents (default 40); about 60% are linked to a Teams user. */
  readonly agents?: number;
  /** How long a generated presence holds (default 60 000 ms). */
  readonly presencePeriodMs?: number;
}
