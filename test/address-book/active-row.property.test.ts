/**
 * Never dial the wrong person, proven over random interleavings: random key presses (typing, the listbox keys, Enter)
 * between random directory updates the agent does not cause — server search results merging in, refreshes that add,
 * remove and re-sort entries, sources that answer late or fail — at random moments relative to the keys (before the
 * update renders, or after). Each key is dispatched in the task that reads what the agent sees from the DOM, and
 * renders before the next key, as real key presses do.
 *
 * - every `contactpad-select` names the entry (or typed number) that was the active option, and on screen, when
 *   Enter was pressed;
 * - between the agent's own keys, the active option stays the entry the agent left active, or none once that entry
 *   is gone, whatever the updates (docs/rules.md#the-active-row-follows-its-entry).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { DirectoryAdapter, DirectoryListing, SignedInAgent } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { nextTask } from '../support/scheduled-time.js';
import { LINKED, activeOption, input, numbers, pause, renderBook, watchUncaught } from './fixtures.js';

const NUM_RUNS = 200;

// ---------------------------------------------------------------------------------------------------------------
// Entries: unique names built from a few syllables, so short queries match several and rows re-sort as entries come
// and go. Each has one number (a choice is a select, never the number menu).

const FIRST = ['Ma', 'Mo', 'Na', 'An', 'Ola', 'Ema'];
const LAST = ['Marsh', 'Noble', 'Moran', 'Anders', 'Olsen'];

function entryFor(pool: 'vcc' | 'teams' | 'server', i: number): DirectoryEntry {
  const name = `${FIRST[i % FIRST.length]!}${'xyz'[i % 3]!} ${LAST[(i * 7) % LAST.length]!} ${pool}${String(i).padStart(2, '0')}`;
  const block = pool === 'vcc' ? 1 : pool === 'teams' ? 2 : 3;
  const phone = numbers(`+44 20 79${block}6 ${String(1000 + i)}`);
  return pool === 'vcc'
    ? { kind: 'external-contact', id: `${pool}-${i}`, displayName: name, numbers: phone }
    : { kind: 'teams-user', id: `${pool}-${i}`, displayName: name, numbers: phone };
}

// ---------------------------------------------------------------------------------------------------------------
// Sources whose every answer waits for a step of the run.

type Release = (ok: boolean) => void;

/** A source that lists `ids` of its pool when released; the Teams one also has a server search. */
class HeldSource implements DirectoryAdapter {
  /** The entries the next listing gives. */
  ids: number[];
  readonly held: Release[] = [];

  constructor(
    private readonly pool: 'vcc' | 'teams',
    ids: number[],
    private readonly serverSearch: boolean,
    private readonly serverIds: () => number[],
  ) {
    this.ids = ids;
  }

  listEntries(): Promise<DirectoryListing> {
    const entries = this.ids.map((i) => entryFor(this.pool, i));
    return new Promise((resolve, reject) => {
      this.held.push((ok) => (ok ? resolve({ entries, ...(this.serverSearch ? { serverSearch: true } : {}) }) : reject(new Error(`${this.pool} is down`))));
    });
  }

  searchEntries(query: string): Promise<readonly DirectoryEntry[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return new Promise((resolve, reject) => {
      this.held.push((ok) => {
        if (!ok) return reject(new Error('search failed'));
        const found = this.serverIds()
          .map((i) => entryFor('server', i))
          .filter((entry) => words.every((word) => entry.displayName.toLowerCase().split(' ').some((part) => part.startsWith(word))));
        resolve(found);
      });
    });
  }

