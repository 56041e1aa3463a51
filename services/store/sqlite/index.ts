/**
 * The embedded SQLite adapter of the event store port (better-sqlite3, WAL, synchronous=FULL).
 *
 * Appends go through group commit (groupCommit.ts): concurrent appends share one transaction and one
 * fsync, and each resolves only after its COMMIT returned. Reads run on the same connection between
 * flushes, so they always see committed data and never a half-written batch.
 */
import { catchUpSubscription, commitSignal } from '../catchUp.js';
import { StoreUnavailableError, type AppendResult, type EventStore } from '../port.js';
import { encodeEvents } from './encode.js';
import { groupCommit } from './groupCommit.js';
import { openDatabase } from './schema.js';
import { limit, prepareStatements, rowToEvent } from './statements.js';
import { batchWriter, type QueuedAppend } from './writeBatch.js';

/**
 * Most events one transaction takes. Large enough that 64+ concurrent producers fit in one batch, small
 * enough that a flood does not hold the event loop (and the write lock) for long.
 */
export const MAX_BATCH_EVENTS = 2048;

export interface SqliteStore extends EventStore {
  readonly file: string;
  /** Effective connection settings, for health checks and tests. */
  settings(): { journalMode: string; synchronous: number; busyTimeout: number; foreignKeys: number };
  /** Counters since open: committed transactions and the appends they carried. */
  stats(): { commits: number; appends: number };
}

interface Pending extends QueuedAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface SqliteStoreOptions {
  /**
   * How long an append batch waits for another connection's write lock before failing (default 5000 ms).
   * The wait blocks this process's event loop (better-sqlite3 is synchronous), so keep it short.
   */
  readonly busyTimeoutMs?: number;
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  const db = openDatabase(file, options.busyTimeoutMs);
  const stmts = prepareStatements(db);
  const writeBatch = batchWriter(db, stmts);
  const signal = commitSignal();
  let closed = false;
  let closing: Promise<void> | undefined;
  let lastFailure: string | undefined;
  let commits = 0;
  let appends = 0;

  const queue = groupCommit<Pending>(
    (batch) => {
      let outcomes;
      try {
        outcomes = writeBatch(batch);
      } catch (cause) {
        // Rolled back, so none of the batch is in the log; only if COMMIT itself failed (an fsync error)
        // is the outcome unknown. Either way no append may be acknowledged; a caller's retry with the same
        // event ids cannot double-write, as event ids are unique in the log.
        lastFailure = cause instanceof Error ? cause.message : String(cause);
        const error = new StoreUnavailableError(`append failed: ${lastFailure}`, { cause });
        for (const item of batch) item.reject(error);
        return;
      }
      lastFailure = undefined;
      commits += 1;
      appends += batch.length;
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) batch[i]!.resolve(outcome.result);
        else batch[i]!.reject(outcome.error);
      });
      signal.fire();
    },
    { weigh: (item) => item.events.length, maxWeight: MAX_BATCH_EVENTS },
  );

  const guard = () => {
    if (closed) throw new StoreUnavailableError('store is closed');
  };

  return {
    name: 'sqlite',
    file,
    async append(streamId, events, expected) {
      guard();
      if (typeof streamId !== 'string' || streamId === '') throw new TypeError('streamId must be a non-empty string');
      const encoded = encodeEvents(events);
      return new Promise<AppendResult>((resolve, reject) => {
        queue.enqueue({ streamId, events: encoded, expected, resolve, reject });
      });
    },
    async readStream(streamId, options = {}) {
      guard();
      return stmts.readStream.all(streamId, options.fromRevision ?? 0n, limit(options.maxCount)).map(rowToEvent);
    },
    async readAll(options = {}) {
      guard();
      return stmts.readAll.all(options.after ?? 0n, limit(options.maxCount)).map(rowToEvent);
    },
    subscribe(options) {
      // After close the reader throws, so a still-open subscription ends through onError, not silently.
      return catchUpSubscription(
        async (after, maxCount) => {
          guard();
          return stmts.readAll.all(after, maxCount).map(rowToEvent);
        },
        signal,
        options,
      );
    },
    async headPosition() {
      guard();
      return stmts.headPosition.get() ?? 0n;
    },
    async health() {
      if (closed) return { ok: false, adapter: 'sqlite', detail: 'closed' };
      if (lastFailure !== undefined) return { ok: false, adapter: 'sqlite', detail: `last append failed: ${lastFailure}` };
      try {
        stmts.headPosition.get();
        return { ok: true, adapter: 'sqlite', detail: file };
      } catch (error) {
        return { ok: false, adapter: 'sqlite', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    settings() {
      return {
        journalMode: db.pragma('journal_mode', { simple: true }) as string,
        synchronous: db.pragma('synchronous', { simple: true }) as number,
        busyTimeout: db.pragma('busy_timeout', { simple: true }) as number,
        foreignKeys: db.pragma('foreign_keys', { simple: true }) as number,
      };
    },
    stats() {
      return { commits, appends };
    },
    close() {
      closing ??= (async () => {
        closed = true;
        // Appends accepted before close still get their commit (and their answer).
        await queue.drain();
        try {
          // Fold the WAL into the main file so the file is self-contained (copyable, exportable) at rest.
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
          signal.fire();
        }
      })();
      return closing;
    },
  };
}
