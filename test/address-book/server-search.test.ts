/**
 * Server search, for directories too large to download: the listing says `serverSearch`, and what the agent types is
 * searched on the server after a quiet time, the search in flight aborted by the next keystroke. Server results are
 * offered by the same rules as local ones (a Teams user needs a number), highlighted, and asked presence once per
 * open; a failed search is reported once and leaves the local entries on screen.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import { SERVER_SEARCH_DEBOUNCE_MS } from '../../src/address-book/results-controller.js';
import type {
  DirectoryAdapter,
  DirectoryListing,
  GetPresencesOptions,
  PresenceRecord,
  SearchEntriesOptions,
  SignedInAgent,
} from '../../src/directory/adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import {
  LINKED,
  input,
  numbers,
  openBook,
  optionNamed,
  optionNames,
  partTexts,
  pause,
  presenceIcon,
  recordErrors,
  typeQuery,
  watchUncaught,
} from './fixtures.js';

/** What the listing holds: one contact-centre agent. */
const LOCAL: DirectoryEntry[] = [{ kind: 'vcc-agent', id: 'agent-annette', displayName: 'Annette Agent', numbers: [], vccState: 'ready' }];

/** What only the server knows: Teams users, one of them without a number. */
const SERVER: DirectoryEntry[] = [
  { kind: 'teams-user', id: 'srv-anneli', displayName: 'Anneli Berg', numbers: numbers('+46 8 123 456 01'), department: 'Support' },
  { kind: 'teams-user', id: 'srv-annika', displayName: 'Annika Holm', numbers: numbers('+46 8 123 456 02') },
  { kind: 'teams-user', id: 'srv-nonumber', displayName: 'Anna Numberless', numbers: [] },
  { kind: 'teams-user', id: 'srv-bo', displayName: 'Bo Ek', numbers: numbers('+46 8 123 456 03') },
  { kind: 'teams-user', id: 'srv-andy', displayName: 'Andy Stale', numbers: numbers('+46 8 123 456 04') },
];

interface SearchCall {
  readonly query: string;
  readonly signal: AbortSignal;
}

/** A tenant too large to download: the listing is partial and the rest is found by `searchEntries`. */
class ServerSearchAdapter implements DirectoryAdapter {
  listCalls = 0;
  searchCalls: SearchCall[] = [];
  presenceCalls: string[][] = [];
  /** When set, `searchEntries` rejects with it. */
  searchFailure: Error | undefined = undefined;
  /** Queries the server answers only when the test releases them (a slow server that ignores aborts). */
  readonly held = new Map<string, () => void>();

  listEntries(): Promise<DirectoryListing> {
    this.listCalls++;
    return Promise.resolve({ entries: LOCAL, serverSearch: true });
  }

  /** Word-prefix matches of names, as Microsoft Graph's `$search` on displayName gives. */
  searchEntries(query: string, { signal }: SearchEntriesOptions): Promise<readonly DirectoryEntry[]> {
    this.searchCalls.push({ query, signal });
    if (this.searchFailure !== undefined) return Promise.reject(this.searchFailure);
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found = SERVER.filter((entry) => {
      const nameWords = entry.displayName.toLowerCase().split(/\s+/);
      return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
    });
    if (!this.held.has(query)) return Promise.resolve(found);
    return new Promise((resolve) => this.held.set(query, () => resolve(found)));
  }

  /** Holds the answer to a query until {@link release}. */
  hold(query: string) {
    this.held.set(query, () => undefined);
  }

  release(query: string) {
    this.held.get(query)?.();
  }

  getPresences(ids: readonly string[], { signal }: GetPresencesOptions): Promise<readonly PresenceRecord[]> {
    this.presenceCalls.push([...ids]);
    signal.throwIfAborted();
    return Promise.resolve(ids.map((id) => ({ id, availability: 'Busy', activity: 'InACall' })));
  }

  getSignedInAgent(): Promise<SignedInAgent> {
    return Promise.resolve(LINKED);
  }
}

