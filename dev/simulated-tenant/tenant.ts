/**
 * The simulated tenant: N people and R resource accounts, each generated on demand from (seed, index), so a
 * 300,000-user tenant costs no memory. Only what the control API changes is stored: profile overrides, removals,
 * the few users it adds (after the generated ones), a change log that `/users/delta` reads, and which delta tokens
 * were expired.
 *
 * Number rule (exact, countable; see `countUsersWithNumber` / `tenantCounts`), for person i of seed s:
 * - business phone: i < 5 (the featured names), or `hash32(s, i, 'business-phone') % 100 < 60` (≈ 60 %);
 * - mobile phone: `hash32(s, i, 'mobile-phone') % 100 < 15` (≈ 15 %, independent of the business phone);
 * - Teams Phone number: every business phone (same number, E.164), plus people without one for whom
 *   `hash32(s, i, 'teams-number') % 100 < 4` (a number only the admin APIs reveal).
 * Mutations change profiles (businessPhones, mobilePhone…) but not Teams Phone assignments.
 */
import {
  createSeededRandom, DEMO_DEPARTMENTS, DEMO_FEATURED_NAMES, DEMO_NAME_CULTURES, hash32, mailLocalPart,
} from '../../src/demo-directory/index.js';
import { addedPerson, addedResourceAccount } from './added-users.js';
import { guidFor, indexOfGuid } from './ids.js';
import { businessNumberOf, mobileNumberOf, regionOf, teamsOnlyNumberOf, toE164 } from './phones.js';
import { personPresence, unknownPresence } from './presence.js';
import { MAIL_DOMAIN, resourceAccount } from './resource-accounts.js';
import type {
  SimDeltaExpiry, SimGraphUser, SimMutation, SimPresence, SimRemovalReason, SimUserChanges, SimUserKind, SimUserRecord,
  TenantCounts, TenantOptions,
} from './types.js';

export interface Tenant {
  readonly seed: number;
  /** Generated people: indices `0…people-1`. */
  readonly people: number;
  /** Generated resource accounts: indices `people…people+resourceAccounts-1`. */
  readonly resourceAccounts: number;
  /** Every entry, added ones included (they come after the generated ones); grows with `add`. */
  readonly size: number;
  readonly presencePeriodMs: number;
  /** Unique per `createTenant` call, so paging tokens of an earlier tenant are refused. */
  readonly generation: number;
  /** The entry at `index`, or undefined when out of range or removed. */
  record(index: number): SimUserRecord | undefined;
  /** The index an id belongs to (removed users included), or undefined. */
  indexOfId(id: string): number | undefined;
  isRemoved(index: number): boolean;
  /** Why entry `index` was removed (delta's `@removed.reason`), or undefined while it is there. */
  removalReason(index: number): SimRemovalReason | undefined;
  /** Whether a mutation touched entry `index`'s profile. */
  isChanged(index: number): boolean;
  /** The name fields of entry `index` (undefined when removed); much cheaper than `record` for search scans. */
  namesOf(index: number): Pick<SimGraphUser, 'displayName' | 'givenName' | 'surname'> | undefined;
  kindOf(index: number): SimUserKind;
  /** The Teams Phone number of entry `index` (removed or not), E.164, or null; cheap. */
  teamsNumberOf(index: number): string | null;
  /** The presence of entry `index` at `now`. */
  presence(index: number, now: number): SimPresence;
  /** Applies a mutation; returns the entry afterwards (undefined once removed). Throws on an unknown user. */
  mutate(mutation: SimMutation): SimUserRecord | undefined;
  /** Increases with every mutation; `/users/delta` tokens hold it. */
  readonly changeSeq: number;
  /** Indices changed after `seq` (up to `upTo` included), each once, in the order of their last change. */
  changesSince(seq: number, upTo?: number): number[];
  /** The id of entry `index`, removed or not. */
  idOf(index: number): string;
  /** Increases with `expireDeltaTokens`; delta tokens carry the epoch they were issued in. */
  readonly deltaEpoch: number;
  /** Refuses every delta token issued so far: `'expired'` (400 syncStateNotFound) or `'resync'` (410 Gone). */
  expireDeltaTokens(how: SimDeltaExpiry): void;
  /** How a delta token of `epoch` is refused, or undefined while it is valid. */
  deltaTokenProblem(epoch: number): SimDeltaExpiry | undefined;
}

let generations = 0;

/** Rule functions (pure; exported so tests can state the rule rather than copy it). */
export const numberRule = {
  hasBusinessPhone: (seed: number, index: number): boolean =>
    index < DEMO_FEATURED_NAMES.length || hash32(seed, index, 'business-phone') % 100 < 60,
  hasMobilePhone: (seed: number, index: number): boolean => hash32(seed, index, 'mobile-phone') % 100 < 15,
  hasTeamsOnlyNumber: (seed: number, index: number): boolean =>
    !numberRule.hasBusinessPhone(seed, index) && hash32(seed, index, 'teams-number') % 100 < 4,
};