  getSignedInAgent(): Promise<SignedInAgent> {
    return Promise.resolve(this.pool === 'teams' ? { linkedTeamsUserId: LINKED.linkedTeamsUserId } : { linkedTeamsUserId: null });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Steps.

type Step =
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'backspace' }
  | { readonly type: 'key'; readonly key: string }
  | { readonly type: 'enter' }
  | { readonly type: 'refresh'; readonly vcc: number[]; readonly teams: number[] }
  | { readonly type: 'server'; readonly ids: number[] }
  | { readonly type: 'release'; readonly source: 'vcc' | 'teams'; readonly ok: boolean }
  | { readonly type: 'wait'; readonly how: 'microtask' | 'task' | 'render' | 'grace' };

const ids = (max: number) => fc.uniqueArray(fc.integer({ min: 0, max }), { maxLength: 14 });

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('m', 'a', 'o', 'n', ' ', 'ma', 'mo', 'an', '79', '+44').map((text): Step => ({ type: 'type', text })) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'backspace' }) },
  { weight: 5, arbitrary: fc.constantFrom('ArrowDown', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp').map((key): Step => ({ type: 'key', key })) },
  { weight: 4, arbitrary: fc.constant<Step>({ type: 'enter' }) },
  { weight: 2, arbitrary: fc.record({ vcc: ids(20), teams: ids(20) }).map((lists): Step => ({ type: 'refresh', ...lists })) },
  { weight: 1, arbitrary: ids(20).map((server): Step => ({ type: 'server', ids: server })) },
  { weight: 4, arbitrary: fc.record({ source: fc.constantFrom<'vcc' | 'teams'>('vcc', 'teams'), ok: fc.boolean() }).map((r): Step => ({ type: 'release', ...r })) },
  { weight: 3, arbitrary: fc.constantFrom<'microtask' | 'task' | 'render' | 'grace'>('microtask', 'task', 'render', 'grace').map((how): Step => ({ type: 'wait', how })) },
);

/** What the agent sees as active, read from the DOM: the active option's name (or the typed number), and whether any of it is on screen. */
function seenActive(book: ContactpadAddressBook): { name: string; typed: boolean; onScreen: boolean } | undefined {
  const option = activeOption(book);
  if (!option) return undefined;
  const listbox = book.shadowRoot!.querySelector<HTMLElement>('[part="listbox"]')!.getBoundingClientRect();
  const row = option.getBoundingClientRect();
  const onScreen = row.height > 0 && row.bottom > listbox.top && row.top < listbox.bottom;
  const typed = option.getAttribute('part')?.split(' ').includes('typed-number') ?? false;
  const name = typed ? (option.textContent ?? '').replace(/\s+/g, ' ').trim() : (option.querySelector('[part="option-name"]')?.textContent ?? '').trim();
  return { name, typed, onScreen };
}

/** A key press; like a real one it is its own task, so what it changed renders before the next key. */
async function keyDown(book: ContactpadAddressBook, key: string): Promise<void> {
  input(book).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await book.updateComplete;
}

function setQuery(book: ContactpadAddressBook, text: string): void {
  const field = input(book);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function run(steps: readonly Step[], firstVcc: number[], firstTeams: number[], releaseFirst: boolean): Promise<void> {
  let serverIds: number[] = [];
  const vcc = new HeldSource('vcc', firstVcc, false, () => []);
  const teams = new HeldSource('teams', firstTeams, true, () => serverIds);
  const adapter = createCompositeDirectory([
    { id: 'vcc', label: 'Contact centre', adapter: vcc },
    { id: 'teams', label: 'Microsoft Teams', adapter: teams },
  ]);
  const book = await renderBook(adapter);
  const problems: string[] = [];
  let expected: ReturnType<typeof seenActive> | 'none' = 'none';
  book.addEventListener('contactpad-select', (event) => {
    const { entry, number } = event.detail;
    event.preventDefault();
    if (expected === 'none' || expected === undefined) return void problems.push(`a select (${entry?.displayName ?? number?.value}) with no active option on Enter`);
    if (!expected.onScreen) problems.push(`a select of "${expected.name}", which was not on screen`);
    const chosen = entry ? entry.displayName : null;
    if (expected.typed ? chosen !== null || !expected.name.includes(number?.value ?? '\u0000') : chosen !== expected.name) {
      problems.push(`Enter on "${expected.name}" chose "${chosen ?? number?.value}"`);
    }
  });
  await book.show();
  input(book).focus();
  if (releaseFirst) {
    vcc.held.shift()?.(true);
    teams.held.shift()?.(true);
  }
  // The entry the agent left active with their last key (undefined: none yet; lost: it went away since).
  let anchor: { readonly name: string } | 'lost' | undefined;
  const agentActed = async () => {
    await book.updateComplete;
    const now = seenActive(book)?.name;
    anchor = now === undefined ? undefined : { name: now };
  };
  /** After updates the agent did not cause, the active option is still the anchor's entry, or none once it is gone. */
  const checkFollowed = (after: string) => {
    const now = seenActive(book)?.name;
    if (anchor === undefined) anchor = now === undefined ? undefined : { name: now };
    else if (anchor === 'lost') {
      if (now !== undefined) problems.push(`after ${after}, "${now}" became active although the agent had not moved since their entry went`);
    } else if (now === undefined) anchor = 'lost';
    else if (now !== anchor.name) problems.push(`after ${after}, the active row moved from "${anchor.name}" to "${now}"`);
  };
  await agentActed();
  for (const current of steps) {
    switch (current.type) {
      case 'type':
        setQuery(book, `${book.query}${current.text}`);
        await agentActed();
        break;
      case 'backspace':
        setQuery(book, book.query.slice(0, -1));
        await agentActed();
        break;
      case 'key':
        await keyDown(book, current.key);
        await agentActed();
        break;
      case 'enter':
        checkFollowed('the updates before Enter');
        expected = seenActive(book);
        await keyDown(book, 'Enter');
        expected = 'none';
        // A chosen row closes the book unless the select is cancelled (it is): open it again if anything closed it.
        if (!book.open) await book.show();
        await agentActed();
        break;
      case 'refresh':
        vcc.ids = current.vcc;
        teams.ids = current.teams;
        book.refresh();
        checkFollowed('a refresh');
        break;
      case 'server':
        serverIds = current.ids;
        break;
      case 'release':
        (current.source === 'vcc' ? vcc : teams).held.shift()?.(current.ok);
        checkFollowed(`${current.source} answering`);
        break;
      case 'wait':
        if (current.how === 'microtask') await Promise.resolve();
        else if (current.how === 'task') await nextTask();
        else if (current.how === 'render') await book.updateComplete;
        else await pause(170);
        checkFollowed(`a wait (${current.how})`);
        break;
    }
  }
  // Let what is still held go, so nothing outlives the run.
  for (const source of [vcc, teams]) while (source.held.length > 0) source.held.shift()!(false);
  await book.updateComplete;
  book.remove();
  expect(problems, `steps ${JSON.stringify(steps)}`).to.deep.equal([]);
}

describe('the active row follows its entry (property)', function () {
  this.timeout(240_000);
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
  });

  it('every select names the entry that was active and on screen when Enter was pressed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 30 }), ids(20), ids(20), fc.boolean(), async (steps, firstVcc, firstTeams, releaseFirst) => {
        await run(steps, firstVcc, firstTeams, releaseFirst);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(uncaught.problems).to.deep.equal([]);
  });
});
