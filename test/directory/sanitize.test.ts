/**
 * Hostile entries, cleaned one by one: many numbers on one entry (docs/rules.md#numbers-cleaned-and-capped), texts
 * that show other than they read (#shown-text-is-matched-text) and entries whose properties throw when read
 * (#unreadable-entries-dropped). The book's side of each is in test/address-book/hostile-entries.test.ts.
 */
import { expect } from '@open-wc/testing';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { MAX_NUMBERS_PER_ENTRY, sanitizeEntry, sanitizeListing, usableEntryId } from '../../src/directory/sanitize.js';

const signal = new AbortController().signal;

/** `count` distinct numbers, "+1 425 000 0000", "+1 425 000 0001"… */
function distinctNumbers(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `+1 425 ${String(from + i).padStart(7, '0').replace(/^(\d{3})/, '$1 ')}`);
}

/** An entry with a getter that throws when `field` is read. */
function throwingOn(field: string, id = 'bad'): Record<string, unknown> {
  const entry: Record<string, unknown> = { kind: 'teams-user', id, displayName: 'Mallory', numbers: ['+44 20 7946 0666'] };
  Object.defineProperty(entry, field, { enumerable: true, get: () => { throw new Error(`${field} is booby-trapped`); } });
  return entry;
}

const good = { kind: 'teams-user', id: 'anna', displayName: 'Anna', numbers: ['+44 20 7946 0001'] };

describe('sanitize: many numbers on one entry', () => {
  it('keeps distinct numbers in the order given and collapses repeats by digits, the first written form winning', () => {
    const entry = sanitizeEntry({ kind: 'external-contact', id: 'x', displayName: 'X', numbers: ['+44 20 7946 0001', '+44 (20) 7946-0001', '020 7946 0002', '+442079460001', '0207946 0002', '+44 20 7946 0003'] });
    expect(entry!.numbers.map((number) => number.value)).to.deep.equal(['+44 20 7946 0001', '020 7946 0002', '+44 20 7946 0003']);
  });

  it(`keeps the first ${MAX_NUMBERS_PER_ENTRY} distinct numbers of an entry and counts the rest, once per listing`, () => {
    const numbers = distinctNumbers(MAX_NUMBERS_PER_ENTRY + 5);
    const { entries, droppedNumbers, rejected } = sanitizeListing({
      entries: [
        { kind: 'teams-user', id: 'many', displayName: 'Many', numbers: [...numbers, ...numbers] },
        { kind: 'teams-user', id: 'more', displayName: 'More', numbers: distinctNumbers(MAX_NUMBERS_PER_ENTRY + 1, 500) },
        good,
      ],
    });
    expect(entries.map((entry) => entry.numbers.length)).to.deep.equal([MAX_NUMBERS_PER_ENTRY, MAX_NUMBERS_PER_ENTRY, 1]);
    expect(entries[0]!.numbers.map((number) => number.value)).to.deep.equal(numbers.slice(0, MAX_NUMBERS_PER_ENTRY));
    expect(droppedNumbers, 'distinct numbers beyond the cap; repeats are not numbers dropped').to.equal(5 + 1);
    expect(rejected, 'the entries themselves are kept').to.equal(0);
  });

  it('de-duplicates 100,000 distinct numbers of one entry, keeping the cap and counting the rest', function () {
    // Behaviour, not time: a quadratic de-duplication would take the whole test timeout here.
    const { entries, droppedNumbers } = sanitizeListing({ entries: [{ kind: 'teams-user', id: 'x', displayName: 'X', numbers: distinctNumbers(100_000) }] });
    expect(entries[0]!.numbers).to.have.length(MAX_NUMBERS_PER_ENTRY);
    expect(droppedNumbers).to.equal(100_000 - MAX_NUMBERS_PER_ENTRY);
  });
});

