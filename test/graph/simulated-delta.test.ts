/**
 * The simulated tenant's `/users/delta` and the control calls that change the tenant between rounds: added people,
 * created call queues, deleted (permanently or restorably) users, expired tokens and throttling, in Microsoft's
 * documented wire format (docs/rules.md#graph-delta-query).
 */
import { expect } from '@open-wc/testing';
import type { SimLogEntry, SimResetBody, SimUserRecord, TenantCounts } from '../../dev/simulated-tenant/types.js';
import { control } from '../support/simulator.js';

const GRAPH = `${location.origin}/graph/v1.0`;
const AUTH = { authorization: 'Bearer sim-delta-token' };
const SELECT = 'displayName,userPrincipalName,businessPhones,mobilePhone,department';
const RESOURCE_DEPARTMENT = 'Microsoft Communication Application Instance';

interface Page {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

const reset = (body: SimResetBody): Promise<{ counts: TenantCounts }> => control('/reset', body);
const mutate = (body: unknown): Promise<{ users: (SimUserRecord | null)[] }> => control('/mutate', body);

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url.startsWith('http') ? url : `${GRAPH}${url}`, { headers: { ...AUTH, ...headers } });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

/** One delta round: every page from `first` to its deltaLink. */
async function round(first: string): Promise<{ users: Record<string, unknown>[]; deltaLink: string }> {
  const users: Record<string, unknown>[] = [];
  let url = first;
  for (;;) {
    const answer = await get(url, { prefer: 'odata.maxpagesize=999' });
    expect(answer.status, url).to.equal(200);
    const page = answer.json as unknown as Page;
    users.push(...page.value);
    if (page['@odata.deltaLink']) return { users, deltaLink: page['@odata.deltaLink'] };
    expect(page['@odata.nextLink'], 'a page without deltaLink has a nextLink').to.be.a('string');
    url = page['@odata.nextLink'] ?? '';
  }
}

const errorCode = (answer: Answer): string => (answer.json as { error: { code: string } }).error.code;

