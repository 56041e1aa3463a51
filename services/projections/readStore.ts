/**
 * The read database: JSON documents written by projections, each document owned by the projection that wrote
 * it; a checkpoint per projection (name, version, position) and one for the command index used for
 * idempotency; the global checkpoint is the least of them. Changing a projection's version deletes its
 * documents and replays it alone; the others and the command index stay. SQLite with synchronous=NORMAL: it
 * can always be rebuilt from the log.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocChange, DocReader } from '../../projections/projection.js';
import { startWalCheckpointer } from './walCheckpointer.js';
import { fieldCursor } from './packedFields.js';

export interface CommandRecord {
  readonly commandId: string;
  readonly requestHash: string;
  readonly streamId: string;
  readonly firstRevision: bigint;
  readonly count: number;
  readonly position: bigint;
}

/** A projection's checkpoint: the version its documents were built by, and how far it has applied the log. */
export interface ProjectionCheckpoint {
  readonly name: string;
  readonly version: number;
  readonly position: bigint;
}

/**
 * An event a projection could not apply, kept as a document (collection `projection-failures`, owned by the
 * projection): that projection skips the scope's later events (they would build on a broken state); every
 * other scope, and every other projection, goes on. The reason is the error's message, never a path.
 */
export interface ProjectionFailure {
  readonly projection: string;
  /** Usually a compound id: what the failure stops. */
  readonly scope: string;
  readonly position: string;
  readonly eventType: string;
  readonly reason: string;
}

export const PROJECTION_FAILURES = 'projection-failures';
export const failureId = (projection: string, scope: string) => `${projection}|${scope}`;

/** The queries of the read database: what the HTTP layer uses, on whichever connection it holds. */
export interface ReadView {
  get<T = unknown>(collection: string, id: string): T | undefined;
  list<T = unknown>(collection: string, parent: string, options?: { limit?: number; afterSortKey?: string }): T[];
  count(collection: string, parent: string): number;
  command(commandId: string): CommandRecord | undefined;
  /** The least position every projection and the command index have reached. */
  checkpoint(): bigint;
  projections(): ProjectionCheckpoint[];
  failures(): ProjectionFailure[];
  close(): Promise<void>;
}

/** A document change with the projection that made it (its owner). */
export type OwnedChange = DocChange & { readonly projection: string };

/**
 * A batch as the read database's writer applies it (#18): every field of its documents and command records
 * in one string, each document already serialized, so that one string (and an array of lengths) crosses to
 * the writer thread (readWriterThread.ts) rather than a structured clone of every value (that clone was a
 * tenth of the projection thread's time in a rebuild). `lengths` holds each field's length in `text`, -1 for
 * null: six per document (collection, id, parent, sort key, JSON document or null for a delete, owner), then
 * six per command record (command id, request hash, stream id, first revision, count, position).
 */
export interface WriteBatch {
  readonly text: string;
  readonly lengths: Int32Array;
  /** How many documents; the command records follow them. */
  readonly docs: number;
  readonly positions: [string, string][];
  readonly commandsAt: string;
}

export function encodeBatch(changes: readonly OwnedChange[], commands: readonly CommandRecord[], positions: ReadonlyMap<string, bigint>, commandsAt: bigint): WriteBatch {
  const parts: string[] = [];
  const lengths = new Int32Array((changes.length + commands.length) * 6);
  let i = 0;
  const add = (v: string | null | undefined) => {
    if (v === null || v === undefined) lengths[i++] = -1;
    else {
      parts.push(v);
      lengths[i++] = v.length;
    }
  };
  for (const c of changes) {
    add(c.collection);
    add(c.id);
    if (c.op === 'put') {
      const json = JSON.stringify(c.doc) as string | undefined;
      if (json === undefined) throw new TypeError(`a document of ${c.collection} is not JSON`);
      add(c.parent);
      add(c.sortKey);
      add(json);
    } else {
      add(null);
      add(null);
      add(null);
    }
    add(c.projection);
  }
  for (const c of commands) {
    add(c.commandId);
    add(c.requestHash);
    add(c.streamId);
    add(c.firstRevision.toString());
    add(String(c.count));
    add(c.position.toString());
  }
  return { text: parts.join(''), lengths, docs: changes.length, positions: [...positions].map(([name, p]) => [name, p.toString()]), commandsAt: commandsAt.toString() };
}

