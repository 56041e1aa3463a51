/**
 * The projection thread's catch-up subscription over the store file (#18): the same catch-up as the SQLite
 * event reader's (services/store/catchUp.ts), but after a full page (a catch-up far behind the log) the next
 * page is read ahead on a thread of its own (logReaderThread.ts) while this one projects. A page read ahead is
 * used only if it is full; anything else (live, a short last page) is read here, fresh, so no commit signal
 * is missed.
 */
import { catchUpSubscription, commitSignal } from '../store/catchUp.js';
import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '../store/port.js';
import type { SqliteEventReader } from '../store/sqlite/eventReader.js';
import { rowToEvent, type EventRow } from '../store/sqlite/statements.js';
import { moduleWorkerUrl, startModuleWorker } from '../threads/moduleWorker.js';
import type { LogPage, LogPageRequest } from './logReaderProtocol.js';

export interface PrefetchingLog extends Pick<EventStore, 'subscribe'> {
  /** New events were committed. */
  notify(): void;
  close(): Promise<void>;
}

const readerModule = moduleWorkerUrl(import.meta.url, './logReaderThread');

/** Rows as the reader thread sends them, back into events (a malformed row fails as the store's reads do). */
export function eventsOfPage(rows: readonly unknown[]): RecordedEvent[] {
  const events: RecordedEvent[] = new Array(rows.length / 11);
  for (let i = 0, n = 0; i < rows.length; i += 11, n++) {
    const leaf = rows[i + 10] as string | null;
    let data: unknown;
    let metadata: RecordedEvent['metadata'];
    try {
      data = JSON.parse(rows[i + 6] as string);
      metadata = JSON.parse(rows[i + 7] as string) as RecordedEvent['metadata'];
    } catch {
      rowToEvent({
        global_position: rows[i] as bigint, stream_id: rows[i + 1] as string, revision: rows[i + 2] as bigint, event_id: rows[i + 3] as string,
        type: rows[i + 4] as string, schema_version: rows[i + 5] as bigint, data: rows[i + 6] as string, metadata: rows[i + 7] as string,
        prev_hash: rows[i + 8] as string, hash: rows[i + 9] as string, leaf_hash: leaf === null ? null : Buffer.from(leaf, 'hex'),
      } satisfies EventRow);
      throw new Error('unreachable: the row parsed the second time');
    }
    events[n] = {
      streamId: rows[i + 1] as string,
      revision: rows[i + 2] as bigint,
      position: rows[i] as bigint,
      eventId: rows[i + 3] as string,
      type: rows[i + 4] as string,
      schemaVersion: Number(rows[i + 5]),
      data,
      metadata,
      prevHash: rows[i + 8] as string,
      hash: rows[i + 9] as string,
      leafHash: leaf ?? undefined,
    };
  }
  return events;
}

export function prefetchingLog(local: SqliteEventReader, eventsFile: string, pageSize: number): PrefetchingLog {
  const signal = commitSignal();
  const worker = startModuleWorker(readerModule, { eventsFile });
  worker.unref();
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let stopped: Error | undefined;
  worker.on('message', (message: LogPage) => {
    const w = waiting.get(message.seq);
    waiting.delete(message.seq);
    if (message.kind === 'page') w?.resolve(message.rows);
    else w?.reject(new Error(message.message));
  });
  const stop = (error: Error) => {
    stopped ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`log reader thread exited with code ${code}`)));
  const readAhead = (after: bigint, maxCount: number): Promise<unknown[]> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++seq;
    const rows = new Promise<unknown[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
    rows.catch(() => {});
    worker.postMessage({ kind: 'read', seq: id, after, maxCount } satisfies LogPageRequest);
    return rows;
  };
  let ahead: { after: bigint; rows: Promise<unknown[]> } | undefined;

  return {
    subscribe(options: SubscribeOptions): Subscription {
      if (options.types) throw new Error('prefetchingLog reads every event (no type filter)');
      return catchUpSubscription(
        async (after, maxCount) => {
          let events: RecordedEvent[] | undefined;
          const next = ahead;
          ahead = undefined;
          if (next && next.after === after) {
            const rows = await next.rows;
            if (rows.length / 11 >= maxCount) events = eventsOfPage(rows);
          }
          events ??= await local.readAll({ after, maxCount });
          const full = events.length >= maxCount;
          const through = events[events.length - 1]?.position ?? after;
          if (full) ahead = { after: through, rows: readAhead(through, maxCount) };
          return { events, through, full };
        },
        signal,
        options,
        pageSize,
      );
    },
    notify: () => signal.fire(),
    async close() {
      signal.fire();
      if (stopped) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ kind: 'close' });
      await exited;
    },
  };
}
