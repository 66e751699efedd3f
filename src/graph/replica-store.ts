/**
 * The directory replica's store: what the Graph adapter read of a tenant (entries and the delta link to refresh
 * them), kept in IndexedDB across reloads, keyed by tenant and signed-in account. When IndexedDB is missing, blocked
 * or failing, the replica stays in this page's memory, with one diagnostic and never an error
 * (docs/rules.md#directory-replica-kept-in-indexeddb).
 */
import { wrap, type IDBPDatabase } from 'idb';
import type { DirectoryEntry } from '../directory/entry.js';
import { deleteRecords, readRecords, STORE_NAME, writeRecords, type ReplicaHeader, type ReplicaKey } from './replica-records.js';

/** The replica's layout; a replica written with another is discarded, never misread. */
export const REPLICA_SCHEMA_VERSION = 1;
/** The library's database; one object store in it holds every replica. */
export const REPLICA_DATABASE_NAME = 'contactpad-address-book';
/** The database's own version (its object stores), not the replica's layout. */
const DATABASE_VERSION = 1;

/**
 * One tenant's directory as read by one signed-in account. Plain data only: it holds no access token, refresh
 * token or other credential, and has no field for one (tokens stay with MSAL or the host).
 */
export interface Replica {
  readonly schemaVersion: number;
  /** The Entra ID tenant (directory) id. */
  readonly tenantId: string;
  /** The signed-in account (e.g. MSAL's `homeAccountId`): another account never reads this replica. */
  readonly accountId: string;
  /** The entries listed, as the Graph adapter made them. */
  readonly entries: readonly DirectoryEntry[];
  /** Graph's `@odata.deltaLink` to read the changes since, or null before a complete read. */
  readonly deltaLink: string | null;
  /** When the entries were read (ms since the epoch). */
  readonly readAt: number;
}

/** What a caller writes: the store adds the schema version and its own tenant and account, so they cannot differ. */
export type ReplicaContent = Pick<Replica, 'entries' | 'deltaLink' | 'readAt'>;

/** Why the replica is kept in memory only; reported once per store. */
export interface ReplicaDiagnostic {
  /**
   * `replica-unavailable`: IndexedDB is missing, blocked, closed or failing; `replica-quota-exceeded`: a write was
   * refused for lack of space.
   */
  readonly code: 'replica-unavailable' | 'replica-quota-exceeded';
  readonly message: string;
}

export interface ReplicaStoreOptions {
  readonly tenantId: string;
  readonly accountId: string;
  /** Keep the replica in IndexedDB across reloads (default true); false keeps it in this page's memory only. */
  readonly persist?: boolean;
  /** Called at most once, when the replica falls back to memory. */
  readonly onDiagnostic?: (diagnostic: ReplicaDiagnostic) => void;
  /** The IndexedDB factory (default the page's `indexedDB`; `undefined` given explicitly means there is none). */
  readonly indexedDB?: IDBFactory | undefined;
  /** The database's name (default {@link REPLICA_DATABASE_NAME}). */
  readonly databaseName?: string;
}

/** One tenant and account's replica. Its methods never reject: storage failures fall back to memory. */
export interface ReplicaStore {
  /** The replica, or undefined when there is none (or only one of another schema, which is deleted). */
  read(): Promise<Replica | undefined>;
  /** Replaces the replica. */
  write(content: ReplicaContent): Promise<void>;
  /** Deletes the replica (e.g. when the account changes). */
  clear(): Promise<void>;
}

export interface ClearReplicasOptions {
  readonly indexedDB?: IDBFactory | undefined;
  readonly databaseName?: string;
}

/** Replicas kept in memory, per database name then per key: shared by the stores of this page, wiped by clearReplicas. */
const inMemory = new Map<string, Map<string, Replica>>();

function memoryOf(databaseName: string): Map<string, Replica> {
  let replicas = inMemory.get(databaseName);
  if (!replicas) inMemory.set(databaseName, (replicas = new Map<string, Replica>()));
  return replicas;
}

/** The factory named by the options: an explicit `indexedDB: undefined` means none, else the page's. */
function factoryOf(options: { readonly indexedDB?: IDBFactory | undefined }): IDBFactory | undefined {
  if ('indexedDB' in options) return options.indexedDB;
  return typeof indexedDB === 'undefined' ? undefined : indexedDB;
}

const isQuotaError = (error: unknown): boolean => error instanceof DOMException && error.name === 'QuotaExceededError';

/**
 * Opens the database through `factory` (idb's `openDB` reads the global one). Resolves undefined when it cannot be
 * used: blocked by another tab's older connection (we do not wait for it; a late connection is closed), or failing.
 */
function openDatabase(factory: IDBFactory, name: string): Promise<IDBPDatabase | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (db: IDBPDatabase | undefined) => {
      if (settled) {
        db?.close();
        return;
      }
      settled = true;
      resolve(db);
    };
    try {
      const request = factory.open(name, DATABASE_VERSION);
      request.addEventListener('upgradeneeded', () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE_NAME)) db.createObjectStore(STORE_NAME);
      });
      request.addEventListener('blocked', () => settle(undefined));
      wrap(request).then(settle, () => settle(undefined));
    } catch {
      settle(undefined);
    }
  });
}

