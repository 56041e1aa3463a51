/**
 * asof16 (#16 item 3): the thread that deflates and writes time-travel snapshots to the read database
 * (snapshotTable.ts), so that neither runs on the API's event loop. The event loop sends a snapshot's
 * documents as JSON text in slices (snapshotWriter.ts); here each part is packed and deflated
 * (snapshotCodec.ts), and the row inserted and the compound's rows thinned in one transaction, on this
 * thread's own connection (one per file). A busy database is waited for here (up to 5 s), then skipped.
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { assertNever } from '../../../domain/shared/decider.js';
import { assemble, packPart, type PartEntry, type RawPart } from './snapshotCodec.js';
import { snapshotWrites } from './snapshotTableSql.js';
import type { FromSnapshotWriter, ToSnapshotWriter } from './snapshotWriterProtocol.js';

const port = parentPort!;
const send = (message: FromSnapshotWriter) => port.postMessage(message);

const connections = new Map<string, ReturnType<typeof snapshotWrites>>();
const connection = (file: string) => {
  let c = connections.get(file);
  if (!c) {
    const db = new Database(file, { timeout: 5_000 });
    db.defaultSafeIntegers(true);
    connections.set(file, (c = snapshotWrites(db)));
  }
  return c;
};

type Job = Extract<ToSnapshotWriter, { kind: 'begin' }> & { parts: { collection: string; parent: string | null; entries: PartEntry[]; texts: Uint8Array[] }[] };
let job: Job | undefined;

port.on('message', (message: ToSnapshotWriter) => {
  try {
    switch (message.kind) {
      case 'begin':
        job = { ...message, parts: [] };
        return;
      case 'part':
        job!.parts.push({ collection: message.collection, parent: message.parent, entries: [], texts: [] });
        return;
      case 'rows': {
        const part = job!.parts.at(-1)!;
        for (const e of message.entries) part.entries.push(e);
        part.texts.push(message.texts);
        return;
      }
      case 'end': {
        const j = job!;
        job = undefined;
        const writes = connection(j.target.file);
        const position = BigInt(j.header.position);
        if (writes.has(j.target.fingerprint, j.compoundId, position)) return send({ kind: 'done', job: message.job, saved: false });
        const blob = assemble(
          j.header,
          j.parts.map((p: RawPart) => packPart(p)),
        );
        const saved = writes.save(j.target, j.compoundId, position, j.cutAt, j.eventHash, BigInt(j.eventAfter), blob);
        return send({ kind: 'done', job: message.job, saved });
      }
      case 'close': {
        connections.get(message.file)?.close();
        connections.delete(message.file);
        return send({ kind: 'done', job: message.job, saved: false });
      }
      default:
        return assertNever(message);
    }
  } catch (error) {
    job = undefined;
    send({ kind: 'failed', job: message.job, message: error instanceof Error ? error.message : String(error) });
  }
});
