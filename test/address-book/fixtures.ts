/** Builders shared by the address book's browser tests. */
import { html, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DirectoryAdapter, DirectoryListing, PresenceRecord, SignedInAgent } from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import { DirectoryCache } from '../../src/directory/directory-cache.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadErrorDetail, ContactpadSelectDetail } from '../../src/address-book/events.js';
import type { ContactpadPresenceIcon } from '../../src/presence-icon/presence-icon.component.js';
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

/** What a linked agent sees in outbound mode with {@link ENTRIES}, in list order. */
export const OUTBOUND_NAMES = ['Anna Lindqvist', 'Bob Agent', 'Facilities emergency', 'José Álvarez', 'Main reception', 'Sales queue', 'Zoë Müller'];

export const LINKED: SignedInAgent = { agentId: 'agent-me', linkedTeamsUserId: ME };
export const NOT_LINKED: SignedInAgent = { agentId: 'agent-me', linkedTeamsUserId: null };

/** `count` external contacts named "Contact 01"…, for lists longer than a page. */
export function manyContacts(count: number): DirectoryEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { kind: 'external-contact' as const, id: `ext-${n}`, displayName: `Contact ${n}`, numbers: numbers(`+44 161 496 00${n}`) };
  });
}

/**
 * An adapter that counts and records its calls, with presences the test can change between opens. Its listing can
 * be made to fail (`listFailure`) or to never answer (`hangList`); its presence request can be held until aborted
 * (`holdPresences`).
 */
export class CountingAdapter implements DirectoryAdapter {
  listCalls = 0;
  presenceCalls: string[][] = [];
  presenceSignals: AbortSignal[] = [];
  presences = new Map<string, PresenceRecord>();
  failPresences = false;
  /** When set, `listEntries` rejects with it. */
  listFailure: Error | undefined = undefined;
  /** When true, `listEntries` never settles (unless aborted). */
  hangList = false;
  /** When true, `getPresences` settles only when its signal aborts (rejecting with the abort reason). */
  holdPresences = false;

  constructor(
    public entries: readonly unknown[] = ENTRIES,
    public agent: SignedInAgent = LINKED,
  ) {
    for (const entry of ENTRIES) if (entry.kind === 'teams-user') this.presences.set(entry.id, { id: entry.id, availability: 'Available', activity: 'Available' });
  }

  setPresence(id: string, availability: string, activity: string = availability) {
    this.presences.set(id, { id, availability, activity });
  }

  listEntries({ signal }: { signal: AbortSignal }): Promise<DirectoryListing> {
    this.listCalls++;
    if (this.hangList) return untilAborted(signal);
    if (this.listFailure !== undefined) return Promise.reject(this.listFailure);
    return Promise.resolve({ entries: this.entries as DirectoryEntry[] });
  }

  getPresences(ids: readonly string[], { signal }: { signal: AbortSignal }): Promise<readonly PresenceRecord[]> {
    this.presenceCalls.push([...ids]);
    this.presenceSignals.push(signal);
    signal.throwIfAborted();
    if (this.holdPresences) return untilAborted(signal);
    if (this.failPresences) return Promise.reject(new Error('presence service down'));
    return Promise.resolve(ids.flatMap((id) => this.presences.get(id) ?? []));
  }

  getSignedInAgent() {
    return Promise.resolve(this.agent);
  }
}

