/**
 * Fixed catalogue of the demo tenant's non-person entries: Teams auto attendants and call queues (resource
 * accounts), VCC groups, interaction plans and external contacts. Organisation names are Microsoft's fictional
 * companies; numbers are drawn from the fictional ranges in demo-numbers.ts, by office.
 */
import type { VccState } from '../directory/entry.js';
import type { WeightedTable } from './prng.js';

export interface ResourceAccountSpec {
  readonly voiceApplication: 'auto-attendant' | 'call-queue';
  readonly displayName: string;
  /** UPN local part; administrators usually prefix resource accounts by type. */
  readonly alias: string;
  readonly office: string;
}

export const RESOURCE_ACCOUNTS: readonly ResourceAccountSpec[] = [
  { voiceApplication: 'auto-attendant', displayName: 'Main reception', alias: 'aa-main-reception', office: 'london' },
  { voiceApplication: 'auto-attendant', displayName: 'After hours', alias: 'aa-after-hours', office: 'london' },
  { voiceApplication: 'auto-attendant', displayName: 'Zentrale Berlin', alias: 'aa-zentrale-berlin', office: 'berlin' },
  { voiceApplication: 'auto-attendant', displayName: 'Accueil Paris', alias: 'aa-accueil-paris', office: 'paris' },
  { voiceApplication: 'call-queue', displayName: 'Sales queue', alias: 'cq-sales', office: 'london' },
  { voiceApplication: 'call-queue', displayName: 'Support queue', alias: 'cq-support', office: 'london' },
  { voiceApplication: 'call-queue', displayName: 'Billing queue', alias: 'cq-billing', office: 'manchester' },
  { voiceApplication: 'call-queue', displayName: 'IT helpdesk', alias: 'cq-it-helpdesk', office: 'seattle' },
  { voiceApplication: 'call-queue', displayName: 'HR enquiries', alias: 'cq-hr', office: 'london' },
  { voiceApplication: 'call-queue', displayName: 'Service client', alias: 'cq-service-client', office: 'paris' },
];

export interface NamedSpec {
  readonly name: string;
  readonly description: string;
}

export const VCC_GROUPS: readonly NamedSpec[] = [
  { name: 'Tier 1 support', description: 'First-line support for all products' },
  { name: 'Tier 2 support', description: 'Escalated technical cases' },
  { name: 'Sales inbound', description: 'New business enquiries' },
  { name: 'Billing and payments', description: 'Invoices, refunds and payment plans' },
  { name: 'Retentions', description: 'Customers asking to cancel' },
  { name: 'VIP line', description: 'Key accounts, answered by senior agents' },
  { name: 'Soporte en español', description: 'Spanish-language support' },
  { name: 'Escalations', description: 'Complaints handled by team leaders' },
];

export const INTERACTION_PLANS: readonly NamedSpec[] = [
  { name: 'Priority callback', description: 'Queues a callback ahead of waiting calls' },
  { name: 'Overflow to voicemail', description: 'Takes a message when every queue is full' },
  { name: 'Out of hours', description: 'Closed message and emergency option' },
  { name: 'Post-call survey', description: 'Three-question satisfaction survey' },
  { name: 'Emergency escalation', description: 'Rings the duty manager, then the on-call engineer' },
  { name: 'Main IVR', description: 'The menu callers hear on the main number' },
];

/** A number of an external contact: drawn from an office's ranges, or fixed (short codes). */
export type ContactNumberSpec =
  | { readonly office: string; readonly line: 'landline' | 'mobile' }
  | { readonly fixed: string; readonly type: 'extension' | 'other' };

export interface ExternalContactSpec {
  readonly name: string;
  readonly organization: string;
  readonly numbers: readonly ContactNumberSpec[];
}

export const EXTERNAL_CONTACTS: readonly ExternalContactSpec[] = [
  { name: 'Facilities emergency', organization: 'Building services',
    numbers: [{ office: 'london', line: 'landline' }, { office: 'london', line: 'mobile' }] },
  { name: 'Courier desk', organization: 'Northwind Couriers', numbers: [{ office: 'london', line: 'landline' }] },
  { name: 'Building security', organization: 'Control room', numbers: [{ fixed: '4444', type: 'extension' }] },
  { name: 'IT vendor hotline', organization: 'Fabrikam Support', numbers: [{ office: 'new-york', line: 'landline' }] },
  { name: 'Legal counsel', organization: 'Adatum Legal LLP', numbers: [{ office: 'london', line: 'landline' }] },
  { name: 'Interpreting service', organization: 'Litware Languages',
    numbers: [{ office: 'paris', line: 'landline' }, { office: 'paris', line: 'mobile' }] },
  { name: 'Conference bridge', organization: 'Contoso', numbers: [{ office: 'seattle', line: 'landline' }] },
  { name: 'Travel desk', organization: 'Tailspin Travel', numbers: [{ office: 'sydney', line: 'landline' }] },
  { name: 'Payroll bureau', organization: 'Woodgrove Payroll GmbH', numbers: [{ office: 'berlin', line: 'landline' }] },
  { name: 'Voicemail', organization: 'Contoso', numbers: [{ fixed: '500', type: 'other' }] },
];

/**
 * VCC agent states with their share of a shift; away and extended-away states carry a name when they are
 * custom ones an administrator created (`null` for the system state itself).
 */
export const AGENT_STATES: WeightedTable<readonly [VccState, string | null]> = [
  [['ready', null], 28],
  [['ready-outbound', null], 5],
  [['busy', null], 24],
  [['wrap', null], 9],
  [['away', null], 4],
  [['away', 'Break'], 5],
  [['away', 'Comfort break'], 3],
  [['away', 'Training'], 2],
  [['extended-away', null], 2],
  [['extended-away', 'Lunch'], 4],
  [['extended-away', 'Meeting'], 3],
  [['extended-away', 'Coaching'], 1],
  [['logged-out', null], 10],
];
