/**
 * A compound's read model as it stood at an earlier point of the log (`?asOf=`), computed from the log itself
 * with the same pure projections the runner feeds, never from the current documents: every event up to the
 * point, in global order, applied by each projection that handles it when the event belongs to the compound
 * (the projection's `scopeOf`, else the event's `compoundId`: the same scope the runner isolates failures by).
 *
 * The cost is one ordered read of the log from the compound's nearest snapshot before the point (snapshots.ts)
 * to the point (batches of 10,000); a motion's own view reads only its streams (services/board/asOf.ts).
 * Results are cached per (compound, cut position) for repeated reads (timeTravel.ts).
 */
import { defaultScope, type Projection } from '../../../projections/projection.js';
import type { EventStore, RecordedEvent } from '../../store/port.js';
import type { Deadline, DeadlineSource } from '../../platform/deadlines.js';
import { DeadlineFold } from '../../platform/deadlineFold.js';
import { DocsAsOf } from './docsAsOf.js';
import { resume, type FoldState, type SnapshotShelf } from './snapshots.js';

export { DocsAsOf } from './docsAsOf.js';

import type { AsOf } from './point.js';

export type { AsOf } from './point.js';

export interface CompoundAsOf {
  readonly compoundId: string;
  readonly asOf: AsOf;
  /** The last position at or before the point (the cut). */
  readonly position: bigint;
  /** When the last event of the compound before the cut was recorded (null when none was). */
  readonly recordedAt: string | null;
  /** How many of the compound's events the view was computed from. */
  readonly events: number;
  readonly docs: DocsAsOf;
  /** The compound's deadlines at the point (every event folded through the deadline sources). */
  readonly deadlines: readonly Deadline[];
  /** The instant the view stands at: the asked instant, or when the last event up to the position was recorded. */
  readonly at: Date;
}

const BATCH = 10_000;

/** snap16, a test seam: events this process has read from the log for compound-wide past views. */
export const asOfReads = { events: 0 };

const within = (asOf: AsOf) => (e: RecordedEvent): boolean =>
  asOf.kind === 'position' ? e.position <= asOf.position : Date.parse(e.metadata.recordedAt) <= asOf.at.getTime();

/** The projections by the event types they handle, in list order (once per list). */
const routed = new WeakMap<readonly Projection[], Map<string, Projection[]>>();
function byType(projections: readonly Projection[]): Map<string, Projection[]> {
  let map = routed.get(projections);
  if (!map) {
    map = new Map();
    for (const p of projections) for (const type of p.handles) map.set(type, [...(map.get(type) ?? []), p]);
    routed.set(projections, map);
  }
  return map;
}

/**
 * `snapshots`: start from the nearest snapshot at or before the point, and leave new ones on the way
 * (snapshots.ts); the result is the same with or without.
 */
export async function compoundAsOf(store: EventStore, projections: readonly Projection[], compoundId: string, asOf: AsOf, deadlineSources: readonly DeadlineSource[] = [], snapshots?: SnapshotShelf): Promise<CompoundAsOf> {
  const from = await snapshots?.nearest(store, compoundId, asOf, deadlineSources);
  let state: FoldState = from ? resume(from) : { docs: new DocsAsOf(), deadlines: new DeadlineFold(deadlineSources), position: 0n, cutAt: null, events: 0, recordedAt: null };
  const handlers = byType(projections);
  const keep = within(asOf);
  let cell = snapshots?.cellOf(state.position) ?? 0n;
  let after = state.position;
  let lastHash = '';
  let lastPrev = 0n;
  for (;;) {
    // To a position, no further than it (a cap: positions may be sparse, as on EventStoreDB).
    const want = asOf.kind === 'position' && asOf.position - after < BigInt(BATCH) ? Math.max(1, Number(asOf.position - after)) : BATCH;
    const batch = await store.readAll({ after, maxCount: want });
    asOfReads.events += batch.length;
    if (batch.length === 0) break;
    let past = false;
    for (const event of batch) {
      if (!keep(event)) {
        past = true;
        break;
      }
      // The first event of a new cell: the state before it is the snapshot of the cell the fold stands in.
      if (snapshots && state.position > 0n && snapshots.cellOf(event.position) !== cell) {
        state = snapshots.keep(compoundId, state, { hash: lastHash, after: lastPrev });
        cell = snapshots.cellOf(event.position);
      }
      lastPrev = state.position; // every event up to the point passes here: the one before this one
      state.position = event.position;
      lastHash = event.hash;
      state.cutAt = event.metadata.recordedAt;
      const { docs, deadlines } = state;
      deadlines.apply(event);
      let mine = false;
      for (const projection of handlers.get(event.type) ?? []) {
        const scope = projection.scopeOf ? projection.scopeOf(event, docs) : defaultScope(event);
        if (scope !== compoundId) continue;
        mine = true;
        docs.applyChanges(projection.apply(event, docs));
      }
      if (mine) {
        state.events += 1;
        state.recordedAt = event.metadata.recordedAt;
      }
    }
    if (past || batch.length < want || (asOf.kind === 'position' && state.position >= asOf.position)) break;
    after = batch.at(-1)!.position;
  }
  const at = asOf.kind === 'instant' ? asOf.at : state.cutAt ? new Date(state.cutAt) : new Date(0);
  return { compoundId, asOf, position: state.position, recordedAt: state.recordedAt, events: state.events, docs: state.docs, deadlines: state.deadlines.of(compoundId), at };
}
