/**
 * An expired or revoked sign-in: after a 401 the adapter asks MSAL once more with `forceRefresh`, and when Graph
 * still refuses (or MSAL wants interaction) the book offers Sign in, whose popup signs in and loads the book.
 * docs/rules.md#graph-401-leads-to-sign-in.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { IPublicClientApplication, SilentRequest } from '@azure/msal-browser';
import type { FaultRule, SimLogEntry, SimResetBody, TenantCounts } from '../../dev/simulated-tenant/types.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import '../../src/address-book/address-book.js';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { createGraphDirectory } from '../../src/graph/index.js';
import { optionNames, part, record, recordErrors } from '../address-book/fixtures.js';
import { control } from '../support/simulator.js';

const BASE_URL = `${location.origin}/graph`;

const reset = (body: SimResetBody) => control<{ counts: TenantCounts }>('/reset', body);
const addFaults = (...rules: FaultRule[]) => control('/faults', rules);
const usersRequests = async () => (await control<SimLogEntry[]>('/log')).filter((entry) => entry.endpoint === 'users');

const interactionRequired = () =>
  Object.assign(new Error('AADSTS50078: Presenting multi-factor authentication is required.'), { name: 'InteractionRequiredAuthError', errorCode: 'interaction_required' });

/**
 * A stand-in for MSAL with a cached account. Silent requests give the token `silent` says (the simulated tenant
 * refuses `'expired'`), or throw what it throws; a token got with `forceRefresh` is cached, as MSAL does. The popup
 * signs in, after which every token is fresh.
 */
function fakeMsal(silent: (request: SilentRequest) => string) {
  const account = { localAccountId: 'linked-user', homeAccountId: 'h', environment: 'e', tenantId: 't', username: 'agent@contoso.example' };
  const calls = { silent: [] as SilentRequest[], popup: 0 };
  let signedIn = false;
  let refreshed: string | undefined;
  const msal = {
    initialize: () => Promise.resolve(),
    getActiveAccount: () => account,
    getAllAccounts: () => [account],
    setActiveAccount: () => undefined,
    // Async, so what `silent` throws becomes a rejection, as with MSAL.
    acquireTokenSilent: async (request: SilentRequest) => {
      calls.silent.push(request);
      await Promise.resolve();
      if (signedIn) return { accessToken: 'fresh-token', account };
      if (request.forceRefresh) refreshed = silent(request);
      return { accessToken: refreshed ?? silent(request), account };
    },
    acquireTokenPopup: () => {
      calls.popup++;
      signedIn = true;
      return Promise.resolve({ accessToken: 'fresh-token', account });
    },
  };
  return { msal: msal as unknown as IPublicClientApplication, calls };
}

/** The contact centre's own source, beside Microsoft Teams. */
const contactCentre = () =>
  createMemoryDirectory({ entries: [{ kind: 'vcc-agent', id: 'agent-bob', displayName: 'Bob Agent', numbers: [], vccState: 'ready' }] });

async function openBook(adapter: DirectoryAdapter) {
  const book = await fixture<ContactpadAddressBook>(html`<contactpad-address-book .adapter=${adapter}></contactpad-address-book>`);
  const errors = recordErrors(book);
  const signIns = record(book, 'contactpad-sign-in-required');
  await book.show();
  await book.loadComplete;
  await book.updateComplete;
  return { book, errors, signIns };
}

describe('Graph adapter after a 401', () => {
  after(async () => {
    await reset({});
  });

  it('asks MSAL once more with forceRefresh, and lists with the refreshed token', async () => {
    await reset({ users: 30, seed: 4 });
    // The cached token has expired on Graph's side; only a refresh gets a good one.
    const { msal, calls } = fakeMsal((request) => (request.forceRefresh ? 'refreshed-token' : 'expired'));
    const adapter = createGraphDirectory({ msal, baseUrl: BASE_URL });

    const listing = await adapter.listEntries({ signal: new AbortController().signal });

    expect(listing.entries.length).to.be.above(0);
    expect((await usersRequests()).map((entry) => entry.status)).to.deep.equal([401, 200]);
    expect(calls.silent.filter((request) => request.forceRefresh === true)).to.have.length(1);
    expect(calls.popup).to.equal(0);
  });

  it('offers Sign in when Graph still refuses the refreshed token; the popup signs in and the book loads', async () => {
    await reset({ users: 30, seed: 4 });
    const { msal, calls } = fakeMsal(() => 'expired');
    const teams = createGraphDirectory({ msal, baseUrl: BASE_URL });
    const { book, errors, signIns } = await openBook(createCompositeDirectory([
      { id: 'vcc', label: 'Contact centre', adapter: contactCentre() },
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
    ]));

    expect(part(book, 'sign-in-button'), 'Sign in').to.exist;
    expect(part(book, 'retry-button'), 'no Retry that would fail the same way').to.equal(null);
    expect(signIns.map((event) => (event.detail as { source?: string }).source)).to.deep.equal(['teams']);
    expect(errors).to.have.length(0);
    expect(optionNames(book)).to.deep.equal(['Bob Agent']);
    expect((await usersRequests()).map((entry) => entry.status), 'one refresh, not a loop').to.deep.equal([401, 401]);

    part(book, 'sign-in-button')!.click();
    await waitUntil(() => optionNames(book).length > 1, 'Teams entries after signing in', { timeout: 4000 });
    expect(calls.popup).to.equal(1);
    expect(part(book, 'sign-in-button')).to.equal(null);
  });

  it('offers Sign in when MSAL wants interaction for the refresh', async () => {
    await reset({ users: 30, seed: 4 });
    const { msal } = fakeMsal((request) => {
      if (request.forceRefresh) throw interactionRequired();
      return 'expired';
    });
    const { book, errors } = await openBook(createGraphDirectory({ msal, baseUrl: BASE_URL }));

    expect(part(book, 'sign-in-button'), 'Sign in').to.exist;
    expect(errors).to.have.length(0);
  });

  it('offers Sign in when presence gets a 401 even with a refreshed token; after signing in, presence is read', async () => {
    await reset({ users: 30, seed: 4 });
    // Every presence request is refused until the agent signs in (a request left over from an earlier test may take one).
    await addFaults({ match: 'presence', status: 401, times: 100 });
    const { msal, calls } = fakeMsal(() => 'good-token');
    const { book, errors, signIns } = await openBook(createGraphDirectory({ msal, baseUrl: BASE_URL }));
    await waitUntil(() => signIns.length > 0 || errors.length > 0, 'the presence failure is reported', { timeout: 4000 });
    await book.updateComplete;

    expect(errors.map((event) => event.detail.operation)).to.deep.equal([]);
    expect(signIns).to.have.length(1);
    expect(part(book, 'sign-in-button'), 'Sign in').to.exist;

    expect(calls.silent.some((request) => request.forceRefresh === true), 'a refreshed token was tried first').to.equal(true);

    await control('/faults/clear', {});
    part(book, 'sign-in-button')!.click();
    const icons = () => [...book.shadowRoot!.querySelectorAll('contactpad-presence-icon')];
    await waitUntil(() => icons().length > 0 && icons().some((icon) => icon.presence.state !== 'unknown'), 'presence after signing in', { timeout: 4000 });
    expect(calls.popup).to.equal(1);
    expect(part(book, 'sign-in-button')).to.equal(null);
  });
});
