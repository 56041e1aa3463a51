/** The state of a compound's past-view fold (compoundAsOf.ts), as snapshots keep it (snapshots.ts, snapshotTable.ts). */
import type { DeadlineFold } from '../../platform/deadlineFold.js';
import type { DocsAsOf } from './docsAsOf.js';

/** A fold of one compound standing after the event at `position`. */
export interface FoldState {
  docs: DocsAsOf;
  deadlines: DeadlineFold;
  /** The last position read and included (0: none). */
  position: bigint;
  /** When the event at `position` was recorded. */
  cutAt: string | null;
  /** How many of the compound's events were applied. */
  events: number;
  /** When the compound's last applied event was recorded. */
  recordedAt: string | null;
}
