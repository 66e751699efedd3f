/**
 * axe finds nothing in any state of the book, the live region announces what the list holds, and options say where
 * they are in the list.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  NOT_LINKED,
  activeOption,
  input,
  liveRegion,
  manyContacts,
  openBook,
  options,
  part,
  press,
  renderBook,
  shadow,
  typeQuery,
} from './fixtures.js';

function announced(book: ContactpadAddressBook): string {
  return liveRegion(book).textContent.trim();
}

describe('address book accessibility', () => {
  it('is accessible while loading', async () => {
    const adapter = new CountingAdapter();
    adapter.hangList = true;
    const book = await renderBook(adapter);
    await book.show();

    expect(part(book, 'skeleton'), 'placeholders while loading').to.exist;
    expect(part(book, 'listbox')!.getAttribute('aria-busy')).to.equal('true');
    expect(announced(book)).to.equal('Loading the address book…');
    await expect(book).to.be.accessible();
  });

  it('is accessible with a loaded list', async () => {
    const book = await openBook(new CountingAdapter());
    await waitUntil(() => shadow(book).querySelector('contactpad-presence-icon')?.presence.state === 'available');

    expect(part(book, 'listbox')!.getAttribute('aria-busy')).to.equal('false');
    await expect(book).to.be.accessible();
  });

  it('is accessible with a list longer than it can show', async () => {
    const book = await openBook(new CountingAdapter(manyContacts(40), LINKED));

    await expect(book).to.be.accessible();
  });

  it('is accessible with search results highlighted and a typed number row', async () => {
    const book = await openBook(new CountingAdapter());
    await typeQuery(book, '020 7946');

    await expect(book).to.be.accessible();
  });

  it('is accessible with no matches', async () => {
    const book = await openBook(new CountingAdapter());
    await typeQuery(book, 'xyzzy');

    expect(part(book, 'message')).to.exist;
    await expect(book).to.be.accessible();
  });

  it('is accessible with the not-linked hint', async () => {
    const book = await openBook(new CountingAdapter(ENTRIES, NOT_LINKED));

    expect(part(book, 'hint')).to.exist;
    await expect(book).to.be.accessible();
  });

  it('is accessible with a failed source', async () => {
    const teams = new CountingAdapter(ENTRIES.filter((entry) => entry.kind === 'teams-user'), { linkedTeamsUserId: null });
    teams.listFailure = new Error('Graph said 503');
    const directory = createCompositeDirectory([
      { id: 'vcc', label: 'Contact centre', adapter: new CountingAdapter(ENTRIES.filter((entry) => entry.kind === 'vcc-agent'), LINKED) },
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
    ]);
    const book = await openBook(directory);

    expect(part(book, 'error')).to.exist;
    await expect(book).to.be.accessible();
  });

  it('is accessible when the whole directory failed', async () => {
    const adapter = new CountingAdapter();
    adapter.listFailure = new Error('down');
    const book = await openBook(adapter);

    expect(part(book, 'error')).to.exist;
    await expect(book).to.be.accessible();
  });

  it('is accessible with an empty directory', async () => {
    const book = await openBook(new CountingAdapter([], LINKED));

    expect(part(book, 'message')!.textContent.trim()).to.equal('The address book is empty.');
    await expect(book).to.be.accessible();
  });

  it('is accessible with notices (presence failed, entries dropped)', async () => {
    const adapter = new CountingAdapter([...ENTRIES, null]);
    adapter.failPresences = true;
    const book = await openBook(adapter);
    await waitUntil(() => shadow(book).querySelectorAll('[part="notice"]').length === 2, 'expected two notices');

    await expect(book).to.be.accessible();
  });

  it('is accessible with the number menu open', async () => {
    const book = await openBook(new CountingAdapter());
    await typeQuery(book, 'jose');
    await press(book, 'Enter');
    const menu = shadow(book).querySelector('contactpad-number-menu')!;
    await waitUntil(() => menu.open, 'the number menu did not open');
    await menu.updateComplete;

    expect(menu.shadowRoot!.querySelector('[role="menu"]')!.getAttribute('aria-label')).to.equal('Choose a number for José Álvarez');
    await expect(book).to.be.accessible();
  });

  it('announces the number of results in a polite live region', async () => {
    const book = await openBook(new CountingAdapter());
    const region = liveRegion(book);
    expect(region.getAttribute('role')).to.equal('status');
    expect(announced(book)).to.equal('7 results');

    await typeQuery(book, 'anna');
    expect(announced(book)).to.equal('1 result');
    await typeQuery(book, '7946');
    // The typed number row and the four entries with 7946 in a number.
    expect(announced(book)).to.equal('5 results');
    await typeQuery(book, 'xyzzy');
    expect(announced(book)).to.equal('0 results');
  });

  it('gives every option its position and the size of the list', async () => {
    const book = await openBook(new CountingAdapter());
    const all = options(book);

    all.forEach((option, i) => {
      expect(option.getAttribute('aria-setsize'), option.id).to.equal(String(all.length));
      expect(option.getAttribute('aria-posinset'), option.id).to.equal(String(i + 1));
    });

    await typeQuery(book, '020 7946');
    const results = options(book);
    results.forEach((option, i) => {
      expect(option.getAttribute('aria-setsize')).to.equal(String(results.length));
      expect(option.getAttribute('aria-posinset')).to.equal(String(i + 1));
    });
  });

  it('ties the combobox to its listbox', async () => {
    const book = await openBook(new CountingAdapter());
    const field = input(book);
    const listbox = shadow(book).getElementById(field.getAttribute('aria-controls')!)!;

    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(field.getAttribute('aria-label')).to.equal('Address book');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
  });

  // Nothing is selected in a dialler until Enter: the active row is announced through aria-activedescendant, and no
  // row claims aria-selected (pickers that said "selected" for the merely active row confused screen-reader users).
  it('points aria-activedescendant at the active option without calling it selected', async () => {
    const book = await openBook(new CountingAdapter());
    await press(book, 'ArrowDown');

    const active = activeOption(book)!;
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(active.id);
    expect(active.classList.contains('active')).to.equal(true);
    for (const option of options(book)) expect(option.getAttribute('aria-selected'), option.id).to.not.equal('true');
  });

  it('names each presence icon in words', async () => {
    const book = await openBook(new CountingAdapter());
    await waitUntil(() => shadow(book).querySelector('contactpad-presence-icon')?.presence.state === 'available');

    for (const icon of shadow(book).querySelectorAll('contactpad-presence-icon')) {
      await icon.updateComplete;
      const label = icon.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label');
      expect(label).to.be.a('string').and.not.equal('');
    }
  });
});
