/**
 * Rule: presences are refreshed only when the agent opens the address book; a change while it is open does not
 * appear until the agent closes and reopens it. The directory itself is reused for its max age (30 minutes).
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  CountingAdapter,
  NOT_LINKED,
  openBook,
  optionNamed,
  pause,
  presenceIcon,
  presenceLabel,
  recordErrors,
  renderBook,
  reopen,
  settle,
  typeQuery,
} from './fixtures.js';

describe('address book presence refresh', () => {
  it('asks for presence exactly once when the book opens, for the Teams users it offers', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    await waitUntil(() => presenceIcon(book, 'Anna Lindqvist')?.presence.state === 'available', 'presence never arrived');

    expect(adapter.presenceCalls).to.have.length(1);
    // Only offered Teams users: not the agent's own Teams user, not a Teams user without a number.
    expect([...adapter.presenceCalls[0]!].sort()).to.deep.equal(['u-anna', 'u-jose', 'u-zoe']);
  });

  it('never asks for presence while the book stays open (typing, filtering, waiting)', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    await waitUntil(() => adapter.presenceCalls.length === 1);

    await typeQuery(book, 'anna');
    await typeQuery(book, 'zoe');
    await typeQuery(book, '');
    const filter = book.shadowRoot!.querySelector<HTMLSelectElement>('[part="kind-filter"]')!;
    filter.value = 'teams-user';
    filter.dispatchEvent(new Event('change'));
    await book.updateComplete;
    filter.value = 'all';
    filter.dispatchEvent(new Event('change'));
    await book.updateComplete;
    await pause(300);

    expect(adapter.presenceCalls).to.have.length(1);
  });

  it('asks again once on every new open', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    await waitUntil(() => adapter.presenceCalls.length === 1);

    await reopen(book);
    await waitUntil(() => adapter.presenceCalls.length === 2, 'the second open did not ask for presence');
    await reopen(book);
    await waitUntil(() => adapter.presenceCalls.length === 3, 'the third open did not ask for presence');
    await pause(300);

    expect(adapter.presenceCalls).to.have.length(3);
  });

  it('hides a presence change until the book is closed and reopened', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    await waitUntil(() => presenceIcon(book, 'Anna Lindqvist')?.presence.state === 'available', 'presence never arrived');
    expect(await presenceLabel(presenceIcon(book, 'Anna Lindqvist')!)).to.equal('Available');

    adapter.setPresence('u-anna', 'Busy', 'InACall');
    await typeQuery(book, 'ann');
    await typeQuery(book, '');
    await pause(300);
    expect(presenceIcon(book, 'Anna Lindqvist')!.presence.state, 'changed while open').to.equal('available');
    expect(await presenceLabel(presenceIcon(book, 'Anna Lindqvist')!)).to.equal('Available');

    await reopen(book);
    await waitUntil(() => presenceIcon(book, 'Anna Lindqvist')?.presence.state === 'busy', 'the reopened book kept the old presence');
    const icon = presenceIcon(book, 'Anna Lindqvist')!;
    expect(icon.presence.activity).to.equal('in-a-call');
    expect(icon.presence.origin).to.equal('teams');
    expect(icon.presence.readAt).to.be.a('number');
    expect(await presenceLabel(icon)).to.equal('Busy, In a call');
  });

  it('shows Unknown for a Teams user the presence answer leaves out', async () => {
    const adapter = new CountingAdapter();
    adapter.presences.delete('u-zoe');
    const book = await openBook(adapter);
    await waitUntil(() => presenceIcon(book, 'Anna Lindqvist')?.presence.state === 'available');

    expect(presenceIcon(book, 'Zoë Müller')!.presence.state).to.equal('unknown');
    expect(await presenceLabel(presenceIcon(book, 'Zoë Müller')!)).to.equal('Unknown');
  });

  it('shows no presence icon for auto attendants and call queues, and the VCC state for agents', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);

    expect(optionNamed(book, 'Main reception')!.querySelector('contactpad-presence-icon')).to.equal(null);
    expect(optionNamed(book, 'Sales queue')!.querySelector('contactpad-presence-icon')).to.equal(null);
    const bob = presenceIcon(book, 'Bob Agent')!;
    expect(bob.presence.state).to.equal('busy');
    expect(bob.presence.origin).to.equal('vcc');
  });

  it('aborts the presence request in flight when the book closes, without reporting an error', async () => {
    const adapter = new CountingAdapter();
    adapter.holdPresences = true;
    const book = await renderBook(adapter);
    const errors = recordErrors(book);
    await book.show();
    await settle(book);
    await waitUntil(() => adapter.presenceSignals.length === 1, 'presence was never asked for');
    const signal = adapter.presenceSignals[0]!;
    expect(signal.aborted).to.equal(false);

    await book.hide();

    expect(signal.aborted).to.equal(true);
    await pause(50);
    expect(errors.map((event) => event.detail.operation)).to.not.include('get-presences');
  });

  it('asks for no presence at all when the agent is not linked to Teams', async () => {
    const adapter = new CountingAdapter(undefined, NOT_LINKED);
    await openBook(adapter);
    await pause(100);

    expect(adapter.presenceCalls).to.have.length(0);
  });

  it('reuses a fresh directory on the next open instead of listing it again', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    expect(adapter.listCalls).to.equal(1);

    await reopen(book);
    await reopen(book);

    expect(adapter.listCalls).to.equal(1);
    expect(optionNamed(book, 'Anna Lindqvist')).to.exist;
  });

  it('shares the cached directory between two books on the same adapter', async () => {
    const adapter = new CountingAdapter();
    await openBook(adapter);
    const consultBook = await openBook(adapter, { mode: 'consult' });

    expect(adapter.listCalls).to.equal(1);
    expect(optionNamed(consultBook, 'Anna Lindqvist')).to.exist;
  });

  it('lists the directory again once its max age has passed', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    expect(adapter.listCalls).to.equal(1);
    await book.hide();

    adapter.entries = [...adapter.entries, { kind: 'external-contact', id: 'ext-new', displayName: 'New speed dial', numbers: ['+44 20 7946 0777'] }];
    book.maxAge = 0;
    await book.show();
    await settle(book);

    expect(adapter.listCalls).to.equal(2);
    await waitUntil(() => optionNamed(book, 'New speed dial') !== undefined, 'the reloaded entry is not listed');
  });

  it('reads the max age from the max-age attribute', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    book.setAttribute('max-age', '0');
    await reopen(book);

    expect(book.maxAge).to.equal(0);
    expect(adapter.listCalls).to.equal(2);
  });
});
