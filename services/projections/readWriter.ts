/**
 * The projection thread's handle on the read database's writer thread (readWriterThread.ts, #18): each
 * request is posted at once and answered in order; a failed one rejects its promise (and the runner stops).
 */
import { moduleWorkerUrl, startModuleWorker } from '../threads/moduleWorker.js';
import type { WriteBatch } from './readStore.js';
import type { FromReadWriter, ToReadWriter } from './readWriterProtocol.js';

export interface ReadWriterThread {
  write(batch: WriteBatch): Promise<void>;
  /** A bulk rebuild from zero: `batchesPerCommit` batches committed together. */
  beginBulk(batchesPerCommit: number): Promise<void>;
  endBulk(): Promise<void>;
  /** Commits the open bulk transaction at once (nothing to do outside a bulk rebuild). */
  commit(): Promise<void>;
  close(): Promise<void>;
}

/** Omit over each member of a union. */
type Request = ToReadWriter extends infer M ? (M extends ToReadWriter ? Omit<M, 'seq'> : never) : never;

const writerModule = moduleWorkerUrl(import.meta.url, './readWriterThread');

export function startReadWriterThread(readFile: string): ReadWriterThread {
  const worker = startModuleWorker(writerModule, { readFile });
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let seq = 0;
  let stopped: Error | undefined;
  const failAll = (error: Error) => {
    stopped ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: FromReadWriter) => {
    const w = waiting.get(message.seq);
    waiting.delete(message.seq);
    if (message.kind === 'done') w?.resolve();
    else w?.reject(new Error(message.message));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`read database writer thread exited with code ${code}`)));
  // Only while something is in flight does the thread keep the process alive.
  worker.unref();
  const request = (message: Request): Promise<void> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++seq;
    const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ ...message, seq: id } as ToReadWriter);
    return done;
  };
  let closing: Promise<void> | undefined;
  return {
    write: (batch) => request({ kind: 'write', batch }),
    beginBulk: (batchesPerCommit) => request({ kind: 'beginBulk', batchesPerCommit: Math.max(1, batchesPerCommit) }),
    endBulk: () => request({ kind: 'endBulk' }),
    commit: () => request({ kind: 'commit' }),
    close() {
      closing ??= (async () => {
        if (!stopped) await request({ kind: 'close' }).catch(() => {});
        await worker.terminate();
      })();
      return closing;
    },
  };
}
