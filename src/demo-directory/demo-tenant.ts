/**
 * A deterministic fake organisation, so the address book runs with no account and no network (demo page, stories,
 * tests). Each part draws from its own seeded stream, so e.g. asking for more Teams users leaves the auto
 * attendants' numbers unchanged.
 */
import type { PresenceRecord } from '../directory/adapter.js';
import { RESOURCE_ACCOUNT_DEPARTMENT, type GraphUser } from '../graph/graph-wire.js';
import { AGENT_DEPARTMENTS, DEMO_DEPARTMENTS, DEMO_FEATURED_NAMES, DEMO_NAME_CULTURES, mailLocalPart } from './demo-names.js';
import { AGENT_STATES, EXTERNAL_CONTACTS, INTERACTION_PLANS, RESOURCE_ACCOUNTS, VCC_GROUPS } from './demo-catalog.js';
import { NumberPool, OFFICES, officeByKey, type Office } from './demo-numbers.js';
import { DEFAULT_PRESENCE_PERIOD_MS, setPresenceOverride } from './demo-presence.js';
import { createSeededRandom, hash32, normalizeSeed, type SeededRandom } from './prng.js';
import type {
  DemoExternalContact,
  DemoResourceAccount,
  DemoTenant,
  DemoTenantOptions,
  DemoVccAgent,
} from './demo-types.js';

export const DEFAULT_DEMO_SEED = 20_240_611;
export const DEFAULT_TEAMS_USERS = 300;
export const DEFAULT_AGENTS = 40;
/** A reserved domain (RFC 2606), so no generated address can reach anyone. */
export const DEMO_DOMAIN = 'contoso.example';

/** Share of Teams users with a business (DDI) number; the product lists only users with a number. */
const BUSINESS_PHONE_SHARE = 0.7;
/** A few users have only a mobile: they have a number too, and must be listed. */
const MOBILE_ONLY_SHARE = 0.02;
/** Of the users with a DDI, the share that also has a mobile (two numbers). */
const ALSO_MOBILE_SHARE = 0.3;
const LINKED_AGENT_SHARE = 0.6;
const AGENT_EXTENSION_SHARE = 0.5;
/** Graph leaves these fields null for some users; the adapters must cope. */
const MISSING_FIELD_SHARE = 0.03;

type PhoneRole = 'business' | 'mobile-only' | 'none';

/** Draws ids that never repeat within a tenant. */
class UniqueIds {
  private readonly seen = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  /** An Entra-style object id: a version-4 GUID. */
  guid(): string {
    return this.unique(() => {
      const hex = `${this.random.hex8()}${this.random.hex8()}${this.random.hex8()}${this.random.hex8()}`;
      const variant = '89ab'.charAt(this.random.int(0, 3));
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    });
  }

  /** A VCC-style id: a prefix and a number in [min, max]. */
  numbered(prefix: string, min: number, max: number): string {
    return this.unique(() => `${prefix}-${this.random.int(min, max)}`);
  }

  private unique(make: () => string): string {
    let id = make();
    // Collisions are rare (a full number range, or a 1-in-2^32 GUID clash): draw again until the id is new.
    while (this.seen.has(id)) id = make();
    this.seen.add(id);
    return id;
  }
}

/** Hands out display names and mail local parts with no repeats while the name tables have room. */
class People {
  private readonly names = new Set<string>();
  private readonly mails = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  /** A person's name: a featured one when given, else a fresh random one from one culture. */
  next(featured?: readonly [string, string]): { displayName: string; mailLocal: string } {
    let [first, last] = featured ?? this.draw();
    for (let attempt = 0; attempt < 12 && !featured && this.names.has(`${first} ${last}`); attempt++) {
      [first, last] = this.draw();
    }
    const displayName = `${first} ${last}`;
    this.names.add(displayName);
    // Two people with one name get "anna.smith" and "anna.smith2", as directories usually do.
    const base = mailLocalPart(first, last);
    let mailLocal = base;
    for (let n = 2; this.mails.has(mailLocal); n++) mailLocal = `${base}${n}`;
    this.mails.add(mailLocal);
    return { displayName, mailLocal };
  }

