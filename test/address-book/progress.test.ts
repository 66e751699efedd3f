/**
 * Progress on long work: while a directory loads, the book shows how far the adapter says it has got (per source for a
 * composite adapter) as text and as a `progressbar`, throttled; progress of a load that was replaced never shows.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { DirectoryAdapter, DirectoryListing, ListEntriesOptions, ListProgress, SignedInAgent } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { ENTRIES, LINKED, OUTBOUND_NAMES, optionNames, part, renderBook, settle, shadow } from './fixtures.js';

const TEAMS_KINDS = new Set(['teams-user', 'auto-attendant', 'call-queue']);
const TEAMS_ENTRIES = ENTRIES.filter((entry) => TEAMS_KINDS.has(entry.kind));
const VCC_ENTRIES = ENTRIES.filter((entry) => !TEAMS_KINDS.has(entry.kind));

interface ListCall {
  readonly signal: AbortSignal;
  readonly onProgress: ((progress: ListProgress) => void) | undefined;
  readonly resolve: (listing: DirectoryListing) => void;
  readonly reject: (error: unknown) => void;
}

/** An adapter whose listing answers only when the test says so, and whose progress the test reports. */
class SlowAdapter implements DirectoryAdapter {
  readonly calls: ListCall[] = [];

  constructor(
    private readonly entries: readonly DirectoryEntry[],
    private readonly agent: SignedInAgent = LINKED,
  ) {}

  listEntries({ signal, onProgress }: ListEntriesOptions): Promise<DirectoryListing> {
    return new Promise<DirectoryListing>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      this.calls.push({ signal, onProgress, resolve, reject });
    });
  }

  getSignedInAgent(): Promise<SignedInAgent> {
    return Promise.resolve(this.agent);
  }

  /** The latest listing call, once it has been made. */
  async listing(): Promise<ListCall> {
    await waitUntil(() => this.calls.length > 0, 'listEntries was not called');
    return this.calls.at(-1)!;
  }

  async report(progress: ListProgress): Promise<void> {
    const call = await this.listing();
    expect(call.onProgress, 'listEntries was given onProgress').to.be.a('function');
    call.onProgress!(progress);
  }

  async finish(): Promise<void> {
    (await this.listing()).resolve({ entries: this.entries });
  }
}

function progressbar(book: ContactpadAddressBook): HTMLElement | null {
  const element = part(book, 'progress');
  if (element) expect(element.getAttribute('role')).to.equal('progressbar');
  return element;
}

function progressLines(book: ContactpadAddressBook): string[] {
  return [...(progressbar(book)?.querySelectorAll('.progress-line') ?? [])].map((line) => line.textContent.trim());
}

async function showsLines(book: ContactpadAddressBook, lines: readonly string[]): Promise<void> {
  await waitUntil(
    () => JSON.stringify(progressLines(book)) === JSON.stringify(lines),
    `the progress did not become ${JSON.stringify(lines)} (it is ${JSON.stringify(progressLines(book))})`,
  );
}

function progressValues(book: ContactpadAddressBook) {
  const bar = progressbar(book)!;
  return {
    label: bar.getAttribute('aria-label'),
    min: bar.getAttribute('aria-valuemin'),
    now: bar.getAttribute('aria-valuenow'),
    max: bar.getAttribute('aria-valuemax'),
    text: bar.getAttribute('aria-valuetext'),
  };
}

/** Every progress text the book has shown since the call, read on each change of its shadow DOM. */
function recordProgressTexts(book: ContactpadAddressBook): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  const read = () => {
    const text = progressLines(book).join(' | ');
    if (text !== '' && text !== texts.at(-1)) texts.push(text);
  };
  const observer = new MutationObserver(read);
  observer.observe(shadow(book), { subtree: true, childList: true, characterData: true, attributes: true });
  read();
  return { texts, stop: () => observer.disconnect() };
}

