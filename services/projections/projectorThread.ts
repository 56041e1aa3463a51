/**
 * The projection thread: reads the store file on a connection of its own, runs the projection runner and
 * owns the read database's only writing connection. Turning events into documents, and committing them,
 * then never takes the HTTP event loop's time; the main thread answers reads on a query-only connection
 * and learns how far the read model has got from `applied` messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allProjections, eventSchemas } from '../contexts.js';
import type { Projection } from '../../projections/projection.js';
import { withEventSchemas } from '../store/eventSchemaStore.js';
import { openSqliteEventReader } from '../store/sqlite/eventReader.js';
import { catchUpTracker } from './catchUpProgress.js';
import type { FromProjector, ProjectorData, ToProjector } from './projectorProtocol.js';
import { openReadStore } from './readStore.js';
import { prefetchingLog } from './prefetchingLog.js';
import { startReadWriterThread } from './readWriter.js';
import { startProjectionRunner } from './runner.js';
import { nameThisThread } from '../threads/threadName.js';
import { assertNever } from '../../domain/shared/decider.js';

const port = parentPort!;
const data = workerData as ProjectorData;
const send = (message: FromProjector) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const projections: readonly Projection[] = data.projections
  ? ((await import(data.projections.module)) as Record<string, readonly Projection[]>)[data.projections.exportName]!
  : allProjections;
/**
 * Pages of the catch-up: large enough for few commits (the writer thread also merges pages queued behind each
 * other into one transaction), small enough that a page's events, documents and JSON die young (#18: with
 * pages of 10,000 the garbage collector took a quarter of this thread's time); once caught up a page holds
 * whatever was committed since the last one.
 */
const PAGE_EVENTS = data.tuning?.pageEvents ?? 2_500;
/** Batches of at least this many events are committed on the writer thread (a catch-up); smaller ones here. */
const PIPELINE_EVENTS = data.tuning?.pipelineEvents ?? 1_000;
/** Behind by at least this many events at start: the catch-up reports its progress (and from zero, writes in bulk). */
const REPORT_BACKLOG = BigInt(data.tuning?.backlogEvents ?? 10_000);
/**
 * A bulk rebuild commits this many pages in one transaction on the writer thread (#18: a commit per page
 * rewrote the documents' key pages each time), and keeps two more in flight meanwhile. Each commit writes
 * (and checkpoints) again most leaves of the documents' primary key, which random receipts spread over the
 * whole index: at 1,000,000 ballots the writer's commits and checkpoints took 4.2 s of CPU with 8 pages a
 * commit, 2.8 s with 16 and 2.0 s with 32 (same run conditions); the price is up to 34 pages of documents in
 * flight on this thread and a WAL of about 200 MB per commit.
 */
const BULK_PAGES = data.tuning?.bulkPagesPerCommit ?? 32;
/**
 * Live, under a burst of commits, one read-database transaction for the commits of up to 5 ms (#18: at ~30
 * events per commit its fixed part was a good share of this thread's CPU per ballot); a waiting reader hurries it.
 * At most 500 events, below PIPELINE_EVENTS: a live batch is committed here.
 */
const COALESCE = { windowMs: data.tuning?.coalesceMs ?? 5, maxEvents: data.tuning?.coalesceEvents ?? 500 };
// Projections see every event upcast to its type's current shape (domain/shared/eventSchemas.ts).
const log = openSqliteEventReader(data.eventsFile, undefined, { pageSize: PAGE_EVENTS });
// #18: during a catch-up the next page is read on a thread of its own while this one projects.
const prefetching = prefetchingLog(log, data.eventsFile, PAGE_EVENTS, COALESCE);
const events = withEventSchemas(prefetching, eventSchemas);
const read = openReadStore(data.readFile);
const head = await log.headPosition();
// #18: a catch-up's full pages are committed by a writer thread of their own while this one projects the next.
const writer = data.readFile === ':memory:' ? undefined : startReadWriterThread(data.readFile);
// Named once the threads it starts (log reader, read-database writer and checkpointer) have started: a new
// thread takes its creator's name.
nameThisThread('projector');
let tracker: ReturnType<typeof catchUpTracker> | undefined;
/** Set while a rebuild from zero writes in bulk (readStore.ts `beginBulk`), until it reaches `head`. */
let bulk = false;
/** From the bulk rebuild's end (synced and unmarked on the writer thread): positions are reported after it. */
let gate: Promise<void> | undefined;
// A failed commit fails the batches it held, and the runner stops on those.
const commitBulk = () => void writer!.commit().catch(() => {});
const applied = (position: bigint) => {
  send({ kind: 'applied', position });
  const progress = tracker?.advance(position);
  if (progress) send({ kind: 'progress', progress });
};
// The subscription's first page is applied in a later microtask, so the tracker set just after the start sees it
// (and the writer thread gets the bulk mode before that page).
const runner = startProjectionRunner(
  events,
  read,
  projections,
  {
    onApplied: (position) => {
      if (bulk && position >= head) {
        // The rebuild is done once it is synced and unmarked: what reached the head is reported after that, in order.
        bulk = false;
        gate = writer!.endBulk().catch((error: unknown) => send({ kind: 'failed', message: messageOf(error) }));
      }
      // Once there was a gate every report follows the previous one on it, so none overtakes.
      if (gate) gate = gate.then(() => applied(position));
      else applied(position);
    },
    onError: (error) => send({ kind: 'failed', message: messageOf(error) }),
  },
  writer && {
    write(batch) {
      const done = writer.write(batch);
      // A bulk transaction commits once it holds its pages; the last page (its last position is the batch's
      // command index position) is committed at once, and so is what the runner waits for (flush).
      if (bulk && BigInt(batch.commandsAt) >= head) commitBulk();
      return done;
    },
    flush: () => {
      if (bulk) commitBulk();
    },
    minEvents: PIPELINE_EVENTS,
    // While a bulk transaction collects its pages the runner goes on projecting (it waits once a commit is due).
    get depth() {
      return bulk ? BULK_PAGES + 2 : 2;
    },
  },
);
if (head - runner.position() >= REPORT_BACKLOG) {
  tracker = catchUpTracker(runner.position(), head);
  send({ kind: 'progress', progress: tracker.report() });
  if (writer && read.isEmpty()) {
    bulk = true;
    writer.beginBulk(BULK_PAGES).catch((error: unknown) => send({ kind: 'failed', message: messageOf(error) }));
  }
}
send({ kind: 'ready', position: runner.position() });

port.on('message', (message: ToProjector) => {
  switch (message.kind) {
    case 'committed':
      prefetching.notify(message.events);
      return;
    case 'hurry':
      prefetching.hurry();
      return;
    case 'close':
      void (async () => {
        try {
          // A clean stop projects what was committed before it, as it did before commits were held back
          // (commitCoalescer.ts): the next start has nothing to catch up for them. Bounded: a close never
          // waits on a runner that stopped or is far behind.
          if (!runner.failure()) {
            prefetching.hurry();
            await runner.waitFor(await log.headPosition(), 1_000);
          }
          await runner.close();
          await writer?.close();
          await read.close();
          await prefetching.close();
          log.close();
        } finally {
          send({ kind: 'closed' });
          port.close();
        }
      })();
      return;
    default:
      return assertNever(message);
  }
});