describe('simulated tenant: /users/delta and its control calls', () => {
  beforeEach(async () => {
    await reset({ users: 60, seed: 8 });
  });

  after(async () => {
    await reset({});
  });

  it('adds people with and without a number: they appear in /users, presence and the next delta round', async () => {
    const { deltaLink } = await round(`/users/delta?$select=${SELECT}`);
    const { users: [withNumber, withoutNumber] } = await mutate([
      { op: 'add', user: { displayName: 'Noémie Ajout', businessPhones: ['+1 425 555 0199'], mobilePhone: null } },
      { op: 'add', user: { displayName: 'Nils Ohne' } },
    ]);
    const idWith = withNumber?.user.id ?? '';
    const idWithout = withoutNumber?.user.id ?? '';
    expect(withNumber?.kind).to.equal('person');
    expect(withNumber?.teamsNumber).to.equal('+14255550199');

    const changes = await round(deltaLink);
    expect(changes.users).to.deep.equal([
      { id: idWith, displayName: 'Noémie Ajout', userPrincipalName: withNumber?.user.userPrincipalName,
        businessPhones: ['+1 425 555 0199'], mobilePhone: null, department: null },
      { id: idWithout, displayName: 'Nils Ohne', userPrincipalName: withoutNumber?.user.userPrincipalName,
        businessPhones: [], mobilePhone: null, department: null },
    ]);
    expect((await round(changes.deltaLink)).users, 'nothing more').to.deep.equal([]);

    await control('/settings', { grants: { userConfigurations: true } });
    const users = await get("/admin/teams/userConfigurations?$filter=accountType eq 'user'&$top=999");
    expect((users.json as unknown as Page).value.map((entry) => entry.id).slice(-2), 'added people are users').to.deep.equal([idWith, idWithout]);

    const listed = await get(`/users/${idWith}?$select=displayName,businessPhones`);
    expect(listed.json).to.include({ id: idWith, displayName: 'Noémie Ajout' });
    const all = await round(`/users/delta?$select=displayName`);
    expect(all.users.map((user) => user.id)).to.include.members([idWith, idWithout]);
    const state = await control<{ counts: TenantCounts }>('/state');
    expect(state.counts.people).to.equal(62);

    const response = await fetch(`${GRAPH}/communications/getPresencesByUserId`, {
      method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ ids: [idWith] }),
    });
    const presences = ((await response.json()) as Page).value;
    expect(presences.map((presence) => presence.id)).to.deep.equal([idWith]);
    expect(presences[0]?.availability).not.to.equal(undefined);
  });

  it('creates a call queue: a resource account in the next delta round and in the department listing', async () => {
    const { deltaLink } = await round(`/users/delta?$select=${SELECT}`);
    const { users: [queue] } = await mutate({ op: 'createResourceAccount', kind: 'callQueue', displayName: 'Returns queue' });
    expect(queue?.kind).to.equal('callQueue');
    const id = queue?.user.id ?? '';
    const changes = await round(deltaLink);
    expect(changes.users).to.have.length(1);
    const [created] = changes.users;
    expect(created).to.include({ id, displayName: 'Returns queue', department: RESOURCE_DEPARTMENT });
    expect(created?.userPrincipalName).to.match(/^cq-returns@contoso\.example$/);
    expect((created?.businessPhones as string[]).length).to.equal(1);

    const listing = await get(`/users?$filter=department eq '${RESOURCE_DEPARTMENT}'&$select=displayName`);
    expect((listing.json as unknown as Page).value.map((user) => user.displayName)).to.include('Returns queue');
    const state = await control<{ counts: TenantCounts }>('/state');
    expect([state.counts.callQueues, state.counts.resourceAccounts]).to.deep.equal([6, 11]);

    await control('/settings', { grants: { numberAssignments: true, userConfigurations: true } });
    const assignments = await get('/admin/teams/telephoneNumberManagement/numberAssignments?$top=1000');
    const row = (assignments.json as unknown as Page).value.find((entry) => entry.assignmentTargetId === id);
    expect(row).to.include({ assignmentStatus: 'voiceApplicationAssigned', telephoneNumber: queue?.teamsNumber });
    const configurations = await get("/admin/teams/userConfigurations?$filter=accountType eq 'resourceAccount'");
    expect((configurations.json as unknown as Page).value.map((entry) => entry.id)).to.include(id);
  });

  it('changes numbers through update: businessPhones and mobilePhone come back in the next round', async () => {
    const { users, deltaLink } = await round(`/users/delta?$select=${SELECT}`);
    const id = users[9]?.id as string;
    await mutate({ op: 'update', id, changes: { businessPhones: [], mobilePhone: '+44 7700 900123' } });
    const changes = await round(deltaLink);
    expect(changes.users).to.deep.equal([{ ...users[9], businessPhones: [], mobilePhone: '+44 7700 900123' }]);
  });

  it("reports a permanent delete as @removed 'deleted' and a restorable one as 'changed'; a restore as the user again", async () => {
    const { users, deltaLink } = await round(`/users/delta?$select=${SELECT}`);
    const [gone, binned] = [users[2]?.id as string, users[4]?.id as string];
    await mutate([{ op: 'remove', id: gone }, { op: 'softDelete', id: binned }]);
    const changes = await round(deltaLink);
    expect(changes.users).to.deep.equal([
      { id: gone, '@removed': { reason: 'deleted' } },
      { id: binned, '@removed': { reason: 'changed' } },
    ]);
    expect((await get(`/users/${binned}`)).status, 'a soft-deleted user is not listed').to.equal(404);

    await mutate({ op: 'restore', id: binned });
    const restored = await round(changes.deltaLink);
    expect(restored.users).to.deep.equal([users[4]]);
    const refused = await fetch(`${location.origin}/__sim/mutate`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'restore', id: gone }),
    });
    expect(refused.status, 'a permanently deleted user cannot be restored').to.equal(404);
  });

  it('answers an expired delta token with 400 syncStateNotFound until a new initial round', async () => {
    const { deltaLink } = await round(`/users/delta?$select=${SELECT}`);
    const firstPage = (await get(`/users/delta?$select=${SELECT}`, { prefer: 'odata.maxpagesize=10' })).json as unknown as Page;
    await control('/delta/expire', { reason: 'expired' });
    for (const link of [deltaLink, firstPage['@odata.nextLink'] ?? '']) {
      const expired = await get(link);
      expect(expired.status).to.equal(400);
      expect(errorCode(expired)).to.equal('syncStateNotFound');
    }
    const fresh = await round(`/users/delta?$select=${SELECT}`);
    expect(fresh.users).to.have.length(70);
    expect((await get(fresh.deltaLink)).status, 'tokens of the new round work').to.equal(200);
  });

  it('answers a synchronization reset with 410 Gone and a Location that starts a new round', async () => {
    const { deltaLink } = await round(`/users/delta?$select=${SELECT}`);
    await control('/delta/expire', { reason: 'resync' });
    const gone = await get(deltaLink);
    expect(gone.status).to.equal(410);
    const location = gone.headers.get('location') ?? '';
    expect(location).to.match(new RegExp(`^${GRAPH.replace(/[.]/g, '\\.')}/users/delta\\?`));
    expect(new URL(location).searchParams.get('$deltatoken')).to.equal('');
    const restarted = await round(location);
    expect(restarted.users).to.have.length(70);
    expect(Object.keys(restarted.users[0] ?? {}).sort(), '$select kept').to.deep.equal(['id', ...SELECT.split(',')].sort());
  });

  it('throttles delta with 429 and Retry-After through the fault queue, then answers', async () => {
    await control('/faults', { match: 'delta', status: 429, retryAfter: '3' });
    const throttled = await get('/users/delta?$select=displayName');
    expect([throttled.status, throttled.headers.get('retry-after'), errorCode(throttled)]).to.deep.equal([429, '3', 'TooManyRequests']);
    expect((await get('/users?$top=1')).status, '/users is not delta').to.equal(200);
    expect((await get('/users/delta?$select=displayName')).status).to.equal(200);
    const log = await control<SimLogEntry[]>('/log');
    expect(log.filter((entry) => entry.fault).map((entry) => [entry.endpoint, entry.status])).to.deep.equal([['delta', 429]]);
  });

  it('serves a 300,000-user tenant lazily: one delta page, "sync from now", an added user in the next round', async () => {
    const { counts } = await reset({ users: 300_000, seed: 9 });
    expect(counts.people).to.equal(300_000);
    const first = await get('/users/delta?$select=displayName,businessPhones', { prefer: 'odata.maxpagesize=999' });
    expect(first.status).to.equal(200);
    const page = first.json as unknown as Page;
    expect(page.value).to.have.length(999);
    expect(page['@odata.nextLink']).to.contain('$skiptoken=');

    const latest = (await get('/users/delta?$deltatoken=latest&$select=displayName')).json as unknown as Page;
    expect(latest.value, 'sync from now: no users').to.deep.equal([]);
    const { users: [added] } = await mutate({ op: 'add', user: { displayName: 'Tessa Trois-Cent-Mille' } });
    const changes = await round(latest['@odata.deltaLink'] ?? '');
    expect(changes.users).to.deep.equal([{ id: added?.user.id, displayName: 'Tessa Trois-Cent-Mille' }]);
    const state = await control<{ counts: TenantCounts }>('/state');
    expect(state.counts.people).to.equal(300_001);
  });
});
