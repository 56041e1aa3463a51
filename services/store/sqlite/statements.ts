/**
 * Prepared statements and row decoding. Statements are prepared once per connection: preparing is
 * the dominant cost of a small query in better-sqlite3. Integer columns come back as bigint
 * (`safeIntegers`) because positions and revisions are bigints in the port.
 */
import type Database from 'better-sqlite3';
import { MalformedEventError, type RecordedEvent } from '../port.js';

export interface EventRow {
  global_position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
  /** Null only in a row written outside the store (the writer always sets it). */
  leaf_hash: Buffer | null;
}

export interface LogTreeRow {
  tree_size: bigint;
  root_hash: Buffer;
  frontier: Buffer;
}

export interface StreamHeadRow {
  revision: bigint;
  hash: string;
}

/** Columns of an event row, in the order the insert binds them. */
const INSERT_COLUMNS = [
  'global_position',
  'stream_id',
  'revision',
  'event_id',
  'type',
  'schema_version',
  'data',
  'metadata',
  'prev_hash',
  'hash',
  'leaf_hash',
] as const;

const SELECT_EVENT = `SELECT ${INSERT_COLUMNS.join(', ')} FROM events`;

export function prepareStatements(db: Database.Database) {
  return {
    // The last entry of the UNIQUE(stream_id, revision) index.
    streamHead: db
      .prepare<[string], StreamHeadRow>('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true),
    insertEvent: db.prepare<[bigint, string, bigint, string, string, number, string, string, string, string, Buffer]>(
      `INSERT INTO events(${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
    ),
    // sqlite_sequence holds the highest position ever handed out, even if the tail was deleted.
    lastPosition: db
      .prepare<[], bigint>("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)")
      .pluck()
      .safeIntegers(true),
    logTree: db.prepare<[], LogTreeRow>('SELECT tree_size, root_hash, frontier FROM log_tree WHERE id = 1').safeIntegers(true),
    setLogTree: db.prepare<[number, Buffer, Buffer]>('UPDATE log_tree SET tree_size = ?, root_hash = ?, frontier = ? WHERE id = 1'),
    headPosition: db
      .prepare<[], bigint>('SELECT coalesce(max(global_position), 0) FROM events')
      .pluck()
      .safeIntegers(true),
    // A bound LIMIT costs several µs per execution even on an empty result, so the common unlimited read
    // (loading a stream's new events, once or more per command) has a statement of its own.
    readStream: db
      .prepare<[string, bigint], EventRow>(`${SELECT_EVENT} WHERE stream_id = ? AND revision >= ? ORDER BY revision`)
      .safeIntegers(true),
    readStreamLimited: db
      .prepare<[string, bigint, number], EventRow>(
        `${SELECT_EVENT} WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers(true),
    readAll: db
      .prepare<[bigint, number], EventRow>(`${SELECT_EVENT} WHERE global_position > ? ORDER BY global_position LIMIT ?`)
      .safeIntegers(true),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/**
 * The catch-up read of a subscription with a type filter: events after a position, up to a bound (the head
 * when the page started), of the given types only. SQLite skips the other rows without handing their text
 * to JavaScript, so they are neither copied nor parsed.
 */
export function prepareTypeFilter(db: Database.Database, types: readonly string[]) {
  const wanted = [...new Set(types)];
  const statement = db
    .prepare<unknown[], EventRow>(
      `${SELECT_EVENT} WHERE global_position > ? AND global_position <= ? AND type IN (${wanted.map(() => '?').join(', ') || 'NULL'}) ORDER BY global_position LIMIT ?`,
    )
    .safeIntegers(true);
  return {
    all: (after: bigint, upTo: bigint, maxCount: number): EventRow[] => statement.all(after, upTo, ...wanted, maxCount),
  };
}

/** Throws `MalformedEventError` (naming the row) when its data or metadata is not JSON. */
export function rowToEvent(row: EventRow): RecordedEvent {
  let data: unknown;
  let metadata: RecordedEvent['metadata'];
  const leafHash = row.leaf_hash === null ? undefined : row.leaf_hash.toString('hex');
  try {
    data = JSON.parse(row.data) as unknown;
    metadata = JSON.parse(row.metadata) as RecordedEvent['metadata'];
  } catch (cause) {
    const stored = leafHash === undefined ? { hash: row.hash } : { hash: row.hash, leafHash };
    throw new MalformedEventError(row.global_position, row.stream_id, row.revision, stored, { cause });
  }
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.global_position,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data,
    metadata,
    prevHash: row.prev_hash,
    hash: row.hash,
    leafHash,
  };
}

/** SQLite's LIMIT takes -1 for "no limit". */
export function limit(maxCount: number | undefined): number {
  return maxCount === undefined ? -1 : Math.max(0, Math.floor(maxCount));
}
