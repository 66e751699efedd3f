/**
 * How a replica lies in IndexedDB: a header record under `[tenantId, accountId]` and its entries in chunks of
 * {@link REPLICA_CHUNK_SIZE} under `[tenantId, accountId, i]`. One `put` of 300,000 entries cloned them on the main
 * thread in one task of about half a second (Chromium, this kind of machine); a chunk takes a few tens of
 * milliseconds, and the page runs between chunks (docs/rules.md#directory-replica-kept-in-indexeddb).
 */
import type { IDBPDatabase } from 'idb';
import type { DirectoryEntry } from '../directory/entry.js';

/** Entries per record. */
export const REPLICA_CHUNK_SIZE = 10_000;
export const STORE_NAME = 'replicas';

export type ReplicaKey = [tenantId: string, accountId: string];

/** The header record: everything but the entries, and how many chunks and entries follow. */
export interface ReplicaHeader {
  readonly schemaVersion: number;
  readonly tenantId: string;
  readonly accountId: string;
  readonly deltaLink: string | null;
  readonly readAt: number;
  readonly chunks: number;
  readonly count: number;
}

/** Every chunk key of a replica, and none of another (array keys order element by element; an array is above numbers). */
const chunkRange = ([tenantId, accountId]: ReplicaKey): IDBKeyRange => IDBKeyRange.bound([tenantId, accountId, 0], [tenantId, accountId, []]);

/** A transaction's end, whose rejection is handled here so an aborted one is never an unhandled rejection. */
function settled(done: Promise<void>): Promise<void> {
  done.catch(() => undefined);
  return done;
}

/** Replaces the replica under `key`, atomically: on failure the transaction is aborted and the old one stays. */
export async function writeRecords(db: IDBPDatabase, key: ReplicaKey, header: Omit<ReplicaHeader, 'chunks' | 'count'>, entries: readonly DirectoryEntry[]): Promise<void> {
  const tx = db.transaction(STORE_NAME, 'readwrite');
  const done = settled(tx.done);
  try {
    const store = tx.objectStore(STORE_NAME);
    await store.delete(chunkRange(key));
    let chunks = 0;
    for (let start = 0; start < entries.length; start += REPLICA_CHUNK_SIZE, chunks++) {
      // Awaited one by one: each clone is its own task, so the page paints and answers keys in between.
      await store.put(entries.slice(start, start + REPLICA_CHUNK_SIZE), [...key, chunks]);
    }
    await store.put({ ...header, chunks, count: entries.length } satisfies ReplicaHeader, key);
    await done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}

/**
 * The header and entries under `key`; `undefined` when there is none; `'unusable'` when the header fails `isUsable`
 * or a chunk is missing or not a list (the caller deletes it).
 */
export async function readRecords(
  db: IDBPDatabase,
  key: ReplicaKey,
  isUsable: (header: unknown) => header is ReplicaHeader,
): Promise<{ header: ReplicaHeader; entries: DirectoryEntry[] } | undefined | 'unusable'> {
  const tx = db.transaction(STORE_NAME, 'readonly');
  const done = settled(tx.done);
  const store = tx.objectStore(STORE_NAME);
  const header: unknown = await store.get(key);
  if (header === undefined) return undefined;
  if (!isUsable(header)) return 'unusable';
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < header.chunks; i++) {
    const chunk: unknown = await store.get([...key, i]);
    if (!Array.isArray(chunk)) return 'unusable';
    for (const entry of chunk as DirectoryEntry[]) entries.push(entry);
  }
  await done;
  return entries.length === header.count ? { header, entries } : 'unusable';
}

/** Deletes the replica under `key`: its header and every chunk. */
export async function deleteRecords(db: IDBPDatabase, key: ReplicaKey): Promise<void> {
  const tx = db.transaction(STORE_NAME, 'readwrite');
  const done = settled(tx.done);
  const store = tx.objectStore(STORE_NAME);
  await Promise.all([store.delete(key), store.delete(chunkRange(key))]);
  await done;
}
