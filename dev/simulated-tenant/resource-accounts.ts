/**
 * Resource accounts: the Entra users behind Teams auto attendants and call queues. Graph lists them among the users
 * (`department eq 'Microsoft Communication Application Instance'`) and has no field telling one kind from the other,
 * so the simulated tenant follows a naming convention the adapter's default rule relies on:
 *
 * - auto attendants: UPN `aa-<name>@contoso.example`, names like "Main reception (AA)", "Switchboard attendant";
 * - call queues: UPN `cq-<name>@contoso.example`, names like "Sales queue".
 *
 * The adapter classifies by the UPN prefix `aa-` / `cq-` first, then by the words "attendant|reception" vs "queue"
 * in the display name. Entry j of the resource accounts is an auto attendant when j is even, a call queue when odd.
 */
import { RESOURCE_ACCOUNT_DEPARTMENT } from '../../src/graph/graph-wire.js';
import type { SimGraphUser, SimUserKind } from './types.js';
import { resourceNumberOf, toE164 } from './phones.js';

export const MAIL_DOMAIN = 'contoso.example';

const AUTO_ATTENDANTS: readonly (readonly [name: string, slug: string])[] = [
  ['Main reception (AA)', 'main-reception'],
  ['After-hours reception (AA)', 'after-hours-reception'],
  ['Switchboard attendant', 'switchboard'],
  ['London office reception', 'london-reception'],
  ['Holiday attendant', 'holiday'],
  ['Customer service line (AA)', 'customer-service'],
  ['Sydney office reception', 'sydney-reception'],
  ['Redmond campus reception', 'redmond-reception'],
];

const CALL_QUEUES: readonly (readonly [name: string, slug: string])[] = [
  ['Sales queue', 'sales'],
  ['Support queue', 'support'],
  ['Billing queue', 'billing'],
  ['Customer Service queue', 'customer-service'],
  ['IT helpdesk queue', 'it-helpdesk'],
  ['Escalations queue', 'escalations'],
  ['Renewals queue', 'renewals'],
  ['Collections queue', 'collections'],
];

export interface ResourceAccount {
  readonly kind: SimUserKind;
  readonly user: Omit<SimGraphUser, 'id'>;
  readonly teamsNumber: string;
}

/** Resource account `j` (0-based among the resource accounts). */
export function resourceAccount(j: number): ResourceAccount {
  const isAttendant = j % 2 === 0;
  const list = isAttendant ? AUTO_ATTENDANTS : CALL_QUEUES;
  const n = Math.floor(j / 2);
  const [name, slug] = list[n % list.length] as readonly [string, string];
  const round = Math.floor(n / list.length);
  const displayName = round === 0 ? name : `${name} ${round + 1}`;
  const upn = `${isAttendant ? 'aa' : 'cq'}-${slug}${round === 0 ? '' : `-${round + 1}`}@${MAIL_DOMAIN}`;
  const number = resourceNumberOf(j);
  return { kind: isAttendant ? 'autoAttendant' : 'callQueue', teamsNumber: toE164(number), user: resourceAccountProfile(displayName, upn, number) };
}

/** A resource account's profile as Graph lists it: its UPN as its mail, its number as its business phone. */
export function resourceAccountProfile(displayName: string, upn: string, number: string): Omit<SimGraphUser, 'id'> {
  return {
    displayName,
    givenName: null,
    surname: null,
    mail: upn,
    userPrincipalName: upn,
    businessPhones: [number],
    mobilePhone: null,
    jobTitle: null,
    department: RESOURCE_ACCOUNT_DEPARTMENT,
    officeLocation: null,
    preferredLanguage: null,
    accountEnabled: true,
  };
}
