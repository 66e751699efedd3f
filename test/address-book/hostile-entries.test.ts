/**
 * Hostile entry data in the book: numbers padded into 10,000-pixel rows and names longer than any screen (rows keep one
 * height: docs/rules.md#rows-one-height), an entry with 100,000 numbers (#numbers-cleaned-and-capped), names that
 * show other than they read (#shown-text-is-matched-text), and entries whose getters throw
 * (#unreadable-entries-dropped). The cleaning itself is unit-tested in test/directory/sanitize.test.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { MAX_NUMBERS_PER_ENTRY } from '../../src/directory/sanitize.js';
import type { ContactpadNumberMenu } from '../../src/number-menu/number-menu.js';
import {
  CountingAdapter,
  ENTRIES,
  OUTBOUND_NAMES,
  activeOption,
  manyContacts,
  numbers,
  openBook,
  optionNamed,
  optionNames,
  options,
  partTexts,
  press,
  recordSelects,
  reopen,
  settle,
  shadow,
  typeQuery,
  openWatched,
} from './fixtures.js';

/** The default row height, `--contactpad-row-height` (3.25rem), in pixels. */
function rowHeight(): number {
  return 3.25 * parseFloat(getComputedStyle(document.documentElement).fontSize);
}

function listbox(book: ContactpadAddressBook): HTMLElement {
  return shadow(book).querySelector<HTMLElement>('[role="listbox"]')!;
}

/** Whether an element is wholly inside the listbox's visible box. */
function inView(book: ContactpadAddressBook, element: Element): boolean {
  const view = listbox(book).getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
}

function menu(book: ContactpadAddressBook): ContactpadNumberMenu {
  return shadow(book).querySelector('contactpad-number-menu')!;
}

const LONG_NAME = `Zed ${'Wolfeschlegelsteinhausenbergerdorff '.repeat(300)}`;

/** Contacts 01–30, and entries whose content would not fit a row: a padded number, a long name, long details. */
function oversizedDirectory(): unknown[] {
  return [
    ...manyContacts(30),
    // 100,000 separators: before numbers were capped this was one 10,000-pixel row.
    { kind: 'external-contact', id: 'padded', displayName: 'Padded number', numbers: [`+1 425 ${' -'.repeat(50_000)} 555 0142`, '+1 425 555 0199'] },
    {
      kind: 'external-contact',
      id: 'details',
      displayName: 'Long details\nover\nlines',
      organization: 'Contoso '.repeat(2_000),
      numbers: ['+1 (425) 555-0142 / 1234 5678 9', '+44 20 7946 0001', '+44 20 7946 0002'],
    },
    { kind: 'teams-user', id: 'long', displayName: LONG_NAME, jobTitle: 'Engineer '.repeat(1_000), department: 'IT', numbers: ['+44 20 7946 0100'] },
  ];
}

