/**
 * The directory replica's store in Chromium's real IndexedDB (docs/rules.md#directory-replica-kept-in-indexeddb).
 * Each test uses its own database name, deleted afterwards.
 */
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import {
  clearReplicas,
  openReplicaStore,
  REPLICA_SCHEMA_VERSION,
  type ReplicaContent,
  type ReplicaDiagnostic,
  type ReplicaStoreOptions,
} from '../../src/graph/replica-store.js';
import { REPLICA_CHUNK_SIZE } from '../../src/graph/replica-records.js';

const entry = (id: string, displayName: string): DirectoryEntry => ({
  kind: 'teams-user',
  id,
  displayName,
  numbers: [{ type: 'business', value: '+4930123456', digits: '4930123456' }],
});

const content: ReplicaContent = {
  entries: [entry('u1', 'Ada Lovelace'), entry('u2', 'Alan Turing')],
  deltaLink: 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc',
  readAt: 1_700_000_000_000,
};

let databaseName = '';
let serial = 0;
const diagnostics: ReplicaDiagnostic[] = [];

/** A store on this test's database, reporting into `diagnostics`. */
const store = (options: Partial<ReplicaStoreOptions> = {}) =>
  openReplicaStore({ tenantId: 'tenant-1', accountId: 'account-1', databaseName, onDiagnostic: (d) => diagnostics.push(d), ...options });

/** What the database itself holds under a key (read beside the store, with idb). */
async function stored(key: IDBValidKey): Promise<unknown> {
  const db = await openDB(databaseName);
  try {
    return db.objectStoreNames.contains('replicas') ? await db.get('replicas', key) : undefined;
  } finally {
    db.close();
  }
}

/** An IndexedDB factory that fails the test if anything calls it. */
const untouchable = new Proxy({} as IDBFactory, {
  get() {
    throw new Error('IndexedDB was used');
  },
});

/**
 * The real factory, whose databases refuse every `put` as a full disk does (a DOMException named
 * QuotaExceededError). The database is patched in the open request's success listener, which runs before idb's.
 */
function quotaExceeding(): IDBFactory {
  return {
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    databases: () => indexedDB.databases(),
    deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
    open(name: string, version?: number) {
      const request = indexedDB.open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        db.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
          const tx = transaction(...args);
          const objectStore = tx.objectStore.bind(tx);
          tx.objectStore = (storeName: string) => {
            const objects = objectStore(storeName);
            objects.put = () => {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            };
            return objects;
          };
          return tx;
        }) as IDBDatabase['transaction'];
      });
      return request;
    },
  };
}

beforeEach(() => {
  databaseName = `replica-test-${Date.now()}-${serial++}`;
  diagnostics.length = 0;
});

afterEach(async () => {
  await clearReplicas({ databaseName });
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(databaseName);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
});

