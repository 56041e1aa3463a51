import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../services/store/sqlite/index.js';
import { openDatabase, tuneWriterConnection, WRITER_CACHE_KIB, WRITER_WAL_AUTOCHECKPOINT_PAGES } from '../../../services/store/sqlite/schema.js';
import { newEvent } from '../../support/storeContract.js';

// #18: the writing connection's page cache and checkpoint cadence (schema.ts tuneWriterConnection); durability unchanged.
const root = mkdtempSync(join(tmpdir(), 'sqlite-writer-settings-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

t.test('tuneWriterConnection: a 4 MB page cache and a longer checkpoint cadence, still WAL and synchronous=FULL', async (t) => {
  const db = openDatabase(join(root, 'tuned.db'));
  t.teardown(() => db.close());
  t.equal(db.pragma('wal_autocheckpoint', { simple: true }), 1000, "SQLite's default before");
  tuneWriterConnection(db);
  t.equal(db.pragma('cache_size', { simple: true }), -WRITER_CACHE_KIB);
  t.equal(db.pragma('wal_autocheckpoint', { simple: true }), WRITER_WAL_AUTOCHECKPOINT_PAGES);
  t.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  t.equal(db.pragma('synchronous', { simple: true }), 2, 'FULL');
});

t.test("the store's writer thread uses them: the WAL passes SQLite's default 1,000 pages before a checkpoint", async (t) => {
  const file = join(root, 'events.db');
  const store = openSqliteStore(file);
  let closed = false;
  t.teardown(() => (closed ? undefined : store.close()));
  const pageSize = (() => {
    const probe = new Database(file, { readonly: true });
    try {
      return probe.pragma('page_size', { simple: true }) as number;
    } finally {
      probe.close();
    }
  })();
  // About 2,200 pages of WAL: 1,000 appends of 8 KB each (two overflow pages and more apiece), in a few commits.
  const big = 'x'.repeat(8 * 1024);
  for (let round = 0; round < 10; round++) {
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(`s-${round}-${i}`, [newEvent('Big', { big })], 'no_stream')));
  }
  // With the default cadence the WAL is checkpointed and rewritten from its start at about 1,000 pages, so its
  // file never grows much past that; with the writer's own cadence it holds every page written so far.
  const walPages = statSync(`${file}-wal`).size / (pageSize + 24);
  t.ok(walPages > 1_500, `the WAL holds ${Math.round(walPages)} pages`);
  t.ok(walPages < WRITER_WAL_AUTOCHECKPOINT_PAGES, 'not yet at the writer cadence');
  await store.close();
  closed = true;
  t.equal(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0, 0, 'close still folds the WAL into the file');
});
