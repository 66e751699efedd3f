/**
 * Failures never break the book: a failed source is named with a retry while the others stay usable, each problem is
 * reported once, host garbage is dropped and counted, directory text is rendered as text, and what is shown is kept
 * when a reload fails.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DirectoryAdapter, DirectoryListing } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  OUTBOUND_NAMES,
  numbers,
  openBook,
  optionNames,
  part,
  partTexts,
  pause,
  press,
  recordErrors,
  reopen,
  settle,
  shadow,
  typeQuery,
  watchUncaught,
  openWatched,
} from './fixtures.js';

const TEAMS_ENTRIES = ENTRIES.filter((entry) => ['teams-user', 'auto-attendant', 'call-queue'].includes(entry.kind));
const VCC_ENTRIES = ENTRIES.filter((entry) => !TEAMS_ENTRIES.includes(entry));

/** A contact centre source (knows the agent and the link) and a Microsoft Teams source that can fail. */
function twoSources() {
  const vcc = new CountingAdapter(VCC_ENTRIES, LINKED);
  const teams = new CountingAdapter(TEAMS_ENTRIES, { linkedTeamsUserId: null });
  const directory = createCompositeDirectory([
    { id: 'vcc', label: 'Contact centre', adapter: vcc },
    { id: 'teams', label: 'Microsoft Teams', adapter: teams },
  ]);
  return { vcc, teams, directory };
}

function errorsOf(events: ReturnType<typeof recordErrors>, operation: string) {
  return events.filter((event) => event.detail.operation === operation);
}

/** An adapter whose listing is whatever the test gives (garbage included). */
function garbageAdapter(listing: () => unknown): DirectoryAdapter {
  return {
    listEntries: () => listing() as Promise<DirectoryListing>,
    getPresences: () => Promise.resolve([]),
    getSignedInAgent: () => Promise.resolve(LINKED),
  };
}

