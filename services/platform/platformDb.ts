/**
 * The platform's own small database (`DATA_DIR/platform.db`): each reactor's checkpoint and the deadline
 * scheduler's obligations.
 *
 * Why not the read database: `cli rebuild` drops that one, and a new projection set resets it. Re-running
 * reactors from 0 would still be safe (their command ids come from the triggering events, so every command
 * already run is found in the log and skipped), but it would re-read the whole log and look up every past
 * command's stream. So the checkpoints live here, and survive a rebuild. The obligations are derived from
 * the log like a projection; they sit next to the checkpoint of the reactor that derives them, so the two
 * move together. SQLite in WAL mode with synchronous=NORMAL: a process crash loses nothing committed; a power
 * loss may take the last checkpoints back, which only means re-reading a few events (replays, as above).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeadlineChange, Deadline } from './deadlines.js';

export interface CheckpointStore {
  checkpoint(name: string): bigint;
  saveCheckpoint(name: string, position: bigint): void;
}

export interface DeadlineStore {
  /** Applies one event's changes of one source in one transaction (re-applying them changes nothing). */
  applyDeadlineChanges(sourceName: string, changes: readonly DeadlineChange[]): void;
  recall(sourceName: string, key: string): Readonly<Record<string, string>> | undefined;
  deadlines(compoundId: string): Deadline[];
  /** Unmet actionable obligations with `dueAt` before `now` (due, the scheduler acts on them). */
  due(now: Date): Deadline[];
  /** The earliest `dueAt` after `now` of an unmet actionable obligation. */
  nextDue(now: Date): Date | null;
  setBlocked(deadlineId: string, blocked: Deadline['blocked']): void;
  /** ops (metrics): how many unmet obligations are past `dueAt` and their grace at `now`, in every compound. */
  overdue(now: Date): number;
}

export interface PlatformDb extends CheckpointStore, DeadlineStore {
  close(): void;
}

interface DeadlineRow {
  deadline_id: string;
  source_name: string;
  compound_id: string;
  kind: string;
  due_at: string;
  grace_ms: number;
  article: string;
  jurisdiction: string;
  record_type: string;
  record_id: string;
  actionable: number;
  met_at: string | null;
  blocked: string | null;
}

const toDeadline = (r: DeadlineRow): Deadline => ({
  deadlineId: r.deadline_id,
  sourceName: r.source_name,
  compoundId: r.compound_id,
  kind: r.kind,
  dueAt: r.due_at,
  graceMs: r.grace_ms,
  source: { article: r.article, jurisdiction: r.jurisdiction },
  record: { type: r.record_type, id: r.record_id },
  actionable: r.actionable === 1,
  metAt: r.met_at,
  blocked: r.blocked === null ? null : (JSON.parse(r.blocked) as Deadline['blocked']),
});

/** ISO instants in one format, so that they order as text. */
const instant = (text: string): string => new Date(text).toISOString();

