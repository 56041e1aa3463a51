/** Messages between the main thread and the projection thread (projectorThread.ts). */
import type { CatchUpProgress } from './catchUpProgress.js';

/** Where the thread finds its projections: a module and the name of the array it exports. */
export interface ProjectionsRef {
  readonly module: string;
  readonly exportName: string;
}

export interface ProjectorData {
  readonly eventsFile: string;
  readonly readFile: string;
  readonly projections?: ProjectionsRef;
}

export type ToProjector =
  /** The store committed new events: read on now rather than at the next poll. */
  | { readonly kind: 'committed' }
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