describe('replica store', () => {
  it('keeps a replica in IndexedDB: another store of the same tenant and account reads it back', async () => {
    await store().write(content);
    const replica = await store().read();
    expect(replica).to.deep.equal({ schemaVersion: REPLICA_SCHEMA_VERSION, tenantId: 'tenant-1', accountId: 'account-1', ...content });
    // In the database itself, not only in this page's memory: a header, then the entries in one chunk.
    expect(await stored(['tenant-1', 'account-1'])).to.deep.include({ deltaLink: content.deltaLink, readAt: content.readAt, chunks: 1, count: 2 });
    expect(await stored(['tenant-1', 'account-1', 0])).to.deep.equal(content.entries);
    expect(diagnostics).to.deep.equal([]);
  });

  it('is keyed by tenant and account: another account or tenant reads nothing', async () => {
    await store().write(content);
    expect(await store({ accountId: 'account-2' }).read()).to.equal(undefined);
    expect(await store({ tenantId: 'tenant-2' }).read()).to.equal(undefined);
    // A separator in an id cannot make two keys meet.
    await store({ tenantId: 'a/b', accountId: 'c' }).write(content);
    expect(await store({ tenantId: 'a', accountId: 'b/c' }).read()).to.equal(undefined);
    expect((await store().read())?.entries).to.deep.equal(content.entries);
  });

  it('discards a replica of another schema version, and one stored under a key it does not name', async () => {
    await store().write(content);
    const db = await openDB(databaseName);
    const header = (await db.get('replicas', ['tenant-1', 'account-1'])) as object;
    await db.put('replicas', { ...header, schemaVersion: REPLICA_SCHEMA_VERSION + 1 }, ['tenant-1', 'account-1']);
    // account-1's header and entries, stored under account-2's key.
    await db.put('replicas', header, ['tenant-1', 'account-2']);
    await db.put('replicas', content.entries, ['tenant-1', 'account-2', 0]);
    db.close();
    expect(await store().read()).to.equal(undefined);
    expect(await store({ accountId: 'account-2' }).read()).to.equal(undefined);
    // Deleted, not only ignored.
    expect(await stored(['tenant-1', 'account-1'])).to.equal(undefined);
    expect(await stored(['tenant-1', 'account-2'])).to.equal(undefined);
    expect(await stored(['tenant-1', 'account-1', 0])).to.equal(undefined);
    expect(await stored(['tenant-1', 'account-2', 0])).to.equal(undefined);
  });

  it('stores a large replica in chunks, reads it back whole, and discards it when a chunk is missing', async () => {
    const entries = Array.from({ length: 2 * REPLICA_CHUNK_SIZE + 5 }, (_, i) => entry(`u${i}`, `Person ${i}`));
    await store().write({ ...content, entries });
    expect(await stored(['tenant-1', 'account-1'])).to.deep.include({ chunks: 3, count: entries.length });
    expect((await store().read())?.entries).to.deep.equal(entries);
    // A shorter replica leaves no chunk of the longer one behind.
    await store().write(content);
    expect(await stored(['tenant-1', 'account-1', 1])).to.equal(undefined);
    await store().write({ ...content, entries });
    const db = await openDB(databaseName);
    await db.delete('replicas', ['tenant-1', 'account-1', 1]);
    db.close();
    expect(await store().read()).to.equal(undefined);
    expect(await stored(['tenant-1', 'account-1'])).to.equal(undefined);
    expect(await stored(['tenant-1', 'account-1', 0])).to.equal(undefined);
  });

  it('clear deletes its own replica only; clearReplicas deletes every one', async () => {
    await store().write(content);
    await store({ accountId: 'account-2' }).write(content);
    await store({ tenantId: 'tenant-2' }).write(content);
    await store().clear();
    expect(await store().read()).to.equal(undefined);
    expect(await store({ accountId: 'account-2' }).read()).to.not.equal(undefined);
    expect(await clearReplicas({ databaseName })).to.equal(true);
    expect(await store({ accountId: 'account-2' }).read()).to.equal(undefined);
    expect(await store({ tenantId: 'tenant-2' }).read()).to.equal(undefined);
    expect(await stored(['tenant-2', 'account-1'])).to.equal(undefined);
  });

  it('persist: false keeps the replica in memory and never touches IndexedDB', async () => {
    const memoryOnly = store({ persist: false, indexedDB: untouchable });
    await memoryOnly.write(content);
    expect((await memoryOnly.read())?.entries).to.deep.equal(content.entries);
    await memoryOnly.clear();
    expect(await memoryOnly.read()).to.equal(undefined);
    expect(diagnostics).to.deep.equal([]);
  });

  it('falls back to memory when a write exceeds the quota: the replica stays readable, one diagnostic', async () => {
    const old = { ...content, entries: [entry('u0', 'Grace Hopper')], readAt: content.readAt - 1 };
    await store().write(old);
    const full = store({ indexedDB: quotaExceeding() });
    await full.write(content);
    expect((await full.read())?.entries).to.deep.equal(content.entries);
    await full.write({ ...content, readAt: content.readAt + 1 });
    expect((await full.read())?.readAt).to.equal(content.readAt + 1);
    expect(diagnostics.map((d) => d.code)).to.deep.equal(['replica-quota-exceeded']);
    // The failed write was undone as a whole: the replica stored before it is intact.
    expect(await stored(['tenant-1', 'account-1'])).to.deep.include({ readAt: old.readAt, count: 1 });
    expect(await stored(['tenant-1', 'account-1', 0])).to.deep.equal(old.entries);
  });

  it('falls back to memory when there is no IndexedDB: one diagnostic, never an error', async () => {
    const noStorage = store({ indexedDB: undefined });
    expect(await noStorage.read()).to.equal(undefined);
    await noStorage.write(content);
    expect((await noStorage.read())?.entries).to.deep.equal(content.entries);
    await noStorage.clear();
    expect(await noStorage.read()).to.equal(undefined);
    expect(diagnostics.map((d) => d.code)).to.deep.equal(['replica-unavailable']);
    // clearReplicas wipes the memory too (sign-out), and says IndexedDB was not cleared.
    await noStorage.write(content);
    expect(await clearReplicas({ databaseName, indexedDB: undefined })).to.equal(false);
    expect(await noStorage.read()).to.equal(undefined);
  });

  it('falls back to memory when opening is blocked by another connection, and lets go of it later', async () => {
    // Another tab holds version 1 open and ignores versionchange; our store asks for version 2 (the factory adds one).
    const holder = await openDB(databaseName, 1, { upgrade: (db) => void db.createObjectStore('replicas') });
    const upgrading: IDBFactory = {
      cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
      databases: () => indexedDB.databases(),
      deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
      open: (name: string, version?: number) => indexedDB.open(name, (version ?? 1) + 1),
    };
    const blocked = store({ indexedDB: upgrading });
    await blocked.write(content);
    expect((await blocked.read())?.entries).to.deep.equal(content.entries);
    expect(diagnostics.map((d) => d.code)).to.deep.equal(['replica-unavailable']);
    holder.close();
    // The late connection is closed, so deleting the database (afterEach) is not blocked in turn.
    const deleted = await new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase(databaseName);
      request.onsuccess = () => resolve('deleted');
      request.onblocked = () => resolve('blocked');
    });
    expect(deleted).to.equal('deleted');
  });

  it('a store that fell back reads its own memory, never another account’s', async () => {
    await store({ indexedDB: undefined }).write(content);
    expect(await store({ indexedDB: undefined, accountId: 'account-2' }).read()).to.equal(undefined);
  });
});
