/**
 * Snapshots of a compound's past view, keyed by log position, so that `?asOf=` folds only the events between
 * the nearest snapshot and the point instead of the whole log (#16 item 3: under 500 ms on 100,000 events).
 *
 * A snapshot is the fold's whole state after every event up to its position: the compound's documents, the
 * deadlines, the counters. The log is append-only, so a snapshot never goes stale. Where they fall: the log is
 * cut in cells of `every` positions, and a fold that reads past the end of a cell leaves the state after the
 * cell's last event as that cell's snapshot (the same state whichever fold passes there); one per compound and
 * cell. Kept in memory, within a budget of documents held: the compound least recently asked
 * for goes first; and, given a table (snapshotTable.ts, snap16), on disk in the read database, so that
 * they outlive the process: a fold starts from the nearer of the shelf's and the table's. A snapshot gives
 * exactly what a full fold gives (tests/api/asOfSnapshots.test.ts over random cut points, in memory and
 * persisted across restarts).
 */
import type { EventStore } from '../../store/port.js';
import type { DeadlineSource } from '../../platform/deadlines.js';
import type { AsOf } from './point.js';
import { DocsAsOf } from './docsAsOf.js';
import type { FoldState } from './foldState.js';
import type { SnapshotEvent, SnapshotTable } from './snapshotTable.js';

export type { FoldState } from './foldState.js';

/** A fold going on from a snapshot (which stays as it is). */
export const resume = (s: FoldState): FoldState => ({ docs: new DocsAsOf(s.docs), deadlines: s.deadlines.clone(), position: s.position, cutAt: s.cutAt, events: s.events, recordedAt: s.recordedAt });

/** The fold's state as a snapshot: its documents sealed (the fold goes on with `resume` of it). */
const sealed = (s: FoldState): FoldState => ({ docs: s.docs.seal(), deadlines: s.deadlines.clone(), position: s.position, cutAt: s.cutAt, events: s.events, recordedAt: s.recordedAt });

export interface SnapshotOptions {
  /** Log positions per cell: at most one snapshot per compound in each. */
  readonly every: number;
  /** Documents held in all snapshots together, at most (each snapshot counts its compound's documents). */
  readonly maxDocs: number;
}

/**
 * 5,000 positions a cell (asof16; AS_OF_SNAPSHOT_EVERY), at most 1,000,000 documents held (≈ 100 MB; most are
 * shared between a compound's snapshots): a 100,000-event compound of 20,000 units keeps 20 snapshots, ≈ 950,000 documents.
 */
export const DEFAULT_SNAPSHOTS: SnapshotOptions = { every: 5_000, maxDocs: 1_000_000 };

export class SnapshotShelf {
  /** compoundId → cell → snapshot; the map's order is the order of use (least recent first). */
  private readonly shelves = new Map<string, Map<bigint, FoldState>>();
  private held = 0;

  /** snap16: writes to the table waiting their turn (after the answer that made them). */
  private persisting: Promise<void> = Promise.resolve();

  constructor(
    readonly options: SnapshotOptions = DEFAULT_SNAPSHOTS,
    private readonly table?: SnapshotTable,
  ) {}

  /**
   * snap16: the nearest snapshot at or before the point, from memory or, when the table has a nearer one, from
   * the table (then kept in memory too); not to be changed (copy it first).
   */
  async nearest(store: EventStore, compoundId: string, asOf: AsOf, deadlineSources: readonly DeadlineSource[]): Promise<FoldState | undefined> {
    const inMemory = this.before(compoundId, asOf);
    if (!this.table) return inMemory;
    const stored = await this.table.load(store, compoundId, asOf, inMemory?.position ?? 0n, deadlineSources);
    if (!stored) return inMemory;
    this.adopt(compoundId, stored);
    return stored;
  }

  /** snap16: resolves once every snapshot kept so far has been written to the table (or skipped). */
  settled(): Promise<void> {
    return this.persisting;
  }

  cellOf(position: bigint): bigint {
    return position / BigInt(this.options.every);
  }

  /** The latest snapshot at or before the point, not to be changed (copy it first); undefined when none is. */
  before(compoundId: string, asOf: AsOf): FoldState | undefined {
    const shelf = this.shelves.get(compoundId);
    if (!shelf) return undefined;
    this.shelves.delete(compoundId);
    this.shelves.set(compoundId, shelf);
    let best: FoldState | undefined;
    for (const s of shelf.values()) {
      const fits = asOf.kind === 'position' ? s.position <= asOf.position : s.cutAt !== null && Date.parse(s.cutAt) <= asOf.at.getTime();
      if (fits && (!best || s.position > best.position)) best = s;
    }
    return best;
  }

  /** Whether the compound has a snapshot in this cell. */
  has(compoundId: string, cell: bigint): boolean {
    return this.shelves.get(compoundId)?.has(cell) ?? false;
  }

  /**
   * Keeps the fold's state as the snapshot of its cell (once per cell) and returns the state the fold goes on
   * with: a view over the snapshot (the fold's own view is sealed into it); the state itself when none is kept.
   */
  keep(compoundId: string, state: FoldState, event?: SnapshotEvent): FoldState {
    const cell = this.cellOf(state.position);
    if (this.has(compoundId, cell)) return state;
    const snapshot = sealed(state);
    // snap16: on disk too, after the answer (the snapshot is sealed: nothing changes it meanwhile).
    const table = this.table;
    if (table && event !== undefined) {
      // asof16: the writing itself runs off the event loop (snapshotWriter.ts); best-effort: the next fold through this cell tries again.
      this.persisting = this.persisting.then(() => new Promise<void>((done) => setImmediate(done))).then(() => table.save(compoundId, snapshot, event).then(() => undefined, () => undefined));
    }
    if (snapshot.docs.size > this.options.maxDocs) return resume(snapshot);
    let shelf = this.shelves.get(compoundId);
    if (!shelf) this.shelves.set(compoundId, (shelf = new Map()));
    shelf.set(cell, snapshot);
    this.held += snapshot.docs.size;
    this.trim(compoundId);
    return resume(snapshot);
  }

  /** snap16: a snapshot loaded from the table, kept on the shelf (within the budget) unless its cell has one. */
  private adopt(compoundId: string, snapshot: FoldState): void {
    const cell = this.cellOf(snapshot.position);
    if (this.has(compoundId, cell) || snapshot.docs.size > this.options.maxDocs) return;
    let shelf = this.shelves.get(compoundId);
    if (!shelf) this.shelves.set(compoundId, (shelf = new Map()));
    shelf.set(cell, snapshot);
    this.held += snapshot.docs.size;
    this.trim(compoundId);
  }

  /** Documents held in all snapshots. */
  get size(): number {
    return this.held;
  }

  /** Drops whole compounds, least recently used first, then the keeping compound's oldest snapshots, until within budget. */
  private trim(keeping: string): void {
    for (const [compoundId, shelf] of this.shelves) {
      if (this.held <= this.options.maxDocs) return;
      if (compoundId === keeping) continue;
      for (const s of shelf.values()) this.held -= s.docs.size;
      this.shelves.delete(compoundId);
    }
    const own = this.shelves.get(keeping);
    if (!own) return;
    for (const [cell, s] of [...own].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.held <= this.options.maxDocs) return;
      this.held -= s.docs.size;
      own.delete(cell);
    }
  }
}
