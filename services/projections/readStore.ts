/**
 * The read database: JSON documents written by projections, plus the checkpoint (the global position of
 * the last event applied) and the command index used for idempotency. SQLite with synchronous=NORMAL: it
 * can always be rebuilt from the log.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocChange, DocReader } from '../../projections/projection.js';
import { startWalCheckpointer } from './walCheckpointer.js';

export interface CommandRecord {
  readonly commandId: string;
  readonly requestHash: string;
  readonly streamId: string;
  readonly firstRevision: bigint;
  readonly count: number;
  readonly position: bigint;
}

/** The queries of the read database: what the HTTP layer uses, on whichever connection it holds. */
export interface ReadView {
  get<T = unknown>(collection: string, id: string): T | undefined;
  list<T = unknown>(collection: string, parent: string, options?: { limit?: number; afterSortKey?: string }): T[];
  count(collection: string, parent: string): number;
  command(commandId: string): CommandRecord | undefined;
  checkpoint(): bigint;
  close(): Promise<void>;
}

/** The read database as its one writer (the projection runner) holds it. */
export interface ReadStore extends ReadView {
  /** Applies a batch of changes, command records and the new checkpoint in one transaction. */
  commit(changes: readonly DocChange[], commands: readonly CommandRecord[], checkpoint: bigint): void;
  /** A reader that sees `pending` changes on top of the stored documents. */
  reader(pending: Map<string, unknown>): DocReader;
  /** Drops every document and the checkpoint if the projection set changed (or when forced). */
  resetIfChanged(fingerprint: string, force?: boolean): boolean;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;
export const DELETED = Symbol('deleted');

/** The queries on a connection to the read database (its schema exists). */
function queries(db: Database.Database, close: () => Promise<void>): ReadView {
  const getDoc = db.prepare<[string, string], { doc: string }>('SELECT doc FROM docs WHERE collection = ? AND id = ?');
  const listDocs = db.prepare<[string, string, string, number], { doc: string }>(
    `SELECT doc FROM docs WHERE collection = ? AND parent = ? AND coalesce(sort_key, id) > ?
     ORDER BY coalesce(sort_key, id) LIMIT ?`,
  );
  const countDocs = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM docs WHERE collection = ? AND parent = ?');
  const getCommand = db
    .prepare<[string], { request_hash: string; stream_id: string; first_revision: bigint; count: number; position: bigint }>(
      'SELECT request_hash, stream_id, first_revision, count, position FROM commands WHERE command_id = ?',
    )
    .safeIntegers(true);
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  return {
    get<T>(collection: string, id: string): T | undefined {
      const row = getDoc.get(collection, id);
      return row ? (JSON.parse(row.doc) as T) : undefined;
    },
    list<T>(collection: string, parent: string, options: { limit?: number; afterSortKey?: string } = {}) {
      return listDocs
        .all(collection, parent, options.afterSortKey ?? '', options.limit ?? 1_000_000)
        .map((r) => JSON.parse(r.doc) as T);
    },
    count(collection, parent) {
      return countDocs.get(collection, parent)?.n ?? 0;
    },
    command(commandId) {
      const row = getCommand.get(commandId);
      if (!row) return undefined;
      return {
        commandId,
        requestHash: row.request_hash,
        streamId: row.stream_id,
        firstRevision: BigInt(row.first_revision),
        count: Number(row.count),
        position: BigInt(row.position),
      };
    },
    checkpoint() {
      const row = getMeta.get('checkpoint');
      return row ? BigInt(row.value) : 0n;
    },
    close,
  };
}

/** Opens (creating if missing) the read database for its writer, the projection runner. */
export function openReadStore(file: string): ReadStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoints run on a thread of their own (walCheckpointer.ts), not inside the runner's commits.
  const checkpointer = file === ':memory:' ? null : startWalCheckpointer(file);
  if (checkpointer) db.pragma('wal_autocheckpoint = 0');
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs(
      collection TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, sort_key TEXT, doc TEXT NOT NULL,
      PRIMARY KEY(collection, id)) STRICT;
    CREATE INDEX IF NOT EXISTS docs_parent ON docs(collection, parent, sort_key);
    CREATE TABLE IF NOT EXISTS commands(
      command_id TEXT PRIMARY KEY, request_hash TEXT NOT NULL, stream_id TEXT NOT NULL,
      first_revision INTEGER NOT NULL, count INTEGER NOT NULL, position INTEGER NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `);
  const view = queries(db, async () => {
    await checkpointer?.close();
    db.close();
  });
  const putDoc = db.prepare(
    `INSERT INTO docs(collection, id, parent, sort_key, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(collection, id) DO UPDATE SET parent = excluded.parent, sort_key = excluded.sort_key, doc = excluded.doc`,
  );
  const deleteDoc = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
  const putCommand = db.prepare(
    `INSERT INTO commands(command_id, request_hash, stream_id, first_revision, count, position) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(command_id) DO UPDATE SET count = count + excluded.count, position = excluded.position`,
  );
  const getFingerprint = db.prepare<[], string>("SELECT value FROM meta WHERE key = 'fingerprint'").pluck();
  const putMeta = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  const commitTx = db.transaction((changes: readonly DocChange[], commands: readonly CommandRecord[], checkpoint: bigint) => {
    for (const c of changes) {
      if (c.op === 'put') {
        putDoc.run(c.collection, c.id, c.parent ?? null, c.sortKey ?? null, JSON.stringify(c.doc));
      } else {
        deleteDoc.run(c.collection, c.id);
      }
    }
    for (const c of commands) {
      putCommand.run(c.commandId, c.requestHash, c.streamId, c.firstRevision, c.count, c.position);
    }
    putMeta.run('checkpoint', checkpoint.toString());
  });

  return {
    ...view,
    commit(changes, commands, checkpoint) {
      commitTx(changes, commands, checkpoint);
    },
    reader(pending) {
      return {
        get<T>(collection: string, id: string): T | undefined {
          const k = key(collection, id);
          if (pending.has(k)) {
            const v = pending.get(k);
            return v === DELETED ? undefined : (v as T);
          }
          return view.get<T>(collection, id);
        },
      };
    },
    resetIfChanged(fingerprint, force = false) {
      if (!force && getFingerprint.get() === fingerprint) return false;
      db.transaction(() => {
        db.exec('DELETE FROM docs; DELETE FROM commands; DELETE FROM meta;');
        putMeta.run('fingerprint', fingerprint);
      })();
      return true;
    },
  };
}

/**
 * A query-only connection to a read database that another thread writes (the projection thread). In WAL
 * mode each query sees every transaction that thread committed before it began.
 */
export function openReadView(file: string): ReadView {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  db.pragma('query_only = ON');
  return queries(db, async () => {
    db.close();
  });
}

export const pendingKey = key;