describe('hostile entries in the book', () => {
  describe('rows keep one height whatever their content (docs/rules.md#rows-one-height)', () => {
    for (const width of ['40rem', '18rem']) {
      it(`in a book ${width} wide: every row is one row high, and End then Enter chooses the last row, in view`, async function () {
        this.timeout(15000);
        const book = await fixture<ContactpadAddressBook>(
          html`<contactpad-address-book style="inline-size: ${width}" .adapter=${new CountingAdapter(oversizedDirectory())}></contactpad-address-book>`,
        );
        await book.show();
        await settle(book);
        const selects = recordSelects(book);
        const heights = () => options(book).map((option) => Math.round(option.getBoundingClientRect().height));
        expect(new Set(heights()), 'row heights at the top').to.deep.equal(new Set([Math.round(rowHeight())]));

        await press(book, 'End');
        await waitUntil(() => activeOption(book) !== null, 'the last row was not rendered');
        await book.updateComplete;
        const last = activeOption(book)!;
        expect(last.getAttribute('aria-posinset')).to.equal(last.getAttribute('aria-setsize'));
        expect(inView(book, last), 'the last row is on screen').to.equal(true);
        expect(new Set(heights()), 'row heights at the bottom').to.deep.equal(new Set([Math.round(rowHeight())]));

        await press(book, 'Enter');
        expect(selects, 'Enter chose the row on screen').to.have.length(1);
        expect(selects[0]!.detail.entry!.id).to.equal('long');
        expect(selects[0]!.detail.entry!.displayName).to.equal(LONG_NAME.trim());

        // The padded number is not a number: the entry is listed with its real one.
        await book.show();
        await settle(book);
        await typeQuery(book, 'Padded');
        const padded = optionNamed(book, 'Padded number')!;
        expect(padded.querySelector('[part="option-number"]')!.textContent.trim()).to.equal('+1 425 555 0199');
        expect(padded.querySelector('[part="option-more"]'), 'no other number').to.equal(null);
        expect(Math.round(padded.getBoundingClientRect().height)).to.equal(Math.round(rowHeight()));
      });
    }
  });

  describe('the window knows the height of the view (docs/rules.md#rows-one-height)', () => {
    /** A key pressed in the search field at once, in this task: no frame (and no resize observation) comes between. */
    const keyNow = (book: ContactpadAddressBook, key: string) =>
      shadow(book).querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    /** Every update the book has queued, in microtasks only (no frame). */
    const updatesDone = async (book: ContactpadAddressBook) => {
      while (!(await book.updateComplete));
    };

    it('shows the last row with End pressed as the book opens, before its listbox was first measured', async () => {
      const book = await openBook(new CountingAdapter(manyContacts(40)));
      keyNow(book, 'End');
      await updatesDone(book);
      const last = activeOption(book)!;
      expect(last.getAttribute('aria-posinset')).to.equal('40');
      expect(inView(book, last), 'the last row is on screen').to.equal(true);
    });

    it('never chooses with End then Enter a row off screen when the list was made shorter a moment before', async () => {
      const book = await openBook(new CountingAdapter(manyContacts(40)));
      const selects = recordSelects(book);
      // The host shrinks the book; the agent presses End and Enter before the next frame.
      book.style.setProperty('--contactpad-max-height', '150px');
      keyNow(book, 'End');
      await updatesDone(book);
      const last = activeOption(book)!;
      expect(last.getAttribute('aria-posinset')).to.equal('40');
      const shown = inView(book, last);
      keyNow(book, 'Enter');
      await updatesDone(book);
      expect(selects.length, 'Enter chose the last row only if it was on screen').to.equal(shown ? 1 : 0);
      if (!shown) {
        // Enter brought it into view instead: the next Enter chooses it.
        expect(inView(book, activeOption(book)!), 'the last row is on screen').to.equal(true);
        keyNow(book, 'Enter');
      }
      expect(selects.map((event) => event.detail.entry!.displayName)).to.deep.equal(['Contact 40']);
    });
  });

  describe('the window is where the rows are (docs/rules.md#rows-one-height)', () => {
    it('shows the first row at the top when a scrolled book reopens, and Enter chooses it on screen', async () => {
      const book = await openBook(new CountingAdapter(manyContacts(16)));
      const selects = recordSelects(book);
      await press(book, 'End');
      expect(listbox(book).scrollTop, 'scrolled down').to.be.greaterThan(0);

      await reopen(book);

      const first = activeOption(book)!;
      expect(first.getAttribute('aria-posinset')).to.equal('1');
      expect(inView(book, first), 'the first row is on screen').to.equal(true);
      await press(book, 'Enter');
      expect(selects.map((event) => event.detail.entry?.id)).to.deep.equal(['ext-01']);
    });
  });

  describe('many numbers on one entry (docs/rules.md#numbers-cleaned-and-capped)', () => {
    /** "+1 425 000 0000"… */
    const distinct = (count: number) => Array.from({ length: count }, (_, i) => `+1 425 ${String(i).padStart(7, '0').replace(/^(\d{3})/, '$1 ')}`);

    it(`loads an entry with 100,000 numbers, keeps ${MAX_NUMBERS_PER_ENTRY} of them and says once that the rest were dropped`, async function () {
      this.timeout(15000);
      const adapter = new CountingAdapter([...ENTRIES, { kind: 'external-contact', id: 'many', displayName: 'Many numbers', numbers: distinct(100_000) }]);
      const { book, errors } = await openWatched(adapter);
      expect(optionNames(book)).to.include.members(['Many numbers', ...OUTBOUND_NAMES]);
      const dropped = (100_000 - MAX_NUMBERS_PER_ENTRY).toLocaleString('en');
      expect(partTexts(book, 'notice').filter((text) => text.includes(dropped)), 'one notice of the numbers dropped').to.have.length(1);

      // Clicked where an agent sees it.
      const row = optionNamed(book, 'Many numbers')!;
      row.scrollIntoView({ block: 'center' });
      row.click();
      await book.updateComplete;
      const numberMenu = menu(book);
      await waitUntil(() => numberMenu.open && numberMenu.style.top !== '', 'the number menu did not open and get placed');
      const items = [...numberMenu.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
      expect(items, 'the menu offers the numbers kept').to.have.length(MAX_NUMBERS_PER_ENTRY);
      const surface = numberMenu.shadowRoot!.querySelector('[part="menu"]')!.getBoundingClientRect();
      expect(surface.top, 'the menu starts on screen').to.be.at.least(0);
      expect(surface.bottom, 'the menu ends on screen').to.be.at.most(window.innerHeight);
      // Its last number is reachable: End focuses it, scrolled into the menu's view.
      await press(book, 'End');
      const focused = numberMenu.shadowRoot!.activeElement!;
      expect(focused).to.equal(items.at(-1));
      const box = focused.getBoundingClientRect();
      expect(box.top >= surface.top - 0.5 && box.bottom <= surface.bottom + 0.5, 'the last number is in view').to.equal(true);
      await press(book, 'Escape');

      await reopen(book);
      const reports = errors.filter((event) => event.detail.operation === 'invalid-entries');
      expect(reports, 'reported once, not on reopening').to.have.length(1);
      expect(reports[0]!.detail.message).to.contain(`${100_000 - MAX_NUMBERS_PER_ENTRY} numbers`);
    });
  });

  describe('shown text is matched text (docs/rules.md#shown-text-is-matched-text)', () => {
    const contact = (id: string, displayName: string): DirectoryEntry => ({ kind: 'external-contact', id, displayName, numbers: numbers('+44 20 7946 0666') });
    const spoofs = [
      contact('rlo', '\u202Eyrrallom'),
      contact('zw', 'Mal\u200Blo\u2060ry\uFEFF Zero'),
      contact('fake-number', 'Mallory \u202E2410 555 524 1+\u202C'),
    ];

    it('shows names without bidi controls, in the order they are stored', async () => {
      const book = await openBook(new CountingAdapter([...ENTRIES, ...spoofs]));
      const name = optionNamed(book, 'yrrallom')?.querySelector('[part="option-name"]');
      expect(name, 'the reversed name shows as stored').to.exist;
      // Drawn left to right: the first character stored is the leftmost drawn.
      const range = document.createRange();
      const text = [...name!.querySelectorAll('*'), name!].flatMap((node) => [...node.childNodes]).find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes('yrrallom'))!;
      const at = text.textContent!.indexOf('yrrallom');
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(text, at + 7);
      range.setEnd(text, at + 8);
      const lastChar = range.getBoundingClientRect();
      expect(first.left, '"y" is drawn left of "m"').to.be.below(lastChar.left);
      expect(optionNames(book)).to.include.members(['Mallory Zero', 'Mallory 2410 555 524 1+']);
    });

    it('finds each entry by the text it shows', async () => {
      const book = await openBook(new CountingAdapter([...ENTRIES, ...spoofs]));
      for (const shown of ['yrrallom', 'Mallory Zero', 'Mallory 2410 555 524 1+']) {
        await typeQuery(book, shown);
        expect(optionNames(book), `typing "${shown}"`).to.include(shown);
      }
      await typeQuery(book, 'Mallory');
      expect(optionNames(book)).to.have.members(['Mallory Zero', 'Mallory 2410 555 524 1+']);
    });
  });

  describe('unreadable entries (docs/rules.md#unreadable-entries-dropped)', () => {
    it('lists the other entries when some throw as they are read, and reports those once', async () => {
      const trap = (field: string) => {
        const entry: Record<string, unknown> = { kind: 'teams-user', id: `trap-${field}`, displayName: 'Trap', numbers: ['+44 20 7946 0666'] };
        Object.defineProperty(entry, field, { enumerable: true, get: () => { throw new Error('booby-trapped'); } });
        return entry;
      };
      const proxy = new Proxy({}, { get: () => { throw new Error('proxy'); } });
      const { book, errors } = await openWatched(new CountingAdapter([trap('displayName'), ...ENTRIES, trap('numbers'), proxy, trap('kind')]));
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expect(partTexts(book, 'notice').join(' ')).to.contain('4 entries could not be shown');
      expect(errors.filter((event) => event.detail.operation === 'invalid-entries')).to.have.length(1);
    });
  });
});
