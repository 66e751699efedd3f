/**
 * The Graph adapter against a tenant that misbehaves (the simulated tenant's `endless-pages`, `html` and
 * `not-a-page` faults): a load is bounded by what its first page promised and by a memory guard, and an answer that
 * is not a Graph page is a failure reported once, never an empty tenant. docs/rules.md#graph-paging-bounded,
 * #graph-answers-checked.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SimLogEntry } from '../../dev/simulated-tenant/types.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import '../../src/address-book/address-book.js';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { optionNames, options, part, recordErrors, typeQuery } from '../address-book/fixtures.js';
import { control } from '../support/simulator.js';
import { addFaults, graph, reset } from './fixtures.js';

const requests = async (endpoint: SimLogEntry['endpoint']) => (await control<SimLogEntry[]>('/log')).filter((entry) => entry.endpoint === endpoint);
const signal = () => new AbortController().signal;

/** The contact centre's own source, beside Microsoft Teams. */
const contactCentre = () =>
  createMemoryDirectory({ entries: [{ kind: 'vcc-agent', id: 'agent-bob', displayName: 'Bob Agent', numbers: [], vccState: 'ready' }] });

async function openBook(adapter: DirectoryAdapter) {
  const book = await fixture<ContactpadAddressBook>(html`<contactpad-address-book .adapter=${adapter}></contactpad-address-book>`);
  const errors = recordErrors(book);
  await book.show();
  await book.loadComplete;
  await book.updateComplete;
  return { book, errors };
}

describe('Graph adapter against an endless @odata.nextLink chain', () => {
  after(async () => {
    await reset({});
  });

  it('stops past what the first page counted: the users read are listed, the other sources show, one error', async function () {
    this.timeout(20000);
    await reset({ users: 50, seed: 3, resourceAccounts: 0 });
    // Every page has 999 new users and a new $skiptoken, and claims 3,010 users in all.
    await addFaults({ match: 'users', answer: 'endless-pages', count: 3010, times: 200 });
    const { adapter: teams } = graph();
    const { book, errors } = await openBook(createCompositeDirectory([
      { id: 'vcc', label: 'Contact centre', adapter: contactCentre() },
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
    ]));

    expect(errors.map((event) => [event.detail.operation, event.detail.source])).to.deep.equal([['list-entries', 'teams']]);
    expect(part(book, 'retry-button'), 'the failure with its Retry').to.exist;
    // 3,010 + a margin of 1,000: the fifth page of 999 would pass 4,010 users.
    expect((await requests('users')).map((entry) => entry.status)).to.deep.equal([200, 200, 200, 200, 200]);
    // Only rows in view are in the DOM: the size of the whole list is on each row.
    const listed = Number(options(book)[0]?.getAttribute('aria-setsize'));
    expect(listed, 'users past the tenant’s own 50 are listed').to.be.above(50).and.at.most(1 + 4 * 999);
    await typeQuery(book, 'Bob Agent');
    await waitUntil(() => optionNames(book).includes('Bob Agent'), 'the other source is listed');
    await typeQuery(book, 'Zoë Müller');
    await waitUntil(() => optionNames(book).includes('Zoë Müller'), 'the Teams users read are listed');
  });

  it('stops at the memory guard when no page says how many users there are', async function () {
    this.timeout(20000);
    await reset({ users: 50, seed: 3, resourceAccounts: 0 });
    await addFaults({ match: 'users', answer: 'endless-pages', times: 200 });
    const { adapter } = graph({ readLimit: 3000 });

    const listing = await adapter.listEntries({ signal: signal() });

    expect(listing.failures?.map(({ source, label }) => ({ source, label }))).to.deep.equal([{ source: 'teams', label: 'Microsoft Teams' }]);
    expect((listing.failures?.[0]?.error as Error).name).to.equal('GraphPagingError');
    // Three pages (2,997 users) fit under 3,000; the fourth would not.
    expect(listing.entries.length).to.be.above(0).and.at.most(2997);
    expect(await requests('users')).to.have.length(4);
  });

  it('names its failure as the host names the source', async function () {
    this.timeout(20000);
    await reset({ users: 50, seed: 3, resourceAccounts: 0 });
    await addFaults({ match: 'users', answer: 'endless-pages', count: 40, times: 200 });
    const { adapter } = graph({ source: { id: 'm365', label: 'Microsoft 365' } });

    const listing = await adapter.listEntries({ signal: signal() });

    expect(listing.failures?.map(({ source, label }) => ({ source, label }))).to.deep.equal([{ source: 'm365', label: 'Microsoft 365' }]);
    // 40 + 1,000: the second page would pass it.
    expect(await requests('users')).to.have.length(2);
  });

  it('bounds the number assignments too: past the guard the profile numbers are used, reported once', async function () {
    this.timeout(20000);
    const { counts } = await reset({ users: 300, seed: 11, grants: { numberAssignments: true } });
    await addFaults({ match: 'numberAssignments', answer: 'endless-pages', times: 200 });
    const { adapter, diagnostics } = graph({ readLimit: 5000 });

    const listing = await adapter.listEntries({ signal: signal() });

    expect(listing.entries.filter((entry) => entry.kind === 'teams-user')).to.have.length(counts.peopleWithAnyNumber);
    expect(listing.failures ?? []).to.deep.equal([]);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).to.deep.equal(['number-assignments-failed']);
    // Pages of 1,000: the sixth would pass 5,000.
    expect(await requests('numberAssignments')).to.have.length(6);
  });
});

