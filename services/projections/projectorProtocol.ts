/** Messages between the main thread and the projection thread (projectorThread.ts). */
import type { CatchUpProgress } from './catchUpProgress.js';

/** Where the thread finds its projections: a module and the name of the array it exports. */
export interface ProjectionsRef {
  readonly module: string;
  readonly exportName: string;
}

/** The catch-up's sizes (#18; tests make them small to exercise the pipeline and the bulk rebuild on a short log). */
export interface ProjectorTuning {
  /** Events per page read from the log (default 2,500). */
  readonly pageEvents?: number;
  /** Batches of at least this many events are committed on the writer thread (default 1,000). */
  readonly pipelineEvents?: number;
  /** Behind by at least this many events at start: progress reports, and from zero a bulk rebuild (default 10,000). */
  readonly backlogEvents?: number;
  /** A bulk rebuild commits this many pages in one transaction (default 32). */
  readonly bulkPagesPerCommit?: number;
  /** Live: commits gathered into one read of the log for at most this long while it is busy, in ms (default 5; 0: never). */
  readonly coalesceMs?: number;
  /** Live: this many events committed and not yet read wake the read at once (default 500). */
  readonly coalesceEvents?: number;
}

export interface ProjectorData {
  readonly eventsFile: string;
  readonly readFile: string;
  readonly projections?: ProjectionsRef;
  readonly tuning?: ProjectorTuning;
}

export type ToProjector =
  /** The store committed `events` new events: read on soon (commitCoalescer.ts) rather than at the next poll. */
  | { readonly kind: 'committed'; readonly events: number }
  /** A reader waits for a position not applied yet: read what was committed now. */
  | { readonly kind: 'hurry' }
  | { readonly kind: 'close' };

export type FromProjector =
  /** The read database is open (rebuilt if the projections changed) at this checkpoint. */
  | { readonly kind: 'ready'; readonly position: bigint }
  | { readonly kind: 'applied'; readonly position: bigint }
  /** A catch-up far behind the log (a rebuild): at most once a second, and when it reaches its target. */
  | { readonly kind: 'progress'; readonly progress: CatchUpProgress }
  /** The runner stopped (a projection or read failed); the read model stays where it was. */
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'closed' };
