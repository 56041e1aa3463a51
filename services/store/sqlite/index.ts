/**
 * The embedded SQLite adapter of the event store port (better-sqlite3, WAL, synchronous=FULL).
 *
 * Two connections to one file. Appends go to a writer thread (writerThread.ts) that runs group commit:
 * concurrent appends share one transaction and one fsync, and each resolves only after its COMMIT returned,
 * without the fsync ever blocking this thread. Reads run here, on a query-only connection; in WAL mode each
 * read sees every transaction committed before it began, so a read issued after an append resolved sees it.
 */
import { moduleWorkerUrl, startModuleWorker } from '../../threads/moduleWorker.js';
import { StoreUnavailableError, type AppendResult, type EventStore, type TreeHead } from '../port.js';
import { encodeEvents } from './encode.js';
import { openSqliteEventReader } from './eventReader.js';
import { failureToError, forEachOutcome, pushAppend, type FlatAppends, type FromWriter, type ToWriter, type WireFailure } from './writerProtocol.js';
import { assertNever } from '../../../domain/shared/decider.js';

export { MAX_BATCH_EVENTS } from './writerProtocol.js';

export interface SqliteStore extends EventStore {
  readonly file: string;
  treeHead(): Promise<TreeHead>;
  /** Effective connection settings (both connections are opened by openDatabase), for health checks and tests. */
  settings(): { journalMode: string; synchronous: number; busyTimeout: number; foreignKeys: number };
  /** Counters since open: committed transactions and the appends they carried. */
  stats(): { commits: number; appends: number };
  /**
   * Calls `listener` after each transaction the writer committed (for readers on other connections, such
   * as the projection thread, to wake at once). Returns a function that removes it.
   */
  onCommitted(listener: (batch: CommittedBatch) => void): () => void;
  /** See SqliteEventReader.committedThrough: what this process's reads are sure to see (#18). */
  committedThrough(): bigint | undefined;
  /** See SqliteEventReader.committedWithout: no event of a type that `matters` in (after, through], known without a read (#18). */
  committedWithout(after: bigint, through: bigint, matters: (type: string) => boolean): boolean;
}

/** ops (metrics): one committed transaction: its appends, their events, and how long it took (COMMIT and fsync included). */
export interface CommittedBatch {
  readonly appends: number;
  readonly events: number;
  readonly seconds: number;
}

export function isSqliteStore(store: EventStore): store is SqliteStore {
  return store.name === 'sqlite' && 'onCommitted' in store;
}

export interface SqliteStoreOptions {
  /**
   * How long an append batch waits for another connection's write lock before failing (default 5000 ms).
   * The wait blocks the writer thread only.
   */
  readonly busyTimeoutMs?: number;
}

