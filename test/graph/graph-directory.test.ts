/**
 * The Microsoft Graph adapter against the simulated tenant, over real HTTPS through the Graph client's middleware:
 * paging, filtering, classification, presence chunking, throttling, fallbacks, aborts, sign-in and server search.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { IPublicClientApplication } from '@azure/msal-browser';
import { countUsersWithNumber, createTenant } from '../../dev/simulated-tenant/tenant.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import '../../src/address-book/address-book.js';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { createGraphDirectory } from '../../src/graph/index.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { options, optionNames, record, shadow, typeQuery } from '../address-book/fixtures.js';
import { control } from '../support/simulator.js';
import { BASE_URL, addFaults, graph, log, reset } from './fixtures.js';


const signal = () => new AbortController().signal;
const teamsUsers = (entries: readonly DirectoryEntry[]) => entries.filter((entry) => entry.kind === 'teams-user');

/** The smallest tenant (seed 7) with exactly `wanted` people that have a number. */
function tenantSizeWithNumbers(wanted: number, seed: number): number {
  let users = wanted;
  while (countUsersWithNumber(createTenant({ users, seed }), 'any') < wanted) users++;
  return users;
}

async function bookOn(adapter: ReturnType<typeof graph>['adapter']): Promise<ContactpadAddressBook> {
  const book = await fixture<ContactpadAddressBook>(html`<contactpad-address-book .adapter=${adapter}></contactpad-address-book>`);
  await book.show();
  await book.loadComplete;
  await book.updateComplete;
  return book;
}

