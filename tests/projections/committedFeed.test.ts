import t from 'tap';
import { committedFeed } from '../../services/projections/committedFeed.js';
import { ROW_FIELDS, type CommittedRows } from '../../services/store/sqlite/writerProtocol.js';

// #18: the projection thread's live reads take the writer's committed rows when they follow on from the
// read's position, and read the file otherwise; a wrong answer here would skip or repeat events.
const rows = (from: number, count: number): CommittedRows => {
  const out: CommittedRows = [];
  for (let p = from; p < from + count; p++) {
    out.push(BigInt(p), `s-${p}`, 0n, `e-${p}`, 'X', 1, `{"p":${p}}`, '{"commandId":"c"}', '0'.repeat(64), 'a'.repeat(64), 'b'.repeat(64));
  }
  return out;
};
const positions = (events: { position: bigint }[] | undefined) => events?.map((e) => Number(e.position));

t.test('serves rows that follow on from the position, across transactions, up to maxCount', async (t) => {
  const feed = committedFeed();
  t.equal(feed.add(rows(1, 3)), 3);
  feed.add(rows(4, 2));
  t.same(positions(feed.read(0n, 4)), [1, 2, 3, 4], 'split inside the second transaction');
  t.same(positions(feed.read(4n, 10)), [5]);
  t.equal(feed.read(5n, 10), undefined, 'nothing held: read the file');
  t.equal(feed.size(), 0);
  t.equal(feed.add([]), 0, 'an empty message holds nothing');
});

t.test('a gap (another process wrote, or rows came before the reader) sends the read to the file; passed rows are dropped', async (t) => {
  const feed = committedFeed();
  feed.add(rows(5, 3));
  t.equal(feed.read(2n, 10), undefined, 'positions 3 and 4 are not held');
  t.same(positions(feed.read(6n, 10)), [7], 'the file read passed 5 and 6: the rest of the transaction is served');
  feed.add(rows(8, 2));
  feed.add(rows(11, 1)); // position 10 came from another process
  t.same(positions(feed.read(7n, 10)), [8, 9], 'stops before the gap');
  t.equal(feed.read(9n, 10), undefined);
  t.same(positions(feed.read(10n, 10)), [11]);
  feed.add(rows(12, 2));
  t.equal(feed.read(20n, 10), undefined, 'everything passed');
  t.equal(feed.size(), 0, 'and dropped');
});

t.test('bounded: the oldest transactions go first, and a reader that far behind reads the file', async (t) => {
  const feed = committedFeed(5);
  feed.add(rows(1, 3));
  feed.add(rows(4, 3));
  t.equal(feed.size(), 3, 'the first transaction was dropped');
  t.equal(feed.read(0n, 10), undefined);
  t.same(positions(feed.read(3n, 10)), [4, 5, 6]);
});

t.test('events decode as a read of the file does', async (t) => {
  const feed = committedFeed();
  feed.add(rows(1, 1));
  const [event] = feed.read(0n, 1)!;
  t.same(event, { streamId: 's-1', revision: 0n, position: 1n, eventId: 'e-1', type: 'X', schemaVersion: 1, data: { p: 1 }, metadata: { commandId: 'c' }, prevHash: '0'.repeat(64), hash: 'a'.repeat(64), leafHash: 'b'.repeat(64) });
  t.equal(ROW_FIELDS, 11);
});