/** The highlighted pieces of one row. */
function marks(book: ContactpadAddressBook, name: string): string[] {
  return [...(optionNamed(book, name)?.querySelectorAll('mark[part="highlight"]') ?? [])].map((mark) => mark.textContent);
}

/** Search calls that were not aborted (those whose answer the book may use). */
function liveCalls(adapter: ServerSearchAdapter): SearchCall[] {
  return adapter.searchCalls.filter((call) => !call.signal.aborted);
}

/** Puts text in the search field in one go, as a paste does (one input event). */
async function paste(book: ContactpadAddressBook, text: string) {
  const field = input(book);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await waitUntil(() => book.query === text, `query did not become "${text}"`);
  await book.updateComplete;
}

/** Long enough for a debounced search to have started, were one due. */
const PAST_DEBOUNCE_MS = SERVER_SEARCH_DEBOUNCE_MS + 200;

describe('address book server search', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
  });

  it('sends only the last of quickly typed queries; earlier ones are never sent or are aborted', async () => {
    const adapter = new ServerSearchAdapter();
    // A slow server: were "an" sent (slow typing), it would still be in flight when "ann" is typed.
    adapter.hold('an');
    const book = await openBook(adapter);
    expect(optionNames(book)).to.deep.equal(['Annette Agent']);

    input(book).focus();
    await sendKeys({ type: 'an' });
    await sendKeys({ type: 'n' });
    await waitUntil(() => book.query === 'ann', 'the query did not become "ann"');

    await waitUntil(() => optionNames(book).includes('Anneli Berg'), 'the server results were not listed');
    expect(adapter.searchCalls.length, 'the server was asked').to.be.greaterThan(0);
    expect(adapter.searchCalls.map((call) => call.query).every((query) => query === 'an' || query === 'ann'), 'a one-letter query reached the server').to.equal(true);
    const last = adapter.searchCalls[adapter.searchCalls.length - 1]!;
    expect(last.query).to.equal('ann');
    expect(last.signal.aborted, 'the final search was aborted').to.equal(false);
    const earlier = adapter.searchCalls.slice(0, -1);
    expect(
      earlier.map((call) => ({ query: call.query, aborted: call.signal.aborted })),
      'searches for earlier queries that were not aborted',
    ).to.deep.equal(earlier.map((call) => ({ query: call.query, aborted: true })));
    expect(liveCalls(adapter).map((call) => call.query)).to.deep.equal(['ann']);
    expect(uncaught.problems).to.deep.equal([]);
  });

  it('aborts a search in flight when the agent types on, and never shows its late answer', async () => {
    const adapter = new ServerSearchAdapter();
    adapter.hold('an');
    const book = await openBook(adapter);

    input(book).focus();
    await sendKeys({ type: 'an' });
    await waitUntil(() => adapter.searchCalls.some((call) => call.query === 'an'), '"an" was not searched after the quiet time');
    const slow = adapter.searchCalls.find((call) => call.query === 'an')!;
    expect(slow.signal.aborted).to.equal(false);

    await sendKeys({ type: 'n' });
    await waitUntil(() => slow.signal.aborted, 'the search for "an" was not aborted by the next keystroke');
    await waitUntil(() => optionNames(book).includes('Annika Holm'), 'the search for "ann" was not listed');

    // The slow server answers "an" anyway (it ignored the abort): too late to be shown.
    adapter.release('an');
    await pause(50);
    await book.updateComplete;
    expect(optionNames(book)).to.deep.equal(['Annette Agent', 'Anneli Berg', 'Annika Holm']);
    expect(liveCalls(adapter).map((call) => call.query)).to.deep.equal(['ann']);
  });

  it('lists and highlights server results with a number, ranked after local ones, and leaves out a Teams user without one', async () => {
    const adapter = new ServerSearchAdapter();
    const book = await openBook(adapter);

    await typeQuery(book, 'ann');
    await waitUntil(() => optionNames(book).includes('Annika Holm'), 'the server results were not listed');
    await book.updateComplete;

    expect(optionNames(book)).to.deep.equal(['Annette Agent', 'Anneli Berg', 'Annika Holm']);
    expect(optionNames(book), 'a Teams user without a number').to.not.include('Anna Numberless');
    expect(marks(book, 'Anneli Berg')).to.deep.equal(['Ann']);
    expect(marks(book, 'Annika Holm')).to.deep.equal(['Ann']);
    expect(optionNamed(book, 'Anneli Berg')!.querySelector('[part="option-number"]')!.textContent.trim()).to.equal('+46 8 123 456 01');
    expect(partTexts(book, 'message'), 'no "Searching" or "No matches" message once results are in').to.deep.equal([]);
  });

  it("asks presence for the server results' Teams users exactly once, even when the same query is searched again", async () => {
    const adapter = new ServerSearchAdapter();
    const book = await openBook(adapter);
    await pause(50);
    expect(adapter.presenceCalls, 'the listing has no Teams users').to.deep.equal([]);

    await typeQuery(book, 'ann');
    await waitUntil(() => presenceIcon(book, 'Anneli Berg')?.presence.state === 'busy', "the server result's presence never arrived");
    expect(adapter.presenceCalls.map((ids) => [...ids].sort())).to.deep.equal([['srv-anneli', 'srv-annika']]);

    await typeQuery(book, 'bo');
    await waitUntil(() => optionNames(book).includes('Bo Ek'), 'the second search was not listed');
    await typeQuery(book, 'ann');
    await waitUntil(() => liveCalls(adapter).filter((call) => call.query === 'ann').length === 2, 'the repeated query did not reach the server');
    await waitUntil(() => optionNames(book).includes('Annika Holm'), 'the repeated search was not listed');
    await pause(50);

    const asked = adapter.presenceCalls.flat();
    expect(asked.filter((id) => id === 'srv-anneli'), 'presence requests for Anneli').to.have.length(1);
    expect(asked.filter((id) => id === 'srv-annika'), 'presence requests for Annika').to.have.length(1);
    expect(asked.filter((id) => id === 'srv-bo'), 'presence requests for Bo').to.have.length(1);
    expect(asked, 'a Teams user without a number is not asked for').to.not.include('srv-nonumber');
  });

  it('does not call the server for a one-character query or a number', async () => {
    const adapter = new ServerSearchAdapter();
    const book = await openBook(adapter);

    await typeQuery(book, 'a');
    await pause(PAST_DEBOUNCE_MS);
    expect(adapter.searchCalls.map((call) => call.query), 'one character').to.deep.equal([]);
    expect(optionNames(book)).to.deep.equal(['Annette Agent']);

    await paste(book, '+46 8 123 456');
    await pause(PAST_DEBOUNCE_MS);
    expect(adapter.searchCalls.map((call) => call.query), 'a number').to.deep.equal([]);
    expect(optionNames(book)).to.deep.equal(['Call +46 8 123 456']);
  });

  it('reports a failed search once, says so, and keeps the local entries', async () => {
    const adapter = new ServerSearchAdapter();
    adapter.searchFailure = new Error('Graph said 503');
    const book = await openBook(adapter);
    const errors = recordErrors(book);

    await typeQuery(book, 'ann');
    await waitUntil(() => errors.length > 0, 'no contactpad-error');
    await book.updateComplete;
    await pause(PAST_DEBOUNCE_MS);

    expect(errors.map((event) => ({ operation: event.detail.operation, message: event.detail.message }))).to.deep.equal([
      { operation: 'search-entries', message: 'The directory could not be searched on the server.' },
    ]);
    expect(errors[0]!.detail.error === adapter.searchFailure, 'the adapter’s error is passed on').to.equal(true);
    expect(partTexts(book, 'notice')).to.deep.equal(['The directory could not be searched; only entries already loaded are shown.']);
    expect(optionNames(book)).to.deep.equal(['Annette Agent']);
    expect(partTexts(book, 'error'), 'not a failed load').to.deep.equal([]);
    expect(uncaught.problems).to.deep.equal([]);
  });
});
