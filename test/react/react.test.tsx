/**
 * The React components of `contactpad-address-book/react`, rendered with react-dom: props reach the elements' properties
 * and the book's events reach their typed `on…` props.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { ContactpadAddressBook as AddressBookElement } from '../../src/address-book/address-book.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import { ContactpadPresenceIcon as PresenceIconElement } from '../../src/presence-icon/presence-icon.js';
import { parsePresence } from '../../src/presence/presence.js';
import {
  ContactpadAddressBook,
  ContactpadPresenceIcon,
  type ContactpadAddressBookProps,
  type ContactpadErrorDetail,
  type ContactpadSelectDetail,
} from '../../src/react/index.js';
import { ENTRIES, LINKED, input, optionNamed, press, presenceLabel, settle, typeQuery } from '../address-book/fixtures.js';

let container: HTMLDivElement;
let root: Root;

/** Renders (or re-renders) synchronously: when it returns, React has committed and set the elements' properties. */
function render(element: ReactNode) {
  flushSync(() => root.render(element));
}

/** Waits for the render that React's props asked for, then for the directory load it started (and its render). */
async function loaded(book: AddressBookElement) {
  await book.updateComplete;
  await settle(book);
}

function bookIn(host: HTMLElement): AddressBookElement {
  const book = host.querySelector('contactpad-address-book');
  expect(book).to.be.instanceOf(AddressBookElement);
  return book!;
}

/** A directory of the shared test entries; the agent is linked to Teams, so Teams entries are listed. */
function memoryDirectory(): DirectoryAdapter {
  return createMemoryDirectory({ entries: ENTRIES, agent: LINKED });
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  root.unmount();
  container.remove();
});

describe('React: <ContactpadAddressBook>', () => {
  it('sets the element properties from its props', async () => {
    const adapter = memoryDirectory();
    const strings = { searchPlaceholder: 'Suchen' } satisfies ContactpadAddressBookProps['strings'];
    render(<ContactpadAddressBook adapter={adapter} open mode="consult" consultToQueue strings={strings} />);
    const book = bookIn(container);

    expect(book.adapter).to.equal(adapter);
    expect(book.open).to.equal(true);
    expect(book.mode).to.equal('consult');
    expect(book.consultToQueue).to.equal(true);
    expect(book.strings).to.equal(strings);
    await loaded(book);
    expect(optionNamed(book, 'Tier 1 support'), 'consult-to-queue offers groups in consult mode').to.exist;
  });

  it('passes a keyboard selection to onContactpadSelect with its typed detail', async () => {
    const selections: ContactpadSelectDetail[] = [];
    const events: string[] = [];
    render(
      <ContactpadAddressBook
        adapter={memoryDirectory()}
        open
        onContactpadSelect={(event) => {
          // Typed as CustomEvent<ContactpadSelectDetail>: `detail.number` is a PhoneNumber or null.
          selections.push(event.detail);
          events.push(`${event.type}:${event.detail.number?.value ?? 'none'}`);
        }}
        onContactpadHide={(event) => events.push(event.type)}
      />,
    );
    const book = bookIn(container);
    await loaded(book);

    await typeQuery(book, 'zoe');
    await press(book, 'Enter');

    expect(selections).to.have.length(1);
    expect(selections[0]!.entry?.id).to.equal('u-zoe');
    expect(selections[0]!.number?.value).to.equal('+49 30 901820');
    expect(selections[0]!.mode).to.equal('outbound');
    await waitUntil(() => !book.open, 'the book did not close after the selection');
    expect(events).to.deep.equal(['contactpad-select:+49 30 901820', 'contactpad-hide']);
  });

  it('passes a prop change to the element, and selections then carry the new mode', async () => {
    const adapter = memoryDirectory();
    const selections: ContactpadSelectDetail[] = [];
    const onSelect = (event: CustomEvent<ContactpadSelectDetail>) => selections.push(event.detail);
    render(<ContactpadAddressBook adapter={adapter} open mode="outbound" onContactpadSelect={onSelect} />);
    const book = bookIn(container);
    await loaded(book);
    expect(optionNamed(book, 'Tier 1 support'), 'no groups in outbound mode').to.not.exist;

    render(<ContactpadAddressBook adapter={adapter} open mode="consult" consultToQueue onContactpadSelect={onSelect} />);

    expect(bookIn(container)).to.equal(book);
    expect(book.mode).to.equal('consult');
    await loaded(book);
    expect(optionNamed(book, 'Tier 1 support'), 'groups offered after the switch to consult-to-queue').to.exist;
    await typeQuery(book, 'tier');
    await press(book, 'Enter');
    expect(selections.map(({ entry, number, mode }) => [entry?.id, number, mode])).to.deep.equal([['group-t1', null, 'consult']]);
  });

  it('swaps and removes event handlers with the props', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const adapter = memoryDirectory();
    render(<ContactpadAddressBook adapter={adapter} open onContactpadSelect={(event) => first.push(event.detail.entry?.id ?? '')} />);
    const book = bookIn(container);
    await loaded(book);

    render(<ContactpadAddressBook adapter={adapter} open onContactpadSelect={(event) => second.push(event.detail.entry?.id ?? '')} />);
    await typeQuery(book, 'anna');
    await press(book, 'Enter');
    expect(first).to.deep.equal([]);
    expect(second).to.deep.equal(['u-anna']);

    render(<ContactpadAddressBook adapter={adapter} open />);
    await book.show();
    await settle(book);
    await typeQuery(book, 'anna');
    await press(book, 'Enter');
    expect(second, 'a removed handler is not called').to.deep.equal(['u-anna']);
  });

  it('reports a failed directory load to onContactpadError', async () => {
    const errors: ContactpadErrorDetail[] = [];
    const failing: DirectoryAdapter = {
      listEntries: () => Promise.reject(new Error('directory down')),
      getSignedInAgent: () => Promise.resolve(LINKED),
    };
    render(<ContactpadAddressBook adapter={failing} open onContactpadError={(event) => errors.push(event.detail)} />);
    const book = bookIn(container);
    await loaded(book);

    expect(errors.map(({ operation, message }) => ({ operation, message }))).to.deep.equal([{ operation: 'list-entries', message: 'The directory could not be listed.' }]);
    expect((errors[0]?.error as Error).message, 'the raw error').to.equal('directory down');
    expect(input(book), 'the book stays usable').to.exist;
  });

  it('forwards a ref to the element', () => {
    let element: AddressBookElement | null = null;
    render(<ContactpadAddressBook ref={(node) => { element = node; }} />);
    expect(element).to.equal(bookIn(container));
  });
});

describe('React: <ContactpadPresenceIcon>', () => {
  it('sets the presence and re-renders on a prop change', async () => {
    render(<ContactpadPresenceIcon presence={parsePresence({ availability: 'Busy', activity: 'InACall' }, null)} />);
    const icon = container.querySelector('contactpad-presence-icon');
    expect(icon).to.be.instanceOf(PresenceIconElement);
    expect(await presenceLabel(icon!)).to.equal('Busy, In a call');

    render(<ContactpadPresenceIcon presence={parsePresence({ availability: 'Away', activity: 'Away' }, null)} />);
    expect(await presenceLabel(icon!)).to.equal('Away');
  });
});
