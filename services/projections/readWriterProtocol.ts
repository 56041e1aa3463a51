/** Messages between the projection thread and the read database's writer thread (readWriterThread.ts). */
import type { WriteBatch } from './readStore.js';

export type ToReadWriter =
  | { readonly kind: 'write'; readonly seq: number; readonly batch: WriteBatch }
  /** A bulk rebuild from zero: `batchesPerCommit` batches (at least 1) committed together. */
  | { readonly kind: 'beginBulk'; readonly seq: number; readonly batchesPerCommit: number }
  | { readonly kind: 'endBulk'; readonly seq: number }
  /** Commit the bulk transaction now with what it holds (the projection thread waits for it, or reached the head). */
  | { readonly kind: 'commit'; readonly seq: number }
  | { readonly kind: 'close'; readonly seq: number };

export type FromReadWriter =
  | { readonly kind: 'done'; readonly seq: number }
  | { readonly kind: 'failed'; readonly seq: number; readonly message: string };
