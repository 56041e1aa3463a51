/**
 * A compound's read-model documents in memory, as a past view folds them (compoundAsOf.ts, services/board/asOf.ts),
 * queried as the read store is: get, list in sort-key order with paging, count.
 *
 * Indexed by (collection, parent) so that a list costs the size of its group, not of the whole compound (a
 * compound with 100,000 ballots holds as many documents); a group's sorted order is kept until it changes.
 * A snapshot (snapshots.ts) is a sealed view; a fold goes on from it in a view over it, which copies nothing
 * until it writes, and then only the documents it sets and the groups it changes. The documents themselves are
 * shared: projections return new documents and never change one they were given (tests/api/asOfSnapshots.test.ts
 * holds a fold from a snapshot to the full fold).
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

/** snap16: a document as a persisted snapshot holds it: collection, id, parent, sort key (null: the id), its JSON text. */
export type PersistedRow = [collection: string, id: string, parent: string | null, sortKey: string | null, text: string];
/** snap16: a persisted document as loaded: its text read when wanted. */
export type LazyRow = readonly [collection: string, id: string, parent: string | null, sortKey: string | null, text: () => string];

/** snap16: a loaded snapshot's document, parsed on its first read. */
class LazyStored {
  private parsed: unknown;
  private read = false;
  readonly parent?: string;
  constructor(
    readonly id: string,
    parent: string | null,
    readonly sortKey: string,
    private readonly source: () => string,
  ) {
    if (parent !== null) this.parent = parent;
  }
  get doc(): unknown {
    if (!this.read) {
      this.parsed = JSON.parse(this.source());
      this.read = true;
    }
    return this.parsed;
  }
  /** The document's JSON text (its parsed value's, once read). */
  text(): string {
    return this.read ? JSON.stringify(this.parsed) : this.source();
  }
}

