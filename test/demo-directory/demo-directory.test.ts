import { expect } from '@open-wc/testing';
import { ENTRY_KINDS, TEAMS_KINDS, type DirectoryEntry } from '../../src/directory/entry.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import {
  createDemoDirectoryAdapter,
  createDemoTeamsAdapter,
  createDemoTenant,
  createDemoVccAdapter,
  DemoListingError,
  presenceAt,
  PRESENCE_SPREAD,
  RESOURCE_ACCOUNT_DEPARTMENT,
  toDirectoryEntries,
  type DemoTenant,
  type GraphUser,
} from '../../src/demo-directory/index.js';

const hasNumber = (user: GraphUser): boolean => user.businessPhones.length > 0 || user.mobilePhone !== null;

/** The error a promise rejects with (fails the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const PERIOD = 60_000;
/** A fixed instant at the start of a period, so "within one period" is unambiguous. */
const T0 = 1_700_000_040_000 - (1_700_000_040_000 % PERIOD);

describe('demo tenant', () => {
  it('is identical for the same seed and differs for another', () => {
    const a = createDemoTenant({ seed: 7 });
    const b = createDemoTenant({ seed: 7 });
    expect(a).to.deep.equal(b);
    expect(JSON.stringify(toDirectoryEntries(a))).to.equal(JSON.stringify(toDirectoryEntries(b)));

    const c = createDemoTenant({ seed: 8 });
    expect(c.teamsUsers.map((u) => u.id)).to.not.deep.equal(a.teamsUsers.map((u) => u.id));
    expect(c.teamsUsers.map((u) => u.displayName)).to.not.deep.equal(a.teamsUsers.map((u) => u.displayName));
  });

  it('never calls Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      createDemoTenant({ seed: 3 });
    } finally {
      Math.random = original;
    }
  });

  it('has the requested counts and about 70% of Teams users with a number', () => {
    const tenant = createDemoTenant();
    expect(tenant.teamsUsers).to.have.length(300);
    expect(tenant.vccAgents).to.have.length(40);
    expect(tenant.resourceAccounts.filter((r) => r.voiceApplication === 'auto-attendant')).to.have.length(4);
    expect(tenant.resourceAccounts.filter((r) => r.voiceApplication === 'call-queue')).to.have.length(6);
    expect(tenant.vccGroups.length).to.be.greaterThan(3);
    expect(tenant.interactionPlans.length).to.be.greaterThan(2);
    expect(tenant.externalContacts.map((c) => c.name)).to.include.members(['Facilities emergency', 'Courier desk']);

    for (const seed of [1, 2, 99, 123_456]) {
      const users = createDemoTenant({ seed, teamsUsers: 500, agents: 10 }).teamsUsers;
      expect(users).to.have.length(500);
      const share = users.filter(hasNumber).length / users.length;
      expect(share, `seed ${seed}`).to.be.within(0.65, 0.78);
      expect(users.filter((u) => u.businessPhones.length > 0 && u.mobilePhone !== null).length).to.be.greaterThan(0);
    }
    expect(createDemoTenant({ teamsUsers: 0, agents: 0 }).signedInAgent).to.deep.equal({ linkedTeamsUserId: null });
  });

  it('looks like Microsoft Graph data, with international names', () => {
    const tenant = createDemoTenant();
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const user of [...tenant.teamsUsers, ...tenant.resourceAccounts]) {
      expect(user.id).to.match(guid);
      expect(user.businessPhones.length).to.be.at.most(1);
      expect(user.userPrincipalName).to.match(/^[a-z0-9.-]+@contoso\.example$/);
    }
    for (const account of tenant.resourceAccounts) {
      expect(account.department).to.equal(RESOURCE_ACCOUNT_DEPARTMENT);
      expect(account.businessPhones).to.have.length(1);
    }
    const names = tenant.teamsUsers.map((u) => u.displayName);
    expect(names).to.include.members(['Zoë Müller', 'José Álvarez', 'Łukasz Nowak', 'Ingrid Sørensen', "Siobhán O'Brien"]);
    expect(names.filter((name) => /[^\u0020-\u007e]/.test(name)).length).to.be.greaterThan(30);
    expect(names.some((name) => /[<>&"]/.test(name))).to.equal(false);
    expect(tenant.teamsUsers.find((u) => u.displayName === 'Zoë Müller')?.businessPhones).to.have.length(1);
  });

  it('uses fictional number ranges only', () => {
    const fictional = [
      /^442079460\d{3}$/, /^441614960\d{3}$/, /^447700900\d{3}$/, /^1\d{3}55501\d{2}$/, /^493023125\d{3}$/,
      /^494066969\d{3}$/, /^498999998\d{3}$/, /^3319900\d{4}$/, /^3363998\d{4}$/,
      /^6125550\d{4}$/, /^6137010\d{4}$/,
    ];
    const entries = toDirectoryEntries(createDemoTenant({ teamsUsers: 2000 }));
    for (const number of entries.flatMap((e) => e.numbers)) {
      if (number.type === 'extension' || number.type === 'other') continue;
      // National forms (no "+") are checked against the international digits they stand for.
      const digits = number.value.startsWith('+') ? number.digits : nationalToInternational(number.value);
      expect(fictional.some((range) => range.test(digits)), number.value).to.equal(true);
    }
  });

  it('maps to directory entries with unique ids and valid numbers, keeping users without a number', () => {
    const tenant = createDemoTenant({ seed: 11 });
    const entries = toDirectoryEntries(tenant);
    expect(new Set(entries.map((e) => e.id)).size).to.equal(entries.length);
    expect(new Set(entries.map((e) => e.kind))).to.deep.equal(new Set(ENTRY_KINDS));
    for (const entry of entries) {
      for (const number of entry.numbers) {
        expect(number, entry.displayName).to.deep.equal(toPhoneNumber(number.value, number.type));
      }
    }
    const users = entries.filter((e) => e.kind === 'teams-user');
    expect(users).to.have.length(tenant.teamsUsers.length);
    expect(users.filter((e) => e.numbers.length === 0)).to.have.length(tenant.teamsUsers.filter((u) => !hasNumber(u)).length);
    const twoNumbers = users.find((e) => e.numbers.length === 2);
    expect(twoNumbers?.numbers.map((n) => n.type)).to.deep.equal(['ddi', 'mobile']);
    for (const kind of ['auto-attendant', 'call-queue'] as const) {
      for (const entry of entries.filter((e) => e.kind === kind)) expect(entry.numbers).to.have.length(1);
    }
    expect(new Set(entries.flatMap((e) => e.numbers.map((n) => n.digits))).size).to.equal(
      entries.flatMap((e) => e.numbers).length,
    );
  });

  it('links agents to Teams users that have a number, and signs in a linked agent', () => {
    const tenant = createDemoTenant({ seed: 5 });
    const byId = new Map(tenant.teamsUsers.map((u) => [u.id, u]));
    const linked = tenant.vccAgents.filter((a) => a.linkedTeamsUserId !== null);
    expect(linked.length).to.be.within(20, 28);
    for (const agent of linked) {
      const user = byId.get(agent.linkedTeamsUserId ?? '');
      expect(user && hasNumber(user), agent.name).to.equal(true);
      expect(agent.name).to.equal(user?.displayName);
    }
    const me = tenant.signedInAgent;
    const agent = tenant.vccAgents.find((a) => a.id === me.agentId);
    expect(agent?.linkedTeamsUserId).to.be.a('string').and.equal(me.linkedTeamsUserId);
  });
});