describe('Graph adapter against the simulated tenant', () => {
  it('pages a 2,500-user tenant to the end, with a token on every request, and keeps only users with a number', async () => {
    const { counts } = await reset({ users: 2500, seed: 42 });
    const { adapter } = graph();
    const listing = await adapter.listEntries({ signal: signal() });

    const users = teamsUsers(listing.entries);
    expect(users).to.have.length(counts.peopleWithAnyNumber);
    expect(users.length).to.be.below(counts.people);
    expect(users.every((user) => user.numbers.length > 0)).to.equal(true);
    expect(new Set(listing.entries.map((entry) => entry.id)).size).to.equal(listing.entries.length);
    const pages = (await log()).filter((entry) => entry.endpoint === 'users');
    expect(pages.map((entry) => entry.status)).to.deep.equal([200, 200, 200]);
    expect(pages.every((entry) => entry.auth)).to.equal(true);
    expect(pages.map((entry) => entry.query.$top)).to.deep.equal(['999', '999', '999']);
  });

  it('classifies auto attendants and call queues by their resource accounts', async () => {
    const { counts } = await reset({ users: 50, seed: 3, resourceAccounts: 16 });
    const { adapter } = graph();
    const { entries } = await adapter.listEntries({ signal: signal() });
    const attendants = entries.filter((entry) => entry.kind === 'auto-attendant');
    const queues = entries.filter((entry) => entry.kind === 'call-queue');
    expect(attendants).to.have.length(counts.autoAttendants);
    expect(queues).to.have.length(counts.callQueues);
    expect(attendants.every((entry) => entry.kind === 'auto-attendant' && entry.userPrincipalName?.startsWith('aa-'))).to.equal(true);
    expect(queues.every((entry) => entry.kind === 'call-queue' && entry.userPrincipalName?.startsWith('cq-'))).to.equal(true);
    expect(attendants.map((entry) => entry.displayName)).to.include('Customer service line (AA)');
  });

  it('asks presence for 1,301 Teams users in exactly 3 requests', async () => {
    const users = tenantSizeWithNumbers(1301, 7);
    await reset({ users, seed: 7, resourceAccounts: 10 });
    const { adapter } = graph();
    const { entries } = await adapter.listEntries({ signal: signal() });
    const ids = teamsUsers(entries).map((entry) => entry.id);
    expect(ids).to.have.length(1301);

    const presences = await adapter.getPresences!(ids, { signal: signal() });
    expect(presences).to.have.length(1301);
    const requests = (await log()).filter((entry) => entry.endpoint === 'presence');
    expect(requests.map((entry) => entry.ids).sort((a, b) => (b ?? 0) - (a ?? 0))).to.deep.equal([650, 650, 1]);
    expect(requests.every((entry) => entry.status === 200 && entry.auth)).to.equal(true);
  });

  // The book sends the ids of one moment in one call, however many: Graph's 650-id limit is kept by the Graph adapter
  // alone, so it is asserted where Graph sees the requests, with more rows in view than one request may carry.
  it('never sends Graph more than 650 ids a presence request, even when the book asks for many more rows at once', async function () {
    this.timeout(20000);
    await reset({ users: 2000, seed: 8, resourceAccounts: 0 });
    const { adapter } = graph();
    /** What the book asked the adapter, call by call, before the adapter split it for Graph. */
    const calls: string[][] = [];
    const counted: DirectoryAdapter = {
      ...adapter,
      getPresences: (ids, options) => {
        calls.push([...ids]);
        return adapter.getPresences!(ids, options);
      },
    };
    const book = await fixture<ContactpadAddressBook>(
      html`<contactpad-address-book .adapter=${counted} style="--contactpad-max-height: 2000rem; --contactpad-row-height: 1px"></contactpad-address-book>`,
    );
    await book.show();
    await book.loadComplete;
    await waitUntil(() => calls.length > 0, 'presence requests');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const listbox = shadow(book).querySelector<HTMLElement>('[role="listbox"]')!.getBoundingClientRect();
    const inView = options(book).filter((option) => {
      const box = option.getBoundingClientRect();
      return box.bottom > listbox.top && box.top < listbox.bottom;
    });
    const icons = inView.flatMap((option) => [...option.querySelectorAll('contactpad-presence-icon')]);
    await waitUntil(() => icons.every((icon) => icon.presence.readAt !== null), 'every row in view shows a presence read from Graph', { timeout: 4000 });

    const all = calls.flat();
    expect(icons.length, 'a presence icon on every Teams user in view').to.equal(inView.length);
    expect(all.length, 'more users in view than one request may carry').to.be.greaterThan(650);
    expect(new Set(all).size).to.equal(all.length);
    expect(calls.some((call) => call.length > 650), 'the book sends the ids of one moment in one call').to.equal(true);
    const requests = (await log()).filter((entry) => entry.endpoint === 'presence');
    expect(requests.every((entry) => entry.ids !== undefined && entry.ids <= 650)).to.equal(true);
    expect(requests.every((entry) => entry.status === 200)).to.equal(true);
    expect(requests.reduce((sum, entry) => sum + (entry.ids ?? 0), 0), 'every id asked reaches Graph once').to.equal(all.length);
  });

  it('asks no presence for resource accounts when the book shows them', async () => {
    const { counts } = await reset({ users: 0, seed: 7, resourceAccounts: 10 });
    const { adapter } = graph();
    const book = await bookOn(adapter);
    expect(optionNames(book)).to.have.length(counts.resourceAccounts);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await book.hide();
    expect((await log()).filter((entry) => entry.endpoint === 'presence')).to.have.length(0);
  });

  it('retries a 429 after its Retry-After (2 s) and succeeds', async function () {
    this.timeout(15000);
    await reset({ users: 100, seed: 1 });
    await addFaults({ match: 'users', status: 429, retryAfter: '2', times: 1 });
    const { adapter } = graph();
    const listing = await adapter.listEntries({ signal: signal() });

    expect(teamsUsers(listing.entries).length).to.be.greaterThan(0);
    const users = (await log()).filter((entry) => entry.endpoint === 'users');
    expect(users.map((entry) => entry.status)).to.deep.equal([429, 200]);
    expect(users[1]!.at - users[0]!.at).to.be.at.least(1900);
  });

  it('after a 503 storm beyond the retry budget shows Unknown presences, reports once, and keeps the entries', async () => {
    await reset({ users: 60, seed: 5 });
    await addFaults({ match: 'presence', status: 503, times: 100 });
    const { adapter } = graph({ retry: { baseDelayMs: 20, maxRetries: 2 } });
    const errors: CustomEvent<{ operation: string }>[] = [];
    const book = await fixture<ContactpadAddressBook>(
      html`<contactpad-address-book .adapter=${adapter} @contactpad-error=${(event: CustomEvent<{ operation: string }>) => errors.push(event)}></contactpad-address-book>`,
    );
    await book.show();
    await book.loadComplete;
    await waitUntil(() => errors.length > 0, 'the presence failure is reported', { timeout: 4000 });
    await book.updateComplete;

    expect(errors.map((event) => event.detail.operation)).to.deep.equal(['get-presences']);
    expect(optionNames(book).length).to.be.greaterThan(10);
    const icons = [...book.shadowRoot!.querySelectorAll('contactpad-presence-icon')].filter((icon) => icon.presence.origin === 'teams');
    expect(icons.length).to.be.greaterThan(0);
    expect(icons.every((icon) => icon.presence.state === 'unknown')).to.equal(true);
    expect((await log()).filter((entry) => entry.endpoint === 'presence').map((entry) => entry.status)).to.deep.equal([503, 503, 503]);
  });

  it('falls back to profile numbers when number assignments are not granted, and reports it once as info', async () => {
    const { counts } = await reset({ users: 300, seed: 11 });
    const { adapter, diagnostics } = graph();
    const first = await adapter.listEntries({ signal: signal() });
    await adapter.listEntries({ signal: signal() });

    expect(teamsUsers(first.entries)).to.have.length(counts.peopleWithAnyNumber);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).to.deep.equal(['number-assignments-forbidden']);
    expect((await log()).filter((entry) => entry.endpoint === 'numberAssignments').every((entry) => entry.status === 403)).to.equal(true);
  });

  it('keeps listing with profile numbers when the granted number assignments fail', async () => {
    const { counts } = await reset({ users: 200, seed: 12, grants: { numberAssignments: true } });
    await addFaults({ match: 'numberAssignments', status: 500, times: 10 });
    const { adapter, diagnostics } = graph();
    const { entries } = await adapter.listEntries({ signal: signal() });

    expect(teamsUsers(entries)).to.have.length(counts.peopleWithAnyNumber);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).to.deep.equal(['number-assignments-failed']);
  });

  it('uses Teams Phone number assignments as the DDIs when granted', async () => {
    await reset({ users: 300, seed: 11, grants: { numberAssignments: true } });
    const records = await control<{ user: { id: string; mobilePhone: string | null; businessPhones: string[] }; teamsNumber: string | null; kind: string }[]>(
      '/users?from=0&count=300',
    );
    const { adapter, diagnostics } = graph();
    const { entries } = await adapter.listEntries({ signal: signal() });

    const expected = records.filter((record) => record.kind === 'person' && (record.teamsNumber || record.user.mobilePhone));
    expect(teamsUsers(entries)).to.have.length(expected.length);
    const teamsOnly = records.find((record) => record.teamsNumber && record.user.businessPhones.length === 0);
    if (teamsOnly) expect(entries.find((entry) => entry.id === teamsOnly.user.id)?.numbers[0]?.value).to.equal(teamsOnly.teamsNumber);
    expect(diagnostics).to.deep.equal([]);
  });

  it('aborts the presence request in flight when the book closes', async () => {
    await reset({ users: 40, seed: 2 });
    const { adapter } = graph();
    const book = await bookOn(adapter);
    await waitUntil(async () => (await log()).some((entry) => entry.endpoint === 'presence'), 'first presence request');
    await book.hide();
    await control('/settings', { latencyMs: 1500 });
    await control('/log/clear', {});

    await book.show();
    // The request is in flight: the simulator holds it for 1.5 s.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await book.hide();
    await waitUntil(async () => (await log()).some((entry) => entry.endpoint === 'presence'), 'the aborted request is logged', { timeout: 4000 });
    const presence = (await log()).filter((entry) => entry.endpoint === 'presence');
    expect(presence.map((entry) => [entry.status, entry.aborted])).to.deep.equal([[499, true]]);
  });
});

