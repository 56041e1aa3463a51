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

export interface Stored {
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

/** snap16: a persisted document as loaded: its text read when wanted. */
export type LazyRow = readonly [collection: string, id: string, parent: string | null, sortKey: string | null, text: () => string];

/**
 * asof16: one part of a persisted snapshot (snapshotCodec.ts): the documents of one group (collection, parent),
 * or a slice of a collection's documents without a parent; read when a query first needs it.
 */
export interface LazyPart {
  readonly collection: string;
  readonly parent: string | null;
  readonly count: number;
  /** False when the part surely does not hold the id (a Bloom filter: true may be wrong, false never is). */
  mayHold(id: string): boolean;
  load(): Iterable<LazyRow>;
}

/** asof16: a part of a sealed view to persist: its documents, each turned into JSON text by `persistedText`. */
export interface PartSource {
  readonly collection: string;
  readonly parent: string | null;
  /** The part's documents (a group's are not copied: a sealed view never changes). */
  readonly docs: Iterable<Stored>;
}

/** asof16: documents without a parent are persisted in slices of this many (a get reads one slice). */
export const LOOSE_SLICE = 2048;

/** asof16, a test seam: documents this process has taken from persisted snapshots (each one indexed in memory). */
export const snapshotReads = { docs: 0 };

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

/** asof16: a document's JSON text, as persisted. */
export const persistedText = (s: Stored): string => (s instanceof LazyStored ? s.text() : JSON.stringify(s.doc));

const groupKey = (collection: string, parent: string): string => `${collection}\u0000${parent}`;
const byKey = (a: Stored, b: Stored): number => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class DocsAsOf implements DocReader {
  /** Documents set or deleted (null) here; the rest are the base's. */
  private readonly docs = new Map<string, Stored | null>();
  /** Groups changed here, each a whole copy of the base's group on its first change; the rest are the base's. */
  private readonly groups = new Map<string, Group>();

  /** Sealed: a snapshot's, never written again (a write throws). */
  private sealed = false;

  /**
   * asof16: a snapshot loaded from disk, its parts not read yet: by collection, and the groups' by group key;
   * `docs` documents in them. A part read is indexed into `docs` and `groups` as if it had always been there.
   */
  private lazy: { byCollection: Map<string, LazyPart[]>; byGroup: Map<string, LazyPart>; docs: number } | undefined;

  /** `base`: a sealed view without a base of its own (a snapshot), which this one starts as and leaves unchanged. */
  constructor(private readonly base?: DocsAsOf) {
    if (base && (!base.sealed || base.base)) throw new Error('a view starts only from a sealed view without a base');
  }

  /** Documents held here (for the snapshots' budget). */
  get size(): number {
    return this.docs.size + (this.lazy?.docs ?? 0);
  }

  /**
   * This view as a snapshot: flat (the base's documents and this one's in one), sealed; this view is not to be
   * written again (it shares its groups with the snapshot), a fold goes on with `new DocsAsOf(snapshot)`.
   */
  seal(): DocsAsOf {
    this.sealed = true;
    if (!this.base) return this;
    this.base.readAll();
    const copy = new DocsAsOf();
    for (const [key, stored] of this.base.docs) if (stored && !this.docs.has(key)) copy.docs.set(key, stored);
    for (const [key, stored] of this.docs) if (stored) copy.docs.set(key, stored);
    for (const [key, g] of this.base.groups) if (!this.groups.has(key)) copy.groups.set(key, g);
    for (const [key, g] of this.groups) if (g.rows.size > 0) copy.groups.set(key, g);
    copy.sealed = true;
    return copy;
  }

  /** asof16: a sealed view's documents in the parts they are persisted in (snapshotCodec.ts), in no particular order. */
  parts(): PartSource[] {
    if (!this.sealed || this.base) throw new Error('only a sealed view without a base is persisted');
    this.readAll();
    const out: PartSource[] = [];
    for (const [key, group] of this.groups) {
      if (group.rows.size === 0) continue;
      const cut = key.indexOf('\u0000');
      out.push({ collection: key.slice(0, cut), parent: key.slice(cut + 1), docs: { [Symbol.iterator]: () => group.rows.values() } });
    }
    const loose = new Map<string, Stored[]>();
    for (const [key, s] of this.docs) {
      if (!s || s.parent !== undefined) continue;
      const collection = key.slice(0, key.length - s.id.length - 1);
      let slices = loose.get(collection);
      if (!slices) loose.set(collection, (slices = []));
      slices.push(s);
    }
    for (const [collection, docs] of loose) for (let i = 0; i < docs.length; i += LOOSE_SLICE) out.push({ collection, parent: null, docs: docs.slice(i, i + LOOSE_SLICE) });
    return out;
  }

  /**
   * asof16: a sealed view of a persisted snapshot's parts (the inverse of `parts`), none read yet: a part is read
   * when a query first needs it, and each document's text is parsed when it is first read (snap16).
   */
  static fromParts(parts: Iterable<LazyPart>): DocsAsOf {
    const view = new DocsAsOf();
    const lazy = { byCollection: new Map<string, LazyPart[]>(), byGroup: new Map<string, LazyPart>(), docs: 0 };
    for (const part of parts) {
      let list = lazy.byCollection.get(part.collection);
      if (!list) lazy.byCollection.set(part.collection, (list = []));
      list.push(part);
      if (part.parent !== null) lazy.byGroup.set(groupKey(part.collection, part.parent), part);
      lazy.docs += part.count;
    }
    if (lazy.docs > 0) view.lazy = lazy;
    view.sealed = true;
    return view;
  }

  /** asof16: reads a part into the indexes. */
  private read(part: LazyPart): void {
    const lazy = this.lazy!;
    const list = lazy.byCollection.get(part.collection)!;
    list.splice(list.indexOf(part), 1);
    if (list.length === 0) lazy.byCollection.delete(part.collection);
    if (part.parent !== null) lazy.byGroup.delete(groupKey(part.collection, part.parent));
    lazy.docs -= part.count;
    if (lazy.byCollection.size === 0) this.lazy = undefined;
    for (const [collection, id, parent, sortKey, text] of part.load()) {
      const stored = new LazyStored(id, parent, sortKey ?? id, text);
      snapshotReads.docs += 1;
      this.docs.set(`${collection}/${id}`, stored);
      if (parent !== null) {
        const key = groupKey(collection, parent);
        let group = this.groups.get(key);
        if (!group) this.groups.set(key, (group = { rows: new Map(), sorted: null }));
        group.rows.set(id, stored);
        group.sorted = null;
      }
    }
  }

  /** asof16: the parts that may hold a document read, in this view and in its base. */
  private need(collection: string, id: string): void {
    for (const view of this.base ? [this, this.base] : [this]) {
      const parts = view.lazy?.byCollection.get(collection);
      if (parts) for (const part of [...parts]) if (part.mayHold(id)) view.read(part);
    }
  }

  /** asof16: the part holding a group read, in this view and in its base. */
  private needGroup(key: string): void {
    for (const view of this.base ? [this, this.base] : [this]) {
      const part = view.lazy?.byGroup.get(key);
      if (part) view.read(part);
    }
  }

  /** asof16: every part read (to copy or list the whole view). */
  private readAll(): void {
    while (this.lazy) this.read(this.lazy.byCollection.values().next().value![0]!);
  }

  /** Every document with where it is filed, in key order (to compare two folds). */
  entries(): { key: string; parent?: string; sortKey: string; doc: unknown }[] {
    this.base?.readAll();
    this.readAll();
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
    this.need(collection, id);
    return this.stored(`${collection}/${id}`)?.doc as T | undefined;
  }

  list<T = unknown>(collection: string, parent: string, options: { limit?: number; afterSortKey?: string } = {}): T[] {
    const key = groupKey(collection, parent);
    this.needGroup(key);
    const group = this.group(key);
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
    const key = groupKey(collection, parent);
    // A group not read yet: its part knows its size (a group changed here was read before the change).
    return this.group(key)?.rows.size ?? (this.base ?? this).lazy?.byGroup.get(key)?.count ?? 0;
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
      this.need(change.collection, change.id);
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
      this.needGroup(key);
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