const groupKey = (collection: string, parent: string): string => `${collection}\u0000${parent}`;
const byKey = (a: Stored, b: Stored): number => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class DocsAsOf implements DocReader {
  /** Documents set or deleted (null) here; the rest are the base's. */
  private readonly docs = new Map<string, Stored | null>();
  /** Groups changed here, each a whole copy of the base's group on its first change; the rest are the base's. */
  private readonly groups = new Map<string, Group>();

  /** Sealed: a snapshot's, never written again (a write throws). */
  private sealed = false;

  /** `base`: a sealed view without a base of its own (a snapshot), which this one starts as and leaves unchanged. */
  constructor(private readonly base?: DocsAsOf) {
    if (base && (!base.sealed || base.base)) throw new Error('a view starts only from a sealed view without a base');
  }

  /** Documents held here (for the snapshots' budget). */
  get size(): number {
    return this.docs.size;
  }

  /**
   * This view as a snapshot: flat (the base's documents and this one's in one), sealed; this view is not to be
   * written again (it shares its groups with the snapshot), a fold goes on with `new DocsAsOf(snapshot)`.
   */
  seal(): DocsAsOf {
    this.sealed = true;
    if (!this.base) return this;
    const copy = new DocsAsOf();
    for (const [key, stored] of this.base.docs) if (stored && !this.docs.has(key)) copy.docs.set(key, stored);
    for (const [key, stored] of this.docs) if (stored) copy.docs.set(key, stored);
    for (const [key, g] of this.base.groups) if (!this.groups.has(key)) copy.groups.set(key, g);
    for (const [key, g] of this.groups) if (g.rows.size > 0) copy.groups.set(key, g);
    copy.sealed = true;
    return copy;
  }

  /** snap16: a sealed view's documents as rows to persist (snapshotTable.ts), each document as JSON text, in no particular order. */
  rows(): PersistedRow[] {
    if (!this.sealed || this.base) throw new Error('only a sealed view without a base is persisted');
    const out: PersistedRow[] = [];
    for (const [key, s] of this.docs) {
      if (!s) continue;
      const text = s instanceof LazyStored ? s.text() : JSON.stringify(s.doc);
      out.push([key.slice(0, key.length - s.id.length - 1), s.id, s.parent ?? null, s.sortKey === s.id ? null : s.sortKey, text]);
    }
    return out;
  }

  /**
   * snap16: a sealed view from persisted rows (the inverse of `rows`). A document's text is parsed when it is
   * first read (once): a fold from a loaded snapshot and the views it answers read a few of its documents.
   */
  static fromRows(rows: Iterable<LazyRow>): DocsAsOf {
    const view = new DocsAsOf();
    for (const [collection, id, parent, sortKey, text] of rows) {
      const stored = new LazyStored(id, parent, sortKey ?? id, text);
      view.docs.set(`${collection}/${id}`, stored);
      if (parent !== null) view.join(collection, stored);
    }
    view.sealed = true;
    return view;
  }

  /** Every document with where it is filed, in key order (to compare two folds). */
  entries(): { key: string; parent?: string; sortKey: string; doc: unknown }[] {
    const all = new Map<string, Stored | null>([...(this.base?.docs ?? []), ...this.docs]);
    return [...all.entries()]
      .filter((e): e is [string, Stored] => e[1] !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, { parent, sortKey, doc }]) => ({ key, ...(parent !== undefined ? { parent } : {}), sortKey, doc }));
  }

  private stored(key: string): Stored | undefined {
    const own = this.docs.get(key);
    return own !== undefined ? (own ?? undefined) : this.base?.docs.get(key) ?? undefined;
  }

  private group(key: string): Group | undefined {
    return this.groups.get(key) ?? this.base?.groups.get(key);
  }

  get<T = unknown>(collection: string, id: string): T | undefined {
    return this.stored(`${collection}/${id}`)?.doc as T | undefined;
  }

  list<T = unknown>(collection: string, parent: string, options: { limit?: number; afterSortKey?: string } = {}): T[] {
    const group = this.group(groupKey(collection, parent));
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
    return this.group(groupKey(collection, parent))?.rows.size ?? 0;
  }

  /** Feeds one event (in log order) through the projections that handle it, as the runner does. */
  apply(event: RecordedEvent, projections: readonly Projection[]): void {
    for (const projection of projections) if (projection.handles.includes(event.type)) this.applyChanges(projection.apply(event, this));
  }

  /** One projection's changes for one event. */
  applyChanges(changes: readonly DocChange[]): void {
    if (this.sealed) throw new Error('a sealed view (a snapshot) is never written to');
    for (const change of changes) {
      const key = `${change.collection}/${change.id}`;
      const old = this.stored(key);
      if (old?.parent !== undefined) this.leave(change.collection, old);
      if (change.op === 'delete') {
        if (this.base) this.docs.set(key, null);
        else this.docs.delete(key);
        continue;
      }
      const stored: Stored = { id: change.id, ...(change.parent !== undefined ? { parent: change.parent } : {}), sortKey: change.sortKey ?? change.id, doc: change.doc };
      this.docs.set(key, stored);
      if (stored.parent !== undefined) this.join(change.collection, stored);
    }
  }

  /** The group to change: this view's own, copied from the base's on its first change. */
  private writable(key: string): Group {
    let group = this.groups.get(key);
    if (!group) {
      const shared = this.base?.groups.get(key);
      this.groups.set(key, (group = { rows: new Map(shared?.rows), sorted: shared?.sorted ?? null }));
    }
    return group;
  }

  private join(collection: string, stored: Stored): void {
    const group = this.writable(groupKey(collection, stored.parent!));
    group.rows.set(stored.id, stored);
    group.sorted = null;
  }

  private leave(collection: string, stored: Stored): void {
    const group = this.writable(groupKey(collection, stored.parent!));
    group.rows.delete(stored.id);
    group.sorted = null;
  }
}
