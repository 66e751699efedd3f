import { expect } from '@open-wc/testing';
import type { DirectoryAdapter, SignedInAgent } from '../../src/directory/adapter.js';
import { PartialResultError } from '../../src/directory/errors.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { offeredKinds } from '../../src/directory/dial-policy.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';
import { sanitizeListing } from '../../src/directory/sanitize.js';

const signal = new AbortController().signal;
const n = (value: string) => [toPhoneNumber(value, 'ddi')!];
const teams = createMemoryDirectory({
  entries: [
    { kind: 'teams-user', id: 'anna', displayName: 'Anna', numbers: n('+44 20 7946 0001') },
    { kind: 'teams-user', id: 'shared', displayName: 'Shared (Teams)', numbers: n('+44 20 7946 0002') },
  ],
  presences: new Map([['anna', { id: 'anna', availability: 'Busy', activity: 'InACall' }]]),
  agent: { linkedTeamsUserId: 'me' },
});
const vcc = createMemoryDirectory({
  entries: [
    { kind: 'vcc-agent', id: 'bob', displayName: 'Bob', numbers: [], vccState: 'ready' },
    { kind: 'teams-user', id: 'shared', displayName: 'Shared (VCC)', numbers: n('+44 20 7946 0003') },
  ],
  agent: { agentId: 'agent-me', linkedTeamsUserId: null },
});
const failing: DirectoryAdapter = {
  listEntries: () => Promise.reject(new Error('Graph is down')),
  getPresences: () => Promise.reject(new Error('Graph is down')),
  getSignedInAgent: () => Promise.reject(new Error('Graph is down')),
};

describe('composite directory', () => {
  it('merges sources, tags each entry with its source, and passes a repeated id on for the book to report', async () => {
    const composite = createCompositeDirectory([
      { id: 'teams', label: 'Microsoft Teams', adapter: teams },
      { id: 'vcc', label: 'Contact centre', adapter: vcc },
    ]);
    const listing = await composite.listEntries({ signal });
    expect(listing.entries.map((entry) => [entry.id, entry.displayName, entry.source])).to.deep.equal([
      ['anna', 'Anna', 'teams'],
      ['shared', 'Shared (Teams)', 'teams'],
      ['bob', 'Bob', 'vcc'],
      ['shared', 'Shared (VCC)', 'vcc'],
    ]);
    // The first source keeps the id; the book drops the repeat and counts it among the entries it could not use.
    const sanitized = sanitizeListing(listing);
    expect(sanitized.entries.map((entry) => entry.displayName)).to.deep.equal(['Anna', 'Shared (Teams)', 'Bob']);
    expect(sanitized.rejected).to.equal(1);
    expect(listing.failures).to.deep.equal([]);
    expect(await composite.getSignedInAgent({ signal })).to.deep.equal({ agentId: 'agent-me', linkedTeamsUserId: 'me' });
    expect(await composite.getPresences!(['anna', 'bob'], { signal })).to.deep.equal([{ id: 'anna', availability: 'Busy', activity: 'InACall' }]);
  });

  it("takes from each source only the presences of the users it lists: no source sets another's user's presence", async () => {
    const honest = createMemoryDirectory({
      entries: [{ kind: 'teams-user', id: 'u-honest', displayName: 'Honest', numbers: n('+44 20 7946 0011') }],
      presences: new Map([['u-honest', { id: 'u-honest', availability: 'Busy', activity: 'InACall' }]]),
      agent: { linkedTeamsUserId: 'me' },
    });
    // This source answers for a user it does not list, claiming they are Available.
    const meddler: DirectoryAdapter = {
      listEntries: () => Promise.resolve({ entries: [{ kind: 'teams-user', id: 'u-meddler', displayName: 'Meddler', numbers: n('+44 20 7946 0012') }] }),
      getPresences: (ids) => Promise.resolve([...ids.map((id) => ({ id, availability: 'Away' })), { id: 'u-honest', availability: 'Available' }]),
      getSignedInAgent: () => Promise.resolve({ linkedTeamsUserId: 'me' }),
    };
    const composite = createCompositeDirectory([
      { id: 'meddler', label: 'Meddler', adapter: meddler },
      { id: 'honest', label: 'Honest', adapter: honest },
    ]);
    await composite.listEntries({ signal });
    const records = await composite.getPresences!(['u-honest', 'u-meddler'], { signal });
    expect(records.filter((record) => record.id === 'u-honest').map((record) => record.availability)).to.deep.equal(['Busy']);
    expect(records.filter((record) => record.id === 'u-meddler').map((record) => record.availability)).to.deep.equal(['Away']);
  });

  it('keeps working when one source fails, and reports it', async () => {
    const composite = createCompositeDirectory([
      { id: 'teams', label: 'Microsoft Teams', adapter: failing },
      { id: 'vcc', label: 'Contact centre', adapter: vcc },
    ]);
    const listing = await composite.listEntries({ signal });
    expect(listing.entries.map((entry) => entry.id)).to.deep.equal(['bob', 'shared']);
    expect(listing.failures?.map((failure) => [failure.source, failure.label, (failure.error as Error).message])).to.deep.equal([
      ['teams', 'Microsoft Teams', 'Graph is down'],
    ]);
    // VCC says "not linked" but Teams, which could have said otherwise, failed: the answer is partial.
    const error = (await composite.getSignedInAgent({ signal }).catch((reason: unknown) => reason)) as PartialResultError<SignedInAgent>;
    expect(error).to.be.instanceOf(PartialResultError);
    expect(error.partial).to.deep.equal({ agentId: 'agent-me', linkedTeamsUserId: null });
    expect((error.cause as Error).message).to.equal('Graph is down');
  });

  it('keeps a source that listed in part beside its own failure, even when no other source listed', async () => {
    const stopped = new Error('stopped at its bounds');
    const partial: DirectoryAdapter = {
      listEntries: () => Promise.resolve({ entries: [{ kind: 'teams-user', id: 'anna', displayName: 'Anna', numbers: n('+44 20 7946 0001') }], failures: [{ source: 'teams', label: 'Microsoft Teams', error: stopped }] }),
      getSignedInAgent: () => Promise.resolve({ linkedTeamsUserId: 'me' }),
    };
    for (const others of [[], [{ id: 'vcc', label: 'Contact centre', adapter: failing }]]) {
      const listing = await createCompositeDirectory([{ id: 'teams', label: 'Microsoft Teams', adapter: partial }, ...others]).listEntries({ signal });
      expect(listing.entries.map((entry) => entry.id), `with ${others.length} other source(s)`).to.deep.equal(['anna']);
      expect(listing.failures?.map((failure) => (failure.error as Error).message)).to.deep.equal(['stopped at its bounds', ...others.map(() => 'Graph is down')]);
    }
  });

  it('fails as a whole only when every source fails', async () => {
    const composite = createCompositeDirectory([{ id: 'teams', label: 'Microsoft Teams', adapter: failing }]);
    const error = await composite.listEntries({ signal }).catch((reason: unknown) => reason);
    expect((error as Error).message).to.equal('Graph is down');
  });
});

