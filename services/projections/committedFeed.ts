/**
 * The rows the store's writer thread committed, as it posts them on a commit feed (#18, SqliteStore.commitFeed):
 * the projection thread's live reads take them from here instead of reading them back from the store file after
 * every commit (a statement, and the pages SQLite fetches again because another connection wrote). Only a run
 * of rows that follows on from the read's position without a gap is served; anything else (this thread started
 * or fell behind before the feed had them, another process wrote to the file, the feed dropped old rows to stay
 * bounded) is read from the file as before, and the rows that read passed are dropped here.
 */
import type { RecordedEvent } from '../store/port.js';
import { ROW_FIELDS, rowEvent, rowPosition, type CommittedRows } from '../store/sqlite/writerProtocol.js';

export interface CommittedFeed {
  /** One transaction's rows arrived; returns how many events they hold. */
  add(rows: CommittedRows): number;
  /**
   * The events after `after`, at most `maxCount`, when the rows held start right after it (else undefined: read
   * the file). What lies at or before `after` is dropped.
   */
  read(after: bigint, maxCount: number): RecordedEvent[] | undefined;
  /** Events held (for tests). */
  size(): number;
}

/** `maxEvents`: rows held at most; the oldest transactions are dropped beyond it (a reader that far behind reads the file). */
export function committedFeed(maxEvents = 4_096): CommittedFeed {
  /** Transactions' rows, oldest first; `skip` rows of the first have been served already. */
  const held: CommittedRows[] = [];
  let skip = 0;
  let count = 0;
  const dropFirst = () => {
    count -= held[0]!.length / ROW_FIELDS - skip;
    held.shift();
    skip = 0;
  };
  return {
    add(rows) {
      const n = rows.length / ROW_FIELDS;
      if (n === 0) return 0;
      held.push(rows);
      count += n;
      while (count > maxEvents && held.length > 1) dropFirst();
      return n;
    },
    read(after, maxCount) {
      // Drop what the reader has passed.
      while (held.length > 0) {
        const rows = held[0]!;
        const n = rows.length / ROW_FIELDS;
        if (rowPosition(rows, n - 1) <= after) {
          dropFirst();
          continue;
        }
        if (rowPosition(rows, skip) <= after) {
          const k = Number(after - rowPosition(rows, skip)) + 1;
          skip += k;
          count -= k;
        }
        break;
      }
      if (held.length === 0 || rowPosition(held[0]!, skip) !== after + 1n) return undefined;
      const events: RecordedEvent[] = [];
      let expected = after + 1n;
      while (held.length > 0 && events.length < maxCount) {
        const rows = held[0]!;
        const n = rows.length / ROW_FIELDS;
        // A later transaction of this writer follows on from the last without a gap unless another process wrote between them.
        if (rowPosition(rows, skip) !== expected) break;
        const take = Math.min(n - skip, maxCount - events.length);
        for (let i = skip; i < skip + take; i++) events.push(rowEvent(rows, i));
        expected = rowPosition(rows, skip + take - 1) + 1n;
        if (skip + take === n) {
          held.shift();
          skip = 0;
        } else skip += take;
        count -= take;
      }
      return events;
    },
    size: () => count,
  };
}