/** The read database as its one writer (the projection runner) holds it. */
export interface ReadStore extends ReadView {
  /**
   * Applies a batch in one transaction: the changes, the command records, each projection's new position and
   * the command index's.
   */
  commit(changes: readonly OwnedChange[], commands: readonly CommandRecord[], positions: ReadonlyMap<string, bigint>, commandsAt: bigint): void;
  /** A reader that sees `pending` changes on top of the stored documents. */
  reader(pending: Map<string, unknown>): DocReader;
  /**
   * Lines the stored checkpoints up with `projections`: a projection whose version changed (or that is new)
   * loses its documents and starts from 0; one no longer listed is removed. Returns the positions, and the
   * command index's. Every projection replayed is named in `replayed`.
   */
  prepare(projections: readonly { name: string; version: number }[]): { positions: Map<string, bigint>; commandsAt: bigint; replayed: string[] };
  /** Drops everything (documents, checkpoints, command index): the next start replays the whole log. */
  reset(): void;
  /** Nothing applied yet (every checkpoint at 0): a rebuild from zero (#18). */
  isEmpty(): boolean;
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
  const listProjections = db.prepare<[], { name: string; version: number; position: string }>('SELECT name, version, position FROM projections ORDER BY name');
  const listFailures = db.prepare<[string], { doc: string }>('SELECT doc FROM docs WHERE collection = ? ORDER BY id');
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
    projections() {
      return listProjections.all().map((r) => ({ name: r.name, version: r.version, position: BigInt(r.position) }));
    },
    failures() {
      return listFailures.all(PROJECTION_FAILURES).map((r) => JSON.parse(r.doc) as ProjectionFailure);
    },
    close,
  };
}

/** Schema of the read database; an older file is dropped and rebuilt from the log when opened. */
const READ_SCHEMA = '2';

/**
 * Set while a rebuild from zero runs in bulk mode (#18: synchronous = OFF, many pages a commit): a read
 * database found with it was interrupted and is thrown away on open, never served as current.
 */
const REBUILDING = 'rebuilding';

/**
 * The secondary indexes. Every query on docs is answered by one of them or the primary key
 * (tests/projections/readStore.test.ts asks SQLite's planner). #18: `docs_parent` (collection, parent,
 * sort_key) served none once docs_parent_order existed (list and count both use the latter), yet every
 * document write updated it: dropped, from older files too. A bulk rebuild keeps the other two as it writes
 * (they used to be dropped and built at its end): building them took 1.1-1.4 s at 1,000,000 ballots (0.45 s of
 * CPU, the rest writing and syncing them) while every other thread waited, and keeping them costs the
 * writer thread ~0.4 µs per event (a ballot's keys land after its motion's last one and in owner order),
 * run beside the projection thread (bench:rebuild at 1M, 4 alternating pairs, load 4-6: all threads 24-27
 * µs per event either way).
 */
const SECONDARY_INDEXES = `
    -- funds (bench:funds): list() orders by coalesce(sort_key, id); without this index a page of a large parent sorted every row.
    CREATE INDEX IF NOT EXISTS docs_parent_order ON docs(collection, parent, coalesce(sort_key, id));
    CREATE INDEX IF NOT EXISTS docs_projection ON docs(projection);`;

/** The statements and transactions that write the read database, on one connection (#18: shared by the
 * projection thread's inline commits and the writer thread's pipelined ones). */
export function readWriter(db: Database.Database) {
  const putDoc = db.prepare(
    `INSERT INTO docs(collection, id, parent, sort_key, doc, projection) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(collection, id) DO UPDATE SET parent = excluded.parent, sort_key = excluded.sort_key, doc = excluded.doc, projection = excluded.projection`,
  );
  const deleteDoc = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
  const putCommand = db.prepare(
    `INSERT INTO commands(command_id, request_hash, stream_id, first_revision, count, position) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(command_id) DO UPDATE SET count = count + excluded.count, position = excluded.position`,
  );
  const setProjectionPosition = db.prepare('UPDATE projections SET position = ? WHERE name = ?');
  const putMeta = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const deleteMeta = db.prepare('DELETE FROM meta WHERE key = ?');
  const apply = (b: WriteBatch) => {
    const { next, more } = fieldCursor(b.text, b.lengths);
    for (let d = 0; d < b.docs; d++) {
      const collection = next();
      const id = next();
      const parent = next();
      const sortKey = next();
      const doc = next();
      const owner = next();
      if (doc === null) deleteDoc.run(collection, id);
      else putDoc.run(collection, id, parent, sortKey, doc, owner);
    }
    while (more()) {
      const commandId = next();
      const requestHash = next();
      const streamId = next();
      const firstRevision = BigInt(next()!);
      const count = Number(next());
      putCommand.run(commandId, requestHash, streamId, firstRevision, count, BigInt(next()!));
    }
    let min = BigInt(b.commandsAt);
    for (const [name, position] of b.positions) {
      setProjectionPosition.run(position, name);
      const p = BigInt(position);
      if (p < min) min = p;
    }
    putMeta.run('commands', b.commandsAt);
    putMeta.run('checkpoint', min.toString());
  };
  /** Several batches in one transaction (the writer thread merges those queued behind each other). */
  const write = db.transaction((batches: readonly WriteBatch[]) => {
    for (const b of batches) apply(b);
  });
  return {
    write: (...batches: WriteBatch[]) => write(batches),
    /** One batch inside a transaction the caller holds open (a bulk rebuild commits many batches at once). */
    apply,
    putMeta,
    /**
     * A rebuild from zero (no document, no checkpoint): marked as such, then written without syncing (a read
     * database is rebuilt from the log if this is interrupted), its indexes kept (SECONDARY_INDEXES).
     */
    beginBulk() {
      db.transaction(() => {
        putMeta.run(REBUILDING, '1');
        db.exec('DROP INDEX IF EXISTS docs_parent;');
      })();
      db.pragma('cache_size = -262144');
      db.pragma('synchronous = OFF');
    },
    /** The rebuild reached the log's head: synced, and the mark removed (the indexes made if missing). */
    endBulk() {
      db.pragma('synchronous = NORMAL');
      db.transaction(() => {
        db.exec(SECONDARY_INDEXES);
        deleteMeta.run(REBUILDING);
      })();
      db.pragma('cache_size = -2000');
    },
  };
}

