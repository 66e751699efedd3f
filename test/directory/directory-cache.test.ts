import { expect } from '@open-wc/testing';
import type { DirectoryAdapter, SignedInAgent } from '../../src/directory/adapter.js';
import { DirectoryCache, loadDirectory } from '../../src/directory/directory-cache.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { toPhoneNumber } from '../../src/directory/phone-number.js';

const n = (value: string) => [toPhoneNumber(value, 'ddi')!];
const entries: DirectoryEntry[] = [
  { kind: 'teams-user', id: 'me', displayName: 'Me', numbers: n('+44 20 7946 0999') },
  { kind: 'teams-user', id: 'anna', displayName: 'Anna', numbers: n('+44 20 7946 0001') },
  { kind: 'teams-user', id: 'nora', displayName: 'Nora (no number)', numbers: [] },
  { kind: 'auto-attendant', id: 'aa', displayName: 'Reception', numbers: n('+44 20 7946 0100') },
  { kind: 'vcc-agent', id: 'agent-me', displayName: 'Agent me', numbers: [], vccState: 'ready' },
  { kind: 'vcc-agent', id: 'agent-bob', displayName: 'Bob', numbers: [], vccState: 'busy' },
];

function adapter(agent: SignedInAgent, list: () => Promise<{ entries: readonly DirectoryEntry[] }> = () => Promise.resolve({ entries })) {
  let calls = 0;
  const directory: DirectoryAdapter & { calls: () => number } = {
    calls: () => calls,
    listEntries: () => {
      calls++;
      return list();
    },
    getSignedInAgent: () => Promise.resolve(agent),
  };
  return directory;
}

const ids = (list: readonly DirectoryEntry[]) => list.map((entry) => entry.id);

describe('loadDirectory', () => {
  it('drops number-less Teams users and the agent’s own entries', async () => {
    const loaded = await loadDirectory(adapter({ agentId: 'agent-me', linkedTeamsUserId: 'me' }), new AbortController().signal);
    expect(ids(loaded.entries)).to.deep.equal(['anna', 'aa', 'agent-bob']);
  });

  it('hides every Teams entry from an agent not linked to Teams', async () => {
    const loaded = await loadDirectory(adapter({ agentId: 'agent-me', linkedTeamsUserId: null }), new AbortController().signal);
    expect(ids(loaded.entries)).to.deep.equal(['agent-bob']);
  });

  it('treats a failed link check as not linked and keeps the error', async () => {
    const failing: DirectoryAdapter = { listEntries: () => Promise.resolve({ entries }), getSignedInAgent: () => Promise.reject(new Error('down')) };
    const loaded = await loadDirectory(failing, new AbortController().signal);
    expect(loaded.agent.linkedTeamsUserId).to.equal(null);
    expect((loaded.agentError as Error).message).to.equal('down');
  });
});

