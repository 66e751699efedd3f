/** Builders shared by the address book's browser tests. */
import { html, fixture } from '@open-wc/testing';
import type { DirectoryAdapter, PresenceRecord, SignedInAgent } from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import { DirectoryCache } from '../../src/directory/directory-cache.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import '../../src/address-book/address-book.js';

export function numbers(...values: string[]) {
  return values.map((value) => toPhoneNumber(value, 'ddi')!);
}

export const ME = 'teams-me';

export const ENTRIES: DirectoryEntry[] = [
  { kind: 'teams-user', id: 'u-anna', displayName: 'Anna Lindqvist', numbers: numbers('+44 20 7946 0001'), jobTitle: 'Account manager', department: 'Sales', mail: 'anna@contoso.example' },
  { kind: 'teams-user', id: 'u-zoe', displayName: 'Zoë Müller', numbers: numbers('+49 30 901820'), jobTitle: 'Engineer', department: 'IT' },
  { kind: 'teams-user', id: 'u-jose', displayName: 'José Álvarez', numbers: [...numbers('+34 91 123 4567'), toPhoneNumber('+34 600 123 456', 'mobile')!], department: 'Finance' },
  { kind: 'teams-user', id: 'u-nonumber', displayName: 'Nora Numberless', numbers: [], department: 'HR' },
  { kind: 'teams-user', id: ME, displayName: 'Me Myself', numbers: numbers('+44 20 7946 0999') },
  { kind: 'auto-attendant', id: 'aa-main', displayName: 'Main reception', numbers: numbers('+44 20 7946 0100') },
  { kind: 'call-queue', id: 'cq-sales', displayName: 'Sales queue', numbers: numbers('+44 20 7946 0200') },
  { kind: 'vcc-agent', id: 'agent-me', displayName: 'Agent Me', numbers: [], vccState: 'ready', linkedTeamsUserId: ME },
  { kind: 'vcc-agent', id: 'agent-bob', displayName: 'Bob Agent', numbers: [], vccState: 'busy' },
  { kind: 'vcc-group', id: 'group-t1', displayName: 'Tier 1 support', numbers: [] },
  { kind: 'interaction-plan', id: 'plan-cb', displayName: 'Priority callback', numbers: [] },
  { kind: 'external-contact', id: 'ext-fac', displayName: 'Facilities emergency', numbers: numbers('+44 20 7946 0555') },
];

export const LINKED: SignedInAgent = { agentId: 'agent-me', linkedTeamsUserId: ME };

/** An adapter that counts and records its calls, with presences the test can change between opens. */
export class CountingAdapter implements DirectoryAdapter {
  listCalls = 0;
  presenceCalls: string[][] = [];
  presences = new Map<string, PresenceRecord>();
  failPresences = false;

  constructor(
    public entries: readonly unknown[] = ENTRIES,
    public agent: SignedInAgent = LINKED,
  ) {
    for (const entry of ENTRIES) if (entry.kind === 'teams-user') this.presences.set(entry.id, { id: entry.id, availability: 'Available', activity: 'Available' });
  }

  listEntries() {
    this.listCalls++;
    return Promise.resolve({ entries: this.entries as DirectoryEntry[] });
  }

  getPresences(ids: readonly string[], { signal }: { signal: AbortSignal }) {
    this.presenceCalls.push([...ids]);
    signal.throwIfAborted();
    if (this.failPresences) return Promise.reject(new Error('presence service down'));
    return Promise.resolve(ids.flatMap((id) => this.presences.get(id) ?? []));
  }

  getSignedInAgent() {
    return Promise.resolve(this.agent);
  }
}

/** A book on its own cache (tests must not share the module-wide cache). */
export async function openBook(adapter: DirectoryAdapter, attributes: { mode?: 'outbound' | 'consult'; consultToQueue?: boolean } = {}) {
  const book = await fixture<ContactpadAddressBook>(
    html`<contactpad-address-book .adapter=${adapter} mode=${attributes.mode ?? 'outbound'} ?consult-to-queue=${attributes.consultToQueue ?? false}></contactpad-address-book>`,
  );
  await book.show();
  await book.loadComplete;
  await book.updateComplete;
  return book;
}

export function shadow(book: ContactpadAddressBook) {
  return book.shadowRoot!;
}

export function optionNames(book: ContactpadAddressBook): string[] {
  return [...shadow(book).querySelectorAll('[role="option"] [part="option-name"]')].map((node) => node.textContent.trim());
}

export function input(book: ContactpadAddressBook): HTMLInputElement {
  return shadow(book).querySelector('input')!;
}

export { DirectoryCache };
