import { expect } from '@open-wc/testing';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import { MatchRank, numberFoundBy, SearchIndex } from '../../src/directory/search-index.js';
import { foldText, matchRanges } from '../../src/directory/text.js';

const user = (id: string, displayName: string, extra: Partial<Extract<DirectoryEntry, { kind: 'teams-user' }>> = {}, ...numbers: string[]): DirectoryEntry => ({
  kind: 'teams-user',
  id,
  displayName,
  numbers: numbers.map((value) => toPhoneNumber(value, 'ddi')!),
  ...extra,
});

const entries: DirectoryEntry[] = [
  user('1', 'Zoë Müller', { department: 'IT' }, '+49 30 901820'),
  user('2', 'Anna Lindqvist', { jobTitle: 'Account manager', department: 'Sales', mail: 'anna@contoso.example' }, '+44 20 7946 0001'),
  user('3', 'Joanna Annerstedt', {}, '+44 20 7946 0002'),
  user('4', 'Łukasz Nowak', { jobTitle: 'Support engineer' }, '+48 22 123 4567'),
  user('5', 'Marianne Schmidt', {}, '+1 (425) 555-0147'),
  { kind: 'call-queue', id: 'cq', displayName: 'Sales queue', numbers: [toPhoneNumber('+44 20 7946 0200', 'ddi')!] },
];

const names = (index: SearchIndex, query: string) => index.search(query).map((hit) => hit.entry.displayName);

describe('text folding', () => {
  it('folds case and diacritics, including letters Unicode does not decompose', () => {
    expect(foldText('Zoë MÜLLER Łukasz Sørensen Straße Æsir')).to.equal('zoe muller lukasz sorensen strasse aesir');
  });

  it('maps matches back to the original text', () => {
    expect(matchRanges('José Álvarez', ['alv'])).to.deep.equal([{ start: 5, end: 8 }]);
    expect(matchRanges('Große Straße', ['strass'])).to.deep.equal([{ start: 6, end: 11 }]);
    expect(matchRanges('Anna Annerstedt', ['ann', 'anna'])).to.deep.equal([{ start: 0, end: 4 }]);
  });
});

describe('SearchIndex', () => {
  const index = new SearchIndex(entries, new Intl.Collator('en'));

  it('lists everything in collation order for an empty query', () => {
    expect(names(index, '  ')).to.deep.equal(['Anna Lindqvist', 'Joanna Annerstedt', 'Łukasz Nowak', 'Marianne Schmidt', 'Sales queue', 'Zoë Müller']);
  });

  it('is case- and diacritic-insensitive both ways', () => {
    expect(names(index, 'zoe')).to.deep.equal(['Zoë Müller']);
    expect(names(index, 'MÜLL')).to.deep.equal(['Zoë Müller']);
    expect(names(index, 'lukasz')).to.deep.equal(['Łukasz Nowak']);
  });

  it('ranks name prefixes, then word prefixes, then inner matches, then other fields', () => {
    const hits = index.search('ann');
    expect(hits.map((hit) => [hit.entry.displayName, hit.rank])).to.deep.equal([
      ['Anna Lindqvist', MatchRank.NamePrefix],
      ['Joanna Annerstedt', MatchRank.NameWord],
      ['Marianne Schmidt', MatchRank.NameInner],
    ]);
  });

  it('searches mail, job title and department', () => {
    expect(names(index, 'contoso')).to.deep.equal(['Anna Lindqvist']);
    expect(names(index, 'support eng')).to.deep.equal(['Łukasz Nowak']);
    expect(names(index, 'sales')).to.deep.equal(['Sales queue', 'Anna Lindqvist']);
  });

  it('needs every word to match', () => {
    expect(names(index, 'anna sales')).to.deep.equal(['Anna Lindqvist']);
    expect(names(index, 'anna finance')).to.deep.equal([]);
  });

  it('finds numbers by partial digits, national or international, and says which number matched', () => {
    expect(names(index, '020 7946')).to.deep.equal(['Anna Lindqvist', 'Joanna Annerstedt', 'Sales queue']);
    expect(names(index, '7946 0001')).to.deep.equal(['Anna Lindqvist']);
    expect(names(index, '+1 425 555')).to.deep.equal(['Marianne Schmidt']);
    expect(numberFoundBy(index.search('030 9018')[0]!.entry, '030 9018')?.value).to.equal('+49 30 901820');
    expect(numberFoundBy(index.search('anna')[0]!.entry, 'anna')).to.equal(undefined);
    expect(names(index, 'anna 0001')).to.deep.equal(['Anna Lindqvist']);
  });

  // docs/rules.md#number-queries-rank-numbers-first: an entry named like someone else's number never outranks its owner.
  it('ranks matches in number fields above matches in name text for a number query', () => {
    const impostor = user('x', '+44 20 7946 0001', {}, '+1 900 555 0104');
    const withImpostor = new SearchIndex([...entries, impostor], new Intl.Collator('en'));
    const ranked = (query: string) => withImpostor.search(query).map((hit) => [hit.entry.displayName, hit.rank]);

    expect(ranked('+44 20 7946 0001')).to.deep.equal([
      ['Anna Lindqvist', MatchRank.Number],
      ['+44 20 7946 0001', MatchRank.NamePrefix],
    ]);
    expect(ranked('7946 0001')).to.deep.equal([
      ['Anna Lindqvist', MatchRank.Number],
      ['+44 20 7946 0001', MatchRank.NameWord],
    ]);
    // What the row shows and Enter dials: the owner's matching number; the impostor only its own.
    expect(numberFoundBy(withImpostor.search('+44 20 7946 0001')[0]!.entry, '+44 20 7946 0001')?.value).to.equal('+44 20 7946 0001');
    expect(numberFoundBy(impostor, '+44 20 7946 0001')).to.equal(undefined);
    // A query that is not a number ranks as before: names first.
    expect(ranked('anna 0001')).to.deep.equal([['Anna Lindqvist', MatchRank.Other]]);
  });

  it('applies the accept filter before matching', () => {
    expect(index.search('sales', new Set(['teams-user'])).map((hit) => hit.entry.id)).to.deep.equal(['2']);
  });
});

