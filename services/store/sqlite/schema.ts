/**
 * Opening the SQLite file: pragmas and schema. The store is the source of truth, so durability settings
 * are not negotiable here (read models may relax them; this file may not).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Bumped with each schema change; kept in `PRAGMA user_version` so an old binary refuses a newer file. */
export const SCHEMA_VERSION = 2;

/** Default milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * `events.global_position` is the rowid; AUTOINCREMENT keeps a deleted tail position from ever being handed
 * out again. A stream's head (its last revision and chain hash) is the last entry of the
 * UNIQUE(stream_id, revision) index: one index lookup, and nothing more to write per append.
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
  UNIQUE(stream_id, revision)
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

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`store file has schema version ${version}; this build knows up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 0) db.exec(DDL);
    // Version 1 kept each stream's head in a table of its own, one more B-tree write per append; the
    // events' own (stream_id, revision) index holds the same facts.
    if (version === 1) db.exec('DROP TABLE streams');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
