/** Messages between the projection thread and its log reader thread (logReaderThread.ts). */
export interface LogPageRequest {
  readonly kind: 'read';
  readonly seq: number;
  readonly after: bigint;
  readonly maxCount: number;
}

export type LogPage =
  /** 11 values per event: position, stream, revision, event id, type, schema version, data, metadata, previous hash, hash, leaf hash (hex) or null. */
  | { readonly kind: 'page'; readonly seq: number; readonly rows: unknown[] }
  | { readonly kind: 'failed'; readonly seq: number; readonly message: string };