describe('loadDirectory with partial listings', () => {
  /** An adapter that hands on a partial listing at once and answers only when released. */
  function partialAdapter() {
    let release = () => {};
    const directory: DirectoryAdapter = {
      listEntries: ({ onPartial }) => {
        onPartial?.({ entries: entries.slice(4), pending: [{ source: 'teams', label: 'Microsoft Teams' }] });
        return new Promise((resolve) => {
          release = () => resolve({ entries });
        });
      },
      getSignedInAgent: () => Promise.resolve({ agentId: 'agent-me', linkedTeamsUserId: 'me' }),
    };
    return { directory, release: () => release() };
  }

  it('shows what has answered, not complete and not cached, then the whole', async () => {
    const cache = new DirectoryCache();
    const { directory, release } = partialAdapter();
    const partials: string[][] = [];
    const late: string[][] = [];
    const signal = new AbortController().signal;
    const loading = cache.get(directory, { signal, onPartial: (shown) => partials.push([...ids(shown.entries), String(shown.complete)]) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(partials).to.deep.equal([['agent-bob', 'false']]);
    expect(cache.peek(directory), 'a partial directory is never cached').to.equal(undefined);
    // A book that opens later sees the partial directory at once.
    const joining = cache.get(directory, { signal, onPartial: (shown) => late.push(ids(shown.entries)) });
    expect(late).to.deep.equal([['agent-bob']]);
    release();
    const [whole, same] = await Promise.all([loading, joining]);
    expect(whole.complete).to.equal(true);
    expect(ids(whole.entries)).to.deep.equal(['anna', 'aa', 'agent-bob']);
    expect(same).to.equal(whole);
    expect(cache.peek(directory)).to.equal(whole);
  });

  it('keeps the last known Teams link, marked stale, when the link check fails on a reload', async () => {
    let fail = false;
    const directory: DirectoryAdapter = {
      listEntries: () => Promise.resolve({ entries }),
      getSignedInAgent: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve({ agentId: 'agent-me', linkedTeamsUserId: 'me' })),
    };
    const cache = new DirectoryCache();
    const signal = new AbortController().signal;
    await cache.get(directory, { signal });
    fail = true;
    const reloaded = await cache.get(directory, { signal, force: true });
    expect(reloaded.agent).to.deep.equal({ agentId: 'agent-me', linkedTeamsUserId: 'me' });
    expect(reloaded.agentStale).to.equal(true);
    expect((reloaded.agentError as Error).message).to.equal('down');
    expect(ids(reloaded.entries)).to.deep.equal(['anna', 'aa', 'agent-bob']);
  });
});

describe('DirectoryCache', () => {
  it('reuses a directory until it is older than the max age', async () => {
    let now = 0;
    const cache = new DirectoryCache(() => now);
    const source = adapter({ linkedTeamsUserId: 'me' });
    const signal = new AbortController().signal;
    const first = await cache.get(source, { signal, maxAge: 1000 });
    now = 999;
    expect(await cache.get(source, { signal, maxAge: 1000 })).to.equal(first);
    expect(source.calls()).to.equal(1);
    now = 1000;
    expect(await cache.get(source, { signal, maxAge: 1000 })).not.to.equal(first);
    expect(source.calls()).to.equal(2);
  });

  it('shares one load in flight and aborts it only when every waiter gave up', async () => {
    let loadSignal: AbortSignal | undefined;
    const cache = new DirectoryCache();
    const slow: DirectoryAdapter = {
      listEntries: ({ signal }) => {
        loadSignal = signal;
        return new Promise(() => {});
      },
      getSignedInAgent: () => Promise.resolve({ linkedTeamsUserId: null }),
    };
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.get(slow, { signal: a.signal }).catch((error: unknown) => error);
    const second = cache.get(slow, { signal: b.signal }).catch((error: unknown) => error);
    await Promise.resolve();
    a.abort();
    expect(await first).to.be.instanceOf(DOMException);
    expect(loadSignal?.aborted).to.equal(false);
    b.abort();
    await second;
    expect(loadSignal?.aborted).to.equal(true);
  });

  it('loads again when forced', async () => {
    const cache = new DirectoryCache();
    const source = adapter({ linkedTeamsUserId: 'me' });
    const signal = new AbortController().signal;
    await cache.get(source, { signal });
    await cache.get(source, { signal, force: true });
    expect(source.calls()).to.equal(2);
  });
});

describe('LoadedDirectory.indexFor', () => {
  it('sorts by the locale given, and falls back to the browser’s language for a malformed one', async () => {
    const swedish: DirectoryEntry[] = ['Östen', 'Zara', 'Ada'].map((name, i) => ({ kind: 'vcc-agent', id: String(i), displayName: name, numbers: [] }));
    const loaded = await loadDirectory(adapter({ linkedTeamsUserId: null }, () => Promise.resolve({ entries: swedish })), new AbortController().signal);
    expect(loaded.indexFor('sv').entries.map((entry) => entry.displayName)).to.deep.equal(['Ada', 'Zara', 'Östen']);
    expect(loaded.indexFor('de').entries.map((entry) => entry.displayName)).to.deep.equal(['Ada', 'Östen', 'Zara']);
    expect(loaded.indexFor('en_GB').entries).to.have.length(3);
  });
});
