/** asof16: the messages between the API's event loop and the snapshot writer thread (snapshotWriter.ts, snapshotWriterThread.ts). */
import type { PartEntry, SnapshotHeader } from './snapshotCodec.js';

/** The event a snapshot stands after: its hash, and the position of the event before it in the log (0: none). */
export interface SnapshotEvent {
  readonly hash: string;
  readonly after: bigint;
}

/** Where a snapshot goes: the read database's file and the table's key and bound (snapshotTable.ts). */
export interface SnapshotTarget {
  readonly file: string;
  readonly fingerprint: string;
  readonly perCompound: number;
}

export type ToSnapshotWriter =
  | { readonly kind: 'begin'; readonly job: number; readonly target: SnapshotTarget; readonly compoundId: string; readonly cutAt: string | null; readonly eventHash: string; readonly eventAfter: string; readonly header: SnapshotHeader }
  /** The next part of the running job; its documents follow in `rows` messages. */
  | { readonly kind: 'part'; readonly job: number; readonly collection: string; readonly parent: string | null }
  /** A slice of the current part's documents: their entries, and their texts one after the other. */
  | { readonly kind: 'rows'; readonly job: number; readonly entries: PartEntry[]; readonly texts: Uint8Array }
  /** Every part sent: pack, deflate and write the snapshot (unless the table has one at its position). */
  | { readonly kind: 'end'; readonly job: number }
  /** The table's file is closed by its owner: drop the thread's connection to it. */
  | { readonly kind: 'close'; readonly job: number; readonly file: string };

export type FromSnapshotWriter = { readonly kind: 'done'; readonly job: number; readonly saved: boolean } | { readonly kind: 'failed'; readonly job: number; readonly message: string };