describe('Graph adapter sign-in over MSAL', () => {
  /** A stand-in for MSAL: silent token acquisition needs interaction until the popup has run. */
  function fakeMsal() {
    const account = { localAccountId: 'linked-user', homeAccountId: 'h', environment: 'e', tenantId: 't', username: 'agent@contoso.example' };
    const calls = { popup: 0, silent: 0, initialize: 0 };
    let signedIn = false;
    const msal = {
      initialize: () => {
        calls.initialize++;
        return Promise.resolve();
      },
      getActiveAccount: () => (signedIn ? account : null),
      getAllAccounts: () => [account],
      setActiveAccount: () => undefined,
      acquireTokenSilent: () => {
        calls.silent++;
        if (!signedIn) return Promise.reject(Object.assign(new Error('interaction_required'), { name: 'InteractionRequiredAuthError', errorCode: 'interaction_required' }));
        return Promise.resolve({ accessToken: 'fresh-token', account });
      },
      acquireTokenPopup: () => {
        calls.popup++;
        signedIn = true;
        return Promise.resolve({ accessToken: 'fresh-token', account });
      },
    };
    return { msal: msal as unknown as IPublicClientApplication, calls };
  }

  it('surfaces sign-in needed, opens the popup only from the click, then loads', async () => {
    await reset({ users: 30, seed: 4 });
    const { msal, calls } = fakeMsal();
    const adapter = createGraphDirectory({ msal, baseUrl: BASE_URL });
    const book = await fixture<ContactpadAddressBook>(html`<contactpad-address-book .adapter=${adapter}></contactpad-address-book>`);
    const signIns = record(book, 'contactpad-sign-in-required');
    const errors = record(book, 'contactpad-error');
    await book.show();
    await book.loadComplete;
    await book.updateComplete;

    const button = book.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in-button"]');
    expect(button, 'sign-in button').to.exist;
    expect(signIns).to.have.length(1);
    expect(errors).to.have.length(0);
    expect(calls.popup).to.equal(0);
    expect(calls.initialize).to.equal(1);
    expect((await log()).filter((entry) => entry.endpoint === 'users')).to.have.length(0);

    button!.click();
    await waitUntil(() => optionNames(book).length > 0, 'entries after sign-in', { timeout: 4000 });
    expect(calls.popup).to.equal(1);
    expect(book.shadowRoot!.querySelector('[part="sign-in-button"]')).to.equal(null);
    expect((await log()).filter((entry) => entry.endpoint === 'users').every((entry) => entry.auth && entry.status === 200)).to.equal(true);
  });
});

