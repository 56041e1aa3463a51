import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import t from 'tap';
import { openSqliteStore } from '../../../services/store/sqlite/index.js';
import { ROW_FIELDS, rowEvent, type CommittedRows } from '../../../services/store/sqlite/writerProtocol.js';
import type { RecordedEvent } from '../../../services/store/port.js';
import { newEvent } from '../../support/storeContract.js';

// #18: the projection thread takes committed rows from the writer's commit feed instead of reading them back;
// what the feed gives must be exactly what a read of the file gives, and only what was committed.
const root = mkdtempSync(join(tmpdir(), 'sqlite-commit-feed-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

const collect = (port: MessagePort) => {
  const transactions: RecordedEvent[][] = [];
  port.on('message', (rows: CommittedRows) => {
    const events: RecordedEvent[] = [];
    for (let i = 0; i < rows.length / ROW_FIELDS; i++) events.push(rowEvent(rows, i));
    transactions.push(events);
  });
  return transactions;
};

t.test('the feed posts each committed transaction’s rows as the file holds them, and nothing of a failed append', async (t) => {
  const store = openSqliteStore(join(root, 'events.db'));
  t.teardown(() => store.close());
  await store.append('before', [newEvent('X')], 'no_stream'); // position 1: before the feed existed
  const port = store.commitFeed();
  t.teardown(() => port.close());
  const transactions = collect(port);

  await store.append('a', [newEvent('X'), newEvent('Y', { n: 2, s: 'ünïcödé \u2028' })], 'no_stream');
  const first = newEvent('X');
  // One transaction: a written append, a revision conflict, a duplicate event id (the isolated pass), another written one.
  const results = await Promise.allSettled([
    store.append('b', [first], 'no_stream'),
    store.append('a', [newEvent('X')], 'no_stream'),
    store.append('c', [{ ...newEvent('X'), eventId: first.eventId }], 'no_stream'),
    store.append('a', [newEvent('Z')], 1n),
  ]);
  t.same(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  await store.append('d', [], 'any'); // no events: nothing committed, nothing posted
  await new Promise((resolve) => setTimeout(resolve, 50));

  const fed = transactions.flat();
  const stored = await store.readAll({ after: 1n });
  t.same(fed, stored, 'every row after the feed began, field for field, as a read of the file returns it');
  t.same(fed.map((e) => e.position), [2n, 3n, 4n, 5n], 'in order, without gaps, nothing of the failed appends');
  t.ok(transactions.every((events) => events.length > 0), 'no empty message');
});

t.test('a closed feed is dropped by the writer, and the store still writes', async (t) => {
  const store = openSqliteStore(join(root, 'closed.db'));
  t.teardown(() => store.close());
  const port = store.commitFeed();
  const transactions = collect(port);
  await store.append('a', [newEvent('X')], 'no_stream');
  await new Promise((resolve) => setTimeout(resolve, 20));
  port.close();
  await store.append('b', [newEvent('X')], 'no_stream');
  t.equal(transactions.length, 1);
  t.equal((await store.readAll()).length, 2);
});
