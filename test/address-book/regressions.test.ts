/**
 * Regression tests for bugs a review found: each one fails on the behaviour the review described and passes on the
 * fix. Races (an adapter swapped or a book moved mid-load, a failed load cached by another book), open/close within
 * one task, focus (the number menu, Retry, Escape from the kind filter), which entries are offered, the empty
 * message, a number search with a second number, and option ids that follow their entry.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadNumberMenu } from '../../src/number-menu/number-menu.js';
import type { DirectoryAdapter, DirectoryListing, ListEntriesOptions } from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  OUTBOUND_NAMES,
  activeOption,
  input,
  openBook,
  optionNamed,
  optionNames,
  part,
  parts,
  partTexts,
  pause,
  press,
  record,
  recordErrors,
  recordSelects,
  renderBook,
  reopen,
  settle,
  shadow,
  typeQuery,
  watchUncaught,
} from './fixtures.js';

/** An adapter whose first listing fails and every later one succeeds. */
class FailsOnceAdapter extends CountingAdapter {
  readonly firstFailure = new Error('first load failed');

  override listEntries(options: ListEntriesOptions): Promise<DirectoryListing> {
    if (this.listCalls === 0) {
      this.listCalls++;
      return Promise.reject(this.firstFailure);
    }
    return super.listEntries(options);
  }
}

function menu(book: ContactpadAddressBook): ContactpadNumberMenu {
  return shadow(book).querySelector('contactpad-number-menu')!;
}

function focusedMenuItem(book: ContactpadAddressBook): HTMLElement | null {
  const active = menu(book).shadowRoot!.activeElement;
  return active instanceof HTMLElement && active.getAttribute('role') === 'menuitem' ? active : null;
}

function activeName(book: ContactpadAddressBook): string | undefined {
  return activeOption(book)?.querySelector('[part="option-name"]')?.textContent.trim();
}