/** Yields to the event loop once (a message task, which browsers do not clamp as they do timers). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

async function openLoading(adapter: DirectoryAdapter): Promise<ContactpadAddressBook> {
  const book = await renderBook(adapter);
  await book.show();
  return book;
}

describe('address book progress while loading', () => {
  it('shows how far each source has got, as text and a progressbar, then the rows', async () => {
    const teams = new SlowAdapter(TEAMS_ENTRIES);
    const adapter = createCompositeDirectory([
      { id: 'vcc', label: 'Contact centre', adapter: createMemoryDirectory({ entries: VCC_ENTRIES, agent: LINKED }) },
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
    ]);
    const book = await openLoading(adapter);

    // The contact centre answered at once (it reported nothing: its count is what it listed). Teams has not reported:
    // the whole has no total yet, so the bar is indeterminate (5 of 5 would read as complete).
    await showsLines(book, ['Contact centre: 5 loaded']);
    expect(progressValues(book)).to.deep.equal({ label: 'Loading the address book…', min: null, now: null, max: null, text: 'Contact centre: 5 loaded' });

    await teams.report({ loaded: 999, total: 2500 });
    await showsLines(book, ['Contact centre: 5 loaded', 'Microsoft Teams: 999 of 2,500 so far']);
    expect(progressValues(book)).to.deep.equal({
      label: 'Loading the address book…',
      min: '0',
      now: '1004',
      max: '2505',
      text: 'Contact centre: 5 loaded; Microsoft Teams: 999 of 2,500 so far',
    });
    // The contact centre's entries are listed as soon as it answered (docs/rules.md#each-source-listed-as-it-answers):
    // no placeholders, and the list is not busy.
    await waitUntil(() => optionNames(book).length > 0, 'the contact centre entries were not listed before Teams answered');
    expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Facilities emergency']);
    expect(part(book, 'listbox')!.getAttribute('aria-busy')).to.equal('false');
    expect(part(book, 'skeleton'), 'no placeholders once entries are listed').to.equal(null);
    await expect(book).to.be.accessible();

    await teams.report({ loaded: 1998, total: 2500 });
    await showsLines(book, ['Contact centre: 5 loaded', 'Microsoft Teams: 1,998 of 2,500 so far']);
    expect(progressValues(book).now).to.equal('2003');

    await teams.finish();
    await settle(book);
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
    expect(progressbar(book), 'no progress once loaded').to.equal(null);

    // A report after the listing settled is ignored.
    teams.calls[0]!.onProgress!({ loaded: 2500, total: 2500 });
    await book.updateComplete;
    expect(progressbar(book)).to.equal(null);
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
  });

  it('says "so far" without a total while the adapter does not know it, and ignores malformed reports', async () => {
    const adapter = new SlowAdapter(ENTRIES);
    const book = await openLoading(adapter);
    expect(progressbar(book), 'nothing before the adapter reports').to.equal(null);
    expect(part(book, 'skeleton')).to.exist;

    await adapter.report({ loaded: 250 });
    await showsLines(book, ['250 so far']);
    expect(progressValues(book)).to.deep.equal({ label: 'Loading the address book…', min: null, now: null, max: null, text: '250 so far' });

    const malformed: unknown[] = [{ loaded: -1 }, { loaded: Number.NaN }, { loaded: '300' }, null, 'half'];
    for (const report of malformed) await adapter.report(report as ListProgress);
    await adapter.report({ loaded: 1200, total: 1000 });
    // A total below what was loaded is raised to it.
    await showsLines(book, ['1,200 of 1,200 so far']);
    expect(progressValues(book)).to.include({ now: '1200', max: '1200' });

    await adapter.finish();
    await settle(book);
    expect(progressbar(book)).to.equal(null);
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
  });

  it('never shows progress of a load that was replaced', async () => {
    const first = new SlowAdapter(ENTRIES);
    const book = await openLoading(first);
    const shown = recordProgressTexts(book);
    await first.report({ loaded: 10, total: 40 });
    await showsLines(book, ['10 of 40 so far']);
    const firstLoad = await first.listing();

    const second = new SlowAdapter(ENTRIES);
    book.adapter = second;
    await book.updateComplete;
    await second.listing();
    expect(firstLoad.signal.aborted, 'the replaced load was aborted').to.equal(true);
    expect(progressbar(book), 'the old progress is gone').to.equal(null);

    // The old load goes on reporting (an adapter that ignores its signal); the book does not show it.
    firstLoad.onProgress!({ loaded: 39, total: 40 });
    await second.report({ loaded: 3 });
    await showsLines(book, ['3 so far']);
    firstLoad.onProgress!({ loaded: 40, total: 40 });
    firstLoad.resolve({ entries: ENTRIES });
    await second.finish();
    await settle(book);
    shown.stop();

    expect(shown.texts).to.deep.equal(['10 of 40 so far', '3 so far']);
    expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
  });

  it('shows progress in every book waiting for the same load, a late one at once', async () => {
    const adapter = new SlowAdapter(ENTRIES);
    const dialog = await openLoading(adapter);
    await adapter.report({ loaded: 100, total: 300 });
    await showsLines(dialog, ['100 of 300 so far']);

    const consult = await openLoading(adapter);
    await showsLines(consult, ['100 of 300 so far']);
    expect(adapter.calls, 'one load shared by both books').to.have.length(1);

    await adapter.report({ loaded: 200, total: 300 });
    await showsLines(dialog, ['200 of 300 so far']);
    await showsLines(consult, ['200 of 300 so far']);

    await adapter.finish();
    await Promise.all([settle(dialog), settle(consult)]);
    expect(optionNames(dialog)).to.deep.equal(OUTBOUND_NAMES);
    expect(optionNames(consult)).to.deep.equal(OUTBOUND_NAMES);
    expect(progressbar(dialog)).to.equal(null);
    expect(progressbar(consult)).to.equal(null);
  });

  it('does not update once per entry when a fast adapter reports after every one', async () => {
    const adapter = new SlowAdapter(ENTRIES);
    const book = await openLoading(adapter);
    const call = await adapter.listing();
    const shown = recordProgressTexts(book);

    for (let loaded = 1; loaded <= 1000; loaded++) {
      call.onProgress!({ loaded, total: 1000 });
      await nextTask();
    }
    // The latest report is shown in the end.
    await showsLines(book, ['1,000 of 1,000 so far']);
    shown.stop();
    expect(shown.texts.length, `progress texts shown, from "${shown.texts[0]}" to "${shown.texts.at(-1)}"`).to.be.below(50);
    expect(shown.texts.at(-1)).to.equal('1,000 of 1,000 so far');

    await adapter.finish();
    await settle(book);
    expect(progressbar(book)).to.equal(null);
  });
});

describe('composite adapter progress', () => {
  it('reports each source’s progress in source order, with sums, final counts and failed sources left out', async () => {
    const slow = new SlowAdapter(TEAMS_ENTRIES);
    const failing = new SlowAdapter([]);
    const adapter = createCompositeDirectory([
      { id: 'teams', label: 'Microsoft Teams', adapter: slow },
      { id: 'vcc', label: 'Contact centre', adapter: createMemoryDirectory({ entries: VCC_ENTRIES }) },
      { id: 'crm', label: 'CRM', adapter: failing },
    ]);
    const reports: ListProgress[] = [];
    const listing = adapter.listEntries({ signal: new AbortController().signal, onProgress: (progress) => reports.push(progress) });

    await failing.report({ loaded: 7 });
    await slow.report({ loaded: 999, total: 2500 });
    await waitUntil(() => reports.some((report) => report.sources?.some((source) => source.source === 'vcc')));
    expect(reports.at(-1)).to.deep.equal({
      loaded: 1011,
      sources: [
        { source: 'teams', label: 'Microsoft Teams', loaded: 999, total: 2500, done: false },
        { source: 'vcc', label: 'Contact centre', loaded: 5, total: 5, done: true },
        { source: 'crm', label: 'CRM', loaded: 7, done: false },
      ],
    });

    (await failing.listing()).reject(new Error('CRM down'));
    await waitUntil(() => reports.at(-1)!.sources!.length === 2, 'the failed source stayed');
    expect(reports.at(-1)).to.deep.equal({
      loaded: 1004,
      total: 2505,
      sources: [
        { source: 'teams', label: 'Microsoft Teams', loaded: 999, total: 2500, done: false },
        { source: 'vcc', label: 'Contact centre', loaded: 5, total: 5, done: true },
      ],
    });

    await slow.report({ loaded: 2500, total: 2500 });
    await slow.finish();
    const { entries, failures } = await listing;
    expect(entries).to.have.length(TEAMS_ENTRIES.length + VCC_ENTRIES.length);
    expect(failures!.map((failure) => failure.source)).to.deep.equal(['crm']);
    expect(reports.at(-1)).to.deep.equal({
      loaded: 2505,
      total: 2505,
      sources: [
        { source: 'teams', label: 'Microsoft Teams', loaded: 2500, total: 2500, done: true },
        { source: 'vcc', label: 'Contact centre', loaded: 5, total: 5, done: true },
      ],
    });

    // Nothing after the listing settled.
    const count = reports.length;
    slow.calls[0]!.onProgress!({ loaded: 1, total: 1 });
    expect(reports).to.have.length(count);
  });

  it('gives no total while a source has not reported yet (it would read as complete)', async () => {
    const slow = new SlowAdapter(TEAMS_ENTRIES);
    const adapter = createCompositeDirectory([
      { id: 'teams', label: 'Microsoft Teams', adapter: slow },
      { id: 'vcc', label: 'Contact centre', adapter: createMemoryDirectory({ entries: VCC_ENTRIES }) },
    ]);
    const reports: ListProgress[] = [];
    const listing = adapter.listEntries({ signal: new AbortController().signal, onProgress: (progress) => reports.push(progress) });
    await waitUntil(() => reports.length > 0, 'no progress from the source that finished');
    expect(reports.at(-1)).to.deep.equal({ loaded: 5, sources: [{ source: 'vcc', label: 'Contact centre', loaded: 5, total: 5, done: true }] });
    await slow.report({ loaded: 10, total: 2500 });
    await waitUntil(() => reports.at(-1)!.total !== undefined, 'no total once every source reported');
    expect(reports.at(-1)!.total).to.equal(2505);
    await slow.finish();
    await listing;
  });

  it('asks for no progress from its sources when nobody listens', async () => {
    const slow = new SlowAdapter(TEAMS_ENTRIES);
    const adapter = createCompositeDirectory([{ id: 'teams', label: 'Microsoft Teams', adapter: slow }]);
    const listing = adapter.listEntries({ signal: new AbortController().signal });
    const call = await slow.listing();
    expect(call.onProgress).to.equal(undefined);
    await slow.finish();
    expect((await listing).entries).to.have.length(TEAMS_ENTRIES.length);
  });
});