describe('address book errors', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
  });
  function expectNothingUncaught() {
    expect(uncaught.problems, 'uncaught errors or unhandled rejections').to.deep.equal([]);
  }

  describe('a composite directory with one failing source', () => {
    it('lists the other source and names the failed one with a Retry button', async () => {
      const { teams, directory } = twoSources();
      teams.listFailure = new Error('Graph said 503');
      const { book } = await openWatched(directory);

      expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Facilities emergency']);
      const error = part(book, 'error')!;
      expect(error, 'an error').to.exist;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Microsoft Teams');
      const retry = error.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
      expect(retry.textContent.trim()).to.equal('Retry');
      expect(partTexts(book, 'error')).to.have.length(1);
      expectNothingUncaught();
    });

    it('lists the source once Retry succeeds, and the error goes away', async () => {
      const { teams, directory } = twoSources();
      teams.listFailure = new Error('Graph said 503');
      const { book } = await openWatched(directory);

      teams.listFailure = undefined;
      part(book, 'retry-button')!.click();
      await settle(book);

      await waitUntil(() => optionNames(book).includes('Anna Lindqvist'), 'the recovered source is not listed');
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expect(part(book, 'error')).to.equal(null);
      expectNothingUncaught();
    });

    it('fires contactpad-error once for the failed source, not on every render or open', async () => {
      const { teams, directory } = twoSources();
      teams.listFailure = new Error('Graph said 503');
      const { book, errors } = await openWatched(directory);

      expect(errorsOf(errors, 'list-entries')).to.have.length(1);
      const detail = errors[0]!.detail;
      expect(detail.source).to.equal('teams');
      // The book's own words: what the adapter's error says stays in `error` (docs/rules.md#error-messages-are-ours).
      expect(detail.message).to.equal('Microsoft Teams could not be listed.');
      expect(detail.error).to.equal(teams.listFailure);

      await typeQuery(book, 'bob');
      await typeQuery(book, '');
      await reopen(book);
      await reopen(book);
      expect(errors, 'reported again').to.have.length(1);
    });

    it('shows the whole directory error when every source fails, with a Retry that recovers', async () => {
      const { vcc, teams, directory } = twoSources();
      vcc.listFailure = new Error('VCC down');
      teams.listFailure = new Error('Graph down');
      const { book, errors } = await openWatched(directory);

      expect(optionNames(book)).to.deep.equal([]);
      expect(part(book, 'error')!.getAttribute('role')).to.equal('alert');
      expect(errorsOf(errors, 'list-entries')).to.have.length(1);

      vcc.listFailure = undefined;
      teams.listFailure = undefined;
      part(book, 'retry-button')!.click();
      await settle(book);
      await waitUntil(() => optionNames(book).length === OUTBOUND_NAMES.length, 'Retry did not list the directory');
      expect(part(book, 'error')).to.equal(null);
      expectNothingUncaught();
    });
  });

  describe('a misbehaving adapter', () => {
    it('survives a listEntries that throws synchronously, and says so', async () => {
      const adapter: DirectoryAdapter = {
        listEntries: () => {
          throw new Error('sync boom');
        },
        getSignedInAgent: () => Promise.resolve(LINKED),
      };
      const { book, errors } = await openWatched(adapter);
      await pause(50);

      expect(part(book, 'error')!.textContent).to.contain('could not be loaded');
      expect(errorsOf(errors, 'list-entries').map((event) => event.detail.message)).to.deep.equal(['The directory could not be listed.']);
      expect((errorsOf(errors, 'list-entries')[0]?.detail.error as Error).message).to.equal('sync boom');
      expectNothingUncaught();
    });

    it('survives a getSignedInAgent that throws synchronously: contact centre entries listed, Teams hidden with a notice', async () => {
      const adapter = new CountingAdapter();
      adapter.getSignedInAgent = () => {
        throw new Error('who are you');
      };
      const { book, errors } = await openWatched(adapter);

      // Who the agent is is unknown, so their own agent entry cannot be left out; Teams entries are hidden.
      expect(optionNames(book)).to.include.members(['Bob Agent', 'Facilities emergency']);
      for (const name of ['Anna Lindqvist', 'Zoë Müller', 'José Álvarez', 'Main reception', 'Sales queue']) expect(optionNames(book)).to.not.include(name);
      expect(part(book, 'hint'), 'not the not-linked hint: the link is unknown').to.equal(null);
      expect(partTexts(book, 'notice').join(' ')).to.contain('Teams link could not be checked');
      expect(errorsOf(errors, 'signed-in-agent')).to.have.length(1);
      expectNothingUncaught();
    });

    it('survives a getPresences that throws synchronously: Unknown presence and a notice', async () => {
      const adapter = new CountingAdapter();
      adapter.getPresences = () => {
        throw new Error('presence boom');
      };
      const { book, errors } = await openWatched(adapter);
      await waitUntil(() => errorsOf(errors, 'get-presences').length === 1, 'no get-presences error');
      await book.updateComplete;

      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      const icon = shadow(book).querySelector('contactpad-presence-icon')!;
      expect(icon.presence.state).to.equal('unknown');
      expect(partTexts(book, 'notice').join(' ')).to.contain('Presence could not be loaded');
      expectNothingUncaught();
    });

    it('survives presences that are garbage', async () => {
      const adapter = new CountingAdapter();
      adapter.getPresences = () => Promise.resolve([null, 'x', { id: 42 }, { id: 'u-anna', availability: { no: 1 } }, { id: 'u-zoe', availability: 'BUSY' }] as never);
      const { book } = await openWatched(adapter);
      await pause(50);

      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expectNothingUncaught();
    });

    for (const [label, listing] of [
      ['null', () => Promise.resolve(null)],
      ['undefined', () => Promise.resolve(undefined)],
      ["{ entries: 'x' }", () => Promise.resolve({ entries: 'x' })],
      ['a string', () => Promise.resolve('entries')],
      // Host code may reject with no reason at all; that is what this case checks.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      ['a rejection with no error', () => Promise.reject(undefined)],
    ] as const) {
      it(`survives a listing that is ${label}, with a visible message`, async () => {
        const { book, errors } = await openWatched(garbageAdapter(listing));
        await pause(50);

        expect(part(book, 'error'), 'a visible error').to.exist;
        expect(part(book, 'error')!.textContent).to.contain('could not be loaded');
        expect(errorsOf(errors, 'list-entries')).to.have.length(1);
        expectNothingUncaught();
      });
    }

    it('drops malformed entries, keeps the valid ones and says how many were dropped', async () => {
      const entries = [
        null,
        'Anna',
        42,
        { displayName: 'No id or kind' },
        { kind: 'teams-user', displayName: 'No id', numbers: ['+44 20 7946 0011'] },
        { id: 'no-kind', displayName: 'No kind', numbers: ['+44 20 7946 0012'] },
        { kind: 'wizard', id: 'bad-kind', displayName: 'Bad kind', numbers: ['+44 20 7946 0013'] },
        ...ENTRIES,
        { kind: 'external-contact', id: 'u-anna', displayName: 'Duplicate Anna', numbers: ['+44 20 7946 0014'] },
        { kind: 'external-contact', id: 'ext-na', displayName: 'Porter', numbers: ['n/a', { value: '+44 20 7946 0015', type: 'business' }, 'call me'] },
        { kind: 'external-contact', id: 'ext-weird', displayName: { toString: () => 'object name' }, numbers: 'not a list' },
      ];
      const { book, errors } = await openWatched(garbageAdapter(() => Promise.resolve({ entries })));

      expect(optionNames(book)).to.include.members(OUTBOUND_NAMES);
      expect(optionNames(book)).to.include('Porter');
      expect(optionNames(book)).to.not.include('Duplicate Anna');
      expect(optionNames(book)).to.not.include('Bad kind');
      const porter = [...shadow(book).querySelectorAll('[role="option"]')].find((option) => option.textContent.includes('Porter'))!;
      expect(porter.querySelector('[part="option-number"]')!.textContent.trim()).to.equal('+44 20 7946 0015');
      // null, 'Anna', 42, no id or kind, no id, no kind, bad kind, duplicate id.
      expect(partTexts(book, 'notice').join(' ')).to.contain('8 entries could not be shown');
      expect(errorsOf(errors, 'invalid-entries')).to.have.length(1);
      expectNothingUncaught();
    });

    it('reports malformed entries once, however often the book renders or opens', async () => {
      const entries = [...ENTRIES, null, { kind: 'wizard', id: 'x' }];
      const { book, errors } = await openWatched(garbageAdapter(() => Promise.resolve({ entries })));

      await typeQuery(book, 'anna');
      await reopen(book);
      await reopen(book);
      expect(errorsOf(errors, 'invalid-entries')).to.have.length(1);
    });

    it('keeps saying entries were dropped after close + reopen while the same directory is shown', async () => {
      const entries = [...ENTRIES, null, { kind: 'wizard', id: 'x' }];
      const { book } = await openWatched(garbageAdapter(() => Promise.resolve({ entries })));
      expect(partTexts(book, 'notice').join(' ')).to.contain('2 entries could not be shown');

      await reopen(book);

      expect(partTexts(book, 'notice').join(' ')).to.contain('2 entries could not be shown');
    });

    it('keeps saying the Teams link could not be checked after close + reopen', async () => {
      const adapter = new CountingAdapter();
      adapter.getSignedInAgent = () => Promise.reject(new Error('who are you'));
      const { book } = await openWatched(adapter);
      expect(partTexts(book, 'notice').join(' ')).to.contain('Teams link could not be checked');

      await reopen(book);

      // The Teams entries are still hidden, so the agent must still be told why.
      expect(optionNames(book)).to.not.include('Anna Lindqvist');
      expect(partTexts(book, 'notice').join(' ')).to.contain('Teams link could not be checked');
    });
  });

  describe('directory text', () => {
    const XSS = '<img src=x onerror="window.__xss=1">';
    const hostile = (): DirectoryEntry[] => [
      ...ENTRIES,
      { kind: 'teams-user', id: 'u-xss', displayName: `Eve ${XSS}`, numbers: numbers('+44 20 7946 0666', '+44 7700 900666'), jobTitle: XSS, department: '<script>window.__xss=2</script>' },
    ];
    const win = window as unknown as { __xss?: number };

    beforeEach(() => {
      delete win.__xss;
    });

    function imagesIn(root: ShadowRoot): number {
      let count = root.querySelectorAll('img, script').length;
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) count += imagesIn(element.shadowRoot);
      return count;
    }

    it('renders markup in a name as text, in the list and in highlights', async () => {
      const book = await openBook(new CountingAdapter(hostile()));

      expect(optionNames(book)).to.include(`Eve ${XSS}`);
      expect(imagesIn(shadow(book))).to.equal(0);

      await typeQuery(book, 'img');
      expect(optionNames(book)).to.deep.equal([`Eve ${XSS}`]);
      expect(shadow(book).querySelector('mark[part="highlight"]')!.textContent).to.equal('img');
      expect(imagesIn(shadow(book))).to.equal(0);

      await typeQuery(book, 'eve');
      await press(book, 'Enter');
      await waitUntil(() => shadow(book).querySelector('contactpad-number-menu')!.open, 'the number menu did not open');
      expect(imagesIn(shadow(book))).to.equal(0);

      await pause(100);
      expect(win.__xss).to.equal(undefined);
      expectNothingUncaught();
    });
  });

  describe('a reload that fails', () => {
    it('keeps the entries already shown when refresh() fails as a whole, and says it failed', async () => {
      const adapter = new CountingAdapter();
      const { book, errors } = await openWatched(adapter);
      await typeQuery(book, 'a');
      const before = optionNames(book);

      adapter.listFailure = new Error('network down');
      book.refresh();
      await settle(book);

      expect(adapter.listCalls).to.equal(2);
      expect(optionNames(book)).to.deep.equal(before);
      expect(book.query).to.equal('a');
      expect(part(book, 'error'), 'the failure is shown').to.exist;
      expect(errorsOf(errors, 'list-entries')).to.have.length(1);
      expectNothingUncaught();
    });

    it('keeps the entries already shown when a reload after the max age fails', async () => {
      const adapter = new CountingAdapter();
      const { book } = await openWatched(adapter);
      await book.hide();

      adapter.listFailure = new Error('network down');
      book.maxAge = 0;
      await book.show();
      await settle(book);

      expect(adapter.listCalls).to.equal(2);
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expectNothingUncaught();
    });

    it("keeps a source's entries already shown when that source fails on refresh()", async () => {
      const { teams, directory } = twoSources();
      const { book } = await openWatched(directory);
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);

      teams.listFailure = new Error('Graph said 503');
      book.refresh();
      await settle(book);

      expect(part(book, 'error')!.textContent, 'the failure is shown').to.contain('Microsoft Teams');
      expect(optionNames(book), 'Teams entries shown before the failed reload').to.deep.equal(OUTBOUND_NAMES);
      expectNothingUncaught();
    });
  });
});

