/** What the verifier reports: each mismatch with the record it concerns. */
import type { ExportedEvent } from './format.js';

export type Check = 'format' | 'signature' | 'key' | 'chain' | 'manifest' | 'receipt' | 'ballot' | 'tally' | 'result' | 'decision' | 'ledger' | 'link' | 'committee' | 'hiring' | 'residents' | 'joint' | 'disputes';

export interface Problem {
  readonly check: Check;
  /** The record: the event (seq, stream, revision, type) or the part of the file. */
  readonly record: string;
  readonly detail: string;
}

export type Report = (check: Check, record: string, detail: string) => void;

export const recordOf = (e: Pick<ExportedEvent, 'seq' | 'streamId' | 'revision' | 'type'>): string =>
  `event ${e.seq} (stream ${e.streamId} revision ${e.revision}, ${e.type})`;