/** Person `index`'s given name and surname: the first five are the featured names every tenant has. */
export function personName(seed: number, index: number): readonly [first: string, last: string] {
  const featured = DEMO_FEATURED_NAMES[index];
  if (featured) return featured;
  const random = createSeededRandom(hash32(seed, index, 'name'));
  const culture = random.weighted(DEMO_NAME_CULTURES);
  return [random.pick(culture.first), random.pick(culture.last)];
}

/** Person `index` as generated, before any mutation; also past the tenant's end (the `endless-pages` fault). */
export function basePerson(seed: number, index: number): SimGraphUser {
  const [first, last] = personName(seed, index);
  const featured = index < DEMO_FEATURED_NAMES.length;
  const random = createSeededRandom(hash32(seed, index, 'job'));
  const department = random.weighted(DEMO_DEPARTMENTS);
  const region = regionOf(seed, index);
  const local = `${mailLocalPart(first, last)}${featured ? '' : String(index)}`;
  const address = `${local}@${MAIL_DOMAIN}`;
  return {
    id: guidFor(seed, index),
    displayName: `${first} ${last}`,
    givenName: first,
    surname: last,
    mail: address,
    userPrincipalName: address,
    businessPhones: numberRule.hasBusinessPhone(seed, index) ? [businessNumberOf(seed, index)] : [],
    mobilePhone: numberRule.hasMobilePhone(seed, index) ? mobileNumberOf(seed, index) : null,
    jobTitle: random.pick(department.titles),
    department: department.name,
    officeLocation: region.office,
    preferredLanguage: region.language,
    accountEnabled: true,
  };
}