  private draw(): [string, string] {
    const culture = this.random.weighted(DEMO_NAME_CULTURES);
    return [this.random.pick(culture.first), this.random.pick(culture.last)];
  }
}

/** Non-negative integer count, so odd options (negative, fractional, NaN) still give a usable tenant. */
function count(value: number | undefined, fallback: number): number {
  const n = Math.floor(value ?? fallback);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Creates the demo tenant. Same options → deep-equal tenant. */
export function createDemoTenant(options: DemoTenantOptions = {}): DemoTenant {
  const seed = normalizeSeed(options.seed ?? DEFAULT_DEMO_SEED);
  const stream = (part: string): SeededRandom => createSeededRandom(hash32(seed, part));
  const ids = new UniqueIds(stream('ids'));
  const people = new People(stream('people'));
  const pool = new NumberPool();

  const resourceAccounts = createResourceAccounts(stream('resource-accounts'), ids, pool);
  const externalContacts = createExternalContacts(stream('external-contacts'), ids, pool);
  const teamsUsers = createTeamsUsers(
    stream('teams-users'),
    ids,
    people,
    pool,
    count(options.teamsUsers, DEFAULT_TEAMS_USERS),
  );
  const vccAgents = createAgents(stream('vcc-agents'), ids, people, teamsUsers, count(options.agents, DEFAULT_AGENTS));
  const vccGroups = VCC_GROUPS.map((spec) => ({ id: ids.numbered('vcc-group', 100, 999), ...spec }));
  const interactionPlans = INTERACTION_PLANS.map((spec) => ({ id: ids.numbered('vcc-plan', 100, 999), ...spec }));

  const me = vccAgents.find((agent) => agent.linkedTeamsUserId !== null) ?? vccAgents[0];
  const tenant: DemoTenant = {
    seed,
    domain: DEMO_DOMAIN,
    presencePeriodMs: options.presencePeriodMs && options.presencePeriodMs > 0
      ? options.presencePeriodMs
      : DEFAULT_PRESENCE_PERIOD_MS,
    teamsUsers,
    resourceAccounts,
    vccAgents,
    vccGroups,
    interactionPlans,
    externalContacts,
    signedInAgent: me ? { agentId: me.id, linkedTeamsUserId: me.linkedTeamsUserId } : { linkedTeamsUserId: null },
    setPresence: () => undefined,
  };
  // Replaced by a non-enumerable property: deep equality and JSON then see data only (see DemoTenant.setPresence).
  Object.defineProperty(tenant, 'setPresence', {
    enumerable: false,
    value: (teamsUserId: string, record: PresenceRecord | undefined) =>
      setPresenceOverride(tenant, teamsUserId, record),
  });
  return tenant;
}

function createResourceAccounts(random: SeededRandom, ids: UniqueIds, pool: NumberPool): DemoResourceAccount[] {
  return RESOURCE_ACCOUNTS.map((spec) => ({
    id: ids.guid(),
    displayName: spec.displayName,
    mail: null,
    userPrincipalName: `${spec.alias}@${DEMO_DOMAIN}`,
    businessPhones: [pool.draw(random, officeByKey(spec.office).landlines, true)],
    mobilePhone: null,
    jobTitle: null,
    department: RESOURCE_ACCOUNT_DEPARTMENT,
    voiceApplication: spec.voiceApplication,
  }));
}

function createExternalContacts(random: SeededRandom, ids: UniqueIds, pool: NumberPool): DemoExternalContact[] {
  return EXTERNAL_CONTACTS.map((spec) => ({
    id: ids.numbered('vcc-contact', 1000, 9999),
    name: spec.name,
    organization: spec.organization,
    numbers: spec.numbers.map((number) => {
      if ('fixed' in number) return { value: number.fixed, type: number.type };
      const office = officeByKey(number.office);
      return number.line === 'mobile'
        ? { value: pool.draw(random, office.mobiles), type: 'mobile' as const }
        : { value: pool.draw(random, office.landlines), type: 'business' as const };
    }),
  }));
}

/** Offices with a fictional mobile range: where mobile-only users sit. */
const MOBILE_OFFICES = OFFICES.filter(([office]) => office.mobiles.length > 0);

function createTeamsUsers(random: SeededRandom, ids: UniqueIds, people: People, pool: NumberPool, total: number): GraphUser[] {
  // Exact quotas over a shuffled order (rather than a coin per user), so every seed has the same shares.
  const roles: PhoneRole[] = new Array<PhoneRole>(total).fill('none');
  const businessCount = Math.round(total * BUSINESS_PHONE_SHARE);
  const mobileOnlyCount = Math.round(total * MOBILE_ONLY_SHARE);
  random.shuffle([...roles.keys()]).forEach((index, rank) => {
    if (rank < businessCount) roles[index] = 'business';
    else if (rank < businessCount + mobileOnlyCount) roles[index] = 'mobile-only';
  });

  let featured = 0;
  return roles.map((role) => {
    const office: Office = random.weighted(role === 'mobile-only' ? MOBILE_OFFICES : OFFICES);
    const department = random.weighted(DEMO_DEPARTMENTS);
    const featuredName = role === 'business' ? DEMO_FEATURED_NAMES[featured] : undefined;
    if (featuredName) featured++;
    const { displayName, mailLocal } = people.next(featuredName);
    const address = `${mailLocal}@${DEMO_DOMAIN}`;
    const businessPhones = role === 'business' ? [pool.draw(random, office.landlines)] : [];
    const wantsMobile = role === 'mobile-only' || (role === 'business' && random.chance(ALSO_MOBILE_SHARE));
    const mobilePhone = wantsMobile && office.mobiles.length > 0 ? pool.draw(random, office.mobiles) : null;
    return {
      id: ids.guid(),
      displayName,
      mail: random.chance(MISSING_FIELD_SHARE) ? null : address,
      userPrincipalName: address,
      businessPhones,
      mobilePhone,
      jobTitle: random.chance(MISSING_FIELD_SHARE) ? null : random.pick(department.titles),
      department: random.chance(MISSING_FIELD_SHARE) ? null : department.name,
    };
  });
}

function createAgents(
  random: SeededRandom,
  ids: UniqueIds,
  people: People,
  teamsUsers: readonly GraphUser[],
  total: number,
): DemoVccAgent[] {
  // Only users with a number can be linked targets worth showing; contact-centre departments are linked first.
  const withNumber = teamsUsers.filter((user) => user.businessPhones.length > 0 || user.mobilePhone !== null);
  const inContactCentre = withNumber.filter((user) => AGENT_DEPARTMENTS.has(user.department ?? ''));
  const elsewhere = withNumber.filter((user) => !AGENT_DEPARTMENTS.has(user.department ?? ''));
  const candidates = [...random.shuffle(inContactCentre), ...random.shuffle(elsewhere)];
  const linkedCount = total === 0 ? 0 : Math.min(candidates.length, Math.max(1, Math.round(total * LINKED_AGENT_SHARE)));

  const extensions = new Set<number>();
  const agents = Array.from({ length: total }, (_, index): DemoVccAgent => {
    const linked = index < linkedCount ? candidates[index] : undefined;
    const who = linked
      ? { name: linked.displayName, email: linked.mail ?? linked.userPrincipalName }
      : agentOutsideTeams(people.next());
    const [state, stateName] = random.weighted(AGENT_STATES);
    let extension: string | null = null;
    // Extensions are 2000–2999; past a thousand agents the rest simply have none.
    if (extensions.size < 1000 && random.chance(AGENT_EXTENSION_SHARE)) {
      let n = random.int(2000, 2999);
      while (extensions.has(n)) n = n === 2999 ? 2000 : n + 1;
      extensions.add(n);
      extension = String(n);
    }
    return {
      id: ids.numbered('vcc-agent', 10000, 99999),
      name: who.name,
      email: who.email,
      state,
      stateName,
      linkedTeamsUserId: linked?.id ?? null,
      extension,
    };
  });
  // Linked and unlinked agents mixed, as an agent list would be (the signed-in agent is the first linked one).
  return random.shuffle(agents);
}

/** An agent who never linked a Teams account: a person of their own, with a mail address in the same domain. */
function agentOutsideTeams(person: { displayName: string; mailLocal: string }): { name: string; email: string } {
  return { name: person.displayName, email: `${person.mailLocal}@${DEMO_DOMAIN}` };
}