/** "020 7946 0123" → "442079460123" (UK), "(425) 555-0147" → "14255550147" (US), "07700 900123" → UK mobile. */
function nationalToInternational(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('0') ? `44${digits.slice(1)}` : `1${digits}`;
}

describe('demo presence', () => {
  let tenant: DemoTenant;
  beforeEach(() => {
    tenant = createDemoTenant({ seed: 21 });
  });

  it('is stable within a period and moves across periods', () => {
    for (const user of tenant.teamsUsers) {
      expect(presenceAt(tenant, user.id, T0 + PERIOD - 1)).to.deep.equal(presenceAt(tenant, user.id, T0));
    }
    const moved = tenant.teamsUsers.filter((user) => {
      const seen = new Set<string>();
      for (let k = 0; k < 30; k++) {
        const record = presenceAt(tenant, user.id, T0 + k * PERIOD);
        seen.add(`${record.availability}/${record.activity}`);
      }
      return seen.size > 1;
    });
    expect(moved.length / tenant.teamsUsers.length).to.be.greaterThan(0.9);
    const changedNextMinute = tenant.teamsUsers.filter(
      (u) => presenceAt(tenant, u.id, T0).availability !== presenceAt(tenant, u.id, T0 + PERIOD).availability,
    );
    expect(changedNextMinute.length).to.be.within(10, 200);
  });

  it('has a realistic spread of Graph values', () => {
    const valid = new Set(PRESENCE_SPREAD.map(([[availability, activity]]) => `${availability}/${activity}`));
    const counts = new Map<string, number>();
    let total = 0;
    for (let k = 0; k < 20; k++) {
      for (const user of tenant.teamsUsers) {
        const { availability, activity } = presenceAt(tenant, user.id, T0 + k * 7 * PERIOD);
        expect(valid.has(`${availability}/${activity}`)).to.equal(true);
        counts.set(availability ?? '', (counts.get(availability ?? '') ?? 0) + 1);
        total++;
      }
    }
    const share = (availability: string): number => (counts.get(availability) ?? 0) / total;
    expect(share('Available')).to.be.within(0.35, 0.45);
    expect(share('Busy')).to.be.within(0.16, 0.24);
    expect(share('Offline')).to.be.within(0.07, 0.13);
    for (const rare of ['AvailableIdle', 'BusyIdle', 'PresenceUnknown', 'BeRightBack', 'DoNotDisturb', 'Away']) {
      expect(share(rare), rare).to.be.greaterThan(0);
    }
  });

  it('can be pinned and released', () => {
    const id = tenant.teamsUsers[0]?.id ?? '';
    const generated = presenceAt(tenant, id, T0);
    tenant.setPresence(id, { id, availability: 'DoNotDisturb', activity: 'Presenting' });
    expect(presenceAt(tenant, id, T0 + 99 * PERIOD)).to.deep.equal({ id, availability: 'DoNotDisturb', activity: 'Presenting' });
    tenant.setPresence(id, undefined);
    expect(presenceAt(tenant, id, T0)).to.deep.equal(generated);
    // Pinning is not data: the tenant still equals a fresh one.
    tenant.setPresence(id, { id, availability: 'Away', activity: 'Away' });
    expect(tenant).to.deep.equal(createDemoTenant({ seed: 21 }));
  });
});