function finiteCount(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

export function createTenant(options: TenantOptions): Tenant {
  const seed = Number.isFinite(options.seed) ? Math.trunc(options.seed) >>> 0 : 0;
  const people = finiteCount(options.users, 0);
  const resourceAccounts = finiteCount(options.resourceAccounts, 10);
  const generated = people + resourceAccounts;
  const presencePeriodMs = Math.max(1, finiteCount(options.presencePeriodMs, 60_000));
  const overrides = new Map<number, SimUserChanges>();
  const removed = new Map<number, SimRemovalReason>();
  const added: SimUserRecord[] = [];
  const changeLog: { seq: number; index: number }[] = [];
  const expiries: SimDeltaExpiry[] = [];
  let changeSeq = 0;
  const sizeNow = (): number => generated + added.length;

  const kindOf = (index: number): SimUserKind => (index < people ? 'person'
    : index < generated ? resourceAccount(index - people).kind : (added[index - generated]?.kind ?? 'person'));

  const baseRecord = (index: number): SimUserRecord => {
    if (index >= generated) return added[index - generated] as SimUserRecord;
    if (index < people) {
      const user = basePerson(seed, index);
      const teamsNumber = user.businessPhones[0] !== undefined ? toE164(user.businessPhones[0])
        : numberRule.hasTeamsOnlyNumber(seed, index) ? teamsOnlyNumberOf(seed, index) : null;
      return { index, kind: 'person', user, teamsNumber };
    }
    const account = resourceAccount(index - people);
    return { index, kind: account.kind, teamsNumber: account.teamsNumber, user: { id: guidFor(seed, index), ...account.user } };
  };

  const record = (index: number): SimUserRecord | undefined => {
    if (!Number.isInteger(index) || index < 0 || index >= sizeNow() || removed.has(index)) return undefined;
    const base = baseRecord(index);
    const changes = overrides.get(index);
    return changes ? { ...base, user: { ...base.user, ...changes } } : base;
  };

  const indexOfId = (id: string): number | undefined => indexOfGuid(seed, sizeNow(), id);

  /** The entry a mutation names; a `restore` names a restorable (soft-deleted) one. */
  const resolve = (target: { id?: string; index?: number }, restorable = false): number => {
    const index = target.index ?? (target.id !== undefined ? indexOfId(target.id) : undefined);
    const found = index !== undefined && index < sizeNow()
      && (restorable ? removed.get(index) === 'changed' : record(index) !== undefined);
    if (!found) throw new RangeError(`No such ${restorable ? 'restorable ' : ''}user: ${target.id ?? String(target.index)}`);
    return index;
  };

  const apply = (mutation: SimMutation): number => {
    switch (mutation.op) {
      case 'add':
        added.push(addedPerson(seed, sizeNow(), mutation.user));
        return sizeNow() - 1;
      case 'createResourceAccount': {
        const j = resourceAccounts + added.filter((entry) => entry.kind !== 'person').length;
        const upnTaken = (upn: string): boolean => {
          for (let index = people; index < sizeNow(); index++) if (baseRecord(index).user.userPrincipalName === upn) return true;
          return false;
        };
        added.push(addedResourceAccount(seed, sizeNow(), j, mutation.kind, mutation.displayName, mutation.phoneNumber, upnTaken));
        return sizeNow() - 1;
      }
      case 'remove':
      case 'softDelete': {
        const index = resolve(mutation);
        removed.set(index, mutation.op === 'remove' ? 'deleted' : 'changed');
        return index;
      }
      case 'restore': {
        const index = resolve(mutation, true);
        removed.delete(index);
        return index;
      }
      default: {
        const index = resolve(mutation);
        const changes = mutation.op === 'rename' ? { displayName: mutation.displayName } : mutation.changes;
        overrides.set(index, { ...overrides.get(index), ...changes });
        return index;
      }
    }
  };

  return {
    seed,
    people,
    resourceAccounts,
    get size() {
      return sizeNow();
    },
    presencePeriodMs,
    generation: ++generations,
    record,
    indexOfId,
    idOf: (index) => guidFor(seed, index),
    isRemoved: (index) => removed.has(index),
    removalReason: (index) => removed.get(index),
    isChanged: (index) => overrides.has(index),
    namesOf(index) {
      if (index >= people || overrides.has(index)) return record(index)?.user;
      if (removed.has(index) || index < 0) return undefined;
      const [givenName, surname] = personName(seed, index);
      return { displayName: `${givenName} ${surname}`, givenName, surname };
    },
    kindOf,
    teamsNumberOf(index) {
      if (index >= generated) return added[index - generated]?.teamsNumber ?? null;
      if (index >= people) return resourceAccount(index - people).teamsNumber;
      if (numberRule.hasBusinessPhone(seed, index)) return toE164(businessNumberOf(seed, index));
      return numberRule.hasTeamsOnlyNumber(seed, index) ? teamsOnlyNumberOf(seed, index) : null;
    },
    presence(index, now) {
      const id = guidFor(seed, index);
      return kindOf(index) === 'person' ? personPresence(seed, id, now, presencePeriodMs) : unknownPresence(id);
    },
    mutate(mutation) {
      const index = apply(mutation);
      changeLog.push({ seq: ++changeSeq, index });
      return record(index);
    },
    get deltaEpoch() {
      return expiries.length;
    },
    expireDeltaTokens(how) {
      expiries.push(how);
    },
    // Tokens of epoch e were refused by the expiry that ended epoch e.
    deltaTokenProblem: (epoch) => expiries[epoch],
    get changeSeq() {
      return changeSeq;
    },
    changesSince(seq, upTo = Number.POSITIVE_INFINITY) {
      const last = new Map<number, number>();
      for (const change of changeLog) if (change.seq > seq && change.seq <= upTo) last.set(change.index, change.seq);
      return [...last.entries()].sort((a, b) => a[1] - b[1]).map(([index]) => index);
    },
  };
}

/**
 * People (not resource accounts, not removed) with a number: `'businessPhone'` (the default) counts non-empty
 * `businessPhones`; `'any'` counts a business or a mobile phone; `'teams'` counts Teams Phone assignments.
 */
export function countUsersWithNumber(tenant: Tenant, which: 'businessPhone' | 'any' | 'teams' = 'businessPhone'): number {
  const counts = tenantCounts(tenant);
  return which === 'any' ? counts.peopleWithAnyNumber
    : which === 'teams' ? counts.peopleWithTeamsNumber : counts.peopleWithBusinessPhone;
}

/** Exact counts over the current state, in one pass over the number rule (≈ 0.1 s for 300,000 users). */
export function tenantCounts(tenant: Tenant): TenantCounts {
  let people = 0;
  let business = 0;
  let mobile = 0;
  let any = 0;
  let teams = 0;
  let teamsOnly = 0;
  let autoAttendants = 0;
  let callQueues = 0;
  for (let index = 0; index < tenant.size; index++) {
    if (tenant.isRemoved(index)) continue;
    const generatedPerson = index < tenant.people;
    const kind = generatedPerson ? 'person' : tenant.kindOf(index);
    if (kind !== 'person') {
      if (kind === 'autoAttendant') autoAttendants++;
      else callQueues++;
      continue;
    }
    people++;
    let hasBusiness: boolean;
    let hasMobile: boolean;
    if (!generatedPerson || tenant.isChanged(index)) {
      const user = tenant.record(index)?.user;
      hasBusiness = (user?.businessPhones.length ?? 0) > 0;
      hasMobile = (user?.mobilePhone ?? null) !== null;
    } else {
      hasBusiness = numberRule.hasBusinessPhone(tenant.seed, index);
      hasMobile = numberRule.hasMobilePhone(tenant.seed, index);
    }
    // Teams Phone assignments are set when an entry is generated or added; later profile changes leave them.
    const hasTeams = generatedPerson
      ? numberRule.hasBusinessPhone(tenant.seed, index) || numberRule.hasTeamsOnlyNumber(tenant.seed, index)
      : tenant.teamsNumberOf(index) !== null;
    if (hasBusiness) business++;
    if (hasMobile) mobile++;
    if (hasBusiness || hasMobile) any++;
    if (hasTeams) teams++;
    if (hasTeams && !hasBusiness) teamsOnly++;
  }
  return {
    people,
    resourceAccounts: autoAttendants + callQueues,
    autoAttendants,
    callQueues,
    peopleWithBusinessPhone: business,
    peopleWithMobilePhone: mobile,
    peopleWithAnyNumber: any,
    peopleWithoutNumber: people - any,
    peopleWithTeamsNumber: teams,
    peopleWithTeamsNumberOnly: teamsOnly,
  };
}
