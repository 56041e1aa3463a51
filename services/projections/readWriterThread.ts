/**
 * The read database's writer thread during a catch-up (#18): the projection thread reads, parses and
 * projects the next page while this thread commits the previous one, so the two halves of a rebuild run on
 * two cores. It applies batches in the order they come, each in one transaction (documents, command records,
 * checkpoints), and answers each with its sequence number once committed; a bulk rebuild from zero is begun
 * and ended here too (readStore.ts `readWriter`).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { readWriter } from './readStore.js';
import type { FromReadWriter, ToReadWriter } from './readWriterProtocol.js';
import type { WriteBatch } from './readStore.js';
import { assertNever } from '../../domain/shared/decider.js';

const port = parentPort!;
const db = new Database((workerData as { readFile: string }).readFile, { fileMustExist: true, timeout: 5000 });
db.pragma('synchronous = NORMAL');
// The projection thread's connection runs the WAL checkpoints (walCheckpointer.ts); none inside these commits.
db.pragma('wal_autocheckpoint = 0');
const writer = readWriter(db);
const send = (message: FromReadWriter) => port.postMessage(message);

/**
 * Batches that arrive while one is being committed queue up; they are committed together in one transaction
 * (fewer commits: each page of the read database's indexes touched by several batches is written once),
 * each answered once that transaction is committed.
 */
let queued: { seq: number; batch: WriteBatch }[] = [];
let flushing = false;

/**
 * During a bulk rebuild (#18) one transaction spans many batches: each is applied as it comes, and they are
 * committed together once `bulkBatches` are held, or when the projection thread asks (`commit`: it waits for
 * them, or the last one reached the log's head). The commit was most of this thread's time with a commit per
 * page: every commit wrote again each page of the documents' primary key that its page's random receipts
 * touched. A commit after a short idle time instead committed after nearly every page whenever this thread
 * was ahead (a page takes the projection thread longer than that), twice as many commits on a busy machine;
 * the idle timer is only a safety net now. Each batch is still answered only once committed (the projection
 * thread reads what is committed, and keeps the rest in flight).
 */
let bulkBatches = 0;
let open: number[] = [];
let idle: NodeJS.Timeout | undefined;
const BULK_IDLE_MS = 1_000;

function commitOpen() {
  if (idle) clearTimeout(idle);
  idle = undefined;
  if (!db.inTransaction) return;
  const seqs = open;
  open = [];
  try {
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    for (const seq of seqs) send({ kind: 'failed', seq, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  for (const seq of seqs) send({ kind: 'done', seq });
  try {
    // The WAL back into the file at once, on this connection (synchronous = OFF in bulk: no sync), so the next
    // transaction writes the WAL from its start; the checkpoint thread, which syncs, then finds it done (#18:
    // it took 2–3 µs per event of its own in a rebuild).
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Left to the checkpoint thread.
  }
}

function flush() {
  flushing = false;
  const batches = queued;
  queued = [];
  if (batches.length === 0) return;
  if (bulkBatches > 0) {
    try {
      if (!db.inTransaction) db.exec('BEGIN');
      for (const q of batches) {
        open.push(q.seq);
        writer.apply(q.batch);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (db.inTransaction) db.exec('ROLLBACK');
      // Nothing of the open transaction is kept: every batch in it fails, and those not applied yet.
      for (const seq of new Set([...open, ...batches.map((q) => q.seq)])) send({ kind: 'failed', seq, message });
      open = [];
      return;
    }
    if (open.length >= bulkBatches) commitOpen();
    else {
      if (idle) clearTimeout(idle);
      idle = setTimeout(commitOpen, BULK_IDLE_MS);
    }
    return;
  }
  try {
    writer.write(...batches.map((q) => q.batch));
    for (const q of batches) send({ kind: 'done', seq: q.seq });
  } catch (error) {
    for (const q of batches) send({ kind: 'failed', seq: q.seq, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: ToReadWriter) => {
  if (message.kind === 'write') {
    queued.push({ seq: message.seq, batch: message.batch });
    // After the messages already delivered: those queued behind this one join its transaction.
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
    return;
  }
  flush();
  commitOpen();
  try {
    switch (message.kind) {
      case 'beginBulk':
        writer.beginBulk();
        bulkBatches = message.batchesPerCommit;
        break;
      case 'endBulk':
        bulkBatches = 0;
        writer.endBulk();
        break;
      case 'commit':
        // Committed just above, with any batch queued before it.
        break;
      case 'close':
        db.close();
        send({ kind: 'done', seq: message.seq });
        port.close();
        return;
      default:
        return assertNever(message);
    }
    send({ kind: 'done', seq: message.seq });
  } catch (error) {
    send({ kind: 'failed', seq: message.seq, message: error instanceof Error ? error.message : String(error) });
  }
});
