import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { verifyStream } from '../../services/store/hashChain.js';
import { RevisionConflictError, StoreUnavailableError, type AppendResult } from '../../services/store/port.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { SCHEMA_VERSION } from '../../services/store/sqlite/schema.js';
import { leafHash, merkleRoot } from '../../services/store/logTree.js';
import { verifyLog } from '../../services/cli/verify.js';
import { newEvent, storeContract, waitFor } from '../support/storeContract.js';

// A real directory on disk (not t.testdir's fixture tree) so WAL and fsync behave as in production.
const root = mkdtempSync(join(tmpdir(), 'sqlite-store-test-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(root, `store-${++files}`, 'events.db');

t.test('sqlite adapter passes the store contract', async (t) => {
  storeContract(t, async () => openSqliteStore(freshFile()));
});

t.test('pragmas: WAL, synchronous=FULL, busy timeout, foreign keys', async (t) => {
  const store = openSqliteStore(freshFile());
  t.teardown(() => store.close());
  t.same(store.settings(), { journalMode: 'wal', synchronous: 2, busyTimeout: 5000, foreignKeys: 1 });
});

t.test('data survives close and reopen; the chain verifies and continues', async (t) => {
  const file = freshFile();
  const first = openSqliteStore(file);
  await first.append('s-1', [newEvent('A', { n: 1 }), newEvent('B', { zh: '维修资金' })], 'no_stream');
  await first.append('s-2', [newEvent('C')], 'no_stream');
  const written = await first.readAll();
  await first.close();

  const again = openSqliteStore(file);
  t.teardown(() => again.close());
  t.same(await again.readAll(), written, 'every event reads back identically');
  t.equal(await again.headPosition(), written[written.length - 1]!.position);
  await t.rejects(again.append('s-1', [newEvent('X')], 'no_stream'), RevisionConflictError, 'stream heads persisted');
  const r = await again.append('s-1', [newEvent('D')], 1n);
  t.equal(r.nextExpectedRevision, 2n);
  t.ok(r.position > written[written.length - 1]!.position, 'positions keep growing after reopen');
  const s1 = await again.readStream('s-1');
  t.equal(verifyStream(s1), null, 'chain verifies across the reopen');
  t.equal(s1[2]!.prevHash, s1[1]!.hash);
});

/** Turns a current file back into what an older release wrote (schema 2: no log tree; schema 1: also a streams table). */
function downgrade(file: string, to: 1 | 2): void {
  const db = new Database(file);
  db.exec('ALTER TABLE events DROP COLUMN leaf_hash; DROP TABLE log_tree;');
  if (to === 1) {
    db.exec(`CREATE TABLE streams(stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, hash TEXT NOT NULL) STRICT, WITHOUT ROWID;
      INSERT INTO streams SELECT stream_id, max(revision), (SELECT hash FROM events e2 WHERE e2.stream_id = e.stream_id ORDER BY revision DESC LIMIT 1) FROM events e GROUP BY stream_id;`);
  }
  db.pragma(`user_version = ${to}`);
  db.close();
}

for (const version of [1, 2] as const) {
  t.test(`a schema-${version} file is upgraded in place: the log tree is backfilled, the chains continue`, async (t) => {
    const file = freshFile();
    const first = openSqliteStore(file);
    await first.append('s-1', [newEvent('A'), newEvent('B')], 'no_stream');
    await first.append('s-2', [newEvent('C')], 'no_stream');
    const written = await first.readAll();
    const head = await first.treeHead();
    await first.close();
    downgrade(file, version);

    const again = openSqliteStore(file);
    t.teardown(() => again.close());
    t.same(await again.readAll(), written, 'every event reads back identically, with the leaves the writer had recorded');
    t.same(await again.treeHead(), head, 'the backfilled tree has the same head');
    await t.rejects(again.append('s-1', [newEvent('X')], 0n), RevisionConflictError, 'the head is still revision 1');
    await again.append('s-1', [newEvent('C')], 1n);
    const s1 = await again.readStream('s-1');
    t.equal(verifyStream(s1), null, 'the chain continues from the stored head');
    t.equal((await again.treeHead()).treeSize, 4n, 'the tree grows on from the backfilled frontier');
    t.match(await verifyLog(again), { events: 4, problems: [] }, 'the whole log verifies');
    const check = new Database(file, { readonly: true });
    t.teardown(() => check.close());
    t.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    t.same(check.prepare("SELECT name FROM sqlite_master WHERE name = 'streams'").all(), [], 'no streams table');
  });
}

t.test('the log tree stays right when an append of a batch fails on a constraint, and across reopening', async (t) => {
  const file = freshFile();
  const store = openSqliteStore(file);
  const taken = newEvent('A');
  await store.append('a', [taken], 'no_stream');
  // One tick, one transaction: the duplicate event id fails alone (rolled back to its savepoint).
  const outcomes = await Promise.allSettled([
    store.append('b', [newEvent('B')], 'no_stream'),
    store.append('c', [newEvent('C1'), { ...newEvent('C2'), eventId: taken.eventId }], 'no_stream'),
    store.append('d', [newEvent('D')], 'no_stream'),
  ]);
  t.same(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
  await store.close();
  const again = openSqliteStore(file);
  t.teardown(() => again.close());
  await again.append('e', [newEvent('E')], 'no_stream');
  const all = await again.readAll();
  t.same(all.map((e) => e.type), ['A', 'B', 'D', 'E']);
  const leaves = all.map((e, i) => leafHash(i, e.hash, e.metadata));
  t.same(all.map((e) => e.leafHash), leaves.map((l) => l.toString('hex')));
  t.same(await again.treeHead(), { treeSize: 4n, rootHash: merkleRoot(leaves).toString('hex') });
});

t.test('a file from a newer release is refused, not touched', async (t) => {
  const file = freshFile();
  await openSqliteStore(file).close();
  const db = new Database(file);
  db.pragma('user_version = 99');
  db.close();
  t.throws(() => openSqliteStore(file), /schema version 99/);
});

t.test('one batch: a conflicting append fails alone, the others chain in order', async (t) => {
  const store = openSqliteStore(freshFile());
  t.teardown(() => store.close());
  await store.append('a', [newEvent('A0')], 'no_stream');
  const before = store.stats();
  // Issued in one tick, so they share one transaction.
  const calls = [
    store.append('a', [newEvent('A1')], 0n),
    store.append('a', [newEvent('Ax')], 0n), // sees A1 from earlier in the batch
    store.append('b', [newEvent('B0'), newEvent('B1')], 'no_stream'),
    store.append('b', [newEvent('Bx')], 'no_stream'), // second no_stream in the batch
    store.append('c', [newEvent('Cx')], 5n),
    store.append('a', [newEvent('A2')], 1n),
    store.append('b', [], 1n),
  ];
  const results = await Promise.allSettled(calls);
  t.same(store.stats(), { commits: before.commits + 1, appends: before.appends + calls.length }, 'one transaction');
  t.same(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled'],
  );
  const reason = (i: number) => (results[i] as PromiseRejectedResult).reason as RevisionConflictError;
  t.ok(reason(1) instanceof RevisionConflictError && reason(1).actual === 1n, 'actual revision within the batch');
  t.ok(reason(3) instanceof RevisionConflictError && reason(3).actual === 1n);
  t.ok(reason(4) instanceof RevisionConflictError && reason(4).actual === 'no_stream');
  const value = (i: number) => (results[i] as PromiseFulfilledResult<AppendResult>).value;
  t.equal(value(5).nextExpectedRevision, 2n);
  t.same(value(6), { nextExpectedRevision: 1n, position: 0n, hash: '' });
  const a = await store.readStream('a');
  t.same(a.map((e) => e.type), ['A0', 'A1', 'A2']);
  t.equal(verifyStream(a), null);
  t.equal(a[2]!.hash, value(5).hash);
  t.same((await store.readStream('b')).map((e) => e.type), ['B0', 'B1']);
  t.same(await store.readStream('c'), []);
  const all = await store.readAll();
  t.same(all.map((e) => e.position), all.map((_, i) => BigInt(i + 1)), 'rejected appends leave no gap');
});

t.test('a duplicate event id fails only its own append', async (t) => {
  const store = openSqliteStore(freshFile());
  t.teardown(() => store.close());
  const dup = newEvent('First');
  const results = await Promise.allSettled([
    store.append('x', [dup], 'no_stream'),
    store.append('y', [newEvent('Y')], 'no_stream'),
    store.append('z', [newEvent('Z0'), { ...newEvent('Z1'), eventId: dup.eventId }], 'no_stream'),
    store.append('x', [newEvent('Second')], 0n),
  ]);
  t.same(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  t.match((results[2] as PromiseRejectedResult).reason, { code: 'SQLITE_CONSTRAINT_UNIQUE' });
  t.same(await store.readStream('z'), [], 'nothing of the failed append is written');
  t.same((await store.readStream('x')).map((e) => e.type), ['First', 'Second']);
  t.equal((await store.readAll()).length, 3);
});

t.test('what is stored is what was hashed, even if the caller mutates or passes odd values', async (t) => {
  const store = openSqliteStore(freshFile());
  t.teardown(() => store.close());
  const data = { when: new Date('2026-01-02T03:04:05.000Z'), list: [1, undefined], gone: undefined };
  const pending = store.append('m', [newEvent('M', data)], 'no_stream');
  (data.list as unknown[]).push('late'); // mutated before the flush runs
  await pending;
  const [e] = await store.readStream('m');
  t.same(e!.data, { when: '2026-01-02T03:04:05.000Z', list: [1, null] });
  t.equal(verifyStream(await store.readStream('m')), null);
  await t.rejects(store.append('m', [newEvent('Big', { n: 1n })], 0n), TypeError, 'bigint data rejects alone');
  await t.rejects(store.append('m', [{ ...newEvent('U'), data: undefined }], 0n), TypeError);
  t.equal((await store.readStream('m')).length, 1);
});

t.test('close: queued appends commit, later calls are refused, the WAL is folded in', async (t) => {
  const file = freshFile();
  const store = openSqliteStore(file);
  const queued = store.append('q', [newEvent('A')], 'no_stream');
  const closing = store.close();
  await t.resolves(queued, 'an append accepted before close commits');
  await closing;
  await t.rejects(store.append('q', [newEvent('B')], 0n), StoreUnavailableError);
  await t.rejects(store.readAll(), StoreUnavailableError);
  t.equal((await store.health()).ok, false);
  await store.close(); // idempotent
  t.ok(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0, 'WAL checkpointed into the main file');
  const raw = new Database(file, { readonly: true });
  t.teardown(() => raw.close());
  t.same(raw.prepare('SELECT count(*) AS n FROM events').get(), { n: 1 });
});

t.test('a failing transaction rejects its whole batch; the store recovers', async (t) => {
  const file = freshFile();
  const store = openSqliteStore(file, { busyTimeoutMs: 50 });
  t.teardown(() => store.close());
  await store.append('ok', [newEvent('A')], 'no_stream');
  // Another connection holds the write lock, so BEGIN IMMEDIATE fails with SQLITE_BUSY.
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  const results = await Promise.allSettled([
    store.append('ok', [newEvent('B')], 0n),
    store.append('new', [newEvent('C')], 'no_stream'),
  ]);
  t.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreUnavailableError), 'all rejected');
  t.equal((await store.health()).ok, false, 'health reports the failure');
  other.exec('ROLLBACK');
  other.close();
  const r = await store.append('ok', [newEvent('B')], 0n);
  t.equal(r.nextExpectedRevision, 1n, 'nothing of the failed batch was written');
  t.same(await store.readStream('new'), []);
  t.equal((await store.health()).ok, true);
});

t.test('a subscription still open when the store closes ends with an error', async (t) => {
  const store = openSqliteStore(freshFile());
  let reported: unknown;
  let caughtUp = false;
  const sub = store.subscribe({
    onEvents: () => {},
    onCaughtUp: () => {
      caughtUp = true;
    },
    onError: (e) => {
      reported = e;
    },
  });
  await waitFor(() => caughtUp);
  await store.close();
  await waitFor(() => reported !== undefined);
  await sub.close();
  t.type(reported, StoreUnavailableError);
});