/** A stored header is of this key and schema, or the replica is not used. */
const isHeaderOf =
  ([tenantId, accountId]: ReplicaKey) =>
  (value: unknown): value is ReplicaHeader => {
    if (typeof value !== 'object' || value === null) return false;
    const header = value as Partial<Record<keyof ReplicaHeader, unknown>>;
    return (
      header.schemaVersion === REPLICA_SCHEMA_VERSION &&
      header.tenantId === tenantId &&
      header.accountId === accountId &&
      (header.deltaLink === null || typeof header.deltaLink === 'string') &&
      typeof header.readAt === 'number' &&
      Number.isInteger(header.chunks) &&
      Number.isInteger(header.count)
    );
  };

/** A replica's fields from its header (the entries are added by the caller). */
const replicaOf = ({ schemaVersion, tenantId, accountId, deltaLink, readAt }: ReplicaHeader): Omit<Replica, 'entries'> => ({
  schemaVersion,
  tenantId,
  accountId,
  deltaLink,
  readAt,
});

/**
 * The replica store of one tenant and signed-in account. The database opens on first use; whatever goes wrong with
 * it, the replica lives on in memory and `onDiagnostic` hears of it once.
 */
export function openReplicaStore(options: ReplicaStoreOptions): ReplicaStore {
  const { tenantId, accountId } = options;
  const key: ReplicaKey = [tenantId, accountId];
  const memoryKey = JSON.stringify(key);
  const databaseName = options.databaseName ?? REPLICA_DATABASE_NAME;
  const memory = memoryOf(databaseName);
  let diagnosed = false;
  /** The open database, undefined while memory is used (persist off, or after a failure). */
  let database: Promise<IDBPDatabase | undefined> | undefined;

  const fallBack = (diagnostic: ReplicaDiagnostic) => {
    database = Promise.resolve(undefined);
    if (diagnosed) return;
    diagnosed = true;
    options.onDiagnostic?.(diagnostic);
  };
  const unavailable = (why: string) => fallBack({ code: 'replica-unavailable', message: `The directory replica is kept in memory only: ${why}.` });

  function db(): Promise<IDBPDatabase | undefined> {
    if (database) return database;
    if (options.persist === false) return (database = Promise.resolve(undefined));
    const factory = factoryOf(options);
    if (!factory) {
      unavailable('IndexedDB is not available');
      return database!;
    }
    database = openDatabase(factory, databaseName).then((opened) => {
      if (!opened) {
        unavailable('IndexedDB could not be opened');
        return undefined;
      }
      // Another tab upgrading the database, or the browser closing it (storage cleared): let go, keep to memory.
      opened.addEventListener('versionchange', () => {
        opened.close();
        unavailable('IndexedDB was closed');
      });
      opened.addEventListener('close', () => unavailable('IndexedDB was closed'));
      return opened;
    });
    return database;
  }

  return {
    async read() {
      const opened = await db();
      if (opened) {
        try {
          const stored = await readRecords(opened, key, isHeaderOf(key));
          if (stored !== 'unusable') return stored && { ...replicaOf(stored.header), entries: stored.entries };
          await deleteRecords(opened, key);
          return undefined;
        } catch {
          unavailable('IndexedDB could not be read');
        }
      }
      return memory.get(memoryKey);
    },
    async write(content) {
      const replica: Replica = {
        schemaVersion: REPLICA_SCHEMA_VERSION,
        tenantId,
        accountId,
        entries: [...content.entries],
        deltaLink: content.deltaLink,
        readAt: content.readAt,
      };
      // Memory holds the latest write too, so a failure later still leaves it readable.
      memory.set(memoryKey, replica);
      const opened = await db();
      if (!opened) return;
      try {
        await writeRecords(opened, key, { schemaVersion: REPLICA_SCHEMA_VERSION, tenantId, accountId, deltaLink: replica.deltaLink, readAt: replica.readAt }, replica.entries);
      } catch (error) {
        if (isQuotaError(error)) {
          fallBack({ code: 'replica-quota-exceeded', message: 'The browser refused to store the directory replica (quota exceeded); it is kept in memory only.' });
        } else {
          unavailable('IndexedDB could not be written');
        }
      }
    },
    async clear() {
      memory.delete(memoryKey);
      const opened = await db();
      if (!opened) return;
      try {
        await deleteRecords(opened, key);
      } catch {
        unavailable('IndexedDB could not be written');
      }
    },
  };
}

/**
 * Deletes every replica of the library, of every tenant and account, from IndexedDB and from this page's memory: the
 * documented way to clear them (call it on sign-out). Never rejects; resolves false when IndexedDB could not be
 * cleared (missing, blocked or failing), true otherwise.
 */
export async function clearReplicas(options: ClearReplicasOptions = {}): Promise<boolean> {
  const databaseName = options.databaseName ?? REPLICA_DATABASE_NAME;
  // Emptied, not dropped: the stores already open hold this map.
  inMemory.get(databaseName)?.clear();
  const factory = factoryOf(options);
  if (!factory) return false;
  const opened = await openDatabase(factory, databaseName);
  if (!opened) return false;
  try {
    await opened.clear(STORE_NAME);
    return true;
  } catch {
    return false;
  } finally {
    opened.close();
  }
}