describe('demo adapters', () => {
  const tenant = createDemoTenant({ seed: 42, teamsUsers: 120, agents: 12 });

  it('lists the whole tenant, presences at now() and the signed-in agent, counting calls', async () => {
    let now = T0;
    const adapter = createDemoDirectoryAdapter({ tenant, now: () => now });
    const { signal } = new AbortController();
    const listing = await adapter.listEntries({ signal });
    expect(listing.entries).to.deep.equal(toDirectoryEntries(tenant));

    const [first, second] = tenant.teamsUsers;
    const aa = tenant.resourceAccounts[0];
    const ids = [first?.id ?? '', 'not-a-user', aa?.id ?? '', second?.id ?? '', first?.id ?? ''];
    const records = await adapter.getPresences(ids, { signal });
    expect(records.map((r) => r.id)).to.deep.equal([first?.id, second?.id]);
    expect(records[0]).to.deep.equal(presenceAt(tenant, first?.id ?? '', T0));
    now = T0 + 50 * PERIOD;
    const later = await adapter.getPresences(ids, { signal });
    expect(later[1]).to.deep.equal(presenceAt(tenant, second?.id ?? '', now));

    expect(await adapter.getSignedInAgent({ signal })).to.deep.equal(tenant.signedInAgent);
    expect(adapter.calls).to.deep.equal({ listEntries: 1, getPresences: 2, getSignedInAgent: 1 });
    expect(adapter.tenant).to.equal(tenant);
  });

  it('reports an unlinked agent when linked is false', async () => {
    const { signal } = new AbortController();
    const unlinked = await createDemoDirectoryAdapter({ tenant, linked: false }).getSignedInAgent({ signal });
    expect(unlinked).to.deep.equal({ agentId: tenant.signedInAgent.agentId, linkedTeamsUserId: null });
    const linked = await createDemoDirectoryAdapter({ tenant }).getSignedInAgent({ signal });
    expect(linked.linkedTeamsUserId).to.be.a('string');
  });

  it('fails listing on demand, and recovers when the switch is turned off', async () => {
    const adapter = createDemoDirectoryAdapter({ tenant, failListing: true });
    const { signal } = new AbortController();
    expect(await rejectionOf(adapter.listEntries({ signal }))).to.be.instanceOf(DemoListingError);
    adapter.failListing = false;
    expect((await adapter.listEntries({ signal })).entries.length).to.be.greaterThan(0);
  });

  it('rejects at once when already aborted, with the abort reason', async () => {
    const adapter = createDemoDirectoryAdapter({ tenant });
    const controller = new AbortController();
    const reason = new Error('book closed');
    controller.abort(reason);
    const { signal } = controller;
    expect(await rejectionOf(adapter.listEntries({ signal }))).to.equal(reason);
    expect(await rejectionOf(adapter.getPresences([tenant.teamsUsers[0]?.id ?? ''], { signal }))).to.equal(reason);
    expect(await rejectionOf(adapter.getSignedInAgent({ signal }))).to.equal(reason);
  });

  it('rejects promptly with an AbortError during the latency, leaving no timer behind', async () => {
    const realSetTimeout = window.setTimeout;
    const realClearTimeout = window.clearTimeout;
    const pending = new Set<number>();
    window.setTimeout = ((handler: () => void, ms?: number) => {
      const id = realSetTimeout(() => {
        pending.delete(id);
        handler();
      }, ms);
      pending.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      realClearTimeout(id);
    }) as typeof window.clearTimeout;
    try {
      const adapter = createDemoDirectoryAdapter({ tenant, latencyMs: 10_000 });
      for (const call of [
        (signal: AbortSignal) => adapter.listEntries({ signal }),
        (signal: AbortSignal) => adapter.getPresences([tenant.teamsUsers[0]?.id ?? ''], { signal }),
        (signal: AbortSignal) => adapter.getSignedInAgent({ signal }),
      ]) {
        const controller = new AbortController();
        const started = performance.now();
        const result = rejectionOf(call(controller.signal));
        expect(pending.size).to.equal(1);
        controller.abort();
        const error = await result;
        expect(performance.now() - started).to.be.below(500);
        expect(error).to.be.instanceOf(DOMException);
        expect((error as DOMException).name).to.equal('AbortError');
        expect(pending.size).to.equal(0);
      }
    } finally {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    }
  });

  it('waits latencyMs before answering', async () => {
    const adapter = createDemoDirectoryAdapter({ tenant, latencyMs: 60 });
    const started = performance.now();
    await adapter.getSignedInAgent({ signal: new AbortController().signal });
    expect(performance.now() - started).to.be.at.least(50);
  });

  it('splits into a Teams adapter and a VCC adapter that together list everything', async () => {
    const { signal } = new AbortController();
    const teams = createDemoTeamsAdapter({ tenant });
    const vcc = createDemoVccAdapter({ tenant });
    const teamsEntries: readonly DirectoryEntry[] = (await teams.listEntries({ signal })).entries;
    const vccEntries: readonly DirectoryEntry[] = (await vcc.listEntries({ signal })).entries;
    expect(teamsEntries.every((e) => TEAMS_KINDS.has(e.kind))).to.equal(true);
    expect(vccEntries.some((e) => TEAMS_KINDS.has(e.kind))).to.equal(false);
    expect([...teamsEntries, ...vccEntries]).to.deep.equal(toDirectoryEntries(tenant));
    expect('getPresences' in vcc).to.equal(false);
    expect(await teams.getPresences([tenant.teamsUsers[1]?.id ?? ''], { signal })).to.have.length(1);
    expect(await vcc.getSignedInAgent({ signal })).to.deep.equal(tenant.signedInAgent);
    vcc.linked = false;
    expect((await vcc.getSignedInAgent({ signal })).linkedTeamsUserId).to.equal(null);
  });
});
