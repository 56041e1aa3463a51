/**
 * asof16 (#16 item 3): writing a time-travel snapshot off the API's event loop. The loop turns each document
 * into JSON text (the documents live in its heap), a slice at a time, yielding to other work between slices
 * (`SLICE` documents, a few milliseconds each); the slices go to one writer thread per process
 * (snapshotWriterThread.ts), which packs, deflates and writes them. One snapshot at a time, in order.
 */
import type { Worker } from 'node:worker_threads';
import { moduleWorkerUrl, startModuleWorker } from '../../threads/moduleWorker.js';
import { persistedText, type Stored } from './docsAsOf.js';
import type { FoldState } from './foldState.js';
import { headerOf, type PartEntry } from './snapshotCodec.js';
import type { FromSnapshotWriter, SnapshotEvent, SnapshotTarget, ToSnapshotWriter } from './snapshotWriterProtocol.js';

/** Documents turned into text between two turns of the event loop. */
const SLICE = 250;

const writerModule = moduleWorkerUrl(import.meta.url, './snapshotWriterThread');

let worker: Worker | undefined;
let job = 0;
const waiting = new Map<number, { resolve: (saved: boolean) => void; reject: (error: Error) => void }>();
/** The writer's turn: one snapshot (or close) at a time. */
let queue: Promise<unknown> = Promise.resolve();

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function thread(): Worker {
  if (worker) return worker;
  const w = startModuleWorker(writerModule, {});
  const fail = (error: Error) => {
    if (worker === w) worker = undefined;
    for (const x of waiting.values()) x.reject(error);
    waiting.clear();
  };
  w.on('message', (message: FromSnapshotWriter) => {
    const x = waiting.get(message.job);
    waiting.delete(message.job);
    if (waiting.size === 0) w.unref();
    if (message.kind === 'done') x?.resolve(message.saved);
    else x?.reject(new Error(message.message));
  });
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`snapshot writer thread exited with code ${code}`)));
  w.unref();
  return (worker = w);
}

function answer(id: number): Promise<boolean> {
  const w = thread();
  w.ref(); // while a job is in flight the thread keeps the process alive
  return new Promise<boolean>((resolve, reject) => waiting.set(id, { resolve, reject }));
}

const post = (message: ToSnapshotWriter) => thread().postMessage(message);

/** Writes a sealed snapshot through the writer thread; resolves false when it was not written (one was there, or the database stayed busy). */
export function writeSnapshot(target: SnapshotTarget, compoundId: string, state: FoldState, event: SnapshotEvent): Promise<boolean> {
  const run = async (): Promise<boolean> => {
    const id = ++job;
    const done = answer(id);
    try {
      post({ kind: 'begin', job: id, target, compoundId, cutAt: state.cutAt, eventHash: event.hash, eventAfter: event.after.toString(), header: headerOf(state) });
      for (const part of state.docs.parts()) {
        post({ kind: 'part', job: id, collection: part.collection, parent: part.parent });
        const docs = part.docs[Symbol.iterator]();
        for (;;) {
          const slice: Stored[] = [];
          while (slice.length < SLICE) {
            const next = docs.next();
            if (next.done) break;
            slice.push(next.value);
          }
          if (slice.length === 0) break;
          const texts = slice.map(persistedText);
          const entries = slice.map((d, k): PartEntry => [d.id, d.sortKey === d.id ? null : d.sortKey, Buffer.byteLength(texts[k]!, 'utf8')]);
          post({ kind: 'rows', job: id, entries, texts: Buffer.from(texts.join(''), 'utf8') });
          await turn();
        }
      }
      post({ kind: 'end', job: id });
    } catch (error) {
      // Nothing more comes for this job: let go of it (the thread drops the half-sent job at the next `begin`).
      waiting.delete(id);
      if (waiting.size === 0) worker?.unref();
      throw error;
    }
    return done;
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** The thread lets go of its connection to a table's file (the table is closing). */
export function releaseSnapshotFile(file: string): Promise<void> {
  if (!worker) return Promise.resolve();
  const run = async () => {
    const id = ++job;
    const done = answer(id);
    post({ kind: 'close', job: id, file });
    await done;
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result.catch(() => undefined);
}
