/**
 * The SQLite store's writer, on a worker thread of its own. better-sqlite3 is synchronous: a COMMIT with
 * synchronous=FULL waits for fsync, and on the main thread that wait would stall every HTTP request. Here
 * it stalls only this thread, and whatever arrives meanwhile goes out as the next batch (group commit).
 *
 * Owns the only writing connection of this process to the file. Each batch is checked, chained and
 * committed by batchWriter (writeBatch.ts); the outcomes go back in one message, after COMMIT returned.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { groupCommit } from './groupCommit.js';
import { openDatabase, tuneWriterConnection } from './schema.js';
import { prepareStatements } from './statements.js';
import { batchWriter } from './writeBatch.js';
import { errorToFailure, MAX_BATCH_EVENTS, readAppends, type CommitRecord, type FromWriter, type ToWriter, type WireAppend, type WireOutcome } from './writerProtocol.js';
import { assertNever } from '../../../domain/shared/decider.js';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs?: number };
const port = parentPort!;
const send = (message: FromWriter) => port.postMessage(message);

let db;
try {
  db = openDatabase(file, busyTimeoutMs);
} catch (error) {
  send({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) });
  throw error;
}
const database = db;
tuneWriterConnection(database);
const writeBatch = batchWriter(database, prepareStatements(database));

const queue = groupCommit<WireAppend>(
  (batch) => {
    let outcomes: WireOutcome[];
    let committed = true;
    const started = performance.now(); // ops: metrics
    try {
      outcomes = writeBatch(batch).map((o, i) =>
        o.ok ? { id: batch[i]!.id, ok: true, result: o.result } : { id: batch[i]!.id, ok: false, failure: errorToFailure(o.error) },
      );
    } catch (cause) {
      // Rolled back, so none of the batch is in the log; only if COMMIT itself failed (an fsync error) is the
      // outcome unknown. Either way no append of it may be acknowledged.
      committed = false;
      const failure = { kind: 'unavailable', message: cause instanceof Error ? cause.message : String(cause) } as const;
      outcomes = batch.map((a) => ({ id: a.id, ok: false, failure }));
    }
    const events = outcomes.reduce((n, o, i) => n + (o.ok ? batch[i]!.events.length : 0), 0);
    const record = committed && events > 0 ? commitRecord(batch, outcomes) : undefined;
    send({ kind: 'settled', outcomes, committed, events, seconds: (performance.now() - started) / 1000, ...(record ? { record } : {}) });
  },
  { weigh: (item) => item.events.length, maxWeight: MAX_BATCH_EVENTS },
);

/**
 * The positions a committed batch took and the types of their events. Positions are handed out without gaps
 * within a transaction (a failed append gives its positions back), so the batch holds exactly `from + 1` to
 * `through`.
 */
function commitRecord(batch: readonly WireAppend[], outcomes: readonly WireOutcome[]): CommitRecord {
  let from: bigint | undefined;
  let through = 0n;
  const types = new Set<string>();
  outcomes.forEach((o, i) => {
    const n = batch[i]!.events.length;
    if (!o.ok || n === 0) return;
    const first = o.result.position - BigInt(n);
    if (from === undefined || first < from) from = first;
    if (o.result.position > through) through = o.result.position;
    for (const e of batch[i]!.events) types.add(e.type);
  });
  return { from: from!, through, types: [...types] };
}

port.on('message', (message: ToWriter) => {
  switch (message.kind) {
    case 'append':
      for (const append of readAppends(message.appends)) queue.enqueue(append);
      return;
    case 'close':
      void queue.drain().then(() => {
        try {
          // Fold the WAL into the main file so the file is self-contained (copyable, exportable) at rest.
          database.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          database.close();
          send({ kind: 'closed' });
          port.close();
        }
      });
      return;
    default:
      return assertNever(message);
  }
});
