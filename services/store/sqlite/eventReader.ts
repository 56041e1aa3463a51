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
import { limit, prepareStatements, rowToEvent } from './statements.js';

export interface SqliteEventReader extends Pick<EventStore, 'readStream' | 'readAll' | 'headPosition'> {
  /** The log tree's head as the writer last committed it. */
  treeHead(): Promise<TreeHead>;
  readonly db: Database.Database;
  /** `check` runs before each read of the subscription; a throw ends it through `onError`. */
  subscribe(options: SubscribeOptions, check?: () => void): Subscription;
  /** Wakes the subscriptions: new events were committed. */
  notify(): void;
  close(): void;
}

export function openSqliteEventReader(file: string, busyTimeoutMs?: number): SqliteEventReader {
  const db = openDatabase(file, busyTimeoutMs);
  db.pragma('query_only = ON');
  const stmts = prepareStatements(db);
  const signal = commitSignal();
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
      return catchUpSubscription(
        async (after, maxCount) => {
          check?.();
          return stmts.readAll.all(after, maxCount).map(rowToEvent);
        },
        signal,
        options,
      );
    },
    notify: () => signal.fire(),
    close() {
      db.close();
      signal.fire();
    },
  };
}