describe('sanitizeListing', () => {
  it('drops malformed entries and repeated ids, keeps the rest, never throws on garbage entries', () => {
    const { entries, rejected } = sanitizeListing({
      entries: [
        null,
        42,
        { kind: 'teams-user', displayName: 'No id', numbers: [] },
        { kind: 'martian', id: 'x', displayName: 'Unknown kind' },
        { kind: 'teams-user', id: 'a', displayName: '  ', numbers: ['+44 20 7946 0001', 'n/a', { value: '+44 20 7946 0001' }] },
        { kind: 'teams-user', id: 'a', displayName: 'Duplicate', numbers: [] },
        { kind: 'vcc-agent', id: 7, displayName: '<b>Bold</b>', numbers: 'nope', vccState: 'dancing' },
      ],
    });
    expect(rejected).to.equal(5);
    expect(entries).to.deep.equal([
      { kind: 'teams-user', id: 'a', displayName: '+44 20 7946 0001', numbers: [{ value: '+44 20 7946 0001', digits: '442079460001', type: 'other' }] },
      { kind: 'vcc-agent', id: '7', displayName: '<b>Bold</b>', numbers: [] },
    ] satisfies DirectoryEntry[]);
  });

  it('keeps an entry that needs no cleaning as the same object, and copies one that does', () => {
    const clean: DirectoryEntry = { kind: 'teams-user', id: 'u1', displayName: 'Anna Müller', numbers: n('+44 20 7946 0001'), mail: 'anna@example.com' };
    const padded = { ...clean, id: 'u2', displayName: ' Anna ' };
    const extraKey = { ...clean, id: 'u3', photo: 'x' };
    const rawNumber = { ...clean, id: 'u4', numbers: ['+44 20 7946 0001'] };
    const { entries } = sanitizeListing({ entries: [clean, padded, extraKey, rawNumber] });
    expect(entries[0]).to.equal(clean);
    expect(entries[1]).to.not.equal(padded);
    expect(entries[2]).to.not.equal(extraKey);
    expect(entries[3]).to.not.equal(rawNumber);
    expect(entries[1]!.displayName).to.equal('Anna');
    expect(entries[2]).to.not.have.property('photo');
    expect(entries[3]!.numbers.map((number) => number.digits)).to.deep.equal(['442079460001']);
  });

  it('treats text of nothing but spaces, zero-width and bidi formatting characters as missing', () => {
    const { entries } = sanitizeListing({
      entries: [{ kind: 'teams-user', id: 'z', displayName: '\u200b\u2060 \u202e', numbers: ['+44 20 7946 0009'], department: '\ufeff' }],
    });
    expect(entries[0]!.displayName, 'falls back to the number').to.equal('+44 20 7946 0009');
    expect(entries[0]).to.not.have.property('department');
  });

  it('rejects a listing that is not one', () => {
    for (const garbage of [null, undefined, 'x', { entries: 'x' }, []]) expect(() => sanitizeListing(garbage)).to.throw(TypeError);
  });
});

describe('dial policy', () => {
  it('offers groups and interaction plans only in consult mode with consult-to-queue', () => {
    const has = (set: ReadonlySet<string>) => [set.has('vcc-group'), set.has('interaction-plan'), set.has('teams-user'), set.has('call-queue')];
    expect(has(offeredKinds('outbound', { consultToQueue: true }))).to.deep.equal([false, false, true, true]);
    expect(has(offeredKinds('consult', { consultToQueue: false }))).to.deep.equal([false, false, true, true]);
    expect(has(offeredKinds('consult', { consultToQueue: true }))).to.deep.equal([true, true, true, true]);
  });

  it('lets the host choose the kinds', () => {
    expect([...offeredKinds('outbound', { consultToQueue: false, kinds: ['vcc-group', 'teams-user'] })]).to.deep.equal(['vcc-group', 'teams-user']);
  });
});
