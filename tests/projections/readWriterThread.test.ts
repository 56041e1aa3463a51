/**
 * The read database's writer thread in a bulk rebuild (#18): many pages in one transaction, each answered only
 * once committed (the projection thread then reads it from the file), and a page that fails takes its whole
 * transaction with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { encodeBatch, openReadStore, openReadView, type OwnedChange, type WriteBatch } from '../../services/projections/readStore.js';
import { startReadWriterThread } from '../../services/projections/readWriter.js';

// The writer thread does not keep the process alive while it answers (the projection thread does, in the app).
const alive = setInterval(() => {}, 1000);
t.teardown(() => clearInterval(alive));

function setup(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-read-writer-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const readFile = join(dir, 'read.db');
  const store = openReadStore(readFile);
  store.prepare([{ name: 'p', version: 1 }]);
  const writer = startReadWriterThread(readFile);
  const view = openReadView(readFile);
  t.teardown(async () => {
    await writer.close();
    await view.close();
    await store.close();
  });
  return { writer, view };
}

/** One document `id` and the projection's position `position`. */
const batch = (id: string | null, position: number): WriteBatch => {
  const put: OwnedChange = { op: 'put', collection: 'things', id: id as string, parent: 'all', doc: { id, position }, projection: 'p' };
  return encodeBatch([put], [], new Map([['p', BigInt(position)]]), BigInt(position));
};

t.test('a bulk transaction answers each page once it is committed: what was answered is in the file', async (t) => {
  const { writer, view } = setup(t);
  await writer.beginBulk(3);
  // Fewer pages than a commit holds: committed once no page follows.
  await writer.write(batch('a', 1));
  t.same(view.get('things', 'a'), { id: 'a', position: 1 }, 'a lone page is committed, then answered');
  t.equal(view.checkpoint(), 1n);
  let answered = 0;
  const pages = [batch('b', 2), batch('c', 3), batch('d', 4), batch('e', 5)].map((b) =>
    writer.write(b).then(() => {
      answered++;
      return view.get<{ position: number }>('things', String.fromCharCode(97 + answered))?.position;
    }),
  );
  const seen = await Promise.all(pages);
  t.same(seen, [2, 3, 4, 5], 'each page was readable from another connection when it was answered');
  t.equal(view.checkpoint(), 5n);
  await writer.endBulk();
  t.equal(view.checkpoint(), 5n, 'the end of the bulk rebuild keeps what was committed');
});

t.test('a page that fails fails every page of its transaction, and none of them is kept', async (t) => {
  const { writer, view } = setup(t);
  await writer.beginBulk(3);
  await writer.write(batch('a', 1));
  // A document without an id breaks the NOT NULL constraint.
  const [good, bad] = await Promise.allSettled([writer.write(batch('b', 2)), writer.write(batch(null, 3))]);
  t.match(bad, { status: 'rejected', reason: { message: /NOT NULL/ } });
  t.match(good, { status: 'rejected', reason: { message: /NOT NULL/ } }, 'the page committed with it fails too');
  t.equal(view.get('things', 'b'), undefined, 'nothing of the failed transaction is in the file');
  t.equal(view.checkpoint(), 1n, 'the checkpoint stays at the last committed page');
});

t.test('a batch crosses as one text: documents with any characters, deletes, and command records read back as written', async (t) => {
  const store = openReadStore(':memory:');
  t.teardown(() => store.close());
  store.prepare([{ name: 'p', version: 1 }]);
  const doc = { title: '业主大会 第一次会议 😀', quote: 'a "b" \\ c\u0000', n: 1 };
  const changes: OwnedChange[] = [
    { op: 'put', collection: 'things', id: 'x|\u0001"é', parent: '父', sortKey: '1', doc, projection: 'p' },
    { op: 'put', collection: 'things', id: 'gone', parent: 'all', doc: { n: 2 }, projection: 'p' },
    { op: 'put', collection: 'things', id: '', parent: '', sortKey: '', doc: [], projection: 'p' },
  ];
  const command = { commandId: 'c-1', requestHash: 'h', streamId: 's-1', firstRevision: 9_007_199_254_740_993n, count: 3, position: 2n };
  store.commit(changes, [command], new Map([['p', 2n]]), 2n);
  store.commit([{ op: 'delete', collection: 'things', id: 'gone', projection: 'p' }], [{ ...command, count: 1, position: 3n }], new Map([['p', 3n]]), 3n);
  t.same(store.get('things', 'x|\u0001"é'), doc);
  t.same(store.list('things', '父'), [doc], 'with its parent');
  t.same(store.get('things', ''), [], 'an empty id, an empty sort key');
  t.equal(store.get('things', 'gone'), undefined, 'deleted');
  t.same(store.command('c-1'), { ...command, count: 4, position: 3n }, 'a revision beyond 2^53 exact; counts added up');
  t.equal(store.checkpoint(), 3n);
});
