/**
 * The book at scale: 100,000 entries keep a small DOM with correct listbox semantics, and presence requests scale
 * with what the agent sees (rows in view first, no user twice in one open, no refresh). Graph's limit of 650 ids a
 * request is the Graph adapter's to keep: test/graph/graph-directory.test.ts asserts it with many rows in view.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import '../../src/address-book/address-book.js';
import type { DirectoryAdapter, PresenceRecord } from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import { input, options, press, shadow, typeQuery } from './fixtures.js';

/** `count` Teams users "User 000001"… with one number each, in collation order of their ids. */
function teamsUsers(count: number): DirectoryEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(6, '0');
    return { kind: 'teams-user' as const, id: `u${n}`, displayName: `User ${n}`, numbers: [toPhoneNumber(`+1 425 ${n}`, 'ddi')!] };
  });
}

class PresenceCounter implements DirectoryAdapter {
  calls: string[][] = [];
  constructor(private readonly entries: readonly DirectoryEntry[]) {}
  listEntries() {
    return Promise.resolve({ entries: this.entries });
  }
  getPresences(ids: readonly string[]) {
    this.calls.push([...ids]);
    return Promise.resolve(ids.map((id): PresenceRecord => ({ id, availability: 'Busy', activity: 'InACall' })));
  }
  getSignedInAgent() {
    return Promise.resolve({ linkedTeamsUserId: 'someone-else' });
  }
}

async function openOn(adapter: DirectoryAdapter): Promise<ContactpadAddressBook> {
  const book = await fixture<ContactpadAddressBook>(html`<contactpad-address-book .adapter=${adapter}></contactpad-address-book>`);
  await book.show();
  await book.loadComplete;
  await book.updateComplete;
  return book;
}

const visibleIds = (book: ContactpadAddressBook) => {
  const listbox = shadow(book).querySelector<HTMLElement>('[role="listbox"]')!;
  const view = listbox.getBoundingClientRect();
  return options(book)
    .filter((option) => {
      const box = option.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    })
    .map((option) => `u${option.querySelector('[part="option-name"]')!.textContent.trim().slice(5)}`);
};

const scrollTo = async (book: ContactpadAddressBook, top: number) => {
  const listbox = shadow(book).querySelector<HTMLElement>('[role="listbox"]')!;
  listbox.scrollTop = top;
  listbox.dispatchEvent(new Event('scroll'));
  await book.updateComplete;
};

