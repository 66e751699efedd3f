/**
 * Teams users, auto attendants and call queues from Microsoft Graph `/users`: classifying resource accounts and
 * mapping to directory entries (paging is graph-pages.ts).
 */
import type { AutoAttendant, CallQueue, TeamsUser } from '../directory/entry.js';
import { toPhoneNumber, type PhoneNumber } from '../directory/phone-number.js';
import { RESOURCE_ACCOUNT_DEPARTMENT, type ReceivedGraphUser } from './graph-wire.js';

/** The largest page Graph gives of `/users` (`$top`): fewer round trips for a big tenant. */
export const PAGE_SIZE = 999;

/** How resource accounts are told apart: Graph has no field that says auto attendant or call queue. */
export interface ResourceAccountRule {
  readonly autoAttendantIds?: readonly string[];
  readonly callQueueIds?: readonly string[];
  /** Tested against the UPN and the display name. */
  readonly autoAttendantPattern?: RegExp;
  readonly callQueuePattern?: RegExp;
  /** What an account matching neither is taken for. */
  readonly otherwise?: 'auto-attendant' | 'call-queue';
}

/**
 * The default rule: a UPN starting `aa-`/`aa_`/`aa.` or a name with "auto attendant", "attendant", "reception", "IVR"
 * or "main line" is an auto attendant; `cq-`… or "queue" / "hunt group" is a call queue; anything else a call queue.
 */
export const DEFAULT_RESOURCE_ACCOUNT_RULE: Required<ResourceAccountRule> = {
  autoAttendantIds: [],
  callQueueIds: [],
  autoAttendantPattern: /^aa[-_.]|\b(auto ?attendant|attendant|reception|ivr|main line)\b/i,
  callQueuePattern: /^cq[-_.]|\b(queue|hunt ?group)\b/i,
  otherwise: 'call-queue',
};

export function classifyResourceAccount(user: ReceivedGraphUser, rule: ResourceAccountRule = {}): 'auto-attendant' | 'call-queue' {
  const { autoAttendantIds, callQueueIds, autoAttendantPattern, callQueuePattern, otherwise } = { ...DEFAULT_RESOURCE_ACCOUNT_RULE, ...rule };
  if (autoAttendantIds.includes(user.id)) return 'auto-attendant';
  if (callQueueIds.includes(user.id)) return 'call-queue';
  const texts = [user.userPrincipalName ?? '', user.displayName ?? ''];
  // The UPN convention decides before words in the name ("Reception queue" with UPN cq-… is a queue).
  for (const text of texts) {
    if (callQueuePattern.test(text) && !autoAttendantPattern.test(text)) return 'call-queue';
    if (autoAttendantPattern.test(text) && !callQueuePattern.test(text)) return 'auto-attendant';
  }
  return otherwise;
}

export function isResourceAccount(user: ReceivedGraphUser): boolean {
  return user.department === RESOURCE_ACCOUNT_DEPARTMENT;
}

/** Profile numbers: the business phone is the DDI/DID; the mobile comes after it. */
export function profileNumbers(user: ReceivedGraphUser): PhoneNumber[] {
  const numbers = [...(user.businessPhones ?? []).map((value) => toPhoneNumber(value, 'ddi')), toPhoneNumber(user.mobilePhone, 'mobile')];
  return numbers.filter((number): number is PhoneNumber => number !== undefined);
}

/** A user as an entry, with the numbers given (from the profile or Teams Phone assignments). */
export function toEntry(user: ReceivedGraphUser, numbers: readonly PhoneNumber[], rule?: ResourceAccountRule): TeamsUser | AutoAttendant | CallQueue {
  const displayName = user.displayName?.trim() ?? '';
  const optional = <K extends string>(key: K, value: string | null | undefined) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
  if (isResourceAccount(user)) {
    return { kind: classifyResourceAccount(user, rule), id: user.id, displayName, numbers, ...optional('userPrincipalName', user.userPrincipalName) };
  }
  return {
    kind: 'teams-user',
    id: user.id,
    displayName,
    numbers,
    ...optional('mail', user.mail),
    ...optional('userPrincipalName', user.userPrincipalName),
    ...optional('jobTitle', user.jobTitle),
    ...optional('department', user.department),
  };
}

/** Strips what would break a `$search` clause: quotes and backslashes. */
export function searchClause(query: string): string {
  return `"displayName:${query.replace(/["\\]/g, ' ').trim()}"`;
}
