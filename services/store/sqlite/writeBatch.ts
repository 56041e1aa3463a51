/**
 * The body of one group-commit transaction: check each queued append against the stream heads as they
 * stand inside the transaction (including appends earlier in the same batch), then chain and insert the
 * ones that hold. Synchronous, as better-sqlite3 transactions must be.
 *
 * Fast path: the whole batch in one transaction. If SQLite raises a constraint error (a duplicate event
 * id, say), that transaction is rolled back and the batch is written again with one SAVEPOINT per append,
 * so only the offending append fails. Any other error (disk full, I/O, busy) aborts the transaction and
 * fails the whole batch: the caller rejects them all.
 *
 * The log tree (logTree.ts) grows here too: each event's leaf is computed at its index in the global order,
 * stored in its row, and appended to the in-memory frontier; the transaction ends by writing the tree's new
 * size, root and frontier to `log_tree`. A rolled-back transaction or savepoint restores the frontier.
 */
import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashAt } from '../hashChain.js';
import { leafHashOfOwnHash, LogFrontier } from '../logTree.js';
import { expectationHolds, RevisionConflictError, type AppendResult, type ExpectedRevision } from '../port.js';
import type { Statements } from './statements.js';
import type { WireEvent } from './writerProtocol.js';

export interface QueuedAppend {
  readonly streamId: string;
  /** Encoded on the caller's thread (encode.ts): what is stored, and the canonical parts that are hashed. */
  readonly events: readonly WireEvent[];
  readonly expected: ExpectedRevision;
}

export type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

interface Head {
  revision: bigint;
  hash: string;
}

export function batchWriter(db: Database.Database, stmts: Statements): (batch: readonly QueuedAppend[]) => Outcome[] {
  const stored = stmts.logTree.get();
  if (!stored) throw new Error('store file has no log_tree row');
  const frontier = LogFrontier.fromBlob(Number(stored.tree_size), stored.frontier);

  const write = (batch: readonly QueuedAppend[], isolate: boolean): Outcome[] => {
    const treeSize = frontier.size;
    const heads = new Map<string, Head>();
    const headOf = (streamId: string, assumeNew: boolean): Head => {
      let head = heads.get(streamId);
      if (!head) {
        // An append that expects no stream is taken at its word on the fast path (a new stream per ballot or
        // registration is the common case): if the stream does exist, inserting its revision 0 breaks the
        // UNIQUE(stream_id, revision) index, and the isolated pass, which looks every head up, reports the conflict.
        const row = assumeNew ? undefined : stmts.streamHead.get(streamId);
        head = row ? { revision: row.revision, hash: row.hash } : { revision: -1n, hash: GENESIS_HASH };
        heads.set(streamId, head);
      }
      return head;
    };
    // Positions are assigned here rather than by SQLite so each append knows its own without a query;
    // the explicit values still advance AUTOINCREMENT's high-water mark.
    let position = stmts.lastPosition.get() ?? 0n;

    const outcomes = batch.map((item): Outcome => {
      const head = headOf(item.streamId, !isolate && item.expected === 'no_stream' && item.events.length > 0);
      if (!expectationHolds(item.expected, head.revision)) {
        const actual = head.revision < 0n ? 'no_stream' : head.revision;
        return { ok: false, error: new RevisionConflictError(item.streamId, item.expected, actual) };
      }
      if (item.events.length === 0) {
        return { ok: true, result: { nextExpectedRevision: head.revision, position: 0n, hash: '' } };
      }
      const from = position;
      const tree = isolate ? frontier.snapshot() : undefined;
      let revision = head.revision;
      let prevHash = head.hash;
      const insert = () => {
        for (const e of item.events) {
          revision += 1n;
          const hash = hashAt({ head: e.hashHead, tail: e.hashTail }, revision, prevHash);
          const leaf = leafHashOfOwnHash(frontier.size, hash, e.metadataCanonical);
          position += 1n;
          stmts.insertEvent.run(position, item.streamId, revision, e.eventId, e.type, e.schemaVersion, e.dataJson, e.metadataJson, prevHash, hash, leaf);
          frontier.append(leaf);
          prevHash = hash;
        }
      };
      if (!isolate) insert();
      else {
        try {
          savepoint(insert);
        } catch (error) {
          if (!isConstraintError(error)) throw error;
          position = from;
          frontier.restore(tree!);
          return { ok: false, error };
        }
      }
      head.revision = revision;
      head.hash = prevHash;
      return { ok: true, result: { nextExpectedRevision: revision, position, hash: prevHash } };
    });
    if (frontier.size !== treeSize) stmts.setLogTree.run(frontier.size, frontier.root(), frontier.toBlob());
    return outcomes;
  };

  // Nested better-sqlite3 transactions are SAVEPOINTs; the outer ones take the write lock up front.
  const savepoint = db.transaction((fn: () => void) => fn());
  const fast = db.transaction((batch: readonly QueuedAppend[]) => write(batch, false));
  const isolated = db.transaction((batch: readonly QueuedAppend[]) => write(batch, true));

  return (batch) => {
    const tree = frontier.snapshot();
    try {
      try {
        return fast.immediate(batch);
      } catch (error) {
        frontier.restore(tree);
        if (!isConstraintError(error)) throw error;
        return isolated.immediate(batch);
      }
    } catch (error) {
      frontier.restore(tree);
      throw error;
    }
  };
}

function isConstraintError(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