/** Opens (and creates) the platform database; `:memory:` for a throwaway one. */
export function openPlatformDb(file: string): PlatformDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS reactor_checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS deadlines (
      deadline_id TEXT PRIMARY KEY, source_name TEXT NOT NULL, compound_id TEXT NOT NULL, kind TEXT NOT NULL,
      due_at TEXT NOT NULL, grace_ms INTEGER NOT NULL, article TEXT NOT NULL, jurisdiction TEXT NOT NULL,
      record_type TEXT NOT NULL, record_id TEXT NOT NULL, actionable INTEGER NOT NULL,
      met_at TEXT, blocked TEXT
    );
    CREATE INDEX IF NOT EXISTS deadlines_by_compound ON deadlines (compound_id, due_at);
    CREATE INDEX IF NOT EXISTS deadlines_pending ON deadlines (due_at) WHERE met_at IS NULL AND actionable = 1;
    CREATE TABLE IF NOT EXISTS deadline_memos (source_name TEXT NOT NULL, key TEXT NOT NULL, facts TEXT NOT NULL, PRIMARY KEY (source_name, key));
  `);
  const getCheckpoint = db.prepare<[string], { position: string }>('SELECT position FROM reactor_checkpoints WHERE name = ?');
  const putCheckpoint = db.prepare<[string, string]>(
    'INSERT INTO reactor_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  );
  // A declaration again (the same event re-read) keeps what is known of meeting it.
  const declare = db.prepare(
    `INSERT INTO deadlines (deadline_id, source_name, compound_id, kind, due_at, grace_ms, article, jurisdiction, record_type, record_id, actionable)
     VALUES (@deadline_id, @source_name, @compound_id, @kind, @due_at, @grace_ms, @article, @jurisdiction, @record_type, @record_id, @actionable)
     ON CONFLICT (deadline_id) DO UPDATE SET due_at = excluded.due_at, grace_ms = excluded.grace_ms, article = excluded.article,
       jurisdiction = excluded.jurisdiction, actionable = excluded.actionable`,
  );
  const meet = db.prepare<[string, string]>('UPDATE deadlines SET met_at = coalesce(met_at, ?), blocked = NULL WHERE deadline_id = ?');
  const withdraw = db.prepare<[string]>('DELETE FROM deadlines WHERE deadline_id = ?');
  const remember = db.prepare<[string, string, string]>(
    'INSERT INTO deadline_memos (source_name, key, facts) VALUES (?, ?, ?) ON CONFLICT (source_name, key) DO UPDATE SET facts = excluded.facts',
  );
  const getMemo = db.prepare<[string, string], { facts: string }>('SELECT facts FROM deadline_memos WHERE source_name = ? AND key = ?');
  const byCompound = db.prepare<[string], DeadlineRow>('SELECT * FROM deadlines WHERE compound_id = ? ORDER BY due_at, deadline_id');
  const dueRows = db.prepare<[string], DeadlineRow>('SELECT * FROM deadlines WHERE met_at IS NULL AND actionable = 1 AND due_at < ? ORDER BY due_at');
  const nextRow = db.prepare<[string], { due_at: string }>(
    'SELECT due_at FROM deadlines WHERE met_at IS NULL AND actionable = 1 AND due_at >= ? ORDER BY due_at LIMIT 1',
  );
  const unmetPast = db.prepare<[string], { due_at: string; grace_ms: number }>('SELECT due_at, grace_ms FROM deadlines WHERE met_at IS NULL AND due_at < ?'); // ops
  const block = db.prepare<[string | null, string]>('UPDATE deadlines SET blocked = ? WHERE deadline_id = ?');

  const apply = db.transaction((sourceName: string, changes: readonly DeadlineChange[]) => {
    for (const change of changes) {
      switch (change.op) {
        case 'declare': {
          const d = change.deadline;
          declare.run({
            deadline_id: d.deadlineId,
            source_name: sourceName,
            compound_id: d.compoundId,
            kind: d.kind,
            due_at: instant(d.dueAt),
            grace_ms: d.graceMs ?? 0,
            article: d.source.article,
            jurisdiction: d.source.jurisdiction,
            record_type: d.record.type,
            record_id: d.record.id,
            actionable: d.actionable ? 1 : 0,
          });
          break;
        }
        case 'meet':
          meet.run(instant(change.at), change.deadlineId);
          break;
        case 'withdraw':
          withdraw.run(change.deadlineId);
          break;
        case 'remember':
          remember.run(sourceName, change.key, JSON.stringify(change.facts));
          break;
      }
    }
  });

  return {
    checkpoint(name) {
      const row = getCheckpoint.get(name);
      return row ? BigInt(row.position) : 0n;
    },
    saveCheckpoint(name, position) {
      putCheckpoint.run(name, position.toString());
    },
    applyDeadlineChanges(sourceName, changes) {
      if (changes.length > 0) apply(sourceName, changes);
    },
    recall(sourceName, key) {
      const row = getMemo.get(sourceName, key);
      return row ? (JSON.parse(row.facts) as Record<string, string>) : undefined;
    },
    deadlines: (compoundId) => byCompound.all(compoundId).map(toDeadline),
    due: (now) => dueRows.all(now.toISOString()).map(toDeadline),
    overdue(now) {
      return unmetPast.all(now.toISOString()).filter((r) => now.getTime() > Date.parse(r.due_at) + r.grace_ms).length;
    },
    nextDue(now) {
      const row = nextRow.get(now.toISOString());
      return row ? new Date(row.due_at) : null;
    },
    setBlocked(deadlineId, blocked) {
      block.run(blocked === null ? null : JSON.stringify(blocked), deadlineId);
    },
    close() {
      db.close();
    },
  };
}
