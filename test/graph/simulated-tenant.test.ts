/**
 * The simulated Microsoft 365 tenant (dev/simulated-tenant), driven over real HTTP(S) from the browser: Graph's
 * shapes, limits and errors, the fault queue and the request log. The adapter's own tests build on these guarantees.
 */
import { expect } from '@open-wc/testing';
import { countUsersWithNumber, createTenant, tenantCounts } from '../../dev/simulated-tenant/tenant.js';
import type { FaultRule, SimLogEntry, SimResetBody, TenantCounts } from '../../dev/simulated-tenant/types.js';
import { control } from '../support/simulator.js';

const GRAPH = `${location.origin}/graph/v1.0`;
const TOKEN = 'sim-test-token-0b7d9e';
const RESOURCE_DEPARTMENT = 'Microsoft Communication Application Instance';

interface GraphAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

interface Page {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  '@odata.count'?: number;
  '@odata.context'?: string;
}

interface GraphErrorBody {
  error: { code: string; message: string };
}

const reset = (body: SimResetBody): Promise<{ counts: TenantCounts }> => control('/reset', body);

async function graph(url: string, init: { token?: string | null; headers?: Record<string, string>; body?: unknown } = {}):
  Promise<GraphAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url.startsWith('http') ? url : `${GRAPH}${url}`, {
    method: init.body === undefined ? 'GET' : 'POST', headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

const page = (answer: GraphAnswer): Page => answer.json as unknown as Page;
const graphError = (answer: GraphAnswer): GraphErrorBody['error'] => (answer.json as unknown as GraphErrorBody).error;

async function walk(first: string, headers: Record<string, string> = {}): Promise<{ users: Record<string, unknown>[]; pages: Page[] }> {
  const users: Record<string, unknown>[] = [];
  const pages: Page[] = [];
  let url: string | undefined = first;
  while (url) {
    const answer = await graph(url, { headers });
    expect(answer.status).to.equal(200);
    const current = page(answer);
    pages.push(current);
    users.push(...current.value);
    url = current['@odata.nextLink'];
  }
  return { users, pages };
}

describe('simulated Microsoft 365 tenant', () => {
  let counts: TenantCounts;

  beforeEach(async () => {
    ({ counts } = await reset({ users: 2500, seed: 42 }));
  });

  after(async () => {
    await reset({});
  });

  it('walks a 2,500-user tenant through absolute @odata.nextLink pages', async () => {
    const select = 'id,displayName,mail,userPrincipalName,businessPhones,mobilePhone,jobTitle,department';
    const { users, pages } = await walk(`/users?$select=${select}&$top=999`);
    expect(pages.length).to.equal(3);
    expect(pages.map((p) => p.value.length)).to.deep.equal([999, 999, 512]);
    for (const p of pages.slice(0, -1)) {
      const next = new URL(p['@odata.nextLink'] ?? '');
      expect(next.origin + next.pathname).to.equal(`${GRAPH}/users`);
      expect(next.searchParams.get('$skiptoken')).to.match(/^[A-Za-z0-9_-]+$/);
      expect(next.searchParams.get('$select')).to.equal(select);
      expect(next.searchParams.get('$top')).to.equal('999');
    }
    expect(pages[2]?.['@odata.nextLink']).to.equal(undefined);
    expect(users.length).to.equal(2510);
    expect(new Set(users.map((user) => user.id)).size).to.equal(2510);

    const people = users.filter((user) => user.department !== RESOURCE_DEPARTMENT);
    const withPhone = people.filter((user) => (user.businessPhones as string[]).length > 0);
    expect(people.length).to.equal(2500);
    expect(withPhone.length).to.equal(counts.peopleWithBusinessPhone);
    expect(people.filter((user) => (user.businessPhones as string[]).length > 0 || user.mobilePhone !== null).length)
      .to.equal(counts.peopleWithAnyNumber);
    // The rule is a pure function of (seed, index): the same counts come out in the browser.
    expect(countUsersWithNumber(createTenant({ users: 2500, seed: 42 }))).to.equal(counts.peopleWithBusinessPhone);
    expect(tenantCounts(createTenant({ users: 2500, seed: 42 }))).to.deep.equal(counts);
    expect(counts.peopleWithoutNumber).to.be.greaterThan(500);
  });

  it('honours $select: only the selected properties and id; businessPhones always an array', async () => {
    const one = page(await graph('/users?$select=displayName&$top=5'));
    for (const user of one.value) expect(Object.keys(user).sort()).to.deep.equal(['displayName', 'id']);
    expect(one['@odata.context']).to.equal(`${GRAPH}/$metadata#users(displayName)`);

    const phones = page(await graph('/users?$select=businessPhones&$top=50')).value;
    expect(phones.every((user) => Array.isArray(user.businessPhones))).to.equal(true);
    expect(phones.some((user) => (user.businessPhones as string[]).length === 0)).to.equal(true);

    const plain = page(await graph('/users?$top=5')).value;
    expect(plain.every((user) => !('department' in user) && 'mail' in user)).to.equal(true);

    const bad = await graph('/users?$select=displayName,shoeSize');
    expect(bad.status).to.equal(400);
    expect(graphError(bad).code).to.equal('Request_BadRequest');
  });

  it('accepts $top from 1 to 999 only', async () => {
    expect(page(await graph('/users?$top=1')).value.length).to.equal(1);
    expect(page(await graph('/users')).value.length).to.equal(100);
    for (const top of ['0', '1000', 'ten', '-1']) {
      const answer = await graph(`/users?$top=${top}`);
      expect(answer.status, `$top=${top}`).to.equal(400);
      expect(graphError(answer).code).to.equal('Request_UnsupportedQuery');
    }
  });

  it('needs ConsistencyLevel: eventual for $search and $count, and matches word prefixes', async () => {
    const without = await graph('/users?$search="displayName:zo"');
    expect(without.status).to.equal(400);
    expect(graphError(without).code).to.equal('Request_UnsupportedQuery');
    expect(graphError(without).message).to.contain('ConsistencyLevel: eventual');
    expect((await graph('/users?$count=true')).status).to.equal(400);

    const eventual = { consistencylevel: 'eventual' };
    const found = page(await graph('/users?$search="displayName:MÜ"&$count=true&$select=displayName', { headers: eventual }));
    expect(found.value.length).to.be.greaterThan(0);
    expect(found['@odata.count']).to.be.at.least(found.value.length);
    expect(found.value.map((user) => user.displayName)).to.include('Zoë Müller');
    for (const user of found.value) {
      expect((user.displayName as string).toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith('mü'))).to.equal(true);
    }
    const { users } = await walk('/users?$search="displayName:zo"&$top=7&$count=true', eventual);
    const first = page(await graph('/users?$search="displayName:zo"&$top=7&$count=true', { headers: eventual }));
    expect(users.length).to.equal(first['@odata.count']);
  });

  it('lists the resource accounts with $filter on their department, named by the aa-/cq- convention', async () => {
    const answer = page(await graph(`/users?$filter=department eq '${RESOURCE_DEPARTMENT}'&$select=displayName,userPrincipalName,businessPhones,department`));
    expect(answer.value.length).to.equal(10);
    for (const account of answer.value) {
      expect(account.department).to.equal(RESOURCE_DEPARTMENT);
      expect(account.userPrincipalName).to.match(/^(aa|cq)-[a-z0-9-]+@contoso\.example$/);
      expect((account.businessPhones as string[]).length).to.equal(1);
    }
    expect((await graph("/users?$filter=startsWith(displayName,'a')")).status).to.equal(400);
  });

  it('answers 401 InvalidAuthenticationToken without a valid bearer token', async () => {
    for (const token of [null, '', 'expired']) {
      const answer = await graph('/users?$top=1', { token });
      expect(answer.status, `token ${String(token)}`).to.equal(401);
      expect(graphError(answer).code).to.equal('InvalidAuthenticationToken');
    }
    await reset({ users: 10, seed: 1, tokens: ['only-this-one'] });
    expect((await graph('/users', { token: 'another' })).status).to.equal(401);
    expect((await graph('/users', { token: 'only-this-one' })).status).to.equal(200);
  });

  it('answers 403 on the Teams admin APIs unless the tenant grants them', async () => {
    const assignments = '/admin/teams/telephoneNumberManagement/numberAssignments';
    const configurations = '/admin/teams/userConfigurations';
    for (const path of [assignments, configurations]) {
      const answer = await graph(path);
      expect(answer.status).to.equal(403);
      expect(graphError(answer).code).to.equal('Forbidden');
    }
    await control('/settings', { grants: { numberAssignments: true, userConfigurations: true } });
    const rows = page(await graph(`${assignments}?$top=1000`));
    expect(rows.value.length).to.equal(1000);
    expect(rows['@odata.nextLink']).to.contain('$skip=1000');
    expect(rows.value[0]).to.include({ assignmentStatus: 'userAssigned' });
    expect(rows.value[0]?.telephoneNumber).to.match(/^\+\d{10,13}$/);
    expect((await graph(`${assignments}?$top=1001`)).status).to.equal(400);
    const resources = page(await graph(`${configurations}?$filter=accountType eq 'resourceAccount'`)).value;
    expect(resources.length).to.equal(10);
    expect(resources[0]).to.include({ accountType: 'resourceAccount' });
    expect(resources[0]?.telephoneNumbers).to.deep.equal([{ telephoneNumber: '+18005550100', assignmentCategory: 'primary' }]);
  });

  it('limits getPresencesByUserId to 650 ids and omits unknown ids', async () => {
    const ids = page(await graph('/users?$select=id&$top=3')).value.map((user) => user.id as string);
    const fakes = Array.from({ length: 647 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const ok = await graph('/communications/getPresencesByUserId', { body: { ids: [...ids, ...fakes] } });
    expect(ok.status).to.equal(200);
    const presences = page(ok).value;
    expect(presences.map((presence) => presence.id)).to.deep.equal(ids);
    for (const presence of presences) {
      expect(['Available', 'AvailableIdle', 'Away', 'BeRightBack', 'Busy', 'BusyIdle', 'DoNotDisturb', 'Offline', 'PresenceUnknown'])
        .to.include(presence.availability);
      expect(presence).to.include.keys('activity', 'sequenceNumber', 'statusMessage', 'outOfOfficeSettings');
    }
    const tooMany = await graph('/communications/getPresencesByUserId', { body: { ids: [...ids, ...fakes, 'one-more'] } });
    expect(tooMany.status).to.equal(400);
    const log = await control<SimLogEntry[]>('/log');
    expect(log.map((entry) => [entry.endpoint, entry.ids, entry.status])).to.deep.include.members([
      ['presence', 650, 200], ['presence', 651, 400],
    ]);
  });

  it('injects a 429 with Retry-After from the fault queue, then recovers', async () => {
    const rule: FaultRule = { match: 'presence', status: 429, retryAfter: '2', times: 1 };
    await control('/faults', rule);
    const body = { ids: [] as string[] };
    const throttled = await graph('/communications/getPresencesByUserId', { body });
    expect(throttled.status).to.equal(429);
    expect(throttled.headers.get('retry-after')).to.equal('2');
    expect(graphError(throttled).code).to.equal('TooManyRequests');
    expect((await graph('/users?$top=1')).status, 'other endpoints pass').to.equal(200);
    expect((await graph('/communications/getPresencesByUserId', { body })).status).to.equal(200);
    const log = await control<SimLogEntry[]>('/log');
    expect(log.filter((entry) => entry.fault).map((entry) => entry.status)).to.deep.equal([429]);
  });

  it('serves an endless @odata.nextLink chain of new users under a false @odata.count (endless-pages)', async () => {
    await reset({ users: 50, seed: 3, resourceAccounts: 0 });
    const rule: FaultRule = { match: 'users', answer: 'endless-pages', count: 3010, times: 4 };
    await control('/faults', rule);
    expect((await graph('/me')).status, '/me passes, uncounted').to.equal(200);
    const pages: Page[] = [];
    let url = '/users?$top=999&$count=true&$select=id,displayName';
    for (let i = 0; i < 4; i++) {
      const answer = await graph(url, { headers: { ConsistencyLevel: 'eventual' } });
      expect(answer.status).to.equal(200);
      pages.push(page(answer));
      url = pages[i]!['@odata.nextLink'] ?? '';
      expect(url, `page ${i + 1} links to another`).to.match(/\$skiptoken=/);
    }
    expect(pages.map((p) => [p.value.length, p['@odata.count']])).to.deep.equal([[999, 3010], [999, 3010], [999, 3010], [999, 3010]]);
    const ids = pages.flatMap((p) => p.value.map((user) => user.id));
    expect(new Set(ids).size, 'no id repeats').to.equal(4 * 999);
    // The rule is used up: the chain ends with an empty page.
    const after = page(await graph(url, { headers: { ConsistencyLevel: 'eventual' } }));
    expect([after.value.length, after['@odata.nextLink']]).to.deep.equal([0, undefined]);
    const log = await control<SimLogEntry[]>('/log');
    expect(log.filter((entry) => entry.fault).map((entry) => entry.status)).to.deep.equal([200, 200, 200, 200]);
  });

  it('answers 200 with an HTML page or with JSON that is not a Graph page (html, not-a-page)', async () => {
    await control('/faults', [{ match: 'users', answer: 'html' }, { match: 'presence', answer: 'not-a-page' }] satisfies FaultRule[]);
    const html = await fetch(`${GRAPH}/users?$top=5`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect([html.status, html.headers.get('content-type')]).to.deep.equal([200, 'text/html; charset=utf-8']);
    expect(await html.text()).to.match(/^<!DOCTYPE html>/);
    const notAPage = await graph('/communications/getPresencesByUserId', { body: { ids: [] } });
    expect([notAPage.status, notAPage.json]).to.deep.equal([200, { status: 'ok' }]);
    expect(page(await graph('/users?$top=5')).value, 'used up').to.have.length(5);
  });

  it('logs each request with its final status and whether a token came, never the token', async () => {
    await control('/log/clear', {});
    await graph('/users?$top=2&$select=displayName');
    await graph('/users?$top=2', { token: null });
    const log = await control<SimLogEntry[]>('/log');
    expect(log.map(({ method, path, query, auth, status }) => ({ method, path, query, auth, status }))).to.deep.equal([
      { method: 'GET', path: '/graph/v1.0/users', query: { $top: '2', $select: 'displayName' }, auth: true, status: 200 },
      { method: 'GET', path: '/graph/v1.0/users', query: { $top: '2' }, auth: false, status: 401 },
    ]);
    expect(JSON.stringify(log)).not.to.contain(TOKEN);
  });

  it('reports renamed and removed users through /users/delta', async () => {
    await reset({ users: 40, seed: 5 });
    const { users, pages } = await walk('/users/delta?$select=displayName,businessPhones');
    expect(users.length).to.equal(50);
    const deltaLink = pages[pages.length - 1]?.['@odata.deltaLink'] ?? '';
    expect(deltaLink).to.match(new RegExp(`^${GRAPH.replace(/[.]/g, '\\.')}/users/delta\\?\\$deltatoken=`));
    const [renamed, removed] = [users[3]?.id as string, users[7]?.id as string];
    await control('/mutate', [{ op: 'rename', id: renamed, displayName: 'Renée Renamed' }, { op: 'remove', id: removed }]);
    const changes = page(await graph(deltaLink));
    expect(changes.value).to.deep.equal([
      { id: renamed, displayName: 'Renée Renamed', businessPhones: users[3]?.businessPhones },
      { id: removed, '@removed': { reason: 'deleted' } },
    ]);
    const again = page(await graph(changes['@odata.deltaLink'] ?? ''));
    expect(again.value).to.deep.equal([]);
  });
});
