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

function flush() {
  flushing = false;
  const batches = queued;
  queued = [];
  if (batches.length === 0) return;
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
  try {
    switch (message.kind) {
      case 'beginBulk':
        writer.beginBulk();
        break;
      case 'endBulk':
        writer.endBulk();
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
