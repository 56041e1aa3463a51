/**
 * A compound's read model as it stood at an earlier point of the log (`?asOf=`), computed from the log itself
 * with the same pure projections the runner feeds, never from the current documents: every event up to the
 * point, in global order, applied by each projection that handles it when the event belongs to the compound
 * (the projection's `scopeOf`, else the event's `compoundId`: the same scope the runner isolates failures by).
 *
 * The cost is one ordered read of the log up to the point (batches of 10,000); a motion's own view reads only
 * its streams (services/board/asOf.ts). Results are cached per (compound, cut position) for repeated reads.
 */
import { defaultScope, type DocChange, type DocReader, type Projection } from '../../../projections/projection.js';
import type { AsOf } from '../../board/asOf.js';
import type { EventStore, RecordedEvent } from '../../store/port.js';
import type { Deadline, DeadlineSource } from '../../platform/deadlines.js';
import { DeadlineFold } from '../../platform/deadlineFold.js';

interface Stored {
  readonly parent?: string;
  readonly sortKey?: string;
  readonly doc: unknown;
}

/** Documents in memory, queried as the read store is (get, list in sort-key order with paging, count). */
export class DocsAsOf implements DocReader {
  private readonly docs = new Map<string, Stored>();

  get<T = unknown>(collection: string, id: string): T | undefined {
    return this.docs.get(`${collection}/${id}`)?.doc as T | undefined;
  }

  list<T = unknown>(collection: string, parent: string, options: { limit?: number; afterSortKey?: string } = {}): T[] {
    const rows = [...this.docs.entries()]
      .filter(([k, v]) => k.startsWith(`${collection}/`) && v.parent === parent)
      .map(([k, v]) => ({ sortKey: v.sortKey ?? k.slice(collection.length + 1), doc: v.doc as T }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .filter((r) => options.afterSortKey === undefined || r.sortKey > options.afterSortKey);
    return rows.slice(0, options.limit ?? rows.length).map((r) => r.doc);
  }

  count(collection: string, parent: string): number {
    return this.list(collection, parent).length;
  }

  /** Feeds one event (in log order) through the projections that handle it, as the runner does. */
  apply(event: RecordedEvent, projections: readonly Projection[]): void {
    for (const projection of projections) if (projection.handles.includes(event.type)) this.applyChanges(projection.apply(event, this));
  }

  /** One projection's changes for one event. */
  applyChanges(changes: readonly DocChange[]): void {
    for (const change of changes) {
      const key = `${change.collection}/${change.id}`;
      if (change.op === 'delete') this.docs.delete(key);
      else this.docs.set(key, { ...(change.parent !== undefined ? { parent: change.parent } : {}), ...(change.sortKey !== undefined ? { sortKey: change.sortKey } : {}), doc: change.doc });
    }
  }
}

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

const within = (asOf: AsOf) => (e: RecordedEvent): boolean =>
  asOf.kind === 'position' ? e.position <= asOf.position : Date.parse(e.metadata.recordedAt) <= asOf.at.getTime();

export async function compoundAsOf(store: EventStore, projections: readonly Projection[], compoundId: string, asOf: AsOf, deadlineSources: readonly DeadlineSource[] = []): Promise<CompoundAsOf> {
  const docs = new DocsAsOf();
  const deadlines = new DeadlineFold(deadlineSources);
  let cutAt: string | null = null;
  const keep = within(asOf);
  let after = 0n;
  let cut = 0n;
  let events = 0;
  let recordedAt: string | null = null;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: BATCH });
    if (batch.length === 0) break;
    let past = false;
    for (const event of batch) {
      if (!keep(event)) {
        past = true;
        break;
      }
      cut = event.position;
      cutAt = event.metadata.recordedAt;
      deadlines.apply(event);
      let mine = false;
      for (const projection of projections) {
        if (!projection.handles.includes(event.type)) continue;
        const scope = projection.scopeOf ? projection.scopeOf(event, docs) : defaultScope(event);
        if (scope !== compoundId) continue;
        mine = true;
        docs.applyChanges(projection.apply(event, docs));
      }
      if (mine) {
        events += 1;
        recordedAt = event.metadata.recordedAt;
      }
    }
    if (past || batch.length < BATCH) break;
    after = batch.at(-1)!.position;
  }
  const at = asOf.kind === 'instant' ? asOf.at : cutAt ? new Date(cutAt) : new Date(0);
  return { compoundId, asOf, position: cut, recordedAt, events, docs, deadlines: deadlines.of(compoundId), at };
}