describe('Graph adapter for a large tenant', () => {
  it('does not download the directory and searches on the server as the agent types', async function () {
    this.timeout(10000);
    await reset({ users: 30000, seed: 9, resourceAccounts: 6 });
    const { adapter, diagnostics } = graph({ localLimit: 20000 });
    const book = await bookOn(adapter);

    const listed = (await log()).filter((entry) => entry.endpoint === 'users');
    expect(listed.filter((entry) => !entry.query.$filter)).to.have.length(1);
    expect(listed.filter((entry) => entry.query.$filter)).to.have.length(1);
    expect(optionNames(book)).to.have.length(6);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).to.include('server-search');

    await typeQuery(book, 'zoë');
    await waitUntil(() => optionNames(book).length > 0, 'the server finds users named Zoë', { timeout: 4000 });
    expect(optionNames(book).every((name) => /(^|\s)Zoë/.test(name))).to.equal(true);
    const searches = (await log()).filter((entry) => entry.endpoint === 'users' && entry.query.$search);
    // Typed one character at a time: the one-character query is never sent, the debounce leaves only the last.
    expect(searches.map((entry) => entry.query.$search)).to.deep.equal(['"displayName:zoë"']);
    expect(searches.every((entry) => entry.status === 200)).to.equal(true);
  });

  it('searches on the server through a composite directory too, and reads no number assignments', async function () {
    this.timeout(10000);
    await reset({ users: 30000, seed: 9, resourceAccounts: 2, grants: { numberAssignments: true } });
    const { adapter: teams } = graph({ localLimit: 20000 });
    const vcc = createMemoryDirectory({ entries: [{ kind: 'vcc-agent', id: 'agent-zoe', displayName: 'Zoë Agent', numbers: [], vccState: 'ready' }] });
    const book = await bookOn(createCompositeDirectory([
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
      { id: 'vcc', label: 'Contact centre', adapter: vcc },
    ]));
    expect(optionNames(book)).to.have.length(3);

    await typeQuery(book, 'zoë');
    await waitUntil(() => optionNames(book).length > 1, 'server results next to the local agent', { timeout: 4000 });
    expect(optionNames(book)[0]).to.equal('Zoë Agent');
    expect((await log()).filter((entry) => entry.endpoint === 'users' && entry.query.$search)).to.have.length(1);
    expect((await log()).filter((entry) => entry.endpoint === 'numberAssignments')).to.have.length(0);
  });
});
