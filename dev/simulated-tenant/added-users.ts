/**
 * Entries created through the control API (`add`, `createResourceAccount`). Unlike generated entries they are
 * stored, one small record each, after the generated ones (index `size` onwards), so a 300,000-user tenant with a
 * few added users still costs no memory for the 300,000.
 */
import { mailLocalPart } from '../../src/demo-directory/index.js';
import { guidFor } from './ids.js';
import { resourceNumberOf, toE164 } from './phones.js';
import { MAIL_DOMAIN, resourceAccountProfile } from './resource-accounts.js';
import type { SimNewPerson, SimUserRecord } from './types.js';

/** Person `index` from the control API's description: names split from `displayName` when not given. */
export function addedPerson(seed: number, index: number, person: SimNewPerson): SimUserRecord {
  const words = person.displayName.trim().split(/\s+/);
  const givenName = person.givenName !== undefined ? person.givenName : (words[0] ?? null);
  const surname = person.surname !== undefined ? person.surname : (words.length > 1 ? words.slice(1).join(' ') : null);
  const address = `${mailLocalPart(givenName ?? 'user', surname ?? String(index))}${index}@${MAIL_DOMAIN}`;
  const businessPhones = [...(person.businessPhones ?? [])];
  const first = businessPhones[0];
  return {
    index,
    kind: 'person',
    // As for generated people, a business phone is the Teams Phone number.
    teamsNumber: first !== undefined ? toE164(first) : null,
    user: {
      id: guidFor(seed, index),
      displayName: person.displayName,
      givenName,
      surname,
      mail: address,
      userPrincipalName: address,
      businessPhones,
      mobilePhone: person.mobilePhone ?? null,
      jobTitle: person.jobTitle ?? null,
      department: person.department ?? null,
      officeLocation: null,
      preferredLanguage: null,
      accountEnabled: true,
    },
  };
}

/** `Returns queue` → `returns`: ASCII words joined by hyphens, without the kind's own word. */
const slugOf = (name: string): string =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\b(queue|attendant)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'account';

/**
 * A resource account created at `index`, the `j`-th resource account of the tenant (numbering goes on after the
 * generated ones). Named by the tenant's convention: UPN `cq-<name>@…` for a call queue, `aa-<name>@…` for an auto
 * attendant, with `-<index>` when another account already has that UPN.
 */
export function addedResourceAccount(seed: number, index: number, j: number, kind: 'autoAttendant' | 'callQueue',
  displayName: string, phoneNumber: string | undefined, upnTaken: (upn: string) => boolean): SimUserRecord {
  const prefix = kind === 'callQueue' ? 'cq' : 'aa';
  let upn = `${prefix}-${slugOf(displayName)}@${MAIL_DOMAIN}`;
  if (upnTaken(upn)) upn = `${prefix}-${slugOf(displayName)}-${index}@${MAIL_DOMAIN}`;
  const number = phoneNumber ?? resourceNumberOf(j);
  return {
    index,
    kind,
    teamsNumber: toE164(number),
    user: { id: guidFor(seed, index), ...resourceAccountProfile(displayName, upn, number) },
  };
}
