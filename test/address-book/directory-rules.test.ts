/**
 * Who sees what: Teams entries only for a linked agent and only with a number, never the agent's own entries, and the
 * kinds each mode offers (groups and interaction plans are consult-to-queue targets).
 */
import { expect } from '@open-wc/testing';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  NOT_LINKED,
  OUTBOUND_NAMES,
  numbers,
  openBook,
  optionNames,
  part,
  typeQuery,
} from './fixtures.js';

const TEAMS_NAMES = ['Anna Lindqvist', 'Zoë Müller', 'José Álvarez', 'Main reception', 'Sales queue'];
const QUEUE_TARGETS = ['Tier 1 support', 'Priority callback'];

describe('address book directory rules', () => {
  it('lists what a linked agent may dial in outbound mode', async () => {
    const book = await openBook(new CountingAdapter());

    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
    expect(part(book, 'hint')).to.equal(null);
  });

  it('leaves out Teams users without a phone number, even when searched for', async () => {
    const book = await openBook(new CountingAdapter());
    expect(optionNames(book)).to.not.include('Nora Numberless');

    await typeQuery(book, 'Nora');
    expect(optionNames(book)).to.deep.equal([]);
  });

  it('leaves out a Teams user whose only numbers are not phone numbers', async () => {
    const entries = [...ENTRIES, { kind: 'teams-user', id: 'u-junk', displayName: 'Junk Number', numbers: ['n/a', '', 'ext.'] }];
    const book = await openBook(new CountingAdapter(entries));

    expect(optionNames(book)).to.not.include('Junk Number');
  });

  it('shows no Teams users, auto attendants or call queues to an agent not linked to Teams, and says why', async () => {
    const book = await openBook(new CountingAdapter(ENTRIES, NOT_LINKED));

    expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Facilities emergency']);
    for (const name of TEAMS_NAMES) expect(optionNames(book)).to.not.include(name);
    const hint = part(book, 'hint');
    expect(hint, 'the link-to-Teams hint').to.exist;
    expect(hint!.textContent).to.contain('link your agent account with your Microsoft Teams user');
  });

  it('hides Teams entries from an agent not linked to Teams even when searched for by name or number', async () => {
    const book = await openBook(new CountingAdapter(ENTRIES, NOT_LINKED));

    await typeQuery(book, 'Anna');
    expect(optionNames(book)).to.deep.equal([]);
    await typeQuery(book, '7946 0100');
    expect(optionNames(book)).to.deep.equal(['Call 7946 0100']);
  });

  it('treats an empty linked Teams user id as not linked', async () => {
    const book = await openBook(new CountingAdapter(ENTRIES, { agentId: 'agent-me', linkedTeamsUserId: '' }));

    expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Facilities emergency']);
    expect(part(book, 'hint')).to.exist;
  });

  it("leaves out the agent's own VCC agent entry and own Teams user, even when searched for", async () => {
    const book = await openBook(new CountingAdapter());
    expect(optionNames(book)).to.not.include('Agent Me');
    expect(optionNames(book)).to.not.include('Me Myself');

    await typeQuery(book, 'Me');
    expect(optionNames(book)).to.not.include('Agent Me');
    expect(optionNames(book)).to.not.include('Me Myself');
    await typeQuery(book, '7946 0999');
    expect(optionNames(book), 'only the typed number').to.deep.equal(['Call 7946 0999']);
  });

  it("lists another agent's linked Teams user", async () => {
    const entries: DirectoryEntry[] = [
      ...ENTRIES,
      { kind: 'vcc-agent', id: 'agent-kim', displayName: 'Kim Agent', numbers: [], vccState: 'ready', linkedTeamsUserId: 'u-kim' },
      { kind: 'teams-user', id: 'u-kim', displayName: 'Kim Teams', numbers: numbers('+44 20 7946 0444') },
    ];
    const book = await openBook(new CountingAdapter(entries, LINKED));

    expect(optionNames(book)).to.include.members(['Kim Agent', 'Kim Teams']);
  });

  it('offers no groups or interaction plans in outbound mode, even with consult-to-queue', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'outbound', consultToQueue: true });

    for (const name of QUEUE_TARGETS) expect(optionNames(book)).to.not.include(name);
    await typeQuery(book, 'Tier');
    expect(optionNames(book)).to.deep.equal([]);
  });

  it('offers no groups or interaction plans in consult mode without consult-to-queue', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'consult' });

    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
  });

  it('offers groups and interaction plans in consult mode with consult-to-queue, besides everything else', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'consult', consultToQueue: true });

    expect(optionNames(book)).to.include.members([...QUEUE_TARGETS, ...OUTBOUND_NAMES]);
    expect(optionNames(book)).to.have.length(OUTBOUND_NAMES.length + QUEUE_TARGETS.length);
  });

  it('follows a mode change while open', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'outbound', consultToQueue: true });
    expect(optionNames(book)).to.not.include('Tier 1 support');

    book.mode = 'consult';
    await book.updateComplete;
    expect(optionNames(book)).to.include('Tier 1 support');
  });

  it('offers only the kinds a host lists in `kinds`, in either mode', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'outbound' });
    book.kinds = ['vcc-agent', 'vcc-group'];
    await book.updateComplete;
    expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Tier 1 support']);

    book.mode = 'consult';
    await book.updateComplete;
    expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Tier 1 support']);

    book.kinds = undefined;
    await book.updateComplete;
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
  });

  it('does not let `kinds` show Teams entries to an agent not linked to Teams', async () => {
    const book = await openBook(new CountingAdapter(ENTRIES, NOT_LINKED));
    book.kinds = ['teams-user', 'auto-attendant', 'call-queue', 'external-contact'];
    await book.updateComplete;

    expect(optionNames(book)).to.deep.equal(['Facilities emergency']);
  });
});
