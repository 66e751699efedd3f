/**
 * Every string replaceable: a host's overrides show and the rest stay English; counts take the plural form and the
 * digits of the book's language (its nearest `lang`); sorting follows that `lang`; the German and Arabic tables are
 * complete. What is asserted is what the agent sees or hears: text in the DOM, accessible names, the live region.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import { DEFAULT_STRINGS, formatCount, type AddressBookStrings, type CountText } from '../../src/address-book/strings.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { DEFAULT_PRESENCE_STRINGS, type PresenceStrings } from '../../src/presence-icon/presence-strings.js';
import { ar, arPresenceStrings, arStrings } from '../../src/locales/ar.js';
import { de, dePresenceStrings, deStrings } from '../../src/locales/de.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  input,
  liveRegion,
  numbers,
  optionNamed,
  optionNames,
  part,
  partTexts,
  presenceIcon,
  presenceLabel,
  renderBook,
  settle,
  shadow,
  typeQuery,
} from './fixtures.js';
import { accessibleNode } from '../support/accessible-node.js';

const announced = (book: ContactpadAddressBook) => liveRegion(book).textContent.trim();

/** A book inside `<div lang=… dir=…>`, so the language it uses is an ancestor's, not its own attribute. */
async function bookIn(lang: string, adapter: CountingAdapter, dir = 'ltr'): Promise<ContactpadAddressBook> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} dir=${dir}><contactpad-address-book .adapter=${adapter}></contactpad-address-book></div>`,
  );
  return wrapper.querySelector('contactpad-address-book')!;
}

async function open(book: ContactpadAddressBook): Promise<ContactpadAddressBook> {
  await book.show();
  await settle(book);
  return book;
}

/** Sets the search text (the property, as a host would) and waits for the render. */
async function search(book: ContactpadAddressBook, query: string): Promise<void> {
  book.query = query;
  await book.updateComplete;
}

/**
 * 100 contacts whose names give known result counts: "alpha" 1, "beta" 2, "gamma" 3, "delta" 11, "zzz" none, and
 * every one of them for an empty query.
 */
function countedContacts(): DirectoryEntry[] {
  const groups: [string, number][] = [['Alpha', 1], ['Beta', 2], ['Gamma', 3], ['Delta', 11], ['Omega', 83]];
  let n = 0;
  return groups.flatMap(([word, count]) =>
    Array.from({ length: count }, (_, i): DirectoryEntry => {
      n++;
      return { kind: 'external-contact', id: `ext-${n}`, displayName: `${word} ${i + 1}`, numbers: numbers(`+44 161 496 ${String(n).padStart(4, '0')}`) };
    }),
  );
}

const COUNT_QUERIES: readonly [query: string, count: number][] = [['zzz', 0], ['alpha', 1], ['beta', 2], ['gamma', 3], ['delta', 11], ['', 100]];

describe('address book languages', () => {
  describe('string overrides', () => {
    it('shows the strings a host replaces, and English for every other one', async () => {
      const book = await renderBook(new CountingAdapter());
      book.strings = {
        label: 'Directory',
        callNumber: (number) => `Dial ${number}`,
        resultCount: { one: 'One match', other: '{count} matches' },
        kinds: { ...DEFAULT_STRINGS.kinds, 'call-queue': 'Hunt group' },
      };
      await open(book);

      expect(input(book).getAttribute('aria-label')).to.equal('Directory');
      expect(part(book, 'listbox')!.getAttribute('aria-label')).to.equal('Directory');
      expect(announced(book)).to.equal('7 matches');
      expect(partTexts(book, 'kind-badge')).to.include.members(['Hunt group', 'Auto attendant', 'Agent', 'Contact']);
      // Not replaced: English.
      expect(input(book).placeholder).to.equal('Search by name, number or email');

      await typeQuery(book, 'anna');
      expect(announced(book)).to.equal('One match');
      await typeQuery(book, '7946 0001');
      expect(optionNames(book)[0]).to.equal('Dial 7946 0001');
    });

    it('gives a count function the count and the count formatted for the language', async () => {
      const book = await open(await bookIn('de', new CountingAdapter()));
      book.strings = { resultCount: (count, formatted) => `${formatted} / ${count === 1 ? 'eins' : 'mehr'}` };
      await book.updateComplete;

      expect(announced(book)).to.equal('7 / mehr');
      await search(book, 'anna');
      expect(announced(book)).to.equal('1 / eins');
    });

    it('shows the presence strings it is given on the rows', async () => {
      const adapter = new CountingAdapter();
      adapter.setPresence('u-zoe', 'Busy', 'InACall');
      const book = await open(await bookIn('de', adapter));
      book.presenceStrings = dePresenceStrings;
      await book.updateComplete;

      expect(await presenceLabel(presenceIcon(book, 'Zoë Müller')!)).to.equal('Beschäftigt, In einem Anruf');
      expect(await presenceLabel(presenceIcon(book, 'Anna Lindqvist')!)).to.equal('Verfügbar');
    });
  });

  describe('plural counts', () => {
    it('announces English counts with one and other', async () => {
      const book = await open(await bookIn('en', new CountingAdapter(countedContacts(), LINKED)));
      const heard: string[] = [];
      for (const [query] of COUNT_QUERIES) {
        await search(book, query);
        heard.push(announced(book));
      }
      expect(heard).to.deep.equal(['0 results', '1 result', '2 results', '3 results', '11 results', '100 results']);
    });

    it('announces German counts in German', async () => {
      const book = await bookIn('de', new CountingAdapter(countedContacts(), LINKED));
      Object.assign(book, de);
      await open(book);
      const heard: string[] = [];
      for (const [query] of COUNT_QUERIES) {
        await search(book, query);
        heard.push(announced(book));
      }
      expect(heard).to.deep.equal(['0 Ergebnisse', '1 Ergebnis', '2 Ergebnisse', '3 Ergebnisse', '11 Ergebnisse', '100 Ergebnisse']);
    });

    it('announces Arabic counts with the zero, one, two, few, many and other forms, in the language’s digits', async () => {
      const book = await bookIn('ar', new CountingAdapter(countedContacts(), LINKED), 'rtl');
      Object.assign(book, ar);
      await open(book);
      const heard: string[] = [];
      for (const [query] of COUNT_QUERIES) {
        await search(book, query);
        heard.push(announced(book));
      }
      const digits = new Intl.NumberFormat('ar');
      expect(heard).to.deep.equal([
        'لا توجد نتائج', // zero
        'نتيجة واحدة', // one
        'نتيجتان', // two
        `${digits.format(3)} نتائج`, // few (3–10)
        `${digits.format(11)} نتيجة`, // many (11–99)
        `${digits.format(100)} نتيجة`, // other
      ]);
    });

    it('says how many more numbers an entry has, and how many entries were dropped, in the language', async () => {
      const adapter = new CountingAdapter([...ENTRIES, null, { kind: 'wizard', id: 'x' }], LINKED);
      const book = await bookIn('ar', adapter, 'rtl');
      Object.assign(book, ar);
      await open(book);

      const jose = optionNamed(book, 'José Álvarez')!;
      expect(jose.querySelector('[part="option-more"]')!.textContent.trim()).to.equal(`+${new Intl.NumberFormat('ar').format(1)}`);
      expect((await accessibleNode(jose))!.name, 'what a screen reader says of the row').to.include('رقم آخر');
      expect(partTexts(book, 'notice')).to.include('تعذّر عرض إدخالين.');
    });

    it('formats large counts with the language’s grouping', () => {
      expect(formatCount(DEFAULT_STRINGS.resultCount, 1200, 'en')).to.equal('1,200 results');
      expect(formatCount(deStrings.resultCount, 1200, 'de')).to.equal('1.200 Ergebnisse');
      expect(formatCount(deStrings.resultCount, 1, 'de')).to.equal('1 Ergebnis');
      // A malformed lang falls back to the browser's language rather than failing.
      expect(formatCount(DEFAULT_STRINGS.resultCount, 2, 'en_GB')).to.equal('2 results');
    });
  });

  describe('collation', () => {
    const SWEDISH: DirectoryEntry[] = ['Åsa Berg', 'Zara Holm', 'Anna Lind', 'Bo Ek', 'Örjan Nyström', 'Olle Ek'].map((name, i) => ({
      kind: 'external-contact',
      id: `ext-sv-${i}`,
      displayName: name,
      numbers: numbers(`+46 8 123 45${i}`),
    }));

    it('sorts by the nearest lang: Swedish puts å and ö after z', async () => {
      const book = await open(await bookIn('sv', new CountingAdapter(SWEDISH, LINKED)));
      expect(optionNames(book)).to.deep.equal(['Anna Lind', 'Bo Ek', 'Olle Ek', 'Zara Holm', 'Åsa Berg', 'Örjan Nyström']);
    });

    it('sorts by the nearest lang: German puts å with a and ö with o', async () => {
      const book = await open(await bookIn('de', new CountingAdapter(SWEDISH, LINKED)));
      expect(optionNames(book)).to.deep.equal(['Anna Lind', 'Åsa Berg', 'Bo Ek', 'Olle Ek', 'Örjan Nyström', 'Zara Holm']);
    });

    it('uses its own lang before an ancestor’s', async () => {
      const book = await bookIn('de', new CountingAdapter(SWEDISH, LINKED));
      book.lang = 'sv';
      await open(book);
      expect(optionNames(book)).to.deep.equal(['Anna Lind', 'Bo Ek', 'Olle Ek', 'Zara Holm', 'Åsa Berg', 'Örjan Nyström']);
    });
  });

  describe('translations', () => {
    /** Arguments to call each function of a table with (every branch: a linked agent whose Teams user is listed or not). */
    type Samples<T> = { [K in keyof T as T[K] extends (...args: never[]) => string ? K : never]: Parameters<Extract<T[K], (...args: never[]) => string>>[] };
    const BOOK_SAMPLES: Samples<AddressBookStrings> = {
      callNumber: [['+44 20 7946 0000']],
      consultNumber: [['+44 20 7946 0000']],
      noMatches: [['anna']],
      sourceFailed: [['Microsoft Teams']],
      sourceStale: [['Microsoft Teams', '14:05']],
      directoryStale: [['14:05']],
      signInRequired: [[undefined, 'Sign in to Microsoft 365'], ['Microsoft Teams', 'Sign in to Microsoft 365']],
      chooseNumber: [['Anna Berg']],
      linkedTo: [['Anna Berg'], [undefined]],
      spokenParts: [[['Anna Berg, Busy', 'Sales', '+44 20 7946 0000']]],
      loadProgress: [
        [{ source: undefined, loaded: 1998, total: 2512, done: false }, String],
        [{ source: 'Microsoft Teams', loaded: 999, total: undefined, done: false }, String],
        [{ source: 'Contact centre', loaded: 12, total: 12, done: true }, String],
      ],
    };
    const PRESENCE_SAMPLES: Samples<PresenceStrings> = {
      readAt: [['14:05']],
      presenceOf: [['Anna Berg', 'Busy']],
      teamsPresence: [['Busy']],
      withActivity: [['Busy', 'In a call']],
      withDetail: [['Away', 'Lunch']],
    };
    const COUNTS = [0, 1, 2, 3, 11, 100];

    /** Every text a table can produce, by path: strings, nested tables, counts (each in its language) and functions. */
    function texts(table: object, samples: Readonly<Record<string, readonly unknown[][]>>, lang: string, prefix = ''): Map<string, string> {
      const out = new Map<string, string>();
      for (const [key, value] of Object.entries(table)) {
        const path = `${prefix}${key}`;
        if (typeof value === 'string') out.set(path, value);
        else if (typeof value === 'function') {
          const argLists = samples[key];
          expect(argLists, `samples for ${path}`).to.exist;
          argLists!.forEach((args, i) => out.set(`${path}#${i}`, (value as (...args: unknown[]) => string)(...args)));
        } else if (['resultCount', 'moreNumbers', 'rejectedEntries', 'droppedNumbers'].includes(key)) {
          for (const count of COUNTS) out.set(`${path}(${count})`, formatCount(value as CountText, count, lang));
        } else for (const [inner, text] of texts(value as object, samples, lang, `${path}.`)) out.set(inner, text);
      }
      return out;
    }

    function compare(english: Map<string, string>, translated: Map<string, string>, deliberatelyEqual: readonly string[]) {
      expect([...translated.keys()], 'the same keys as English').to.deep.equal([...english.keys()]);
      for (const [path, text] of translated) {
        expect(text.trim(), `${path} is empty`).to.not.equal('');
        if (deliberatelyEqual.includes(path)) expect(text, `${path} was meant to equal English`).to.equal(english.get(path));
        else expect(text, `${path} is still English`).to.not.equal(english.get(path));
      }
    }

    it('German says every string in German (a few are the same words in both)', () => {
      compare(texts(DEFAULT_STRINGS, BOOK_SAMPLES, 'en'), texts(deStrings, BOOK_SAMPLES, 'de'), ['kinds.vcc-agent', 'spokenParts#0']);
      compare(texts(DEFAULT_PRESENCE_STRINGS, PRESENCE_SAMPLES, 'en'), texts(dePresenceStrings, PRESENCE_SAMPLES, 'de'), [
        'states.offline',
        'presenceOf#0',
        'teamsPresence#0',
        'withActivity#0',
        'withDetail#0',
      ]);
    });

    it('Arabic says every string in Arabic, with all six plural forms for each count', () => {
      compare(texts(DEFAULT_STRINGS, BOOK_SAMPLES, 'en'), texts(arStrings, BOOK_SAMPLES, 'ar'), []);
      compare(texts(DEFAULT_PRESENCE_STRINGS, PRESENCE_SAMPLES, 'en'), texts(arPresenceStrings, PRESENCE_SAMPLES, 'ar'), []);
      for (const key of ['resultCount', 'moreNumbers', 'rejectedEntries', 'droppedNumbers'] as const) {
        expect(Object.keys(arStrings[key]), key).to.have.members(['zero', 'one', 'two', 'few', 'many', 'other']);
      }
    });

    it('are shaped like the element’s properties', async () => {
      const book = await open(await bookIn('de', new CountingAdapter()));
      Object.assign(book, de);
      await book.updateComplete;

      expect(input(book).getAttribute('aria-label')).to.equal('Adressbuch');
      expect(input(book).placeholder).to.equal('Nach Name, Nummer oder E-Mail suchen');
      expect(announced(book)).to.equal('7 Ergebnisse');
      expect(shadow(book).querySelector('[part="kind-filter"] option')!.textContent.trim()).to.equal('Alle');
    });
  });
});
