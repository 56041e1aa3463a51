/**
 * A bulk rebuild from zero (#18) commits its pages in groups of `bulkPagesPerCommit`, also when the writer
 * thread is faster than the projection thread: the writer used to commit whatever it held once no page had
 * come for 20 ms, which on a busy machine (a page takes the projection thread longer) meant a commit after
 * nearly every page.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { startThreadedProjectionRunner } from '../../services/projections/threadedRunner.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { SLOW_COUNTS } from '../support/slowProjections.js';

t.test('a bulk rebuild commits its pages in groups when the projection is the slower side', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bulk-commits-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const eventsFile = join(dir, 'events.db');
  const store = openSqliteStore(eventsFile);
  const PAGES = 24;
  const PAGE = 20;
  // One event short of a whole number of pages: the last page is short (committed inline, after the others).
  const total = PAGES * PAGE - 1;
  for (let k = 0; k < total; k += 100) {
    const n = Math.min(100, total - k);
    const commandId = `cmd-${k}`;
    const metadata = { commandId, correlationId: commandId, causationId: commandId, actor: { personId: 'p', role: 'admin' }, recordedAt: '2026-03-02T00:00:00.000Z' };
    await store.append('s-1', Array.from({ length: n }, () => ({ eventId: randomUUID(), type: 'Counted', schemaVersion: 1, data: {}, metadata })), k === 0 ? 'no_stream' : BigInt(k - 1));
  }
  await store.close();
  const head = BigInt(total);

  const readFile = join(dir, 'read.db');
  const runner = await startThreadedProjectionRunner({
    eventsFile,
    readFile,
    commits: () => () => {},
    projections: { module: new URL('../support/slowProjections.ts', import.meta.url).href, exportName: 'slowProjections' },
    tuning: { pageEvents: PAGE, pipelineEvents: 10, backlogEvents: 100, bulkPagesPerCommit: 4 },
  });
  // Every committed checkpoint, read on a connection of our own every 3 ms (a commit holds 4 pages of 40 ms).
  const seen = new Set<string>();
  let view: Database.Database | undefined;
  const poll = setInterval(() => {
    try {
      view ??= new Database(readFile, { readonly: true, fileMustExist: true });
      const row = view.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'checkpoint'").get();
      if (row && row.value !== '0') seen.add(row.value);
    } catch {
      // Not created yet.
    }
  }, 3);
  t.ok(await runner.waitFor(head, 60_000), 'the rebuild reaches the head');
  clearInterval(poll);
  view?.close();
  await runner.close();
  const commits = [...seen].map(BigInt).sort((a, b) => (a < b ? -1 : 1));
  t.ok(commits.length >= 3, `several commits seen (${commits.join(', ')})`);
  t.ok(commits.length <= PAGES / 4 + 3, `${commits.length} commits for ${PAGES} pages at 4 pages a commit (${commits.join(', ')})`);
  const db = new Database(readFile, { readonly: true });
  t.equal(db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'checkpoint'").get()?.value, String(head), 'committed through the head');
  t.same(JSON.parse(db.prepare<[string], { doc: string }>('SELECT doc FROM docs WHERE collection = ?').get(SLOW_COUNTS)!.doc), { n: total }, 'every event counted once');
  db.close();
});