/** The writer thread's module, next to this one (.ts under tsx and tap, .js once built). */
const writerModule = moduleWorkerUrl(import.meta.url, './writerThread');

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  // Creates the file and schema (or refuses a newer one) before the writer starts; then this connection only reads.
  const reads = openSqliteEventReader(file, options.busyTimeoutMs);
  const { db } = reads;
  const committedListeners = new Set<(batch: CommittedBatch) => void>();
  let closed = false;
  let closing: Promise<void> | undefined;
  let lastFailure: string | undefined;
  let fatal: string | undefined;
  let commits = 0;
  let appends = 0;

  const pending = new Map<number, { resolve(result: AppendResult): void; reject(error: unknown): void }>();
  let nextId = 0;
  let outbox: FlatAppends = []; // #18: flat, writerProtocol.ts
  let closedByWriter: (() => void) | undefined;

  const writer = startModuleWorker(writerModule, { file, busyTimeoutMs: options.busyTimeoutMs });
  // The writer keeps the process alive only while appends are in flight.
  writer.unref();
  const failAll = (message: string) => {
    fatal ??= message;
    const error = new StoreUnavailableError(`store writer stopped: ${message}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  /** Answers one append of a settled transaction (#18: its outcome read from the flat array, writerProtocol.ts). */
  const settle = (id: number, result: AppendResult | undefined, failure: WireFailure | undefined) => {
    const p = pending.get(id);
    pending.delete(id);
    if (!p) return;
    if (result !== undefined) p.resolve(result);
    else if (failure !== undefined) {
      if (failure.kind === 'unavailable') lastFailure = failure.message;
      p.reject(failureToError(failure));
    }
  };
  writer.on('message', (message: FromWriter) => {
    switch (message.kind) {
      case 'settled':
        if (message.committed) {
          lastFailure = undefined;
          commits += 1;
          appends += message.appends;
        }
        forEachOutcome(message.outcomes, settle);
        // Nothing in flight and no close under way: the writer does not keep the process alive.
        if (pending.size === 0 && !closedByWriter) writer.unref();
        reads.notify(message.record);
        if (message.committed) {
          const batch: CommittedBatch = { appends: message.appends, events: message.events, seconds: message.seconds };
          for (const listener of committedListeners) listener(batch);
        }
        return;
      case 'closed':
        closedByWriter?.();
        return;
      case 'fatal':
        failAll(message.message);
        return;
      default:
        return assertNever(message);
    }
  });
  writer.on('error', (error) => failAll(error instanceof Error ? error.message : String(error)));
  writer.on('exit', (code) => {
    if (!closing) failAll(`exited with code ${code}`);
    closedByWriter?.();
  });

  /**
   * The outbox goes to the writer in one message. With nothing else in flight it leaves at the end of the
   * current tick (a lone append waits for nothing); under load, at the end of the event-loop turn, so the
   * appends of every request handled in that turn travel, and usually commit, together.
   */
  const post = (message: ToWriter) => writer.postMessage(message);
  const flushOutbox = () => {
    const appendsNow = outbox;
    outbox = [];
    post({ kind: 'append', appends: appendsNow });
  };

  const guard = () => {
    if (closed) throw new StoreUnavailableError('store is closed');
    if (fatal !== undefined) throw new StoreUnavailableError(`store writer stopped: ${fatal}`);
  };

  return {
    name: 'sqlite',
    file,
    async append(streamId, events, expected) {
      guard();
      if (typeof streamId !== 'string' || streamId === '') throw new TypeError('streamId must be a non-empty string');
      const encoded = encodeEvents(streamId, events);
      return new Promise<AppendResult>((resolve, reject) => {
        const id = nextId++;
        const idle = pending.size === 0;
        pending.set(id, { resolve, reject });
        if (idle) writer.ref();
        if (outbox.length === 0) {
          if (idle) queueMicrotask(flushOutbox);
          else setImmediate(flushOutbox);
        }
        pushAppend(outbox, id, streamId, encoded, expected);
      });
    },
    async readStream(streamId, options) {
      guard();
      return reads.readStream(streamId, options);
    },
    async readAll(options) {
      guard();
      return reads.readAll(options);
    },
    subscribe(options) {
      // After close the reader throws, so a still-open subscription ends through onError, not silently.
      return reads.subscribe(options, guard);
    },
    async headPosition() {
      guard();
      return reads.headPosition();
    },
    async treeHead() {
      guard();
      return reads.treeHead();
    },
    committedThrough: () => reads.committedThrough(),
    committedWithout: (after, through, matters) => reads.committedWithout(after, through, matters),
    onCommitted(listener) {
      committedListeners.add(listener);
      return () => committedListeners.delete(listener);
    },
    async health() {
      if (closed) return { ok: false, adapter: 'sqlite', detail: 'closed' };
      if (fatal !== undefined) return { ok: false, adapter: 'sqlite', detail: `writer stopped: ${fatal}` };
      if (lastFailure !== undefined) return { ok: false, adapter: 'sqlite', detail: `last append failed: ${lastFailure}` };
      try {
        await reads.headPosition();
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
        // Appends accepted before close still get their commit (and their answer): the writer drains first,
        // then folds the WAL into the file.
        if (outbox.length > 0) flushOutbox();
        if (fatal === undefined) {
          const done = new Promise<void>((resolve) => {
            closedByWriter = resolve;
          });
          writer.ref();
          post({ kind: 'close' });
          await done;
        }
        await writer.terminate();
        reads.close();
      })();
      return closing;
    },
  };
}