describe('address book at scale', () => {
  it('keeps fewer than 200 rows in the DOM for 100,000 entries, with the whole list in aria-setsize', async function () {
    this.timeout(20000);
    const book = await openOn(new PresenceCounter(teamsUsers(100_000)));

    expect(options(book).length).to.be.greaterThan(5).and.below(200);
    expect(options(book)[0]!.getAttribute('aria-setsize')).to.equal('100000');
    expect(options(book)[0]!.getAttribute('aria-posinset')).to.equal('1');

    await press(book, 'End');
    const active = shadow(book).getElementById(input(book).getAttribute('aria-activedescendant')!);
    expect(active?.getAttribute('aria-posinset')).to.equal('100000');
    expect(options(book).length).to.be.below(200);

    await scrollTo(book, 52 * 50_000);
    expect(options(book).length).to.be.below(200);
    expect(visibleIds(book)[0]).to.match(/^u05000\d$/);
  });

  it('asks presence for the rows in view first, then only for rows that come into view, once each, a screenful a request', async function () {
    this.timeout(20000);
    const adapter = new PresenceCounter(teamsUsers(10_000));
    const book = await openOn(adapter);
    await waitUntil(() => adapter.calls.length > 0, 'the first presence request');
    await book.updateComplete;

    expect(adapter.calls).to.have.length(1);
    const first = adapter.calls[0]!;
    for (const id of visibleIds(book)) expect(first, `${id} in view`).to.include(id);
    expect(first.length).to.be.below(100);

    // Scroll far down: the rows now in view are asked for, in one coalesced request.
    await scrollTo(book, 52 * 5000);
    await scrollTo(book, 52 * 5003);
    await waitUntil(() => adapter.calls.length === 2, 'a second, coalesced request');
    for (const id of visibleIds(book)) expect(adapter.calls[1], `${id} in view`).to.include(id);

    // Back to the top and a search: nothing already asked is asked again, nothing is refreshed.
    await scrollTo(book, 0);
    await typeQuery(book, 'User 0099');
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const id of visibleIds(book)) expect(adapter.calls.flat(), `${id} searched into view`).to.include(id);
    const all = adapter.calls.flat();
    expect(new Set(all).size, 'no user twice in one open').to.equal(all.length);
    // Requests follow what is in view, so they stay small: a screenful and a margin, far below Graph's 650 a request.
    expect(adapter.calls.every((call) => call.length <= 650), 'each request a screenful, not the directory').to.equal(true);
    const callsWhileOpen = adapter.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(adapter.calls.length, 'no refresh while open').to.equal(callsWhileOpen);

    // The next open asks again, once.
    await book.hide();
    await book.show();
    await waitUntil(() => adapter.calls.length === callsWhileOpen + 1, 'the next open asks again');
  });

  it('renders the rows below the view after a pause in typing, or at once on scroll', async function () {
    this.timeout(20000);
    const book = await openOn(new PresenceCounter(teamsUsers(2_000)));
    const below = () => options(book).length - visibleIds(book).length;
    // The listbox's height is observed (ResizeObserver), which reports after the next frame.
    await nextFrame();
    await nextFrame();
    // Typed in one task and checked right after the update (in microtasks), so no timer can run in between.
    const typeAtOnce = async (text: string) => {
      input(book).value = text;
      input(book).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await book.updateComplete;
    };
    // New results (a new count) render the rows in view only: fewer rows to draw per keystroke.
    await typeAtOnce('user 001');
    const inView = visibleIds(book).length;
    expect(inView).to.be.greaterThan(3);
    expect(below(), 'no rows below the view right after a keystroke').to.equal(0);
    await waitUntil(() => below() > 0, 'the rows below the view did not follow a pause in typing', { timeout: 2000 });
    expect(visibleIds(book).length).to.equal(inView);

    await typeAtOnce('user 00');
    expect(below()).to.equal(0);
    await scrollTo(book, 52);
    expect(below(), 'a scroll renders the rows below the view at once').to.be.greaterThan(0);
  });

  it('never names a row that is not in the DOM in aria-activedescendant, even when the agent scrolls it away', async function () {
    this.timeout(20000);
    const book = await openOn(new PresenceCounter(teamsUsers(2_000)));
    const named = () => {
      const id = input(book).getAttribute('aria-activedescendant');
      return id === null ? null : shadow(book).getElementById(id);
    };
    expect(named()?.getAttribute('aria-posinset')).to.equal('1');
    await scrollTo(book, 52 * 1_000);
    expect(input(book).hasAttribute('aria-activedescendant'), 'the active row scrolled out of the DOM').to.equal(false);
    // Enter brings the active row back into view (it does not choose a row the agent cannot see).
    await press(book, 'Enter');
    await waitUntil(() => named() !== null, 'the active row did not come back');
    expect(named()!.getAttribute('aria-posinset')).to.equal('1');
  });

  it('does not choose with Enter an active row scrolled out of view but still rendered (overscan): it shows it', async function () {
    this.timeout(20000);
    const book = await openOn(new PresenceCounter(teamsUsers(2_000)));
    const selects: Event[] = [];
    book.addEventListener('contactpad-select', (event) => selects.push(event));
    const listbox = shadow(book).querySelector<HTMLElement>('[role="listbox"]')!;
    // Three rows down: the first row is out of view but still among the rows rendered above it.
    await scrollTo(book, 52 * 3);
    const first = options(book).find((option) => option.getAttribute('aria-posinset') === '1');
    expect(first, 'the first row is still in the DOM').to.exist;
    await press(book, 'Enter');
    expect(selects, 'nothing chosen that the agent cannot see').to.have.length(0);
    await waitUntil(() => listbox.scrollTop === 0, 'the active row was not scrolled back into view');
    await press(book, 'Enter');
    expect(selects).to.have.length(1);
  });
});
