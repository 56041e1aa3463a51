/** A page of the log between the reader thread and the projection thread (#18): the store's events, exactly. */
import t from 'tap';
import { decodeLogPage, encodeLogPage } from '../../services/projections/logPage.js';
import { rowToEvent } from '../../services/store/sqlite/statements.js';

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
