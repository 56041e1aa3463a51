/**
 * A compound's read-model documents in memory, as a past view folds them (compoundAsOf.ts, services/board/asOf.ts),
 * queried as the read store is: get, list in sort-key order with paging, count.
 *
 * Indexed by (collection, parent) so that a list costs the size of its group, not of the whole compound (a
 * compound with 100,000 ballots holds as many documents); a group's sorted order is kept until it changes.
 * `clone()` copies the indexes, not the documents: projections return new documents and never change one they
 * were given (tests/services/api/asOf/snapshots.test.ts holds a snapshot to the full fold), so a copy is a
 * snapshot.
 */
import type { DocChange, DocReader, Projection } from '../../../projections/projection.js';
import type { RecordedEvent } from '../../store/port.js';

interface Stored {
  readonly id: string;
  readonly parent?: string;
  readonly sortKey: string;
  readonly doc: unknown;
}

interface Group {
  readonly rows: Map<string, Stored>;
  /** The rows in sort-key order, until the group changes. */
  sorted: Stored[] | null;
}

const groupKey = (collection: string, parent: string): string => `${collection}\u0000${parent}`;
const byKey = (a: Stored, b: Stored): number => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class DocsAsOf implements DocReader {
  private readonly docs: Map<string, Stored>;
  private readonly groups: Map<string, Group>;
  /** Documents held (for the snapshots' budget). */
  get size(): number {
    return this.docs.size;
  }

  constructor(from?: { docs: Map<string, Stored>; groups: Map<string, Group> }) {
    this.docs = from ? new Map(from.docs) : new Map();
    this.groups = new Map();
    if (from) for (const [key, g] of from.groups) this.groups.set(key, { rows: new Map(g.rows), sorted: g.sorted });
  }

  /** A copy that changes independently of this one (the documents themselves are shared: they are never changed). */
  clone(): DocsAsOf {
    return new DocsAsOf({ docs: this.docs, groups: this.groups });
  }

  /** Every document with where it is filed, in key order (to compare two folds). */
  entries(): { key: string; parent?: string; sortKey: string; doc: unknown }[] {
    return [...this.docs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, { parent, sortKey, doc }]) => ({ key, ...(parent !== undefined ? { parent } : {}), sortKey, doc }));
  }

  get<T = unknown>(collection: string, id: string): T | undefined {
    return this.docs.get(`${collection}/${id}`)?.doc as T | undefined;
  }

  list<T = unknown>(collection: string, parent: string, options: { limit?: number; afterSortKey?: string } = {}): T[] {
    const group = this.groups.get(groupKey(collection, parent));
    if (!group) return [];
    group.sorted ??= [...group.rows.values()].sort(byKey);
    let rows = group.sorted;
    if (options.afterSortKey !== undefined) {
      const after = options.afterSortKey;
      // The first row past the key, by bisection.
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid]!.sortKey > after) hi = mid;
        else lo = mid + 1;
      }
      rows = rows.slice(lo);
    }
    return rows.slice(0, options.limit ?? rows.length).map((r) => r.doc as T);
  }

  count(collection: string, parent: string): number {
    return this.groups.get(groupKey(collection, parent))?.rows.size ?? 0;
  }

  /** Feeds one event (in log order) through the projections that handle it, as the runner does. */
  apply(event: RecordedEvent, projections: readonly Projection[]): void {
    for (const projection of projections) if (projection.handles.includes(event.type)) this.applyChanges(projection.apply(event, this));
  }

  /** One projection's changes for one event. */
  applyChanges(changes: readonly DocChange[]): void {
    for (const change of changes) {
      const key = `${change.collection}/${change.id}`;
      const old = this.docs.get(key);
      if (old?.parent !== undefined) this.leave(change.collection, old);
      if (change.op === 'delete') {
        this.docs.delete(key);
        continue;
      }
      const stored: Stored = { id: change.id, ...(change.parent !== undefined ? { parent: change.parent } : {}), sortKey: change.sortKey ?? change.id, doc: change.doc };
      this.docs.set(key, stored);
      if (stored.parent !== undefined) this.join(change.collection, stored);
    }
  }

  private join(collection: string, stored: Stored): void {
    const key = groupKey(collection, stored.parent!);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { rows: new Map(), sorted: null }));
    group.rows.set(stored.id, stored);
    group.sorted = null;
  }

  private leave(collection: string, stored: Stored): void {
    const key = groupKey(collection, stored.parent!);
    const group = this.groups.get(key);
    if (!group) return;
    group.rows.delete(stored.id);
    group.sorted = null;
    if (group.rows.size === 0) this.groups.delete(key);
  }
}
