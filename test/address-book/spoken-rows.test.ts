/**
 * What a row says to assistive technology, as Chromium computes it (its accessibility tree, not the DOM text): the
 * entry's name first, then its presence in the translated wording, words kept apart when a search highlights them, the
 * same whether or not a tooltip is open; the presence detail (status message, when it was read) as the active row's
 * description; and the active row's tooltip shown when the agent moves with the keyboard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import type { ContactpadPresenceIcon } from '../../src/presence-icon/presence-icon.component.js';
import { ar, arPresenceStrings } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { accessibleNode } from '../support/accessible-node.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  activeOption,
  numbers,
  openBook,
  optionNamed,
  press,
  presenceIcon,
  settle,
  typeQuery,
} from './fixtures.js';

const MORE: DirectoryEntry[] = [
  ...ENTRIES,
  { kind: 'teams-user', id: 'u-agnieszka', displayName: 'Agnieszka Nowak', numbers: numbers('+48 22 123 4567'), jobTitle: 'After hours', department: 'Support' },
  { kind: 'vcc-group', id: 'group-ah', displayName: 'After hours', numbers: [], description: 'Night shift' },
];

/** The accessible name Chromium gives the row named `name`. */
async function spokenName(book: ContactpadAddressBook, name: string): Promise<string> {
  const row = optionNamed(book, name);
  expect(row, `a row named ${name}`).to.exist;
  const node = await accessibleNode(row!);
  expect(node?.role, `${name}: role`).to.equal('option');
  return node!.name;
}

/** An open book whose presence has arrived (every Teams user of {@link ENTRIES} is Available). */
async function bookWithPresence(adapter = new CountingAdapter(MORE, LINKED)): Promise<ContactpadAddressBook> {
  const book = await openBook(adapter, { mode: 'consult', consultToQueue: true });
  await waitUntil(() => presenceIcon(book, 'Anna Lindqvist')?.presence.state === 'available', 'presence did not arrive');
  return book;
}

function tooltipShown(icon: ContactpadPresenceIcon | null): boolean {
  const tooltip = icon?.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]');
  return tooltip !== null && tooltip !== undefined && !tooltip.hidden;
}

