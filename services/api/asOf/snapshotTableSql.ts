/**
 * asof16: the `asof_snapshots` table's writes (snapshotTable.ts), run by the snapshot writer thread
 * (snapshotWriterThread.ts) on its own connection: insert a row unless one is at its position, and thin the
 * compound's rows to the bound in the same transaction (past it, the row, not the first nor the newest, whose
 * neighbours stand closest together goes, so old ones thin out and stay spread over the log).
 */
import type Database from 'better-sqlite3';
import type { SnapshotTarget } from './snapshotWriterProtocol.js';

export const CREATE_SNAPSHOTS = `CREATE TABLE IF NOT EXISTS asof_snapshots(
    compound_id TEXT NOT NULL, fingerprint TEXT NOT NULL, position INTEGER NOT NULL, cut_at TEXT, event_hash TEXT NOT NULL, event_after INTEGER NOT NULL,
    bytes INTEGER NOT NULL, state BLOB NOT NULL, PRIMARY KEY(compound_id, fingerprint, position)) STRICT`;

export function snapshotWrites(db: Database.Database) {
  db.pragma('journal_mode = WAL');
  db.exec(CREATE_SNAPSHOTS);
  const exists = db.prepare<[string, string, bigint], number>('SELECT 1 FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? AND position = ?').pluck();
  const insert = db.prepare('INSERT OR IGNORE INTO asof_snapshots(compound_id, fingerprint, position, cut_at, event_hash, event_after, bytes, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const positions = db.prepare<[string, string], bigint>('SELECT position FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? ORDER BY position').pluck();
  const remove = db.prepare('DELETE FROM asof_snapshots WHERE compound_id = ? AND fingerprint = ? AND position = ?');
  const thin = (fingerprint: string, compoundId: string, bound: number): void => {
    const ps = positions.all(compoundId, fingerprint).map((p) => BigInt(p));
    while (ps.length > bound) {
      let drop = 1;
      for (let i = 2; i < ps.length - 1; i++) if (ps[i + 1]! - ps[i - 1]! < ps[drop + 1]! - ps[drop - 1]!) drop = i;
      remove.run(compoundId, fingerprint, ps[drop]!);
      ps.splice(drop, 1);
    }
  };
  return {
    has: (fingerprint: string, compoundId: string, position: bigint): boolean => exists.get(compoundId, fingerprint, position) !== undefined,
    /** False when skipped: the database stayed busy, or a row is there already. */
    save(target: SnapshotTarget, compoundId: string, position: bigint, cutAt: string | null, eventHash: string, eventAfter: bigint, blob: Buffer): boolean {
      try {
        return db.transaction(() => {
          const { changes } = insert.run(compoundId, target.fingerprint, position, cutAt, eventHash, eventAfter, blob.length, blob);
          thin(target.fingerprint, compoundId, target.perCompound);
          return changes > 0;
        })();
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
        throw error;
      }
    },
    close: () => db.close(),
  };
}
