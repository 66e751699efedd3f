/**
 * The demo tenant as directory entries. Teams users without any number are kept (with `numbers: []`): dropping
 * them is the address book's job, and the demo exists to show it does.
 */
import type {
  AutoAttendant,
  CallQueue,
  DirectoryEntry,
  ExternalContact,
  InteractionPlan,
  TeamsUser,
  VccAgent,
  VccGroup,
} from '../directory/entry.js';
import { toPhoneNumber, type PhoneNumber, type PhoneNumberType } from '../directory/phone-number.js';
import type { GraphUser } from '../graph/graph-wire.js';
import type { DemoTenant } from './demo-types.js';

/** Valid numbers only: anything `toPhoneNumber` rejects is left out, as a real adapter would. */
function numbersOf(values: readonly (readonly [unknown, PhoneNumberType])[]): PhoneNumber[] {
  return values.flatMap(([value, type]) => toPhoneNumber(value, type) ?? []);
}

/** A Teams user's DDI first (the default number), then the mobile. */
function userNumbers(user: GraphUser): PhoneNumber[] {
  return numbersOf([
    ...user.businessPhones.map((value): [string, PhoneNumberType] => [value, 'ddi']),
    [user.mobilePhone, 'mobile'],
  ]);
}

/** Teams users (all of them), then auto attendants, then call queues. */
export function toTeamsEntries(tenant: DemoTenant): (TeamsUser | AutoAttendant | CallQueue)[] {
  const users = tenant.teamsUsers.map(
    (user): TeamsUser => ({
      kind: 'teams-user',
      id: user.id,
      displayName: user.displayName,
      numbers: userNumbers(user),
      ...(user.mail !== null && { mail: user.mail }),
      userPrincipalName: user.userPrincipalName,
      ...(user.jobTitle !== null && { jobTitle: user.jobTitle }),
      ...(user.department !== null && { department: user.department }),
    }),
  );
  const voiceApps = (kind: 'auto-attendant' | 'call-queue'): (AutoAttendant | CallQueue)[] =>
    tenant.resourceAccounts
      .filter((account) => account.voiceApplication === kind)
      .map((account) => ({
        kind,
        id: account.id,
        displayName: account.displayName,
        numbers: userNumbers(account),
        userPrincipalName: account.userPrincipalName,
      }));
  return [...users, ...voiceApps('auto-attendant'), ...voiceApps('call-queue')];
}

/** VCC agents, groups, interaction plans and external contacts. */
export function toVccEntries(tenant: DemoTenant): (VccAgent | VccGroup | InteractionPlan | ExternalContact)[] {
  const agents = tenant.vccAgents.map(
    (agent): VccAgent => ({
      kind: 'vcc-agent',
      id: agent.id,
      displayName: agent.name,
      numbers: numbersOf([[agent.extension, 'extension']]),
      vccState: agent.state,
      ...(agent.stateName !== null && { vccStateName: agent.stateName }),
      ...(agent.linkedTeamsUserId !== null && { linkedTeamsUserId: agent.linkedTeamsUserId }),
      ...(agent.email !== null && { mail: agent.email }),
    }),
  );
  const groups = tenant.vccGroups.map(
    (group): VccGroup => ({
      kind: 'vcc-group',
      id: group.id,
      displayName: group.name,
      numbers: [],
      description: group.description,
    }),
  );
  const plans = tenant.interactionPlans.map(
    (plan): InteractionPlan => ({
      kind: 'interaction-plan',
      id: plan.id,
      displayName: plan.name,
      numbers: [],
      description: plan.description,
    }),
  );
  const contacts = tenant.externalContacts.map(
    (contact): ExternalContact => ({
      kind: 'external-contact',
      id: contact.id,
      displayName: contact.name,
      numbers: numbersOf(contact.numbers.map(({ value, type }) => [value, type])),
      organization: contact.organization,
    }),
  );
  return [...agents, ...groups, ...plans, ...contacts];
}

/** Everything in the tenant as directory entries, Teams side first. Ids are unique. */
export function toDirectoryEntries(tenant: DemoTenant): DirectoryEntry[] {
  return [...toTeamsEntries(tenant), ...toVccEntries(tenant)];
}
