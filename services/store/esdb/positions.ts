/**
 * From EventStoreDB's `{ commit, prepare }` positions to the port's one bigint per event, and back.
 *
 * What the server does (KurrentDB/EventStoreDB source, `AllReader`, `ResolvedEvent`, `StorageWriterService`):
 * - An append over gRPC (the only write path since 24.10 removed the TCP API and its explicit
 *   transactions) writes each event as one *self-committed* prepare record (`PrepareFlags.IsCommitted`);
 *   the events of one append are contiguous in the log.
 * - For a self-committed record, the position reported by `$all` reads, `$all` subscriptions and (server
 *   >= 22.6) stream reads is `{ commit: LogPosition, prepare: LogPosition }`: both halves are the byte offset
 *   of that event's own record. So every event has its own position even when appended together with
 *   others, and `$all` order (by commit, then prepare) is the order of the prepare positions.
 * - Only legacy explicit transactions (TCP clients before 24.10) have a separate commit record, where every
 *   event of the transaction shares the commit position of that record and the prepare positions of
 *   interleaved transactions need not follow `$all` order. The same sharing shows in `AppendResult.position`
 *   of a multi-event append, which is not the position of the last event; the adapter therefore never uses
 *   it and reads the last event back instead.
 *
 * The mapping: an event's port position is its **prepare position** (= its commit position for every event
 * this adapter writes: `toPortPosition` checks it), unique and strictly increasing in `$all` order. The way
 * back for an exclusive `after = p` is `{ commit: p, prepare: p }`, the event's exact position:
 * subscriptions start strictly after it (server-side `eventPosition <= checkpoint` skip) and forward reads
 * start at it (inclusive), so reads drop every record at or before it. `0n` means "before everything"
 * and maps to `START` (no event of ours sits at offset 0: the log starts with the server's epoch record).
 */
import { START, type Position } from '@eventstore/db-client';

export type EsdbPosition = Position;

export function toPortPosition(position: EsdbPosition | undefined): bigint {
  if (position === undefined) {
    throw new Error('EventStoreDB did not report the position of an event (stream reads need server 22.6 or later)');
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `event at {commit: ${position.commit}, prepare: ${position.prepare}} was written in an explicit transaction; ` +
        'the store port only reads events appended through it (self-committed, commit = prepare)',
    );
  }
  return position.prepare;
}

export function fromPortPosition(after: bigint | undefined): typeof START | EsdbPosition {
  if (after === undefined || after <= 0n) return START;
  return { commit: after, prepare: after };
}

/** `$all` order: by commit position, then prepare position. */
export function comparePositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** System events (`$statsCollected`, `$>` links, `$metadata`, projection checkpoints, ...). */
export function isSystemType(type: string): boolean {
  return type.startsWith('$');
}
