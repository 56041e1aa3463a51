/**
 * Reads the log ahead for the projection thread during a catch-up (#18): while that thread parses and
 * projects one page, this one steps SQLite through the next, on a query-only connection of its own, and hands
 * the page over as one string of every row's fields and an array of their lengths (logPage.ts): one string
 * to post rather than a structured clone of eleven values per event.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/sqlite/schema.js';
import type { LogPageRequest, LogPage } from './logReaderProtocol.js';
import { encodeLogPage, LOG_PAGE_SQL } from './logPage.js';

const port = parentPort!;
const db = openDatabase((workerData as { eventsFile: string }).eventsFile);
db.pragma('query_only = ON');
const page = db
  .prepare<[bigint, number], unknown[]>(LOG_PAGE_SQL)
  .raw(true)
  .safeIntegers(true);

port.on('message', (request: LogPageRequest | { kind: 'close' }) => {
  if (request.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const { text, lengths, count } = encodeLogPage(page.iterate(request.after, request.maxCount), request.maxCount);
    port.postMessage({ kind: 'page', seq: request.seq, text, lengths, count } satisfies LogPage);
  } catch (error) {
    port.postMessage({ kind: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) } satisfies LogPage);
  }
});
