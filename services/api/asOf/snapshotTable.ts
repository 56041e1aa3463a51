/**
 * snap16 (#16 item 3): the time-travel snapshots (snapshots.ts) kept on disk, so that the first `?asOf=` after
 * a start, or on an instance that never served the compound, folds at most one cell of events instead of the
 * whole log.
 *
 * A table of its own in the read database (`asof_snapshots`), read on this process's own connection and written
 * by the snapshot writer thread (snapshotWriter.ts, asof16): the projection runner never reads or writes it. Dropping the read database (`cli rebuild`) drops it. Rows are
 * keyed by compound, position and a fingerprint of what the fold is made of (the name and version of every
 * projection, the deadline sources' names and this file's format): a changed projection version never serves
 * a snapshot made by the old one, and rows of another fingerprint are deleted when the table opens. A row
 * also names the event at its position (its hash, and the position of the event before it, from which a read
 * of one event finds it on any store: EventStoreDB positions are byte offsets, not every number is one): a log
 * that is not the one the snapshot was folded from (a restore, another EventStoreDB) is noticed on load and
 * the row is dropped.
 *
 * The state is laid out in parts (snapshotCodec.ts, asof16): loading one reads its header only, and a part
 * (a group of documents, deflated) is read when a view first needs it; a document is parsed when first read.
 * A 20,000-unit compound with five motions of 20,000 ballots holds about 100,000 documents; bench:board prints
 * the size of its largest snapshot. Bounded: at most
 * `perCompound` rows per compound; past that, the row whose neighbours stand closest together goes (never the
 * newest), so old ones thin out and stay spread over the log. Writing is best-effort: a database busy for
 * long (the runner's long catch-up transaction) skips the write; the next fold through that cell tries again.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Projection } from '../../../projections/projection.js';
import type { DeadlineSource } from '../../platform/deadlines.js';
import type { EventStore } from '../../store/port.js';
import { decode } from './snapshotCodec.js';
import { CREATE_SNAPSHOTS } from './snapshotTableSql.js';
import { releaseSnapshotFile, writeSnapshot } from './snapshotWriter.js';
import type { SnapshotEvent } from './snapshotWriterProtocol.js';

export type { SnapshotEvent } from './snapshotWriterProtocol.js';
import type { AsOf } from './point.js';
import type { FoldState } from './foldState.js';

/** Bump when the persisted shape of a fold state changes (snapshotCodec.ts). */
const FORMAT = 3;

/** What the fold is made of: a snapshot made with another one is never served. */
export function foldFingerprint(projections: readonly Pick<Projection, 'name' | 'version'>[], deadlineSources: readonly Pick<DeadlineSource, 'name'>[]): string {
  const parts = [`format ${FORMAT}`, ...projections.map((p) => `p ${p.name}@${p.version}`), ...deadlineSources.map((s) => `d ${s.name}`)];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}


export interface SnapshotTableOptions {
  /** Rows kept per compound, at most. */
  readonly perCompound: number;
  /** Log positions per cell, for the shelf that writes here (AS_OF_SNAPSHOT_EVERY). */
  readonly every: number;
}

/** asof16: cells of 5,000 positions (a first past view after a start folds at most 5,000 events), 24 rows a compound (≈ 100 MB for bench:board's 100,000-event compound of 20,000 units). */
export const DEFAULT_SNAPSHOT_TABLE: SnapshotTableOptions = { perCompound: 24, every: 5_000 };

export interface SnapshotTable {
  readonly options: SnapshotTableOptions;
  /** The nearest persisted snapshot at or before the point and after `after`, checked against the log; undefined when none. */
  load(store: EventStore, compoundId: string, asOf: AsOf, after: bigint, deadlineSources: readonly DeadlineSource[]): Promise<FoldState | undefined>;
  /**
   * Persists a snapshot (a sealed state) unless one is there at its position already; false when skipped.
   * asof16: off the event loop (snapshotWriter.ts): the documents are turned into text in slices between
   * other work, and deflated and written by the writer thread.
   */
  save(compoundId: string, state: FoldState, event: SnapshotEvent): Promise<boolean>;
  /** Positions persisted for the compound, ascending. */
  positions(compoundId: string): bigint[];
  /** Bytes of the largest persisted state (bench:board). */
  largest(): number;
  close(): void;
}

interface Row {
  position: number | bigint;
  cut_at: string | null;
}

export function openSnapshotTable(file: string, fingerprint: string, options: SnapshotTableOptions = DEFAULT_SNAPSHOT_TABLE): SnapshotTable {
  const db = new Database(file, { timeout: 5_000 });
  db.defaultSafeIntegers(true);
  db.pragma('journal_mode = WAL');
  db.exec(CREATE_SNAPSHOTS);
  db.prepare('DELETE FROM asof_snapshots WHERE fingerprint <> ?').run(fingerprint);
  // Writes after the start do not wait for the runner's transactions: a busy database skips the write.
  db.pragma('busy_timeout = 50');
  const candidates = db.prepare<[string, string], Row>('SELECT position, cut_at FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? ORDER BY position DESC');
  const getState = db.prepare<[string, string, bigint], { event_hash: string; event_after: bigint; state: Buffer }>('SELECT event_hash, event_after, state FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? AND position = ?');
  const exists = db.prepare<[string, string, bigint], number>('SELECT 1 FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? AND position = ?').pluck();
  const remove = db.prepare('DELETE FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? AND position = ?');
  const largest = db.prepare<[string], bigint | null>('SELECT max(bytes) FROM asof_snapshots WHERE fingerprint = ?').pluck();

  const positions = (compoundId: string): bigint[] => candidates.all(compoundId, fingerprint).map((r) => BigInt(r.position)).reverse();

  return {
    options,
    async load(store, compoundId, asOf, after, deadlineSources) {
      const fits = (r: Row) => BigInt(r.position) > after && (asOf.kind === 'position' ? BigInt(r.position) <= asOf.position : r.cut_at !== null && Date.parse(r.cut_at) <= asOf.at.getTime());
      const best = candidates.all(compoundId, fingerprint).find(fits);
      if (!best) return undefined;
      const position = BigInt(best.position);
      const row = getState.get(compoundId, fingerprint, position);
      if (!row) return undefined;
      // The same log? The event at the snapshot's position must be the one it was folded through.
      const [event] = await store.readAll({ after: BigInt(row.event_after), maxCount: 1 });
      if (!event || event.position !== position || event.hash !== row.event_hash) {
        try {
          remove.run(compoundId, fingerprint, position);
        } catch {
          // busy: it is checked again next time
        }
        return undefined;
      }
      return decode(row.state, deadlineSources);
    },
    async save(compoundId, state, event) {
      if (exists.get(compoundId, fingerprint, state.position) !== undefined) return false;
      return writeSnapshot({ file, fingerprint, perCompound: options.perCompound }, compoundId, state, event);
    },
    positions,
    largest: () => Number(largest.get(fingerprint) ?? 0),
    close() {
      db.close();
      void releaseSnapshotFile(file);
    },
  };
}