describe('Graph adapter against answers that are not Graph pages', () => {
  after(async () => {
    await reset({});
  });

  it('reports an HTML 200 from /users once as a failure of Teams, never as an empty tenant', async () => {
    await reset({ users: 40, seed: 2, resourceAccounts: 0 });
    await addFaults({ match: 'users', answer: 'html' });
    const { adapter: teams } = graph();
    const { book, errors } = await openBook(createCompositeDirectory([
      { id: 'vcc', label: 'Contact centre', adapter: contactCentre() },
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
    ]));

    expect(optionNames(book)).to.deep.equal(['Bob Agent']);
    expect(errors.map((event) => [event.detail.operation, event.detail.source])).to.deep.equal([['list-entries', 'teams']]);
    expect(part(book, 'error')?.textContent).to.contain('Microsoft Teams');

    part(book, 'retry-button')!.click();
    await waitUntil(() => optionNames(book).length > 1, 'Retry lists Teams');
    expect(errors, 'reported once').to.have.length(1);
  });

  it('reports a presence answer that is not a page once per open, with everyone Unknown', async () => {
    await reset({ users: 600, seed: 5, resourceAccounts: 0 });
    await addFaults({ match: 'presence', answer: 'not-a-page', times: 100 });
    const { adapter } = graph();
    const { book, errors } = await openBook(adapter);
    await waitUntil(() => errors.length > 0, 'the presence failure is reported', { timeout: 4000 });
    // Other rows, another presence request, answered the same way: still one report.
    await typeQuery(book, 'Zoë');
    await waitUntil(async () => (await requests('presence')).length > 1, 'a second presence request');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await book.updateComplete;

    expect(errors.map((event) => event.detail.operation)).to.deep.equal(['get-presences']);
    const icons = [...book.shadowRoot!.querySelectorAll('contactpad-presence-icon')];
    expect(icons.length).to.be.above(0);
    expect(icons.every((icon) => icon.presence.state === 'unknown')).to.equal(true);
  });

  it('fails a server search whose answer is not a page, rather than finding no one', async () => {
    await reset({ users: 3000, seed: 9, resourceAccounts: 2 });
    // The count page and the resource accounts pass; the search gets the HTML.
    await addFaults({ match: 'users', answer: 'html', skip: 2 });
    const { adapter } = graph({ localLimit: 1000 });
    await adapter.listEntries({ signal: signal() });

    const searched = await adapter.searchEntries!('zoë', { signal: signal() }).then(() => 'found', (error: Error) => error.name);

    expect(searched).to.equal('NotAGraphAnswerError');
  });

  it('fails the Teams link check when /me answers something that is not a user', async () => {
    await reset({ users: 10, seed: 2 });
    await addFaults({ match: 'users', answer: 'not-a-page' });
    const { adapter } = graph({ linkedTeamsUserId: undefined });

    const agent = await adapter.getSignedInAgent({ signal: signal() }).then((value) => value, (error: Error) => error.name);

    expect(agent, 'never "not linked"').to.equal('NotAGraphAnswerError');
  });
});
