/**
 * Right-to-left: with `dir="rtl"` on an ancestor the book mirrors (measured against the same book left to right), the
 * number menu opens at the row's inline end, phone numbers stay left to right, and the search field keeps its native
 * Left and Right keys.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadNumberMenu } from '../../src/number-menu/number-menu.component.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { CountingAdapter, ENTRIES, LINKED, activeOption, input, numbers, optionNamed, part, press, settle, shadow, typeQuery } from './fixtures.js';

type Direction = 'ltr' | 'rtl';

/** An open, settled book inside an element with `dir`, wide enough for the wide row layout. */
async function bookIn(dir: Direction): Promise<ContactpadAddressBook> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div dir=${dir} style="inline-size: 40rem"><contactpad-address-book .adapter=${new CountingAdapter()}></contactpad-address-book></div>`,
  );
  const book = wrapper.querySelector<ContactpadAddressBook>('contactpad-address-book')!;
  await book.show();
  await settle(book);
  await waitUntil(() => optionNamed(book, 'Anna Lindqvist')?.querySelector('contactpad-presence-icon'), 'no presence icon on the first row');
  return book;
}

/** How far the element's inline-start edge is from its container's: from the left in LTR, from the right in RTL. */
function startOffset(element: Element, container: Element, dir: Direction): number {
  const box = element.getBoundingClientRect();
  const outer = container.getBoundingClientRect();
  return dir === 'ltr' ? box.left - outer.left : outer.right - box.right;
}

/** The rendered box of the first and of the last character of an element's text. */
function firstAndLastCharacter(element: Element): { first: DOMRect; last: DOMRect } {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.trim() !== '') texts.push(node as Text);
  const box = (node: Text, at: number) => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect();
  };
  const firstNode = texts[0]!;
  const lastNode = texts.at(-1)!;
  return { first: box(firstNode, firstNode.data.search(/\S/)), last: box(lastNode, lastNode.data.trimEnd().length - 1) };
}

/** The rendered box of each character of `text` where it occurs in the element's text (across text nodes). */
function boxesOf(element: Element, text: string): DOMRect[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const whole = nodes.map((node) => node.data).join('');
  const at = whole.indexOf(text);
  expect(at, `"${text}" in "${whole}"`).to.be.at.least(0);
  const boxes: DOMRect[] = [];
  let offset = 0;
  for (const node of nodes) {
    for (let i = 0; i < node.data.length; i++) {
      const index = offset + i;
      if (index < at || index >= at + text.length || node.data[i] === ' ') continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      boxes.push(range.getBoundingClientRect());
    }
    offset += node.data.length;
  }
  return boxes;
}

/** Whether a number reads left to right on screen: its "+" left of its last digit. *//** Whether a number reads left to right on screen: its "+" left of its last digit. */
function readsLeftToRight(element: Element): boolean {
  const { first, last } = firstAndLastCharacter(element);
  return first.left < last.left;
}

function expectLtrNumber(element: Element, what: string) {
  expect(element.textContent.trim(), what).to.match(/^\+\d[\d ]*\d$/);
  expect(getComputedStyle(element).direction, `${what}: direction`).to.equal('ltr');
  expect(getComputedStyle(element).unicodeBidi, `${what}: isolated`).to.equal('isolate');
  expect(readsLeftToRight(element), `${what}: "+" on the left`).to.equal(true);
}

async function openNumberMenu(book: ContactpadAddressBook): Promise<ContactpadNumberMenu> {
  await typeQuery(book, 'jose');
  await press(book, 'Enter');
  const menu = shadow(book).querySelector<ContactpadNumberMenu>('contactpad-number-menu')!;
  await waitUntil(() => menu.open && menu.style.left !== '', 'the number menu was not placed');
  await menu.updateComplete;
  return menu;
}

describe('address book right to left', () => {
  it('inherits the direction of its ancestor', async () => {
    const book = await bookIn('rtl');

    expect(getComputedStyle(part(book, 'base')!).direction).to.equal('rtl');
    expect(getComputedStyle(input(book)).direction).to.equal('rtl');
  });

  it('mirrors the row layout: presence at the right, the number at the left', async () => {
    const ltr = await bookIn('ltr');
    const rtl = await bookIn('rtl');
    const rowOf = (book: ContactpadAddressBook) => optionNamed(book, 'Anna Lindqvist')!;
    const pieces = (row: HTMLElement) => ({
      presence: row.querySelector('contactpad-presence-icon')!,
      name: row.querySelector('[part="option-name"]')!,
      number: row.querySelector('[part="option-number"]')!,
    });

    const row = rowOf(rtl);
    const { presence, name, number } = pieces(row);
    const rowBox = row.getBoundingClientRect();
    const middle = rowBox.left + rowBox.width / 2;
    expect(presence.getBoundingClientRect().left, 'presence in the right half').to.be.greaterThan(middle);
    expect(number.getBoundingClientRect().right, 'number in the left half').to.be.lessThan(middle);
    expect(name.getBoundingClientRect().right, 'name left of the presence').to.be.at.most(presence.getBoundingClientRect().left);
    expect(number.getBoundingClientRect().right, 'number left of the name').to.be.at.most(name.getBoundingClientRect().left);

    // The exact mirror image of the left-to-right row.
    const ltrPieces = pieces(rowOf(ltr));
    for (const key of ['presence', 'name', 'number'] as const) {
      const expected = startOffset(ltrPieces[key], rowOf(ltr), 'ltr');
      expect(startOffset(pieces(row)[key], row, 'rtl'), `${key} from the row's start`).to.be.closeTo(expected, 1);
    }
    expect(rowBox.width).to.be.closeTo(rowOf(ltr).getBoundingClientRect().width, 1);
  });

  it('mirrors the search row: the field at the right, the kind filter at the left', async () => {
    const ltr = await bookIn('ltr');
    const rtl = await bookIn('rtl');
    const field = input(rtl).getBoundingClientRect();
    const filter = part(rtl, 'kind-filter')!.getBoundingClientRect();

    expect(filter.right, 'filter left of the field').to.be.at.most(field.left);
    for (const name of ['search-input', 'kind-filter']) {
      const expected = startOffset(part(ltr, name)!, part(ltr, 'search')!, 'ltr');
      expect(startOffset(part(rtl, name)!, part(rtl, 'search')!, 'rtl'), name).to.be.closeTo(expected, 1);
    }
  });

  it("opens the number menu aligned to the row's inline end: the right edge in LTR, the left edge in RTL", async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const book = await bookIn(dir);
      const menu = await openNumberMenu(book);
      const row = activeOption(book)!.getBoundingClientRect();
      const surface = menu.shadowRoot!.querySelector('[part="menu"]')!.getBoundingClientRect();

      if (dir === 'ltr') expect(surface.right, 'ltr: right edges').to.be.closeTo(row.right, 1);
      else expect(surface.left, 'rtl: left edges').to.be.closeTo(row.left, 1);
      // Below the row, or above it when the viewport has no room below (flip): never over it.
      expect(surface.top >= row.bottom - 0.5 || surface.bottom <= row.top + 0.5, `${dir}: next to the row, not over it`).to.equal(true);
      // Placed by its left edge, not stretched across the row (an inline-start inset would be `right` in RTL).
      expect(surface.width, `${dir}: its own width`).to.be.lessThan(row.width * 0.75);
      expect(getComputedStyle(menu).direction, `${dir}: the menu's direction`).to.equal(dir);
    }
  });

  it('keeps phone numbers left to right inside right-to-left text: rows, matches, the typed number and the menu', async () => {
    const book = await bookIn('rtl');
    const numbers = shadow(book).querySelectorAll('[part="option-number"]');
    expect(numbers.length).to.be.greaterThan(3);
    for (const number of numbers) {
      expect(number.localName).to.equal('bdi');
      expectLtrNumber(number, number.textContent);
    }
    // The count of further numbers ("+1") reads "+1", not "1+".
    const more = part(book, 'option-more')!;
    expect(more.textContent.trim()).to.match(/^\+\d+$/);
    expect(getComputedStyle(more).direction, 'the "+1" badge: direction').to.equal('ltr');
    expect(readsLeftToRight(more), 'the "+1" badge: "+" on the left').to.equal(true);

    // A match highlighted inside a number, and the typed-number row ("Call +44 20 7946").
    await typeQuery(book, '+44 20 7946');
    const highlighted = shadow(book).querySelector('[part="option-number"]:has([part="highlight"])')!;
    expectLtrNumber(highlighted, 'a highlighted number');
    const typed = part(book, 'typed-number')!;
    expect(typed.querySelector('[part="option-name"]')!.textContent.trim()).to.equal('Call +44 20 7946');
    expectLtrNumber(typed.querySelector('[part="option-name"] bdi')!, 'the typed number');

    await typeQuery(book, '');
    const menu = await openNumberMenu(book);
    const items = menu.shadowRoot!.querySelectorAll('[part="item-number"]');
    expect(items.length).to.equal(2);
    for (const item of items) expectLtrNumber(item, `menu: ${item.textContent}`);
  });

  it('tells a reordered number apart (the measure the tests above rely on)', async () => {
    const paragraph = await fixture<HTMLParagraphElement>(html`<p dir="rtl" style="inline-size: 20rem">התקשר +44 20 7946 0001</p>`);

    // Without isolation, right-to-left text shows "0001 7946 20 44+".
    expect(readsLeftToRight(paragraph)).to.equal(false);
  });

  // docs/rules.md#names-isolated
  it('isolates each text of the directory: a right-to-left job title cannot move the department that follows it', async () => {
    const entries: DirectoryEntry[] = [
      ...ENTRIES,
      { kind: 'teams-user', id: 'u-dana', displayName: 'Dana Levi', numbers: numbers('+972 3 555 0101'), jobTitle: 'מנהלת', department: '2nd line support' },
      { kind: 'vcc-agent', id: 'agent-dana', displayName: 'Dana Agent', numbers: [], vccState: 'ready', linkedTeamsUserId: 'u-dana' },
    ];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="ltr" style="inline-size: 40rem"><contactpad-address-book .adapter=${new CountingAdapter(entries, LINKED)}></contactpad-address-book></div>`,
    );
    const book = wrapper.querySelector<ContactpadAddressBook>('contactpad-address-book')!;
    await book.show();
    await settle(book);
    await typeQuery(book, 'dana');

    // Left to right, the job title then the department: "מנהלת · 2nd line support", never "2 · מנהלת nd line support".
    const detail = optionNamed(book, 'Dana Levi')!.querySelector('[part="option-detail"]')!;
    const title = boxesOf(detail, 'מנהלת');
    const department = boxesOf(detail, '2nd line support');
    expect(Math.min(...department.map((box) => box.left)), 'the department starts right of the job title').to.be.at.least(Math.max(...title.map((box) => box.right)) - 0.5);
    // Every name, job title, department and linked name is in its own <bdi>.
    for (const text of ['Dana Levi', 'מנהלת', '2nd line support']) {
      expect([...shadow(book).querySelectorAll('bdi')].some((bdi) => bdi.textContent === text), `${text} isolated`).to.equal(true);
    }
    const linked = optionNamed(book, 'Dana Agent')!.querySelector('[part="option-detail"]')!;
    expect(linked.querySelector('bdi')?.textContent, 'the linked name isolated').to.equal('Dana Levi');
  });

  it('leaves Left and Right to the search field: they move the caret, not the active row', async () => {
    const book = await bookIn('rtl');
    await typeQuery(book, 'anna');
    const field = input(book);
    const active = activeOption(book);

    for (const key of ['ArrowLeft', 'ArrowRight']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
      field.dispatchEvent(event);
      expect(event.defaultPrevented, key).to.equal(false);
    }

    // Natively, in a right-to-left field the start of the text is at the right: Right moves the caret back towards it.
    expect(field.selectionStart).to.equal(4);
    await sendKeys({ press: 'ArrowRight' });
    await book.updateComplete;
    expect(field.selectionStart, 'ArrowRight moved the caret towards the start').to.equal(3);
    await sendKeys({ press: 'ArrowLeft' });
    await book.updateComplete;
    expect(field.selectionStart, 'ArrowLeft moved it back to the end').to.equal(4);
    expect(activeOption(book)).to.equal(active);
    expect(book.open).to.equal(true);
  });

  it('moves through the list with Up, Down, Home and End as in left to right', async () => {
    const book = await bookIn('rtl');
    const first = activeOption(book);

    await press(book, 'ArrowDown');
    expect(activeOption(book)).to.not.equal(first);
    await press(book, 'End');
    expect(activeOption(book)!.getAttribute('aria-posinset')).to.equal(activeOption(book)!.getAttribute('aria-setsize'));
    await press(book, 'Home');
    expect(activeOption(book)).to.equal(first);
  });
});
