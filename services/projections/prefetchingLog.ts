/**
 * The projection thread's catch-up subscription over the store file (#18): the same catch-up as the SQLite
 * event reader's (services/store/catchUp.ts), but after a full page (a catch-up far behind the log) the next
 * page is read ahead on a thread of its own (logReaderThread.ts) while this one projects. A page read ahead is
 * used only if it is full; anything else (live, a short last page) is read here, fresh, so no commit signal
 * is missed. Live, the commits that come while the log is busy are read together (commitCoalescer.ts).
 */
import { catchUpSubscription } from '../store/catchUp.js';
import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '../store/port.js';
import type { SqliteEventReader } from '../store/sqlite/eventReader.js';
import { moduleWorkerUrl, startModuleWorker } from '../threads/moduleWorker.js';
import type { LogPage as LogPageMessage, LogPageRequest } from './logReaderProtocol.js';
import { decodeLogPage, type LogPage } from './logPage.js';
import { commitCoalescer, type CoalescerOptions } from './commitCoalescer.js';

export interface PrefetchingLog extends Pick<EventStore, 'subscribe'> {
  /** `events` new events were committed. */
  notify(events: number): void;
  /** A reader waits for the read model: read what was committed now (read-your-writes). */
  hurry(): void;
  close(): Promise<void>;
}

const readerModule = moduleWorkerUrl(import.meta.url, './logReaderThread');

/** `coalesce`: how long live commits may be gathered into one read (default: not at all). */
export function prefetchingLog(local: SqliteEventReader, eventsFile: string, pageSize: number, coalesce: CoalescerOptions = { windowMs: 0, maxEvents: 1 }): PrefetchingLog {
  const signal = commitCoalescer(coalesce);
  const worker = startModuleWorker(readerModule, { eventsFile });
  worker.unref();
  const waiting = new Map<number, { resolve: (page: LogPage) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let stopped: Error | undefined;
  worker.on('message', (message: LogPageMessage) => {
    const w = waiting.get(message.seq);
    waiting.delete(message.seq);
    if (message.kind === 'page') w?.resolve(message);
    else w?.reject(new Error(message.message));
  });
  const stop = (error: Error) => {
    stopped ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`log reader thread exited with code ${code}`)));
  const readAhead = (after: bigint, maxCount: number): Promise<LogPage> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++seq;
    const rows = new Promise<LogPage>((resolve, reject) => waiting.set(id, { resolve, reject }));
    rows.catch(() => {});
    worker.postMessage({ kind: 'read', seq: id, after, maxCount } satisfies LogPageRequest);
    return rows;
  };
  let ahead: { after: bigint; rows: Promise<LogPage> } | undefined;

  return {
    subscribe(options: SubscribeOptions): Subscription {
      if (options.types) throw new Error('prefetchingLog reads every event (no type filter)');
      return catchUpSubscription(
        async (after, maxCount) => {
          let events: RecordedEvent[] | undefined;
          const next = ahead;
          ahead = undefined;
          if (next && next.after === after) {
            const page = await next.rows;
            if (page.count >= maxCount) {
              try {
                events = decodeLogPage(page);
              } catch {
                // A malformed event: read again below, where the store's decoding says which.
              }
            }
          }
          if (!events) {
            signal.reading();
            events = await local.readAll({ after, maxCount });
          }
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
    notify: (events) => signal.notify(events),
    hurry: () => signal.hurry(),
    async close() {
      signal.close();
      if (stopped) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ kind: 'close' });
      await exited;
    },
  };
}
