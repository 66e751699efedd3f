/**
 * Search as you type: names, numbers by their digits, other fields; case- and diacritic-insensitive; the matched
 * part highlighted; a typed number offered as a row of its own; a kind filter.
 */
import { expect } from '@open-wc/testing';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  liveRegion,
  numbers,
  openBook,
  optionNamed,
  optionNames,
  part,
  partTexts,
  press,
  recordSelects,
  typeQuery,
} from './fixtures.js';

/** The highlighted pieces of one row. */
function marks(book: ContactpadAddressBook, name: string): string[] {
  return [...(optionNamed(book, name)?.querySelectorAll('mark[part="highlight"]') ?? [])].map((mark) => mark.textContent);
}

function shownNumber(book: ContactpadAddressBook, name: string): string | undefined {
  return optionNamed(book, name)?.querySelector('[part="option-number"]')?.textContent.trim();
}

async function chooseKind(book: ContactpadAddressBook, kind: string) {
  const filter = part(book, 'kind-filter') as HTMLSelectElement;
  filter.value = kind;
  filter.dispatchEvent(new Event('change', { bubbles: true }));
  await book.updateComplete;
}

const MORE: DirectoryEntry[] = [
  ...ENTRIES,
  { kind: 'external-contact', id: 'ext-zoe', displayName: 'Zoe Plain', numbers: numbers('+44 113 496 0123') },
  { kind: 'external-contact', id: 'ext-jose', displayName: 'Jose Garcia', numbers: numbers('+44 113 496 0456') },
  // A name in decomposed form (NFD), as some clients store it: "René" is "Rene" plus a combining acute accent.
  { kind: 'external-contact', id: 'ext-rene', displayName: 'Rene\u0301 Dupont', numbers: numbers('+33 1 23 45 67 89') },
];

describe('address book search', () => {
  it('finds entries by name, any part of it, ignoring case', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, 'anna');
    expect(optionNames(book)).to.deep.equal(['Anna Lindqvist']);
    await typeQuery(book, 'LINDQ');
    expect(optionNames(book)).to.deep.equal(['Anna Lindqvist']);
    await typeQuery(book, 'anna lind');
    expect(optionNames(book)).to.deep.equal(['Anna Lindqvist']);
    // Each word of the query is marked where it matched.
    expect(marks(book, 'Anna Lindqvist')).to.deep.equal(['Anna', 'Lind']);
  });

  it('puts name prefix matches first', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, 'sales');
    // "Sales queue" starts with it; Anna is in the Sales department.
    expect(optionNames(book)).to.deep.equal(['Sales queue', 'Anna Lindqvist']);
  });

  it('finds a number by partial digits, national or international, whatever the separators', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, '020 7946');
    expect(optionNames(book)).to.include('Anna Lindqvist');
    expect(optionNames(book)).to.include.members(['Main reception', 'Sales queue', 'Facilities emergency']);
    expect(marks(book, 'Anna Lindqvist')).to.deep.equal(['20 7946']);

    await typeQuery(book, '7946 0001');
    expect(optionNames(book)).to.deep.equal(['Call 7946 0001', 'Anna Lindqvist']);
    expect(marks(book, 'Anna Lindqvist')).to.deep.equal(['7946 0001']);

    await typeQuery(book, '+44 20 7946 0001');
    expect(optionNames(book)).to.include('Anna Lindqvist');

    await typeQuery(book, '207946-0001');
    expect(optionNames(book)).to.include('Anna Lindqvist');
  });

  it("shows the number that matched rather than the entry's first number", async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, '600 123');
    expect(optionNames(book)).to.include('José Álvarez');
    expect(shownNumber(book, 'José Álvarez')).to.equal('+34 600 123 456');
    expect(marks(book, 'José Álvarez')).to.deep.equal(['600 123']);
  });

  it('ignores diacritics in the query and in names, both ways', async () => {
    const book = await openBook(new CountingAdapter(MORE));

    await typeQuery(book, 'zoe');
    expect(optionNames(book)).to.have.members(['Zoë Müller', 'Zoe Plain']);
    expect(marks(book, 'Zoë Müller')).to.deep.equal(['Zoë']);

    await typeQuery(book, 'Zoë');
    expect(optionNames(book)).to.have.members(['Zoë Müller', 'Zoe Plain']);

    await typeQuery(book, 'muller');
    expect(optionNames(book)).to.deep.equal(['Zoë Müller']);
    expect(marks(book, 'Zoë Müller')).to.deep.equal(['Müller']);

    await typeQuery(book, 'Álvarez');
    expect(optionNames(book)).to.deep.equal(['José Álvarez']);
    await typeQuery(book, 'alvarez');
    expect(optionNames(book)).to.deep.equal(['José Álvarez']);
    expect(marks(book, 'José Álvarez')).to.deep.equal(['Álvarez']);

    await typeQuery(book, 'José');
    expect(optionNames(book)).to.have.members(['José Álvarez', 'Jose Garcia']);
  });

  it('finds and highlights a name stored in decomposed form (NFD) without splitting a letter from its accent', async () => {
    const book = await openBook(new CountingAdapter(MORE));

    await typeQuery(book, 'rene');
    expect(optionNames(book)).to.deep.equal(['Rene\u0301 Dupont']);
    expect(marks(book, 'Rene\u0301 Dupont')).to.deep.equal(['Rene\u0301']);
  });

  it('finds entries by department, job title and mail', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, 'finance');
    expect(optionNames(book)).to.deep.equal(['José Álvarez']);
    expect(marks(book, 'José Álvarez')).to.deep.equal(['Finance']);

    await typeQuery(book, 'engineer');
    expect(optionNames(book)).to.deep.equal(['Zoë Müller']);
    expect(marks(book, 'Zoë Müller')).to.deep.equal(['Engineer']);

    await typeQuery(book, 'contoso');
    expect(optionNames(book)).to.deep.equal(['Anna Lindqvist']);

    await typeQuery(book, 'anna sales');
    expect(optionNames(book)).to.deep.equal(['Anna Lindqvist']);
  });

  it('offers "Call <number>" for a typed number in outbound mode', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'outbound' });

    await typeQuery(book, '+1 555 0100');
    expect(optionNames(book)[0]).to.equal('Call +1 555 0100');
    await typeQuery(book, '123');
    expect(optionNames(book)[0], 'a short code').to.equal('Call 123');
  });

  it('offers "Consult <number>" for a typed number in consult mode', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'consult' });

    await typeQuery(book, '+1 555 0100');
    expect(optionNames(book)).to.deep.equal(['Consult +1 555 0100']);
  });

  it('offers no number row for text that is not a number', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, 'anna 12');
    expect(optionNames(book).some((name) => name.startsWith('Call'))).to.equal(false);
    await typeQuery(book, '12');
    expect(optionNames(book).some((name) => name.startsWith('Call')), 'two digits are not a short code').to.equal(false);
  });

  it('says so when nothing matches, and the live region counts no results', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, 'xyzzy');
    expect(optionNames(book)).to.deep.equal([]);
    expect(partTexts(book, 'message')).to.deep.equal(['No matches for “xyzzy”.']);
    expect(liveRegion(book).textContent.trim()).to.equal('0 results');

    await typeQuery(book, '');
    expect(part(book, 'message')).to.equal(null);
    expect(optionNames(book)).to.have.length(7);
  });

  it('renders the query in the no-matches message as text', async () => {
    const book = await openBook(new CountingAdapter());

    await typeQuery(book, '<b>bold</b>');
    expect(part(book, 'message')!.textContent).to.contain('<b>bold</b>');
    expect(part(book, 'message')!.querySelector('b')).to.equal(null);
  });

  it('narrows the list with the kind filter, which offers only kinds present and offered', async () => {
    const book = await openBook(new CountingAdapter());
    const filter = part(book, 'kind-filter') as HTMLSelectElement;
    expect(filter.tagName).to.equal('SELECT');
    expect([...filter.options].map((option) => option.value)).to.deep.equal([
      'all',
      'teams-user',
      'auto-attendant',
      'call-queue',
      'vcc-agent',
      'external-contact',
    ]);

    await chooseKind(book, 'call-queue');
    expect(optionNames(book)).to.deep.equal(['Sales queue']);
    await chooseKind(book, 'teams-user');
    expect(optionNames(book)).to.deep.equal(['Anna Lindqvist', 'José Álvarez', 'Zoë Müller']);
    await typeQuery(book, 'zoe');
    expect(optionNames(book)).to.deep.equal(['Zoë Müller']);
    await typeQuery(book, 'sales');
    expect(optionNames(book), 'the filter applies to search results').to.deep.equal(['Anna Lindqvist']);

    await chooseKind(book, 'all');
    expect(optionNames(book)).to.deep.equal(['Sales queue', 'Anna Lindqvist']);
  });
});

