/**
 * Slow and failing sources: each source's entries are listed and searchable as soon as it answers; a load has an
 * overall deadline; a failed refresh keeps what was shown (and the last known Teams link), marked stale, with one
 * error (docs/rules.md#each-source-listed-as-it-answers, #every-load-has-a-deadline,
 * #a-failed-refresh-keeps-what-was-shown).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DirectoryAdapter, DirectoryListing, ListEntriesOptions, SignedInAgent } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import {
  ENTRIES,
  LINKED,
  OUTBOUND_NAMES,
  optionNames,
  part,
  partTexts,
  recordErrors,
  renderBook,
  settle,
  typeQuery,
  untilAborted,
} from './fixtures.js';

const TEAMS_KINDS = new Set(['teams-user', 'auto-attendant', 'call-queue']);
const TEAMS_ENTRIES = ENTRIES.filter((entry) => TEAMS_KINDS.has(entry.kind));
const VCC_ENTRIES = ENTRIES.filter((entry) => !TEAMS_KINDS.has(entry.kind));
/** What the contact centre alone offers in outbound mode. */
const VCC_NAMES = ['Bob Agent', 'Facilities emergency'];

/** A Teams source the test controls: it answers, hangs (even ignoring aborts), or fails, listing and link check alike. */
class TeamsSource implements DirectoryAdapter {
  mode: 'answer' | 'hang' | 'hang-ignoring-abort' | 'fail' = 'answer';
  listCalls = 0;

  listEntries({ signal }: ListEntriesOptions): Promise<DirectoryListing> {
    this.listCalls++;
    if (this.mode === 'hang') return untilAborted(signal);
    if (this.mode === 'hang-ignoring-abort') return new Promise(() => undefined);
    if (this.mode === 'fail') return Promise.reject(new Error('Microsoft Graph answered 503'));
    return Promise.resolve({ entries: TEAMS_ENTRIES });
  }

  getSignedInAgent(): Promise<SignedInAgent> {
    if (this.mode === 'fail') return Promise.reject(new Error('Microsoft Graph answered 503 for /me'));
    return Promise.resolve({ linkedTeamsUserId: LINKED.linkedTeamsUserId });
  }
}

function composite(teams: TeamsSource): DirectoryAdapter {
  return createCompositeDirectory([
    { id: 'vcc', label: 'Contact centre', adapter: createMemoryDirectory({ entries: VCC_ENTRIES, agent: { agentId: 'agent-me', linkedTeamsUserId: null } }) },
    { id: 'teams', label: 'Microsoft Teams', adapter: teams },
  ]);
}

async function openWith(adapter: DirectoryAdapter, deadline?: number) {
  const book = await renderBook(adapter);
  if (deadline !== undefined) book.loadDeadline = deadline;
  const errors = recordErrors(book);
  await book.show();
  return { book, errors };
}

describe('slow and failing sources', () => {
  it('lists and searches the sources that answered while another is still loading', async () => {
    const teams = new TeamsSource();
    teams.mode = 'hang';
    const { book } = await openWith(composite(teams));

    await waitUntil(() => optionNames(book).length > 0, 'the contact centre entries were not listed while Teams loads');
    expect(optionNames(book)).to.deep.equal(VCC_NAMES);
    expect(book.shadowRoot!.querySelector('[part="progress"]'), 'the load in progress still shows').to.exist;
    await typeQuery(book, 'bob');
    expect(optionNames(book)).to.deep.equal(['Bob Agent']);
  });

  it('ends a load at its deadline: the sources still loading fail once, with a retry, and the others stay', async () => {
    const teams = new TeamsSource();
    // A source that never settles, not even when aborted: only the deadline ends its load.
    teams.mode = 'hang-ignoring-abort';
    const { book, errors } = await openWith(composite(teams), 400);

    await waitUntil(() => errors.length > 0, 'the load never ended');
    await settle(book);
    expect(optionNames(book)).to.deep.equal(VCC_NAMES);
    expect(errors.map((event) => [event.detail.operation, event.detail.source])).to.deep.equal([['list-entries', 'teams']]);
    expect(partTexts(book, 'error').join(' ')).to.contain('Microsoft Teams could not be loaded.');
    expect(part(book, 'retry-button')).to.exist;
    expect(book.shadowRoot!.querySelector('[part="progress"]'), 'no progress once the load ended').to.equal(null);

    // The retry loads again, and this time Teams answers.
    teams.mode = 'answer';
    part(book, 'retry-button')!.click();
    await waitUntil(() => optionNames(book).length === OUTBOUND_NAMES.length, 'the retry did not list Teams');
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
  });

  it('ends a load with nothing listed at its deadline as a failure, with a retry', async () => {
    const hanging: DirectoryAdapter = {
      listEntries: () => new Promise(() => undefined),
      getSignedInAgent: () => Promise.resolve(LINKED),
    };
    const { book, errors } = await openWith(hanging, 300);
    await waitUntil(() => errors.length > 0, 'the load never ended');
    await book.updateComplete;
    expect(errors.map((event) => event.detail.operation)).to.deep.equal(['list-entries']);
    expect(partTexts(book, 'error').join(' ')).to.contain('The address book could not be loaded.');
    expect(part(book, 'skeleton'), 'no placeholders once the load ended').to.equal(null);
  });

  it('keeps the last good listing and Teams link, marked stale, when a refresh fails', async () => {
    const teams = new TeamsSource();
    const { book, errors } = await openWith(composite(teams));
    await settle(book);
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);

    // The outage: both /users and /me fail.
    teams.mode = 'fail';
    book.refresh();
    await settle(book);

    expect(optionNames(book), 'what was shown before the refresh').to.deep.equal(OUTBOUND_NAMES);
    const problems = partTexts(book, 'error').join(' ');
    expect(problems).to.match(/Microsoft Teams could not be refreshed; its entries from \d{1,2}:\d{2}/);
    expect(partTexts(book, 'notice').join(' ')).to.contain('Teams entries are shown as last loaded');
    expect(partTexts(book, 'hint'), 'no "link your account" hint: the link is known').to.deep.equal([]);
    // One outage of one source, one error.
    expect(errors.map((event) => [event.detail.operation, event.detail.source])).to.deep.equal([['list-entries', 'teams']]);
  });

  it('keeps the last good directory, marked stale, when a whole refresh fails', async () => {
    let fail = false;
    const adapter: DirectoryAdapter = {
      listEntries: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve({ entries: ENTRIES })),
      getSignedInAgent: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve(LINKED)),
    };
    const { book, errors } = await openWith(adapter);
    await settle(book);
    fail = true;
    book.refresh();
    await settle(book);
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
    expect(partTexts(book, 'error').join(' ')).to.match(/The address book could not be refreshed; the entries from \d{1,2}:\d{2}/);
    expect(errors.map((event) => event.detail.operation)).to.deep.equal(['list-entries']);
  });
});