describe('sanitize: shown text is matched text', () => {
  const named = (displayName: string, extra: Record<string, unknown> = {}) =>
    sanitizeEntry({ kind: 'teams-user', id: 'x', displayName, numbers: ['+44 20 7946 0001'], ...extra });

  it('strips bidi embeddings, overrides, isolates and marks from names', () => {
    expect(named('\u202Eyrrallom')!.displayName).to.equal('yrrallom');
    expect(named('Mallory \u202E2410 555 524 1+\u202C')!.displayName).to.equal('Mallory 2410 555 524 1+');
    expect(named('\u2066Anna\u2069 \u200EBerg\u200F\u061C \u202A\u202B\u202C\u202D\u2067\u2068')!.displayName).to.equal('Anna Berg');
  });

  it('strips zero-width characters, the byte order mark and soft hyphens from names', () => {
    expect(named('Mal\u200Blory')!.displayName).to.equal('Mallory');
    expect(named('\uFEFFMal\u2060lo\u00ADry\u200C\u200D')!.displayName).to.equal('Mallory');
    expect(named('M\u200Dal\u200Clory')!.displayName, 'joiners between Latin letters draw nothing').to.equal('Mallory');
  });

  it('keeps the joiners that draw something: emoji sequences and scripts that join letters', () => {
    expect(named('Family 👩\u200D👩\u200D👧')!.displayName).to.equal('Family 👩\u200D👩\u200D👧');
    expect(named('می\u200Cخواهم')!.displayName).to.equal('می\u200Cخواهم');
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(named(`Ailsa ${scotland}`)!.displayName, 'an emoji tag sequence').to.equal(`Ailsa ${scotland}`);
    expect(named('Mal\u{E0041}\u{E0042}lory')!.displayName, 'tags outside an emoji').to.equal('Mallory');
    expect(named('\u0600\u0661\u0662')!.displayName, 'the Arabic number sign is drawn').to.equal('\u0600\u0661\u0662');
  });

  it('turns tabs, newlines and line separators into spaces', () => {
    expect(named('Anna\tBerg')!.displayName).to.equal('Anna Berg');
    expect(named('Anna\r\n\u2028Berg\u2029\u0085\n')!.displayName).to.equal('Anna Berg');
  });

  it('cleans every shown text of an entry, not only the name', () => {
    const entry = sanitizeEntry({
      kind: 'teams-user',
      id: 'x',
      displayName: 'Anna',
      numbers: ['+44 20 7946 0001'],
      jobTitle: '\u202Ereganam',
      department: 'Sa\u200Bles',
      mail: 'anna\u200B@example.com',
      userPrincipalName: 'anna\u202E@example.com',
    });
    expect(entry).to.include({ jobTitle: 'reganam', department: 'Sales', mail: 'anna@example.com', userPrincipalName: 'anna@example.com' });
    const agent = sanitizeEntry({ kind: 'vcc-agent', id: 'a', displayName: 'Bob', numbers: [], vccState: 'away', vccStateName: 'Lu\u200Bnch\u202E' });
    expect(agent).to.include({ vccStateName: 'Lunch' });
  });

  it('names a failed source without bidi controls, keeping what else the failure says', () => {
    const clean = { source: 'vcc', label: 'Contact centre', error: new Error('y') };
    const { failures } = sanitizeListing({ entries: [], failures: [{ source: 's', label: '\u202EsmaeT', error: new Error('x'), staleSince: 42 }, clean] });
    expect(failures.map((failure) => [failure.label, failure.staleSince])).to.deep.equal([['smaeT', 42], ['Contact centre', undefined]]);
    expect(failures[1]).to.equal(clean);
  });
});

describe('sanitize: unreadable entries dropped', () => {
  it('drops an entry whose getter throws and counts it, keeping the others', () => {
    for (const field of ['kind', 'id', 'displayName', 'numbers', 'jobTitle']) {
      const { entries, rejected } = sanitizeListing({ entries: [good, throwingOn(field), { ...good, id: 'bob', displayName: 'Bob' }] });
      expect(entries.map((entry) => entry.id), `a getter on ${field}`).to.deep.equal(['anna', 'bob']);
      expect(rejected, `a getter on ${field}`).to.equal(1);
    }
  });

  it('drops an entry that is a throwing Proxy, or whose number throws, and an array slot that throws', () => {
    const proxy = new Proxy({ ...good, id: 'proxy' }, { get: () => { throw new Error('proxy'); } });
    const keysProxy = new Proxy({ ...good, id: 'keys' }, { ownKeys: () => { throw new Error('ownKeys'); } });
    const badNumber = { ...good, id: 'number', numbers: [Object.defineProperty({}, 'value', { get: () => { throw new Error('value'); } })] };
    const entries: unknown[] = [proxy, keysProxy, badNumber, good];
    Object.defineProperty(entries, 4, { enumerable: true, get: () => { throw new Error('slot'); } });
    entries.push({ ...good, id: 'last' });
    const listing = sanitizeListing({ entries });
    expect(listing.entries.map((entry) => entry.id)).to.deep.equal(['anna', 'last']);
    expect(listing.rejected).to.equal(4);
  });

  it('copies an entry whose values come from getters, so nothing of the host runs again when the book reads it', () => {
    let reads = 0;
    const entry = { ...good };
    Object.defineProperty(entry, 'displayName', { enumerable: true, get: () => (reads++, 'Anna') });
    const [kept] = sanitizeListing({ entries: [entry] }).entries;
    const before = reads;
    expect(kept!.displayName).to.equal('Anna');
    expect(reads).to.equal(before);
  });

  it('never throws from usableEntryId: an entry that cannot be read has no usable id', () => {
    expect(usableEntryId(throwingOn('id'))).to.equal(undefined);
    expect(usableEntryId(throwingOn('displayName')), 'unreadable anywhere: it cannot be copied either').to.equal(undefined);
    expect(usableEntryId(new Proxy({}, { get: () => { throw new Error('x'); } }))).to.equal(undefined);
    expect(usableEntryId(good)).to.equal('anna');
  });

  it('lists the other entries of a composite directory when one entry throws', async () => {
    const hostile: DirectoryAdapter = {
      listEntries: () => Promise.resolve({ entries: [throwingOn('displayName'), throwingOn('id', 'b2'), good] as unknown as DirectoryEntry[] }),
      getSignedInAgent: () => Promise.resolve({ linkedTeamsUserId: null }),
    };
    const other = createMemoryDirectory({ entries: [{ kind: 'vcc-agent', id: 'bob', displayName: 'Bob', numbers: [] }], agent: { linkedTeamsUserId: null } });
    const composite = createCompositeDirectory([
      { id: 'hostile', label: 'Hostile', adapter: hostile },
      { id: 'other', label: 'Other', adapter: other },
    ]);
    const { entries, rejected } = sanitizeListing(await composite.listEntries({ signal }));
    expect(entries.map((entry) => entry.id)).to.deep.equal(['anna', 'bob']);
    expect(rejected).to.equal(2);
  });
});
