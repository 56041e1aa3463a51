/**
 * The projection runner on a thread of its own (projectorThread.ts), for the SQLite store: the same runner
 * and projections, fed by the thread's own connection to the store file. Here on the main thread it is
 * only a position: how far the read database has got, and who waits for that.
 */
import { moduleWorkerUrl, startModuleWorker } from '../threads/moduleWorker.js';
import { positionWaiters } from './positionWaiters.js';
import type { FromProjector, ProjectionsRef, ProjectorData, ProjectorTuning, ToProjector } from './projectorProtocol.js';
import type { ProjectionRunner } from './runner.js';
import type { CatchUpProgress } from './catchUpProgress.js';
import { assertNever } from '../../domain/shared/decider.js';

export interface ThreadedRunnerOptions {
  readonly eventsFile: string;
  readonly readFile: string;
  /** Subscribes to the store's commits (SqliteStore.onCommitted: how many events each added); returns the unsubscribe. */
  readonly commits: (listener: (batch?: { readonly events: number }) => void) => () => void;
  readonly log?: { error(obj: unknown, msg: string): void; info?(obj: unknown, msg: string): void };
  /** Default: every projection of the app (services/contexts.ts). */
  readonly projections?: ProjectionsRef;
  readonly tuning?: ProjectorTuning;
}

/** The projection thread's young generation, in MiB (V8's default is 16–32 on 64-bit). */
const PROJECTOR_YOUNG_MB = 192;

const projectorModule = moduleWorkerUrl(import.meta.url, './projectorThread');

/** Resolves once the thread has opened the read database (and rebuilt it if the projections changed). */
export async function startThreadedProjectionRunner(options: ThreadedRunnerOptions): Promise<ProjectionRunner> {
  const data: ProjectorData = { eventsFile: options.eventsFile, readFile: options.readFile, ...(options.projections ? { projections: options.projections } : {}), ...(options.tuning ? { tuning: options.tuning } : {}) };
  // #18: a catch-up allocates pages of events, documents and their JSON that die young; a young generation
  // this size keeps them from being promoted and collected again by the old generation's collector (GC was
  // about a quarter of the thread's time in a rebuild with the default).
  const worker = startModuleWorker(projectorModule, { ...data }, { maxYoungGenerationSizeMb: PROJECTOR_YOUNG_MB });
  const post = (message: ToProjector) => worker.postMessage(message);
  let failed: unknown;
  let closing: Promise<void> | undefined;
  let closed: (() => void) | undefined;
  let applied: ReturnType<typeof positionWaiters> | undefined;
  let exited = false;
  let progress: CatchUpProgress | null = null;

  const fail = (error: unknown) => {
    failed ??= error;
    options.log?.error({ err: error }, 'projection runner stopped');
  };

  const ready = new Promise<bigint>((resolve, reject) => {
    worker.on('message', (message: FromProjector) => {
      switch (message.kind) {
        case 'ready':
          resolve(message.position);
          return;
        case 'applied':
          applied?.advance(message.position);
          return;
        case 'progress':
          progress = message.progress;
          options.log?.info?.({ catchUp: message.progress }, message.progress.done ? 'projections caught up with the log' : 'projections catching up with the log');
          return;
        case 'failed':
          fail(new Error(message.message));
          return;
        case 'closed':
          closed?.();
          return;
        default:
          return assertNever(message);
      }
    });
    worker.on('error', (error) => {
      reject(error);
      fail(error);
    });
    worker.on('exit', (code) => {
      exited = true;
      const error = new Error(`projection thread exited with code ${code}`);
      reject(error);
      if (!closing) fail(error);
      closed?.();
    });
  });

  const start = await ready;
  applied = positionWaiters(start);
  // Like the in-process runner's subscription, the thread keeps the process alive until closed.
  const unsubscribe = options.commits((batch) => post({ kind: 'committed', events: batch?.events ?? 1 }));

  return {
    position: applied.position,
    waitFor(position, timeoutMs) {
      // The thread may be gathering commits into one read (commitCoalescer.ts): a reader waiting is read for at once.
      if (position > applied.position() && !exited && !closing) post({ kind: 'hurry' });
      return applied.waitFor(position, timeoutMs);
    },
    failure: () => failed,
    progress: () => progress,
    close() {
      closing ??= (async () => {
        unsubscribe();
        if (!exited) {
          const done = new Promise<void>((resolve) => (closed = resolve));
          post({ kind: 'close' });
          await done;
          await worker.terminate();
        }
        applied.releaseAll();
      })();
      return closing;
    },
  };
}
