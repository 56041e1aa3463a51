/**
 * Opening the SQLite file: pragmas and schema. The store is the source of truth, so durability settings
 * are not negotiable here (read models may relax them; this file may not).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../hashChain.js';
import { EMPTY_ROOT, leafHash, LogFrontier } from '../logTree.js';

/** Bumped with each schema change; kept in `PRAGMA user_version` so an old binary refuses a newer file. */
export const SCHEMA_VERSION = 3;

/** Default milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * `events.global_position` is the rowid; AUTOINCREMENT keeps a deleted tail position from ever being handed
 * out again. A stream's head (its last revision and chain hash) is the last entry of the
 * UNIQUE(stream_id, revision) index: one index lookup, and nothing more to write per append.
 *
 * The log tree (logTree.ts): each event row holds its leaf hash (32 bytes, in the same row, so no other
 * B-tree is written per event); `log_tree` is one row holding the tree's size, root and right edge
 * (frontier), updated once per transaction, so the writer resumes the tree without reading the log.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events(
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id       TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        TEXT NOT NULL UNIQUE,
  type            TEXT NOT NULL,
  schema_version  INTEGER NOT NULL,
  data            TEXT NOT NULL,
  metadata        TEXT NOT NULL,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL,
  leaf_hash       BLOB,
  UNIQUE(stream_id, revision)
) STRICT;
`;

const LOG_TREE_DDL = `
CREATE TABLE log_tree(
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  tree_size INTEGER NOT NULL,
  root_hash BLOB NOT NULL,
  frontier  BLOB NOT NULL
) STRICT;
`;

/** Opens (creating if missing) the store file with WAL + synchronous=FULL and the current schema. */
export function openDatabase(file: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    // WAL: readers never block the writer, and a commit is one sequential WAL append.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (file !== ':memory:' && mode !== 'wal') throw new Error(`cannot enable WAL on ${file} (got ${String(mode)})`);
    // FULL: the WAL is fsynced at every commit, so an acknowledged append survives power loss, not only kill -9.
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The writing connection's settings (issue #18), on top of openDatabase's; durability is untouched (WAL,
 * synchronous=FULL: a commit is still fsynced before any append of it is answered).
 * - A page cache of 4 MB instead of 16: SQLite scans its whole page-cache hash table after any commit in which
 *   a B-tree split re-keyed a page through the lock-byte page's number (balance_nonroot sorts new siblings
 *   that way), which a log of random stream ids does in almost every commit; the scan's cost grows with the
 *   cache (perf: pcache1TruncateUnsafe, ~1.5 us per ballot of the writer's ~35 with 16 MB). 4 MB still holds the
 *   pages an append touches: the right edges of the log and of the event-id index, and the stream index's
 *   leaves of the streams being written (a 20,000-voter motion's are about 400).
 * - A checkpoint every WRITER_WAL_AUTOCHECKPOINT_PAGES of WAL instead of 1,000: the checkpoint runs on this
 *   thread and copies each page once however often the WAL holds it, so a longer stretch copies the hot pages
 *   fewer times per event (writer micro bench: about 2 us less per append); the WAL file grows to about 32 MB.
 */
export const WRITER_CACHE_KIB = 4_000;
export const WRITER_WAL_AUTOCHECKPOINT_PAGES = 8_000;

export function tuneWriterConnection(db: Database.Database): void {
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  db.pragma(`wal_autocheckpoint = ${WRITER_WAL_AUTOCHECKPOINT_PAGES}`);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`store file has schema version ${version}; this build knows up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 0) {
      db.exec(DDL + LOG_TREE_DDL);
      db.prepare('INSERT INTO log_tree(id, tree_size, root_hash, frontier) VALUES (1, 0, ?, ?)').run(EMPTY_ROOT, Buffer.alloc(0));
    }
    // Version 1 kept each stream's head in a table of its own, one more B-tree write per append; the
    // events' own (stream_id, revision) index holds the same facts.
    if (version === 1) db.exec('DROP TABLE streams');
    // Versions 1 and 2 had no log tree: add it and compute the leaves of the events already there.
    if (version === 1 || version === 2) {
      db.exec('ALTER TABLE events ADD COLUMN leaf_hash BLOB');
      db.exec(LOG_TREE_DDL);
      backfillLogTree(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Leaves for every event in global order (in pages: better-sqlite3 cannot write while iterating), then the tree. */
function backfillLogTree(db: Database.Database): void {
  const page = db
    .prepare<[bigint], { global_position: bigint; stream_id: string; revision: bigint; metadata: string; hash: string }>(
      'SELECT global_position, stream_id, revision, metadata, hash FROM events WHERE global_position > ? ORDER BY global_position LIMIT 2000',
    )
    .safeIntegers(true);
  const setLeaf = db.prepare<[Buffer, bigint]>('UPDATE events SET leaf_hash = ? WHERE global_position = ?');
  const frontier = new LogFrontier();
  let after = 0n;
  for (;;) {
    const rows = page.all(after);
    for (const row of rows) {
      let metadataJson: string;
      try {
        metadataJson = canonicalJson(JSON.parse(row.metadata));
      } catch (cause) {
        throw new Error(
          `cannot add the log tree: the event at position ${row.global_position} (stream ${row.stream_id} revision ${row.revision}) has metadata that is not JSON`,
          { cause },
        );
      }
      const leaf = leafHash(frontier.size, row.hash, undefined, metadataJson);
      setLeaf.run(leaf, row.global_position);
      frontier.append(leaf);
    }
    if (rows.length < 2000) break;
    after = rows[rows.length - 1]!.global_position;
  }
  db.prepare('INSERT INTO log_tree(id, tree_size, root_hash, frontier) VALUES (1, ?, ?, ?)').run(frontier.size, frontier.root(), frontier.toBlob());
}
