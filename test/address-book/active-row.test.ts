/**
 * The active row follows its entry through updates the agent did not cause (server results merged in, a refresh):
 * Enter chooses the entry the agent picked and sees, never whatever row came to stand where it was
 * (docs/rules.md#the-active-row-follows-its-entry).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DirectoryAdapter, DirectoryListing, SearchEntriesOptions, SignedInAgent } from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import {
  CountingAdapter,
  LINKED,
  activeOption,
  input,
  manyContacts,
  numbers,
  openBook,
  optionNames,
  press,
  recordSelects,
  settle,
  typeQuery,
} from './fixtures.js';

const nameOf = (option: HTMLElement | null) => option?.querySelector('[part="option-name"]')?.textContent.trim();

/** A listing with a few "Ma…" entries whose server search finds better matches, answered when the test says. */
class MergingAdapter implements DirectoryAdapter {
  private answer: (() => void) | undefined;
  readonly local: DirectoryEntry[] = [
    { kind: 'external-contact', id: 'x-cruz', displayName: 'Ana María de la Cruz', numbers: numbers('+34 91 000 0003') },
    { kind: 'external-contact', id: 'x-mann', displayName: 'Ola Mann', numbers: numbers('+34 91 000 0004') },
    { kind: 'external-contact', id: 'x-marx', displayName: 'Ida Marx', numbers: numbers('+34 91 000 0005') },
  ];
  readonly server: DirectoryEntry[] = [
    { kind: 'teams-user', id: 'u-madison', displayName: 'Madison Bennett', numbers: numbers('+1 425 555 0101') },
    { kind: 'teams-user', id: 'u-mateo', displayName: 'Mateo Silva', numbers: numbers('+1 425 555 0102') },
  ];

  listEntries(): Promise<DirectoryListing> {
    return Promise.resolve({ entries: this.local, serverSearch: true });
  }

  searchEntries(_query: string, { signal }: SearchEntriesOptions): Promise<readonly DirectoryEntry[]> {
    return new Promise((resolve, reject) => {
      this.answer = () => resolve(this.server);
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  }

  /** Answers the search in flight; resolves once one was asked. */
  async release(): Promise<void> {
    await waitUntil(() => this.answer !== undefined, 'no server search was asked');
    this.answer!();
  }

  getSignedInAgent(): Promise<SignedInAgent> {
    return Promise.resolve(LINKED);
  }
}

/** A book on five contacts where the agent moved to the third. */
async function onThirdContact() {
  const adapter = new CountingAdapter(manyContacts(5));
  const book = await openBook(adapter);
  const selects = recordSelects(book);
  input(book).focus();
  await press(book, 'ArrowDown');
  await press(book, 'ArrowDown');
  expect(nameOf(activeOption(book))).to.equal('Contact 03');
  return { adapter, book, selects };
}

describe('the active row follows its entry', () => {
  it('keeps the entry the agent moved to when server results merge in and re-sort the list', async () => {
    const adapter = new MergingAdapter();
    const book = await openBook(adapter);
    const selects = recordSelects(book);
    await typeQuery(book, 'ma');
    await press(book, 'ArrowDown');
    await press(book, 'ArrowDown');
    const picked = nameOf(activeOption(book));
    expect(picked).to.be.a('string');

    await adapter.release();
    await waitUntil(() => optionNames(book).includes('Madison Bennett'), 'the server results never merged');
    await book.updateComplete;
    expect(nameOf(activeOption(book)), 'the active row after the merge').to.equal(picked);

    await press(book, 'Enter');
    expect(selects.map((event) => event.detail.entry?.displayName)).to.deep.equal([picked]);
  });

  it('moves the active row with its entry when a refresh re-sorts the list', async () => {
    const { adapter, book, selects } = await onThirdContact();

    // Two entries sorted before it arrive with the refresh.
    adapter.entries = [
      ...manyContacts(5),
      { kind: 'external-contact', id: 'ext-a', displayName: 'Aaron Early', numbers: numbers('+44 161 496 0101') },
      { kind: 'external-contact', id: 'ext-b', displayName: 'Abby Early', numbers: numbers('+44 161 496 0102') },
    ];
    book.refresh();
    await settle(book);
    expect(optionNames(book).slice(0, 2)).to.deep.equal(['Aaron Early', 'Abby Early']);
    expect(nameOf(activeOption(book))).to.equal('Contact 03');
    await press(book, 'Enter');
    expect(selects.map((event) => event.detail.entry?.id)).to.deep.equal(['ext-03']);
  });

  it('leaves nothing active when a refresh removes the active entry, until the agent moves', async () => {
    const { adapter, book, selects } = await onThirdContact();

    adapter.entries = manyContacts(5).filter((entry) => entry.id !== 'ext-03');
    book.refresh();
    await settle(book);
    expect(optionNames(book)).to.have.length(4);
    expect(input(book).hasAttribute('aria-activedescendant'), 'an option is active').to.equal(false);
    await press(book, 'Enter');
    expect(selects, 'Enter chose a row the agent had not picked').to.have.length(0);

    await press(book, 'ArrowDown');
    expect(nameOf(activeOption(book))).to.equal('Contact 01');
    await press(book, 'Enter');
    expect(selects.map((event) => event.detail.entry?.id)).to.deep.equal(['ext-01']);
  });

  it('chooses with Enter only a row on screen, even before the list has measured its new height', async () => {
    // Found by the property: from an empty list, End then Enter within one frame chose the 10th row, below the
    // bottom of the list: the list still assumed the height it had measured before (none), so it neither scrolled
    // nor knew the row was out of view.
    const adapter = new CountingAdapter(manyContacts(10));
    const book = await openBook(adapter);
    const selects = recordSelects(book);
    await typeQuery(book, 'zzz');
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    const field = input(book);
    const key = (name: string) => field.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
    field.value = '';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await book.updateComplete;
    key('End');
    await book.updateComplete;
    key('Enter');
    const listbox = book.shadowRoot!.querySelector('[part="listbox"]')!.getBoundingClientRect();
    const row = activeOption(book)!.getBoundingClientRect();
    const onScreen = row.bottom - row.height / 2 <= listbox.bottom;
    for (const event of selects) expect(onScreen, `chose ${event.detail.entry?.displayName} below the list`).to.equal(true);
    // Not chosen unseen: shown instead; the next Enter chooses it.
    await book.updateComplete;
    await new Promise(requestAnimationFrame);
    await press(book, 'Enter');
    expect(selects.map((event) => event.detail.entry?.id).at(-1)).to.equal('ext-10');
  });

  it('makes the first row active again when the agent types', async () => {
    const adapter = new CountingAdapter(manyContacts(5));
    const book = await openBook(adapter);
    input(book).focus();
    await press(book, 'ArrowDown');
    await press(book, 'ArrowDown');
    await typeQuery(book, 'contact 0');
    expect(nameOf(activeOption(book))).to.equal('Contact 01');
  });
});