/** A page with a button outside the book, and the book (closed). */
async function pageWithButton(adapter: DirectoryAdapter) {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button type="button">Outside</button>
    <contactpad-address-book .adapter=${adapter}></contactpad-address-book>
  </div>`);
  return { page, outside: page.querySelector('button')!, book: page.querySelector('contactpad-address-book')! };
}

/** The focused element, through shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Names a node for a failure message. Assertions compare nodes as booleans: a failing `expect(element).to.equal(…)`
 * on a rendered book makes the test runner hang while it serializes the element.
 */
function describeNode(node: Element | null): string {
  if (!node) return 'nothing';
  const part = node.getAttribute('part');
  return `<${node.localName}${part ? ` part="${part}"` : ''}>`;
}

/** A real mouse click in the middle of an element. */
async function clickOn(element: HTMLElement) {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

describe('address book regressions', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
  });

  describe('loads that race', () => {
    it('lists the new adapter when the adapter is swapped while open and the first load is still pending', async () => {
      const first = new CountingAdapter();
      first.hangList = true;
      const book = await renderBook(first);
      const errors = recordErrors(book);
      await book.show();
      await waitUntil(() => first.listCalls === 1, 'the first adapter was not asked');

      const second = new CountingAdapter();
      book.adapter = second;
      await book.updateComplete;

      await waitUntil(() => optionNames(book).length > 0, 'the new adapter was never listed');
      await settle(book);
      expect(second.listCalls, 'the new adapter was asked for its entries').to.equal(1);
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expect(partTexts(book, 'error'), 'no "could not be loaded" banner').to.deep.equal([]);
      expect(errors.map((event) => event.detail.operation), 'the aborted load is not a failure').to.deep.equal([]);
      await waitUntil(() => second.presenceCalls.length === 1, 'no presence asked of the new adapter');
      expect(uncaught.problems).to.deep.equal([]);
    });

    it("clears a book's failed-load banner when it reopens on a directory another book loaded from the same adapter", async () => {
      const adapter = new FailsOnceAdapter();
      const bookA = await openBook(adapter);
      expect(part(bookA, 'error'), 'book A shows its failed load').to.exist;
      expect(optionNames(bookA)).to.deep.equal([]);

      const bookB = await openBook(adapter);
      expect(optionNames(bookB)).to.deep.equal(OUTBOUND_NAMES);
      expect(partTexts(bookB, 'error')).to.deep.equal([]);

      await reopen(bookA);

      expect(optionNames(bookA)).to.deep.equal(OUTBOUND_NAMES);
      expect(partTexts(bookA, 'error'), 'the stale "could not be loaded" banner').to.deep.equal([]);
      expect(parts(bookA, 'retry-button')).to.have.length(0);
    });

    it('lists entries and asks for presence when an open book is removed from the DOM during its load and added back', async () => {
      const adapter = new CountingAdapter();
      adapter.hangList = true;
      const book = await renderBook(adapter);
      const parent = book.parentElement!;
      await book.show();
      await waitUntil(() => adapter.listCalls === 1, 'the load did not start');

      book.remove();
      await book.loadComplete;
      adapter.hangList = false;
      parent.append(book);

      await waitUntil(() => optionNames(book).length === OUTBOUND_NAMES.length, 'the re-added book never listed its entries');
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      await waitUntil(() => adapter.presenceCalls.length > 0, 'no presence request after the book was re-added');
      expect([...adapter.presenceCalls[0]!].sort()).to.deep.equal(['u-anna', 'u-jose', 'u-zoe']);
      expect(partTexts(book, 'error')).to.deep.equal([]);
      expect(uncaught.problems).to.deep.equal([]);
    });

    it('lists entries and asks for presence when an open book is moved to another parent (one task) during its load', async () => {
      const adapter = new CountingAdapter();
      adapter.hangList = true;
      const book = await renderBook(adapter);
      const elsewhere = document.createElement('section');
      book.parentElement!.append(elsewhere);
      await book.show();
      await waitUntil(() => adapter.listCalls === 1, 'the load did not start');

      adapter.hangList = false;
      // appendChild moves it: disconnected and connected again within one task.
      elsewhere.append(book);

      await waitUntil(() => optionNames(book).length === OUTBOUND_NAMES.length, 'the moved book never listed its entries');
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      await waitUntil(() => adapter.presenceCalls.length > 0, 'no presence request after the book was moved');
      expect(partTexts(book, 'error')).to.deep.equal([]);
      expect(uncaught.problems).to.deep.equal([]);
    });
  });

  describe('host code', () => {
    it('opens, lists and throws nothing when getPresences is not a function', async () => {
      const adapter = {
        listEntries: () => Promise.resolve({ entries: ENTRIES }),
        getSignedInAgent: () => Promise.resolve(LINKED),
        getPresences: 42,
      } as unknown as DirectoryAdapter;
      const book = await renderBook(adapter);

      let rejection: unknown = 'none';
      await book.show().then(
        () => undefined,
        (error: unknown) => {
          rejection = error;
        },
      );
      expect(rejection, 'show() rejected').to.equal('none');
      expect(book.open).to.equal(true);
      await settle(book);

      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      await pause(50);
      expect(uncaught.problems, 'uncaught errors or unhandled rejections').to.deep.equal([]);
    });
  });

  describe('what is offered', () => {
    it('hides a contact with no usable number, and lists a number-less group in consult mode with consult-to-queue', async () => {
      const entries: unknown[] = [
        ...ENTRIES,
        { kind: 'external-contact', id: 'ext-empty', displayName: 'Numberless contact', numbers: [] },
        { kind: 'external-contact', id: 'ext-na', displayName: 'Porter desk', numbers: ['n/a'] },
      ];
      const book = await openBook(new CountingAdapter(entries), { mode: 'consult', consultToQueue: true });

      expect(optionNames(book)).to.not.include('Numberless contact');
      expect(optionNames(book)).to.not.include('Porter desk');
      expect(optionNames(book)).to.include.members(['Tier 1 support', 'Priority callback', 'Facilities emergency']);
      const group = optionNamed(book, 'Tier 1 support')!;
      expect(group.querySelector('[part="kind-badge"]')!.textContent.trim()).to.equal('Group');

      await typeQuery(book, 'numberless');
      expect(optionNames(book)).to.deep.equal([]);
    });

    it('says the address book is empty, never "No matches for “”", in outbound mode with only groups and plans', async () => {
      const entries: DirectoryEntry[] = [
        { kind: 'vcc-group', id: 'group-t1', displayName: 'Tier 1 support', numbers: [] },
        { kind: 'interaction-plan', id: 'plan-cb', displayName: 'Priority callback', numbers: [] },
      ];
      const book = await openBook(new CountingAdapter(entries), { mode: 'outbound' });

      expect(optionNames(book)).to.deep.equal([]);
      expect(partTexts(book, 'message')).to.deep.equal(['The address book is empty.']);

      await typeQuery(book, ' ');
      expect(partTexts(book, 'message')).to.deep.equal(['The address book is empty.']);
      expect(shadow(book).textContent).to.not.contain('No matches');
    });
  });

  describe('choosing', () => {
    it('dials the matched second number of an entry found by number, without the number menu', async () => {
      const book = await openBook(new CountingAdapter());
      const selects = recordSelects(book);

      await typeQuery(book, '600 123');
      expect(optionNames(book)).to.deep.equal(['Call 600 123', 'José Álvarez']);
      await press(book, 'ArrowDown');
      expect(activeName(book)).to.equal('José Álvarez');
      await press(book, 'Enter');

      expect(menu(book).open, 'the number menu opened').to.equal(false);
      expect(selects).to.have.length(1);
      expect(selects[0]!.detail.entry!.id).to.equal('u-jose');
      expect(selects[0]!.detail.number!.value).to.equal('+34 600 123 456');
      expect(selects[0]!.detail.number!.type).to.equal('mobile');
      await waitUntil(() => !book.open, 'the book stayed open');
    });
  });

  describe('open and close', () => {
    it('fires no show or hide and asks no presence again for open = false; open = true in one task', async () => {
      const adapter = new CountingAdapter();
      const book = await openBook(adapter);
      await waitUntil(() => adapter.presenceCalls.length === 1, 'no presence on open');
      const shows = record(book, 'contactpad-show');
      const hides = record(book, 'contactpad-hide');

      book.open = false;
      book.open = true;
      await book.updateComplete;
      await settle(book);
      await pause(100);

      expect(book.open).to.equal(true);
      expect(shows, 'contactpad-show').to.have.length(0);
      expect(hides, 'contactpad-hide').to.have.length(0);
      expect(adapter.presenceCalls, 'presence requests').to.have.length(1);
      expect(adapter.presenceSignals[0]!.aborted, 'the open presence request was aborted').to.equal(false);
    });
  });

  describe('focus', () => {
    afterEach(async () => {
      await resetMouse();
    });

    it('leaves focus on a button outside the book that took it from the number menu, and closes the menu', async () => {
      const { outside, book } = await pageWithButton(new CountingAdapter());
      await book.show();
      await settle(book);
      await typeQuery(book, 'jose');
      await press(book, 'Enter');
      await waitUntil(() => menu(book).open && focusedMenuItem(book) !== null, 'the number menu did not open with focus on a number');

      outside.focus();

      await waitUntil(() => !menu(book).open, 'the number menu stayed open');
      await book.updateComplete;
      await pause(50);
      expect(document.activeElement === outside, `focus is on ${describeNode(deepActiveElement())}`).to.equal(true);
    });

    it('closes the book on Escape pressed in the kind filter', async () => {
      const book = await openBook(new CountingAdapter());
      const hides = record(book, 'contactpad-hide');
      const filter = part(book, 'kind-filter') as HTMLSelectElement;
      filter.focus();
      expect(shadow(book).activeElement === filter, 'the kind filter has focus').to.equal(true);

      await sendKeys({ press: 'Escape' });

      await waitUntil(() => !book.open, 'Escape in the kind filter did not close the book');
      expect(hides).to.have.length(1);
    });

    it('leaves focus in the search field after clicking Retry on a failed load that then succeeds', async () => {
      const adapter = new CountingAdapter();
      adapter.listFailure = new Error('network down');
      const book = await openBook(adapter);
      const retry = part(book, 'retry-button')!;
      expect(retry, 'a Retry button').to.exist;

      adapter.listFailure = undefined;
      await clickOn(retry);

      await waitUntil(() => optionNames(book).length === OUTBOUND_NAMES.length, 'Retry did not list the directory');
      await settle(book);
      expect(parts(book, 'retry-button')).to.have.length(0);
      expect(shadow(book).activeElement === input(book), `focus is on ${describeNode(deepActiveElement())}`).to.equal(true);
    });
  });

  describe('option ids', () => {
    it("keep Anna's option id when she moves, and the active descendant follows the new first row", async () => {
      const book = await openBook(new CountingAdapter());
      expect(optionNames(book)[0]).to.equal('Anna Lindqvist');
      const annaId = optionNamed(book, 'Anna Lindqvist')!.id;
      const salesQueueId = optionNamed(book, 'Sales queue')!.id;
      expect(annaId).to.not.equal('');
      expect(input(book).getAttribute('aria-activedescendant')).to.equal(annaId);

      await typeQuery(book, 'sales');

      expect(optionNames(book)).to.deep.equal(['Sales queue', 'Anna Lindqvist']);
      expect(optionNamed(book, 'Anna Lindqvist')!.id, "Anna's option id").to.equal(annaId);
      expect(optionNamed(book, 'Sales queue')!.id, "the queue's option id").to.equal(salesQueueId);
      const active = input(book).getAttribute('aria-activedescendant');
      expect(active, 'aria-activedescendant did not change with the first row').to.not.equal(annaId);
      expect(active).to.equal(salesQueueId);
      expect(activeName(book)).to.equal('Sales queue');
      const ids = [...shadow(book).querySelectorAll('[role="option"]')].map((option) => option.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });
  });

  it('shows the whole number menu of the last row of a short book (no paint containment clipping it)', async () => {
    const contacts: DirectoryEntry[] = Array.from({ length: 40 }, (_, i) => ({
      kind: 'external-contact' as const,
      id: `c${i}`,
      displayName: `Contact ${String(i).padStart(2, '0')}`,
      numbers: [toPhoneNumber(`+44 20 7946 ${String(i).padStart(4, '0')}`, 'business')!, toPhoneNumber(`+44 7700 900${String(i).padStart(3, '0')}`, 'mobile')!],
    }));
    const book = await openBook(createMemoryDirectory({ entries: contacts }));
    book.style.setProperty('--contactpad-max-height', '200px');
    await press(book, 'End');
    await press(book, 'Enter');
    const menu = shadow(book).querySelector<ContactpadNumberMenu>('contactpad-number-menu')!;
    await waitUntil(() => menu.open && menu.style.top !== '', 'the number menu did not open and get placed');
    const list = menu.shadowRoot!.querySelector('[role="menu"]')!.getBoundingClientRect();
    // Below the book (there is room in the viewport): the point must hit the menu, inside the book's tree.
    expect(list.bottom).to.be.greaterThan(book.getBoundingClientRect().bottom);
    expect(document.elementFromPoint(list.left + list.width / 2, list.bottom - 4)).to.equal(book);
  });
});