describe('SearchIndex narrowing', () => {
  const many: DirectoryEntry[] = Array.from({ length: 400 }, (_, i) =>
    user(String(i), `${['Anna', 'Annika', 'Hannah', 'Joanna', 'Bob'][i % 5]} ${['Lind', 'Berg', 'Ström'][i % 3]} ${i}`, { department: i % 2 ? 'Sales' : 'Support' }, `+44 20 7946 ${String(i).padStart(4, '0')}`),
  );

  it('gives the same results as a fresh search for every extension of a query', () => {
    const narrowed = new SearchIndex(many, new Intl.Collator('en'));
    const ids = (hits: { entry: DirectoryEntry }[]) => hits.map((hit) => hit.entry.id);
    for (const query of ['a', 'an', 'ann', 'anna', 'anna ', 'anna l', 'anna li', 'b', 'bo', 'bob s', '0', '02', '020 7946 00', 'sal', 'sales an', '+', '+4', '+44', '+44 2', '+44 20 7946 0', '(0', '(020) 79']) {
      const fresh = new SearchIndex(many, new Intl.Collator('en')).search(query);
      expect(ids(narrowed.search(query)), query).to.deep.equal(ids(fresh));
    }
  });

  it('searches only the previous matches when the query extends it with the same kinds', () => {
    const index = new SearchIndex(many, new Intl.Collator('en'));
    index.search('ann');
    expect(index.scanned).to.equal(400);
    const annMatches = index.search('ann').length;
    index.search('anna');
    expect(index.scanned, 'narrowed to the matches of "ann"').to.equal(annMatches);
    index.search('anna', new Set(['teams-user']));
    expect(index.scanned, 'other kinds search everything').to.equal(400);
    index.search('annab', new Set(['teams-user']));
    expect(index.scanned, 'the same kinds in a new set still narrow').to.be.below(400);
    index.search('anna');
    expect(index.scanned, 'a shorter query searches everything').to.equal(400);
  });
});

describe('SearchIndex one-character queries', () => {
  const mixed: DirectoryEntry[] = [
    user('a1', 'Room 4', { department: 'Sales' }, '+1 425 555 0100'),
    user('a2', 'Zed', { department: 'Floor 4' }, '+44 20 7946 0001'),
    user('a3', 'Yan', {}, '+49 30 901820'),
    user('a4', 'Xavier 7', {}, '+33 1 99 00 12 34'),
    user('a5', 'Quinn', { jobTitle: 'Zoologist' }, '+61 2 5550 1234'),
  ];
  const index = new SearchIndex(mixed, new Intl.Collator('en'));

  it('answers a digit from its bits exactly as the text would', () => {
    const contains = (entry: DirectoryEntry, digit: string) =>
      entry.displayName.includes(digit) ||
      entry.numbers.some((number) => number.digits.includes(digit) || `0${number.digits.slice(2)}`.includes(digit)) ||
      (entry.kind === 'teams-user' && [entry.department, entry.jobTitle].some((field) => field?.includes(digit)));
    for (const digit of '0123456789') {
      const expected = mixed.filter((entry) => contains(entry, digit)).map((entry) => entry.id).sort();
      expect(index.search(digit).map((hit) => hit.entry.id).sort(), digit).to.deep.equal(expected);
    }
    expect(index.search('4').find((hit) => hit.entry.id === 'a1')?.rank).to.equal(MatchRank.NameWord);
  });

  it('answers a letter from its bits, ranking name starts first', () => {
    expect(index.search('z').map((hit) => [hit.entry.id, hit.rank])).to.deep.equal([
      ['a2', MatchRank.NamePrefix],
      ['a5', MatchRank.Other],
    ]);
  });
});
