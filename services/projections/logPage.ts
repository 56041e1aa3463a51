/**
 * A page of the log as the reader thread hands it to the projection thread (#18): the fields of every event
 * in one string, with each field's length (-1: null), 11 per event in the order of the reader's columns:
 * position, stream, revision, event id, type, schema version, data, metadata, previous hash, hash, leaf hash
 * (hex). One string crosses between the threads rather than a structured clone of eleven values per event;
 * positions and revisions travel as decimal text (exact at any size).
 */
import type { RecordedEvent } from '../store/port.js';
import { fieldCursor } from './packedFields.js';

export interface LogPage {
  readonly text: string;
  readonly lengths: Int32Array;
  readonly count: number;
}

/**
 * The reader thread's page query: every column already text (or null), so SQLite formats the integers and
 * the leaf hash's hex (#18: a BigInt for each of three integers and a Buffer and its `toString('hex')` per
 * event were a quarter of that thread's time; 4.2-4.5 -> 3.1-3.2 µs per event, same-run micro bench over 200,000
 * ballots). The hex is lower case, as `Buffer.toString('hex')`; a null leaf stays null (hex(NULL) is '').
 */
export const LOG_PAGE_SQL = `SELECT CAST(global_position AS TEXT), stream_id, CAST(revision AS TEXT), event_id, type, CAST(schema_version AS TEXT),
  data, metadata, prev_hash, hash, CASE WHEN leaf_hash IS NULL THEN NULL ELSE lower(hex(leaf_hash)) END
  FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`;

/** Rows as the reader's raw statement returns them (11 values: text, numbers or bigints; the leaf hash hex text, a Buffer or null). */
export function encodeLogPage(rows: Iterable<unknown[]>, maxCount: number): LogPage {
  const parts: string[] = [];
  const lengths = new Int32Array(maxCount * 11);
  let n = 0;
  let count = 0;
  for (const row of rows) {
    if (count === maxCount) throw new RangeError(`more than ${maxCount} rows in a page`);
    for (let i = 0; i < 11; i++) {
      const v = row[i];
      if (v === null || v === undefined) {
        lengths[n++] = -1;
        continue;
      }
      const s = typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('hex') : String(v);
      parts.push(s);
      lengths[n++] = s.length;
    }
    count++;
  }
  return { text: parts.join(''), lengths: n === lengths.length ? lengths : lengths.slice(0, n), count };
}

/**
 * The page's events; the data and metadata of each parsed here. A malformed one throws: the caller reads the
 * page again through the store's own decoding, which names the event.
 */
export function decodeLogPage(page: LogPage): RecordedEvent[] {
  const { next } = fieldCursor(page.text, page.lengths);
  const events: RecordedEvent[] = new Array(page.count);
  for (let e = 0; e < page.count; e++) {
    const position = BigInt(next()!);
    const streamId = next()!;
    const revision = BigInt(next()!);
    const eventId = next()!;
    const type = next()!;
    const schemaVersion = Number(next());
    const data: unknown = JSON.parse(next()!);
    const metadata = JSON.parse(next()!) as RecordedEvent['metadata'];
    const prevHash = next()!;
    const hash = next()!;
    const leafHash = next() ?? undefined;
    events[e] = { streamId, revision, position, eventId, type, schemaVersion, data, metadata, prevHash, hash, leafHash };
  }
  return events;
}
