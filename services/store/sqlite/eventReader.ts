/**
 * Read access to a SQLite store file on a query-only connection: the reads of the port and a catch-up
 * subscription. The store's own reads use it on the main thread; the projection thread opens one of its own.
 * In WAL mode each read sees every transaction committed before it began. Whoever learns of commits (the
 * store, from its writer thread) calls `notify()` to wake the subscriptions at once.
 */
import type Database from 'better-sqlite3';
import { catchUpSubscription, commitSignal } from '../catchUp.js';
import type { EventStore, SubscribeOptions, Subscription, TreeHead } from '../port.js';
import { openDatabase } from './schema.js';
import { limit, prepareStatements, prepareTypeFilter, rowToEvent } from './statements.js';
import type { CommitRecord } from './writerProtocol.js';

export interface SqliteEventReader extends Pick<EventStore, 'readStream' | 'readAll' | 'headPosition'> {
  /** The log tree's head as the writer last committed it. */
  treeHead(): Promise<TreeHead>;
  readonly db: Database.Database;
  /** `check` runs before each read of the subscription; a throw ends it through `onError`. */
  subscribe(options: SubscribeOptions, check?: () => void): Subscription;
  /**
   * Wakes the subscriptions: new events were committed. `record`: what this process's writer committed (the
   * store's own reader is told), so a type-filtered subscription passes a commit without its types unread.
   */
  notify(record?: CommitRecord): void;
  /**
   * The log position through which this process's writer has committed, as far as this reader has been told
   * (undefined before its first commit): every event at or before it is visible to a read started from now on.
   */
  committedThrough(): bigint | undefined;
  /**
   * True when this process's commit records show that no event whose type `matters` lies after `after` up to
   * `through`: records that follow on from `after` without a gap (a gap is another process's commit, unknown
   * here) up to the one holding `through`, none holding such a type. False whenever that is not known.
   */
  committedWithout(after: bigint, through: bigint, matters: (type: string) => boolean): boolean;
  close(): void;
}

/** `pageSize`: events per read of a subscription (default 500; the projection thread reads larger pages). */
export function openSqliteEventReader(file: string, busyTimeoutMs?: number, readOptions: { pageSize?: number } = {}): SqliteEventReader {
  const db = openDatabase(file, busyTimeoutMs);
  db.pragma('query_only = ON');
  const stmts = prepareStatements(db);
  const signal = commitSignal();
  const pageSize = readOptions.pageSize ?? 500;
  /** The latest commits of this process's writer, oldest first (a few hundred at most). */
  const records: CommitRecord[] = [];
  /**
   * How far past `after` the log holds none of `types`, known from the commit records alone: the records
   * that follow on from `after` without a gap (a gap is another process's commit, unknown here) and hold
   * none of the types. `stopped`: a record further on does hold one, or follows a gap (read it now).
   */
  const passUnread = (after: bigint, types: ReadonlySet<string>): { through: bigint; stopped: boolean } | undefined => {
    let i = records.length - 1;
    while (i >= 0 && records[i]!.from !== after) i--;
    if (i < 0) return undefined;
    let through = after;
    for (; i < records.length; i++) {
      const r = records[i]!;
      if (r.from !== through || r.types.some((t) => types.has(t))) break;
      through = r.through;
    }
    return through > after ? { through, stopped: i < records.length } : undefined;
  };
  return {
    db,
    async readStream(streamId, options = {}) {
      const from = options.fromRevision ?? 0n;
      const rows = options.maxCount === undefined ? stmts.readStream.all(streamId, from) : stmts.readStreamLimited.all(streamId, from, limit(options.maxCount));
      return rows.map(rowToEvent);
    },
    async readAll(options = {}) {
      return stmts.readAll.all(options.after ?? 0n, limit(options.maxCount)).map(rowToEvent);
    },
    async headPosition() {
      return stmts.headPosition.get() ?? 0n;
    },
    async treeHead() {
      const row = stmts.logTree.get();
      if (!row) throw new Error('store file has no log_tree row');
      return { treeSize: row.tree_size, rootHash: row.root_hash.toString('hex') };
    },
    subscribe(options, check) {
      const filtered = options.types ? prepareTypeFilter(db, options.types) : undefined;
      const types = new Set(options.types);
      return catchUpSubscription(
        async (after, maxCount) => {
          check?.();
          // Commits of this process holding none of the types (a reactor's, after a ballot): passed unread (#18).
          const passed = filtered ? passUnread(after, types) : undefined;
          if (passed) return { events: [], through: passed.through, full: passed.stopped };
          if (!filtered) {
            const events = stmts.readAll.all(after, maxCount).map(rowToEvent);
            return { events, through: events[events.length - 1]?.position ?? after, full: events.length >= maxCount };
          }
          // Positions are handed out in commit order by one writer and never reused, so every event up to the
          // head read first is committed: the filtered read is bounded by it, and a short page ends there.
          const head = stmts.headPosition.get() ?? 0n;
          if (head <= after) return { events: [], through: after, full: false };
          const events = filtered.all(after, head, maxCount).map(rowToEvent);
          const full = events.length >= maxCount;
          return { events, through: full ? events[events.length - 1]!.position : head, full };
        },
        signal,
        options,
        pageSize,
      );
    },
    committedThrough() {
      return records.length === 0 ? undefined : records[records.length - 1]!.through;
    },
    committedWithout(after, through, matters) {
      if (through <= after) return true;
      let i = records.length - 1;
      while (i >= 0 && records[i]!.from > after) i--;
      // The record holding position after + 1 must start exactly at `after` (else a gap, or it is gone).
      if (i < 0 || records[i]!.from !== after) return false;
      let reached = after;
      for (; i < records.length && reached < through; i++) {
        const r = records[i]!;
        if (r.from !== reached || r.types.some(matters)) return false;
        reached = r.through;
      }
      return reached >= through;
    },
    notify(record) {
      if (record) {
        records.push(record);
        if (records.length > 512) records.splice(0, 256);
      }
      signal.fire();
    },
    close() {
      db.close();
      signal.fire();
    },
  };
}
