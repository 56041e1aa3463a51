/** Messages between the projection thread and its log reader thread (logReaderThread.ts). */
export interface LogPageRequest {
  readonly kind: 'read';
  readonly seq: number;
  readonly after: bigint;
  readonly maxCount: number;
}

export type LogPage =
  /** `count` events, their fields in one text (logPage.ts). */
  | { readonly kind: 'page'; readonly seq: number; readonly text: string; readonly lengths: Int32Array; readonly count: number }
  | { readonly kind: 'failed'; readonly seq: number; readonly message: string };