const isCorrupt = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
};

/** Opens (creating if missing) the read database for its writer, the projection runner. */
export function openReadStore(file: string): ReadStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db = new Database(file);
  let schema: string | undefined;
  try {
    db.pragma('journal_mode = WAL');
    schema = readSchema(db);
  } catch (error) {
    // A bulk rebuild runs with synchronous = OFF: after a machine crash the file may be unreadable. It is only
    // a read database: removed and rebuilt from the log.
    if (!isCorrupt(error) || file === ':memory:') throw error;
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    schema = readSchema(db);
  }
  db.pragma('synchronous = NORMAL');
  // Checkpoints run on a thread of their own (walCheckpointer.ts), not inside the runner's commits.
  const checkpointer = file === ':memory:' ? null : startWalCheckpointer(file);
  if (checkpointer) db.pragma('wal_autocheckpoint = 0');
  const interrupted = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(REBUILDING) !== undefined;
  if (schema !== READ_SCHEMA || interrupted) {
    // Schema 1 had no owner per document and one checkpoint for all; a bulk rebuild that did not finish is
    // not a read database to serve (#18): rebuild it from the log.
    db.exec('DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS commands; DROP TABLE IF EXISTS projections; DELETE FROM meta;');
    db.prepare("INSERT INTO meta(key, value) VALUES ('schema', ?)").run(READ_SCHEMA);
  }
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs(
      collection TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, sort_key TEXT, doc TEXT NOT NULL, projection TEXT NOT NULL,
      PRIMARY KEY(collection, id)) STRICT;
    DROP INDEX IF EXISTS docs_parent;
    ${SECONDARY_INDEXES}
    CREATE TABLE IF NOT EXISTS commands(
      command_id TEXT PRIMARY KEY, request_hash TEXT NOT NULL, stream_id TEXT NOT NULL,
      first_revision INTEGER NOT NULL, count INTEGER NOT NULL, position INTEGER NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS projections(name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL) STRICT;
  `);
  const view = queries(db, async () => {
    await checkpointer?.close();
    db.close();
  });
  const writer = readWriter(db);
  const putProjection = db.prepare(
    'INSERT INTO projections(name, version, position) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position',
  );
  const deleteOwned = db.prepare('DELETE FROM docs WHERE projection = ?');
  const deleteProjection = db.prepare('DELETE FROM projections WHERE name = ?');
  const putMeta = writer.putMeta;
  const getCommandsAt = db.prepare<[], string>("SELECT value FROM meta WHERE key = 'commands'").pluck();

  /** The global checkpoint: the least of every projection's position and the command index's. */
  const least = (positions: Iterable<bigint>, commandsAt: bigint) => {
    let min = commandsAt;
    for (const p of positions) if (p < min) min = p;
    return min;
  };

  return {
    ...view,
    commit(changes, commands, positions, commandsAt) {
      writer.write(encodeBatch(changes, commands, positions, commandsAt));
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
    prepare(projections) {
      return db.transaction(() => {
        const stored = new Map(view.projections().map((p) => [p.name, p]));
        const positions = new Map<string, bigint>();
        const replayed: string[] = [];
        for (const p of projections) {
          const before = stored.get(p.name);
          if (before && before.version === p.version) {
            positions.set(p.name, before.position);
            continue;
          }
          deleteOwned.run(p.name);
          putProjection.run(p.name, p.version, '0');
          positions.set(p.name, 0n);
          replayed.push(p.name);
        }
        for (const name of stored.keys()) {
          if (projections.some((p) => p.name === name)) continue;
          deleteOwned.run(name);
          deleteProjection.run(name);
        }
        const commandsAt = BigInt(getCommandsAt.get() ?? '0');
        putMeta.run('checkpoint', least(positions.values(), commandsAt).toString());
        return { positions, commandsAt, replayed };
      })();
    },
    isEmpty() {
      return db.prepare<[], number>('SELECT (SELECT count(*) FROM projections WHERE position <> \'0\') + (SELECT count(*) FROM meta WHERE key = \'commands\' AND value <> \'0\')').pluck().get() === 0;
    },
    reset() {
      db.exec('DELETE FROM docs; DELETE FROM commands; DELETE FROM projections; DELETE FROM meta;');
      putMeta.run('schema', READ_SCHEMA);
    },
  };
}

/**
 * A query-only connection to a read database that another thread writes (the projection thread). In WAL
 * mode each query sees every transaction that thread committed before it began.
 */
function readSchema(db: Database.Database): string | undefined {
  db.exec('CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;');
  return db.prepare<[], string>("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
}

export function openReadView(file: string): ReadView {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  db.pragma('query_only = ON');
  return queries(db, async () => {
    db.close();
  });
}

export const pendingKey = key;