describe('address book search by number', () => {
  // docs/rules.md#number-queries-rank-numbers-first
  it("ranks the owner of a number above an entry named like it, and shows and dials the owner's number", async () => {
    const impostor: DirectoryEntry = { kind: 'external-contact', id: 'ext-impostor', displayName: '+44 20 7946 0001', numbers: numbers('+1 900 555 0104') };
    const adapter = createMemoryDirectory({ entries: [...ENTRIES, impostor], agent: LINKED });
    const book = await openBook(adapter);
    const selects = recordSelects(book);

    await typeQuery(book, '+44 20 7946 0001');
    expect(optionNames(book)).to.deep.equal(['Call +44 20 7946 0001', 'Anna Lindqvist', '+44 20 7946 0001']);
    expect(shownNumber(book, 'Anna Lindqvist')).to.equal('+44 20 7946 0001');
    expect(marks(book, 'Anna Lindqvist'), 'what matched: her number').to.deep.equal(['44 20 7946 0001']);
    // The impostor's row shows the number it would dial, never the one it is named after.
    expect(shownNumber(book, '+44 20 7946 0001')).to.equal('+1 900 555 0104');

    // The first entry below the typed number is the owner: Enter dials the number shown.
    await press(book, 'ArrowDown');
    await press(book, 'Enter');
    expect(selects.map(({ detail }) => [detail.entry?.id, detail.number?.value])).to.deep.equal([['u-anna', '+44 20 7946 0001']]);
  });

  it('ranks number matches first for a national number too', async () => {
    const impostor: DirectoryEntry = { kind: 'external-contact', id: 'ext-impostor', displayName: 'Desk 7946 0001', numbers: numbers('+1 900 555 0104') };
    const book = await openBook(createMemoryDirectory({ entries: [...ENTRIES, impostor], agent: LINKED }));

    await typeQuery(book, '7946 0001');
    expect(optionNames(book)).to.deep.equal(['Call 7946 0001', 'Anna Lindqvist', 'Desk 7946 0001']);
  });
});

describe('address book search on a local directory', () => {
  it('never says it is searching the server, not even for a moment', async () => {
    const { CountingAdapter, openBook, shadow, typeQuery } = await import('./fixtures.js');
    const book = await openBook(new CountingAdapter());
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const message = shadow(book).querySelector('[part="message"]')?.textContent ?? '';
      if (message.includes('Searching')) seen.push(message);
    });
    observer.observe(shadow(book), { subtree: true, childList: true, characterData: true });
    await typeQuery(book, 'ann');
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    expect(seen).to.deep.equal([]);
  });
});
