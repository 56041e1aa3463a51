/** A page of the log between the reader thread and the projection thread (#18): the store's events, exactly. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { decodeLogPage, encodeLogPage, LOG_PAGE_SQL } from '../../services/projections/logPage.js';
import { openSqliteEventReader } from '../../services/store/sqlite/eventReader.js';
import { openDatabase } from '../../services/store/sqlite/schema.js';
import { prepareStatements, rowToEvent } from '../../services/store/sqlite/statements.js';

const row = (position: bigint, data: string, leaf: Buffer | null): unknown[] => [
  position, 'ballot-m1:v"1', 0n, `e-${position}`, 'BallotCast', 1n, data, '{"commandId":"c","recordedAt":"2026-03-02T00:00:00.000Z"}', '00'.repeat(32), 'ab'.repeat(32), leaf,
];
const asRow = (r: unknown[]) => ({
  global_position: r[0] as bigint, stream_id: r[1] as string, revision: r[2] as bigint, event_id: r[3] as string, type: r[4] as string, schema_version: r[5] as bigint,
  data: r[6] as string, metadata: r[7] as string, prev_hash: r[8] as string, hash: r[9] as string, leaf_hash: r[10] as Buffer | null,
});

t.test('decoded, a page holds the events the store reads from the same rows', async (t) => {
  const rows = [
    row(1n, '{"motionId":"m1","title":"业主大会 😀 \\"q\\" \\u0000"}', Buffer.from('0123456789abcdef', 'hex')),
    row(9_007_199_254_740_993n, '[]', null),
    row(3n, '""', Buffer.alloc(0)),
  ];
  const page = encodeLogPage(rows, 5);
  t.equal(page.count, 3);
  t.same(decodeLogPage(page), rows.map((r) => rowToEvent(asRow(r))));
  t.equal(decodeLogPage(page)[1]!.position, 9_007_199_254_740_993n, 'a position beyond 2^53 exact');
  t.same(decodeLogPage(encodeLogPage([], 5)), []);
});

t.test('a malformed event does not decode (the caller reads it again through the store)', async (t) => {
  t.throws(() => decodeLogPage(encodeLogPage([row(1n, '{"motionId":', null)], 1)));
});

t.test("the reader thread's query gives the page of the events the store reads from the same file", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-log-page-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(join(dir, 'events.db'));
  t.teardown(() => db.close());
  const stmts = prepareStatements(db);
  const rows = [
    row(1n, '{"motionId":"m1","title":"业主大会 😀 \\"q\\" \\u0000"}', Buffer.from('0123456789abcdefABCD', 'hex')),
    row(2n, '[]', null),
    row(3n, '""', Buffer.alloc(0)),
    row(9_007_199_254_740_993n, '{"a":1}', Buffer.from('ff00', 'hex')),
  ];
  // One stream per event (the store's key is the stream and revision).
  for (const r of rows) stmts.insertEvent.run(...([r[0], `${String(r[1])}-${String(r[0])}`, ...r.slice(2)] as Parameters<typeof stmts.insertEvent.run>));
  const page = encodeLogPage(db.prepare<[bigint, number], unknown[]>(LOG_PAGE_SQL).raw(true).safeIntegers(true).iterate(0n, 10), 10);
  const stored = await openSqliteEventReader(join(dir, 'events.db')).readAll({ after: 0n });
  t.equal(stored.length, 4);
  t.same(decodeLogPage(page), stored);
  t.equal(decodeLogPage(page)[1]!.leafHash, undefined, 'no leaf: none');
  t.equal(decodeLogPage(page)[2]!.leafHash, '', 'an empty leaf: empty');
  t.equal(decodeLogPage(page)[0]!.leafHash, '0123456789abcdefabcd', 'lower-case hex');
  t.same(decodeLogPage(encodeLogPage(db.prepare<[bigint, number], unknown[]>(LOG_PAGE_SQL).raw(true).iterate(3n, 10), 10)).map((e) => e.position), [9_007_199_254_740_993n]);
});