/** A promise that rejects with the signal's reason when it aborts, and otherwise never settles. */
export function untilAborted<T>(signal: AbortSignal): Promise<T> {
  return new Promise<T>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

export interface BookOptions {
  mode?: 'outbound' | 'consult';
  consultToQueue?: boolean;
}

/** A closed book on the given adapter (each test uses its own adapter, so the shared cache is not shared). */
export function renderBook(adapter: DirectoryAdapter, attributes: BookOptions = {}) {
  return fixture<ContactpadAddressBook>(
    html`<contactpad-address-book .adapter=${adapter} mode=${attributes.mode ?? 'outbound'} ?consult-to-queue=${attributes.consultToQueue ?? false}></contactpad-address-book>`,
  );
}

/** An open book whose directory load has settled. */
export async function openBook(adapter: DirectoryAdapter, attributes: BookOptions = {}) {
  const book = await renderBook(adapter, attributes);
  await book.show();
  await settle(book);
  return book;
}

/** Waits for the load in progress and the render after it. */
export async function settle(book: ContactpadAddressBook) {
  await book.loadComplete;
  await book.updateComplete;
  await book.updateComplete;
}

/** An open book on the adapter whose load has settled, with the error events it fired from before it opened. */
export async function openWatched(adapter: DirectoryAdapter, attributes: BookOptions = {}) {
  const book = await renderBook(adapter, attributes);
  const errors = recordErrors(book);
  await book.show();
  await settle(book);
  return { book, errors };
}

/** Closes and reopens the book, waiting until it has settled. */
export async function reopen(book: ContactpadAddressBook) {
  await book.hide();
  await book.show();
  await settle(book);
}

export function shadow(book: ContactpadAddressBook) {
  return book.shadowRoot!;
}

export function options(book: ContactpadAddressBook): HTMLElement[] {
  return [...shadow(book).querySelectorAll<HTMLElement>('[role="option"]')];
}

export function optionNames(book: ContactpadAddressBook): string[] {
  return [...shadow(book).querySelectorAll('[role="option"] [part="option-name"]')].map((node) => node.textContent.trim());
}

/** The option whose name is `name`. */
export function optionNamed(book: ContactpadAddressBook, name: string): HTMLElement | undefined {
  return options(book).find((option) => option.querySelector('[part="option-name"]')?.textContent.trim() === name);
}

export function input(book: ContactpadAddressBook): HTMLInputElement {
  return shadow(book).querySelector('input')!;
}

export function part(book: ContactpadAddressBook, name: string): HTMLElement | null {
  return shadow(book).querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(book: ContactpadAddressBook, name: string): HTMLElement[] {
  return [...shadow(book).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Texts of every element with the part, trimmed and with runs of white space collapsed. */
export function partTexts(book: ContactpadAddressBook, name: string): string[] {
  return parts(book, name).map((node) => node.textContent.replace(/\s+/g, ' ').trim());
}

export function liveRegion(book: ContactpadAddressBook): HTMLElement {
  return shadow(book).querySelector<HTMLElement>('[role="status"]')!;
}

/** The option `aria-activedescendant` points at, looked up in the search field's own root. */
export function activeOption(book: ContactpadAddressBook): HTMLElement | null {
  const id = input(book).getAttribute('aria-activedescendant');
  return id ? shadow(book).getElementById(id) : null;
}

export function presenceIcon(book: ContactpadAddressBook, name: string): ContactpadPresenceIcon | null {
  return optionNamed(book, name)?.querySelector('contactpad-presence-icon') ?? null;
}

/** The accessible name the presence icon gives itself. */
export async function presenceLabel(icon: ContactpadPresenceIcon): Promise<string | null> {
  await icon.updateComplete;
  return icon.shadowRoot!.querySelector('[role="img"]')?.getAttribute('aria-label') ?? null;
}

/** Types into the search field for real (replacing what is there); an empty string clears it. */
export async function typeQuery(book: ContactpadAddressBook, text: string) {
  const field = input(book);
  field.focus();
  field.select();
  await sendKeys(text === '' ? { press: 'Backspace' } : { type: text });
  await waitUntil(() => book.query === text, `query did not become "${text}"`);
  await book.updateComplete;
}

export async function press(book: ContactpadAddressBook, key: string) {
  await sendKeys({ press: key });
  await book.updateComplete;
}

/** Records every event of a name fired at (or bubbling through) a target. */
export function record<T>(target: EventTarget, name: string): CustomEvent<T>[] {
  const events: CustomEvent<T>[] = [];
  target.addEventListener(name, (event) => events.push(event as CustomEvent<T>));
  return events;
}

export const recordErrors = (target: EventTarget) => record<ContactpadErrorDetail>(target, 'contactpad-error');
export const recordSelects = (target: EventTarget) => record<ContactpadSelectDetail>(target, 'contactpad-select');

/** Collects uncaught errors and unhandled rejections until `stop()` is called. */
export function watchUncaught() {
  const problems: unknown[] = [];
  const onError = (event: ErrorEvent) => problems.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export { DirectoryCache };
