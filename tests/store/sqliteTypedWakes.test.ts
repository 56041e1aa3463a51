/**
 * A type-filtered subscription (a reactor's) on the SQLite reader passes a commit of this process's writer that
 * holds none of its types without querying the log (issue #18: every reactor read the log after every ballot),
 * and still reads what another process committed in between.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { RecordedEvent } from '../../services/store/port.js';
import { openSqliteEventReader } from '../../services/store/sqlite/eventReader.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { newEvent, waitFor } from '../support/storeContract.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-typed-wakes-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

t.test('commits without the wanted types pass unread; a gap (another writer) and a wanted type are read', async (t) => {
  const file = join(root, 'a', 'events.db');
  const store = openSqliteStore(file);
  const reader = openSqliteEventReader(file);
  t.teardown(async () => {
    reader.close();
    await store.close();
  });
  // Count the executions of the type-filtered statement the subscription prepares.
  let filteredQueries = 0;
  const prepare = reader.db.prepare.bind(reader.db);
  reader.db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!sql.includes('type IN')) return statement;
    const all = statement.all.bind(statement);
    statement.all = ((...args: unknown[]) => {
      filteredQueries += 1;
      return all(...(args as []));
    }) as typeof statement.all;
    return statement;
  }) as typeof reader.db.prepare;

  const seen: RecordedEvent[] = [];
  let through = 0n;
  const sub = reader.subscribe({
    types: ['Wanted'],
    onEvents: async (events, to) => {
      seen.push(...events);
      through = to;
    },
  });
  t.teardown(() => sub.close());

  const append = async (stream: string, type: string) => (await store.append(stream, [newEvent(type)], 'no_stream')).position;

  // This process's commit of another type, told as its record: passed without a query.
  const p1 = await append('s-1', 'Other');
  const before = filteredQueries;
  reader.notify({ from: p1 - 1n, through: p1, types: ['Other'] });
  await waitFor(() => through === p1);
  t.equal(filteredQueries, before, 'no query for a commit without the wanted types');
  t.equal(seen.length, 0);

  // A commit this reader has no record of (another process's, say) holds a wanted event; the next record starts after it.
  const p2 = await append('s-2', 'Wanted');
  const p3 = await append('s-3', 'Other');
  reader.notify({ from: p2, through: p3, types: ['Other'] });
  await waitFor(() => through === p3);
  t.same(
    seen.map((e) => [e.type, e.position]),
    [['Wanted', p2]],
    'the gap is read from the log',
  );

  // A record with a wanted type is read.
  const p4 = await append('s-4', 'Wanted');
  reader.notify({ from: p3, through: p4, types: ['Other', 'Wanted'] });
  await waitFor(() => through === p4);
  t.same(
    seen.map((e) => e.position),
    [p2, p4],
  );

  // Several records in a row, a wanted one among them: the ones before it pass, it is read, the loop goes on.
  const p5 = await append('s-5', 'Other');
  const p6 = await append('s-6', 'Wanted');
  const p7 = await append('s-7', 'Other');
  reader.notify({ from: p4, through: p5, types: ['Other'] });
  reader.notify({ from: p5, through: p6, types: ['Wanted'] });
  reader.notify({ from: p6, through: p7, types: ['Other'] });
  await waitFor(() => through === p7);
  t.same(
    seen.map((e) => e.position),
    [p2, p4, p6],
  );
});

t.test("through the store: a reactor-like subscription gets its types from the writer's own commits", async (t) => {
  const store = openSqliteStore(join(root, 'b', 'events.db'));
  t.teardown(() => store.close());
  const seen: string[] = [];
  let through = 0n;
  const sub = store.subscribe({
    types: ['Wanted'],
    onEvents: async (events, to) => {
      seen.push(...events.map((e) => e.type));
      through = to;
    },
  });
  t.teardown(() => sub.close());
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, [newEvent(i % 7 === 3 ? 'Wanted' : 'Other'), newEvent('Other')], 'no_stream')));
  const last = (await store.append('last', [newEvent('Other')], 'no_stream')).position;
  await waitFor(() => through === last);
  t.same(seen, ['Wanted', 'Wanted', 'Wanted'], 'every wanted event, none other');
});