describe('what a row says to assistive technology', () => {
  afterEach(async () => {
    await resetMouse();
  });

  // docs/rules.md#rows-spoken-name-then-presence
  it('keeps the words of a highlighted name apart', async () => {
    const book = await bookWithPresence();

    await typeQuery(book, 'agnieszka nowak');
    expect(await spokenName(book, 'Agnieszka Nowak')).to.match(/^Agnieszka Nowak\b/);

    await typeQuery(book, 'after h');
    expect(await spokenName(book, 'After hours')).to.match(/^After hours\b/);
    // The same in a second line: her job title matched.
    expect(await spokenName(book, 'Agnieszka Nowak')).to.include('After hours');

    await typeQuery(book, '+48 22 123');
    expect(await spokenName(book, 'Agnieszka Nowak')).to.include('+48 22 123 4567');
  });

  // docs/rules.md#rows-spoken-name-then-presence
  it('says the name first, then the presence after a separator, then the rest of the row', async () => {
    const book = await bookWithPresence();

    expect(await spokenName(book, 'Anna Lindqvist')).to.equal('Anna Lindqvist, Available, Account manager · Sales, +44 20 7946 0001');
    expect(await spokenName(book, 'José Álvarez')).to.equal('José Álvarez, Available, Finance, +34 91 123 4567, 1 more number');
    // No presence: the name, then the rest (the kind is shown as a badge for all but Teams users).
    expect(await spokenName(book, 'Sales queue')).to.equal('Sales queue, +44 20 7946 0200, Call queue');
    expect(await spokenName(book, 'Bob Agent')).to.equal('Bob Agent, Busy, Agent');
  });

  // docs/rules.md#rows-spoken-name-then-presence
  it('says the same whether or not the presence tooltip is open', async () => {
    const book = await bookWithPresence();
    const before = await spokenName(book, 'Anna Lindqvist');

    const icon = presenceIcon(book, 'Anna Lindqvist')!;
    const box = icon.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await waitUntil(() => tooltipShown(icon), 'hovering the icon did not open its tooltip');
    await book.updateComplete;

    expect(await spokenName(book, 'Anna Lindqvist')).to.equal(before);
  });

  // docs/rules.md#rows-spoken-name-then-presence
  it('uses the translation’s wording for the name with its presence', async () => {
    const german = await bookWithPresence();
    german.lang = 'de';
    Object.assign(german, de);
    await german.updateComplete;
    expect(await spokenName(german, 'Anna Lindqvist')).to.match(/^Anna Lindqvist, Verfügbar, /);

    const arabic = await bookWithPresence();
    arabic.lang = 'ar';
    arabic.dir = 'rtl';
    Object.assign(arabic, ar);
    await arabic.updateComplete;
    const spoken = await spokenName(arabic, 'Anna Lindqvist');
    expect(spoken.startsWith(arPresenceStrings.presenceOf('Anna Lindqvist', 'متوفر')), spoken).to.equal(true);
  });

  // docs/rules.md#presence-detail-for-keyboard-and-screen-readers
  it('describes the active row by its presence detail: status message and when it was read', async () => {
    const adapter = new CountingAdapter(MORE, LINKED);
    adapter.presences.set('u-zoe', { id: 'u-zoe', availability: 'Busy', activity: 'InACall', statusMessage: { message: { content: 'Back at 3pm' } } });
    const book = await bookWithPresence(adapter);

    await typeQuery(book, 'zoe');
    const row = activeOption(book);
    expect(row, 'an active row').to.exist;
    const node = await accessibleNode(row!);
    expect(node!.name).to.match(/^Zoë Müller, Busy, In a call\b/);
    expect(node!.description).to.match(/^Busy, In a call, Back at 3pm, Read at \d{1,2}:\d{2}/);
  });

  // docs/rules.md#presence-detail-for-keyboard-and-screen-readers
  it('shows the active row’s presence tooltip when the agent moves with the keyboard', async () => {
    const book = await bookWithPresence(new CountingAdapter(ENTRIES, LINKED));
    const anna = presenceIcon(book, 'Anna Lindqvist');
    const bob = presenceIcon(book, 'Bob Agent');
    expect(tooltipShown(anna), 'no tooltip before the agent moves').to.equal(false);

    // The list starts at Anna Lindqvist; Down moves to Bob Agent, Up back to Anna.
    await press(book, 'ArrowDown');
    await waitUntil(() => tooltipShown(bob), 'ArrowDown did not show the active row’s tooltip');
    await press(book, 'ArrowUp');
    await waitUntil(() => tooltipShown(anna), 'ArrowUp did not show the active row’s tooltip');
    expect(tooltipShown(bob), 'the row left behind hides its tooltip').to.equal(false);

    // Typing is not moving: the tooltip goes.
    await typeQuery(book, 'anna');
    expect(tooltipShown(presenceIcon(book, 'Anna Lindqvist')), 'typing hides it').to.equal(false);
  });

  // docs/rules.md#presence-detail-for-keyboard-and-screen-readers
  it('hides the keyboard tooltip when the agent points at another row, opens the number menu or closes the book', async () => {
    const book = await bookWithPresence(new CountingAdapter(ENTRIES, LINKED));
    await press(book, 'ArrowDown');
    const bob = presenceIcon(book, 'Bob Agent');
    await waitUntil(() => tooltipShown(bob), 'ArrowDown did not show the tooltip');

    // The pointer makes another row active.
    optionNamed(book, 'Facilities emergency')!.scrollIntoView({ block: 'center' });
    const facilities = optionNamed(book, 'Facilities emergency')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(facilities.right - 4), Math.round(facilities.top + facilities.height / 2)] });
    await waitUntil(() => !tooltipShown(bob), 'pointing at another row left the keyboard tooltip open');

    // Down from Facilities emergency: José Álvarez, who has two numbers: Enter opens the menu of them over his row.
    await press(book, 'ArrowDown');
    const jose = presenceIcon(book, 'José Álvarez');
    await waitUntil(() => tooltipShown(jose), 'moving on with the keyboard did not show the tooltip');
    await press(book, 'Enter');
    await waitUntil(() => !tooltipShown(jose), 'the number menu opened over the tooltip');

    await press(book, 'Escape');
    await book.updateComplete;
    expect(tooltipShown(jose), 'closing the menu is not moving').to.equal(false);
    await press(book, 'ArrowDown');
    await press(book, 'ArrowUp');
    await waitUntil(() => tooltipShown(jose), 'the tooltip did not show again');
    await book.hide();
    expect(tooltipShown(jose), 'closed').to.equal(false);
    await book.show();
    await settle(book);
    expect(tooltipShown(presenceIcon(book, 'José Álvarez')), 'reopened').to.equal(false);
  });
});
