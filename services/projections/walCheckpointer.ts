/**
 * Checkpoints a WAL-mode SQLite file from a thread of its own. A checkpoint copies the WAL back into the
 * database file and syncs both; left to SQLite's automatic checkpoint it runs inside whichever COMMIT crosses
 * the threshold, which for the read database is the projection runner on the main thread. The owning
 * connection turns the automatic checkpoint off and starts this instead: a PASSIVE checkpoint every
 * `intervalMs` on a second connection never waits for, nor blocks, the main thread's reads and writes.
 *
 * Once a second (#18; it was every 200 ms): under a burst of ballots each live commit rewrites the same pages
 * (the tally's, the tails of the indexes, the checkpoints), and a checkpoint copies each page once however
 * many times the WAL holds it, and syncs the WAL and the database file each time; the thread's CPU per ballot
 * under bench:vote went from 7–9 µs to 4–6 (alternating runs with the old interval, load 6–8). A reader looks
 * a page up among the WAL frames written since the last checkpoint: a second's worth, a few thousand frames
 * at most, is still a handful of hash lookups.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointer {
  close(): Promise<void>;
}

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** Plain CommonJS, so the thread needs no TypeScript loader. */
const source = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.betterSqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next round tries again; the WAL only grows meanwhile.
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

export function startWalCheckpointer(file: string, intervalMs = 1_000): WalCheckpointer {
  const worker = new Worker(source, { eval: true, workerData: { file, intervalMs, betterSqlite } });
  worker.unref();
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        worker.ref();
        const closed = new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('exit', () => resolve());
        });
        worker.postMessage('close');
        await closed;
        await worker.terminate();
      })();
      return closing;
    },
  };
}
