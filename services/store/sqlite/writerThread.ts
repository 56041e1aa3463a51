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
import { errorToFailure, MAX_BATCH_EVENTS, pushOutcome, readAppends, type CommitRecord, type FlatOutcomes, type FromWriter, type ToWriter, type WireAppend } from './writerProtocol.js';
import { nameThisThread } from '../../threads/threadName.js';
import { assertNever } from '../../../domain/shared/decider.js';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs?: number };
const port = parentPort!;
nameThisThread('store-writer');
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
    const outcomes: FlatOutcomes = [];
    let committed = true;
    let events = 0;
    let record: CommitRecord | undefined;
    const started = performance.now(); // ops: metrics
    try {
      const written = writeBatch(batch);
      // The positions the batch took and the types of their events. Positions are handed out without gaps
      // within a transaction (a failed append gives its positions back), so it holds exactly `from + 1` to `through`.
      let from: bigint | undefined;
      let through = 0n;
      const types = new Set<string>();
      for (let i = 0; i < batch.length; i++) {
        const append = batch[i]!;
        const o = written[i]!;
        if (!o.ok) {
          pushOutcome(outcomes, append.id, { ok: false, failure: errorToFailure(o.error) });
          continue;
        }
        pushOutcome(outcomes, append.id, o);
        const n = append.events.length;
        if (n === 0) continue;
        events += n;
        const first = o.result.position - BigInt(n);
        if (from === undefined || first < from) from = first;
        if (o.result.position > through) through = o.result.position;
        for (const e of append.events) types.add(e.type);
      }
      if (from !== undefined) record = { from, through, types: [...types] };
    } catch (cause) {
      // Rolled back, so none of the batch is in the log; only if COMMIT itself failed (an fsync error) is the
      // outcome unknown. Either way no append of it may be acknowledged.
      committed = false;
      events = 0;
      record = undefined;
      outcomes.length = 0;
      const failure = { kind: 'unavailable', message: cause instanceof Error ? cause.message : String(cause) } as const;
      for (const a of batch) pushOutcome(outcomes, a.id, { ok: false, failure });
    }
    send({ kind: 'settled', outcomes, appends: batch.length, committed, events, seconds: (performance.now() - started) / 1000, ...(record ? { record } : {}) });
  },
  { weigh: (item) => item.events.length, maxWeight: MAX_BATCH_EVENTS },
);

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
