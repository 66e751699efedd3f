/**
 * The book is a combobox: focus stays in the search field, the arrow keys move the active option
 * (aria-activedescendant), Enter chooses, Escape closes. An entry with several numbers opens a menu of them.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadNumberMenu } from '../../src/number-menu/number-menu.js';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import {
  CountingAdapter,
  LINKED,
  activeOption,
  input,
  manyContacts,
  openBook,
  options,
  press,
  recordSelects,
  settle,
  shadow,
  typeQuery,
} from './fixtures.js';

function activeName(book: ContactpadAddressBook): string | undefined {
  return activeOption(book)?.querySelector('[part="option-name"]')?.textContent.trim();
}

function menu(book: ContactpadAddressBook): ContactpadNumberMenu {
  return shadow(book).querySelector('contactpad-number-menu')!;
}

function focusedMenuItem(book: ContactpadAddressBook): HTMLElement | null {
  const active = menu(book).shadowRoot!.activeElement;
  return active instanceof HTMLElement && active.getAttribute('role') === 'menuitem' ? active : null;
}

/** A page with a "Make call" button that opens the book, as ContactPad does. */
async function bookWithOpener(adapter: DirectoryAdapter) {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button type="button">Make call</button>
    <contactpad-address-book .adapter=${adapter}></contactpad-address-book>
  </div>`);
  const button = page.querySelector('button')!;
  const book = page.querySelector('contactpad-address-book')!;
  button.addEventListener('click', () => void book.show());
  return { button, book };
}

/** Opens the book from its opener with a real key press on the focused button. */
async function openFrom(button: HTMLButtonElement, book: ContactpadAddressBook) {
  button.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => book.open, 'the button did not open the book');
  await settle(book);
}

/** Types "jose" and presses Enter: José Álvarez has two numbers, so the number menu opens. */
async function openNumberMenu(book: ContactpadAddressBook) {
  await typeQuery(book, 'jose');
  expect(activeName(book)).to.equal('José Álvarez');
  await press(book, 'Enter');
  await waitUntil(() => menu(book).open && focusedMenuItem(book) !== null, 'the number menu did not open with focus on its first number');
}

describe('address book keyboard', () => {
  it('puts focus in the search field when shown', async () => {
    const book = await openBook(new CountingAdapter());

    expect(shadow(book).activeElement).to.equal(input(book));
    expect(input(book).getAttribute('role')).to.equal('combobox');
  });

  it('lets the agent type straight away after show()', async () => {
    const book = await openBook(new CountingAdapter());

    await sendKeys({ type: 'zoe' });
    await waitUntil(() => book.query === 'zoe');
    await book.updateComplete;
    expect(options(book).map((option) => option.textContent)).to.have.length(1);
  });

  it('starts on the first option and moves with ArrowDown, ArrowUp, Home and End', async () => {
    const book = await openBook(new CountingAdapter());
    const ids = options(book).map((option) => option.id);
    expect(new Set(ids).size, 'option ids are unique').to.equal(ids.length);
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(ids[0]);

    await press(book, 'ArrowDown');
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(ids[1]);
    await press(book, 'ArrowDown');
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(ids[2]);
    await press(book, 'ArrowUp');
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(ids[1]);
    await press(book, 'End');
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(ids[ids.length - 1]);
    await press(book, 'Home');
    expect(input(book).getAttribute('aria-activedescendant')).to.equal(ids[0]);

    // The id names an option of the same shadow root, shown as active.
    const active = activeOption(book)!;
    expect(active.getAttribute('role')).to.equal('option');
    expect(active.getRootNode()).to.equal(input(book).getRootNode());
    expect(active.classList.contains('active')).to.equal(true);
  });

  it('moves a page at a time with PageDown and PageUp, stopping at the ends', async () => {
    const book = await openBook(new CountingAdapter(manyContacts(25), LINKED));
    expect(activeName(book)).to.equal('Contact 01');

    await press(book, 'PageDown');
    expect(activeName(book)).to.equal('Contact 11');
    await press(book, 'PageDown');
    expect(activeName(book)).to.equal('Contact 21');
    await press(book, 'PageDown');
    expect(activeName(book)).to.equal('Contact 25');
    await press(book, 'PageUp');
    expect(activeName(book)).to.equal('Contact 15');
    await press(book, 'PageUp');
    await press(book, 'PageUp');
    expect(activeName(book)).to.equal('Contact 01');
  });

  it('starts again on the first option when the results change', async () => {
    const book = await openBook(new CountingAdapter());
    await press(book, 'End');

    await typeQuery(book, 'a');
    expect(activeOption(book)).to.equal(options(book)[0]);
  });

  it('chooses the active entry with Enter in outbound mode and closes', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'outbound' });
    const selects = recordSelects(book);

    await press(book, 'Enter');

    expect(selects).to.have.length(1);
    const { detail } = selects[0]!;
    expect(detail.entry!.id).to.equal('u-anna');
    expect(detail.number!.value).to.equal('+44 20 7946 0001');
    expect(detail.mode).to.equal('outbound');
    await waitUntil(() => !book.open, 'the book stayed open');
  });

  it('chooses the active entry with Enter in consult mode', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'consult' });
    const selects = recordSelects(book);

    await typeQuery(book, 'main');
    await press(book, 'Enter');

    expect(selects).to.have.length(1);
    expect(selects[0]!.detail.entry!.id).to.equal('aa-main');
    expect(selects[0]!.detail.number!.value).to.equal('+44 20 7946 0100');
    expect(selects[0]!.detail.mode).to.equal('consult');
  });

  it('chooses an agent (dialled by id) with a null number', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'consult' });
    const selects = recordSelects(book);

    await typeQuery(book, 'bob');
    await press(book, 'Enter');

    expect(selects).to.have.length(1);
    expect(selects[0]!.detail.entry!.id).to.equal('agent-bob');
    expect(selects[0]!.detail.number).to.equal(null);
  });

  it('chooses a typed number with Enter, with a null entry, in both modes', async () => {
    for (const mode of ['outbound', 'consult'] as const) {
      const book = await openBook(new CountingAdapter(), { mode });
      const selects = recordSelects(book);

      await typeQuery(book, '+1 555 0100');
      await press(book, 'Enter');

      expect(selects, mode).to.have.length(1);
      expect(selects[0]!.detail.entry).to.equal(null);
      expect(selects[0]!.detail.number!.value).to.equal('+1 555 0100');
      expect(selects[0]!.detail.mode).to.equal(mode);
    }
  });

  it('chooses the entry an ArrowDown moved to', async () => {
    const book = await openBook(new CountingAdapter());
    const selects = recordSelects(book);

    await press(book, 'ArrowDown');
    await press(book, 'Enter');

    expect(selects[0]!.detail.entry!.id).to.equal('agent-bob');
  });

  it('chooses an entry clicked with the mouse', async () => {
    const book = await openBook(new CountingAdapter());
    const selects = recordSelects(book);

    options(book)[2]!.querySelector<HTMLElement>('[part="option-name"]')!.click();

    expect(selects).to.have.length(1);
    expect(selects[0]!.detail.entry!.id).to.equal('ext-fac');
  });

  it('closes on Escape and fires contactpad-hide', async () => {
    const book = await openBook(new CountingAdapter());
    let hidden = 0;
    book.addEventListener('contactpad-hide', () => hidden++);

    await press(book, 'Escape');

    await waitUntil(() => !book.open, 'Escape did not close the book');
    expect(hidden).to.equal(1);
  });

  it('gives focus back to the button that opened it when closed with Escape', async () => {
    const { button, book } = await bookWithOpener(new CountingAdapter());
    await openFrom(button, book);
    expect(shadow(book).activeElement).to.equal(input(book));

    await press(book, 'Escape');

    await waitUntil(() => !book.open);
    expect(document.activeElement).to.equal(button);
  });

  describe('with no opener to go back to (docs/rules.md#focus-after-close)', () => {
    /** A page whose book is open from the start: nothing opened it, focus was on the body. */
    async function openAtLoad(page: ReturnType<typeof html>) {
      // Books of earlier tests are still on the page: none may hold focus when this one opens.
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      if (focused instanceof HTMLElement) focused.blur();
      const wrapper = await fixture<HTMLElement>(page);
      const book = wrapper.querySelector('contactpad-address-book')!;
      await settle(book);
      expect(shadow(book).activeElement, 'the search field has focus').to.equal(input(book));
      return { wrapper, book };
    }

    it('gives focus to the control before the book when it was open at page load', async () => {
      const adapter = new CountingAdapter();
      const { wrapper, book } = await openAtLoad(html`<div>
        <button type="button" id="make-call">Make call</button>
        <p>Choose whom to call.</p>
        <contactpad-address-book open .adapter=${adapter}></contactpad-address-book>
        <button type="button">Help</button>
      </div>`);

      await press(book, 'Escape');

      await waitUntil(() => !book.open);
      expect(document.activeElement?.id, 'focus is on "Make call", not lost to the body').to.equal('make-call');
      expect(wrapper.contains(document.activeElement)).to.equal(true);
    });

    it('gives focus to a focusable container around the book', async () => {
      const { book } = await openAtLoad(html`<div>
        <button type="button">Make call</button>
        <section id="consult-panel" tabindex="-1" aria-label="Consult">
          <contactpad-address-book open .adapter=${new CountingAdapter()}></contactpad-address-book>
        </section>
      </div>`);

      await press(book, 'Escape');

      await waitUntil(() => !book.open);
      expect(document.activeElement?.id).to.equal('consult-panel');
    });

    it('gives focus to the control after the book when none comes before it', async () => {
      const { book } = await openAtLoad(html`<div>
        <contactpad-address-book open .adapter=${new CountingAdapter()}></contactpad-address-book>
        <button type="button" disabled>Disabled</button>
        <button type="button" id="help">Help</button>
      </div>`);

      await press(book, 'Escape');

      await waitUntil(() => !book.open);
      expect(document.activeElement?.id).to.equal('help');
    });

    it('falls back the same way when the button that opened it is gone', async () => {
      const { button, book } = await bookWithOpener(new CountingAdapter());
      const page = button.parentElement!;
      page.insertAdjacentHTML('afterbegin', '<a href="#top" id="top-link">Top</a>');
      await openFrom(button, book);
      button.remove();

      await press(book, 'Escape');

      await waitUntil(() => !book.open);
      expect(document.activeElement?.id).to.equal('top-link');
    });

    it('leaves focus where the host puts it when the book closes (contactpad-hide)', async () => {
      const { wrapper, book } = await openAtLoad(html`<div>
        <button type="button">Before</button>
        <contactpad-address-book open .adapter=${new CountingAdapter()}></contactpad-address-book>
        <button type="button" id="chosen">Chosen by the host</button>
      </div>`);
      book.addEventListener('contactpad-hide', () => wrapper.querySelector<HTMLElement>('#chosen')!.focus());

      await press(book, 'Escape');

      await waitUntil(() => !book.open);
      expect(document.activeElement?.id).to.equal('chosen');
    });
  });

  it('gives focus back to the button that opened it after a choice', async () => {
    const { button, book } = await bookWithOpener(new CountingAdapter());
    await openFrom(button, book);

    await press(book, 'Enter');

    await waitUntil(() => !book.open);
    expect(document.activeElement).to.equal(button);
  });

  it('opens a menu of the numbers of an entry with several, and picks the second with ArrowDown + Enter', async () => {
    const book = await openBook(new CountingAdapter(), { mode: 'consult' });
    const selects = recordSelects(book);

    await openNumberMenu(book);
    expect(selects, 'nothing is chosen before a number is').to.have.length(0);
    const list = menu(book).shadowRoot!.querySelector('[role="menu"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Choose a number for José Álvarez');
    const items = [...list.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['Direct +34 91 123 4567', 'Mobile +34 600 123 456']);

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => selects.length === 1, 'no contactpad-select');
    expect(selects[0]!.detail.entry!.id).to.equal('u-jose');
    expect(selects[0]!.detail.number!.value).to.equal('+34 600 123 456');
    expect(selects[0]!.detail.mode).to.equal('consult');
    await waitUntil(() => !book.open);
    expect(menu(book).open).to.equal(false);
  });

  it('picks the first number with Enter straight away', async () => {
    const book = await openBook(new CountingAdapter());
    const selects = recordSelects(book);

    await openNumberMenu(book);
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => selects.length === 1);
    expect(selects[0]!.detail.number!.value).to.equal('+34 91 123 4567');
  });

  it('closes the number menu on Escape and returns to the search field, leaving the book open', async () => {
    const book = await openBook(new CountingAdapter());
    const selects = recordSelects(book);

    await openNumberMenu(book);
    await sendKeys({ press: 'Escape' });
    await book.updateComplete;

    await waitUntil(() => !menu(book).open, 'the menu stayed open');
    expect(book.open).to.equal(true);
    expect(shadow(book).activeElement).to.equal(input(book));
    expect(book.query).to.equal('jose');
    expect(selects).to.have.length(0);

    // The search field still works: Escape now closes the book.
    await press(book, 'Escape');
    await waitUntil(() => !book.open);
  });

  it('stays open when contactpad-select is cancelled, with focus back in the search field', async () => {
    const book = await openBook(new CountingAdapter());
    const selects = recordSelects(book);
    book.addEventListener('contactpad-select', (event) => event.preventDefault());

    await press(book, 'Enter');
    expect(selects).to.have.length(1);
    expect(book.open).to.equal(true);
    expect(shadow(book).activeElement).to.equal(input(book));

    await openNumberMenu(book);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => selects.length === 2);
    await book.updateComplete;
    expect(book.open, 'cancelled from the number menu').to.equal(true);
    expect(shadow(book).activeElement).to.equal(input(book));
  });
});
