/**
 * The store contract: every adapter of services/store/port.ts must pass it.
 * `open` returns a fresh, empty store each call.
 */
import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import { GENESIS_HASH, verifyStream } from '../../services/store/hashChain.js';
import { EMPTY_ROOT, leafHash, merkleRoot } from '../../services/store/logTree.js';
import { RevisionConflictError, type EventStore, type NewEvent, type RecordedEvent } from '../../services/store/port.js';

export function newEvent(type: string, data: unknown = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      commandId: randomUUID(),
      correlationId: 'corr',
      causationId: 'cause',
      actor: { personId: 'p1', role: 'admin' },
      recordedAt: '2026-11-21T00:00:00.000Z',
    },
  };
}

const uniq = (prefix: string) => `${prefix}-${randomUUID()}`;

async function conflict(t: Test, p: Promise<unknown>, actual: bigint | 'no_stream') {
  await t.rejects(p, RevisionConflictError);
  const err = await p.catch((e: unknown) => e);
  t.ok(err instanceof RevisionConflictError && err.actual === actual, `actual revision reported as ${String(actual)}`);
}

export function storeContract(t: Test, open: () => Promise<EventStore>): void {
  let store: EventStore;
  t.beforeEach(async () => {
    store = await open();
  });
  t.afterEach(async () => {
    await store.close();
  });

  t.test('append to a new stream with no_stream, 0-based revisions, positions grow', async (t) => {
    const s = uniq('a');
    const r1 = await store.append(s, [newEvent('A'), newEvent('B')], 'no_stream');
    t.equal(r1.nextExpectedRevision, 1n);
    const r2 = await store.append(s, [newEvent('C')], 1n);
    t.equal(r2.nextExpectedRevision, 2n);
    t.ok(r2.position > r1.position, 'global position grows');
    const events = await store.readStream(s);
    t.same(events.map((e) => e.revision), [0n, 1n, 2n]);
    t.same(events.map((e) => e.type), ['A', 'B', 'C']);
    t.equal(events[2]!.position, r2.position, 'append returns the position of its last event');
    t.equal(events[2]!.hash, r2.hash, 'append returns the hash of its last event');
    t.ok(events[0]!.position < events[1]!.position && events[1]!.position < events[2]!.position);
  });

  t.test('expected revisions: no_stream, stream_exists, exact, any', async (t) => {
    const s = uniq('b');
    await conflict(t, store.append(s, [newEvent('A')], 'stream_exists'), 'no_stream');
    await conflict(t, store.append(s, [newEvent('A')], 0n), 'no_stream');
    await store.append(s, [newEvent('A')], 'no_stream');
    await conflict(t, store.append(s, [newEvent('B')], 'no_stream'), 0n);
    await conflict(t, store.append(s, [newEvent('B')], 1n), 0n);
    await store.append(s, [newEvent('B')], 'stream_exists');
    await store.append(s, [newEvent('C')], 'any');
    const r = await store.append(s, [newEvent('D')], 2n);
    t.equal(r.nextExpectedRevision, 3n);
    t.equal((await store.readStream(s)).length, 4);
    const fresh = uniq('b2');
    const ra = await store.append(fresh, [newEvent('A')], 'any');
    t.equal(ra.nextExpectedRevision, 0n, 'any creates a stream');
  });

  t.test('a failed append writes nothing', async (t) => {
    const s = uniq('c');
    await store.append(s, [newEvent('A')], 'no_stream');
    const head = await store.headPosition();
    await t.rejects(store.append(s, [newEvent('B'), newEvent('C')], 5n), RevisionConflictError);
    t.equal((await store.readStream(s)).length, 1);
    t.equal(await store.headPosition(), head);
  });

  t.test('data, metadata and ids round-trip exactly', async (t) => {
    const s = uniq('d');
    const e = newEvent('Typed', { area: '1350.7400', nested: { list: [1, 'x', null], yes: true }, zh: '业主大会' });
    await store.append(s, [e], 'no_stream');
    const [got] = await store.readStream(s);
    t.equal(got!.eventId, e.eventId);
    t.equal(got!.type, 'Typed');
    t.equal(got!.schemaVersion, 1);
    t.same(got!.data, e.data);
    t.same(got!.metadata, e.metadata);
    t.equal(got!.streamId, s);
  });

  t.test('readStream: missing stream is empty; fromRevision and maxCount', async (t) => {
    t.same(await store.readStream(uniq('missing')), []);
    const s = uniq('e');
    await store.append(s, [newEvent('A'), newEvent('B'), newEvent('C'), newEvent('D')], 'no_stream');
    const part = await store.readStream(s, { fromRevision: 1n, maxCount: 2 });
    t.same(part.map((e) => e.type), ['B', 'C']);
  });

  t.test('readAll: one global order across streams, exclusive after', async (t) => {
    const s1 = uniq('f1');
    const s2 = uniq('f2');
    const start = await store.headPosition();
    await store.append(s1, [newEvent('A')], 'no_stream');
    await store.append(s2, [newEvent('B')], 'no_stream');
    await store.append(s1, [newEvent('C')], 0n);
    const all = await store.readAll({ after: start });
    t.same(all.map((e) => e.type), ['A', 'B', 'C']);
    const positions = all.map((e) => e.position);
    t.same([...positions].sort((a, b) => (a < b ? -1 : 1)), positions, 'ascending');
    const after = await store.readAll({ after: all[0]!.position, maxCount: 1 });
    t.same(after.map((e) => e.type), ['B']);
    t.equal(await store.headPosition(), all[2]!.position);
  });

  t.test('hash chain: linked, verifiable', async (t) => {
    const s = uniq('g');
    await store.append(s, [newEvent('A', { n: 1 })], 'no_stream');
    await store.append(s, [newEvent('B', { n: 2 }), newEvent('C', { n: 3 })], 0n);
    const events = await store.readStream(s);
    t.equal(events[0]!.prevHash, GENESIS_HASH);
    t.equal(events[1]!.prevHash, events[0]!.hash);
    t.equal(events[2]!.prevHash, events[1]!.hash);
    t.equal(verifyStream(events), null);
    const tampered: RecordedEvent[] = events.map((e, i) => (i === 1 ? { ...e, data: { n: 20 } } : e));
    t.match(verifyStream(tampered), { revision: 1n, reason: 'hash_mismatch' });
  });

  t.test('log tree: each event carries its leaf, the head is the RFC 6962 root over the global order', async (t) => {
    if (!store.treeHead) {
      t.comment(`skipped: the ${store.name} store keeps no log tree (a projection over $all can compute it; see README)`);
      return;
    }
    t.same(await store.treeHead(), { treeSize: 0n, rootHash: EMPTY_ROOT.toString('hex') }, 'empty log, empty tree');
    const a = uniq('tree');
    await store.append(a, [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], 'no_stream');
    // One turn: these may share one transaction, the conflicting one failing alone.
    await Promise.allSettled([
      store.append(uniq('tree'), [newEvent('C')], 'no_stream'),
      store.append(a, [newEvent('X')], 0n),
      store.append(uniq('tree'), [newEvent('D'), newEvent('E')], 'no_stream'),
    ]);
    await store.append(a, [newEvent('F')], 1n);
    const all = await store.readAll();
    t.equal(all.length, 6);
    const leaves = all.map((e, i) => leafHash(i, e.hash, e.metadata));
    t.same(all.map((e) => e.leafHash), leaves.map((l) => l.toString('hex')), 'each leaf is computed at its index');
    t.same(await store.treeHead(), { treeSize: 6n, rootHash: merkleRoot(leaves).toString('hex') });
  });

  t.test('concurrent appends with the same expectation: exactly one wins', async (t) => {
    const s = uniq('h');
    await store.append(s, [newEvent('A')], 'no_stream');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => store.append(s, [newEvent('B')], 0n)),
    );
    t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    t.ok(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof RevisionConflictError));
    t.equal((await store.readStream(s)).length, 2);
    t.equal(verifyStream(await store.readStream(s)), null);
  });

  t.test('many concurrent producers on distinct streams all land, in one order', async (t) => {
    const start = await store.headPosition();
    const streams = Array.from({ length: 64 }, () => uniq('i'));
    const results = await Promise.all(
      streams.map((s) => store.append(s, [newEvent('A'), newEvent('B')], 'no_stream')),
    );
    const positions = new Set(results.map((r) => r.position));
    t.equal(positions.size, 64, 'distinct positions');
    const all = (await store.readAll({ after: start })).filter((e) => streams.includes(e.streamId));
    t.equal(all.length, 128);
    for (const s of streams) {
      const evs = await store.readStream(s);
      t.same(evs.map((e) => e.type), ['A', 'B'], 'a stream keeps its order');
    }
  });

  t.test('catch-up subscription: history, then live, in order, resumable', async (t) => {
    const s = uniq('j');
    const start = await store.headPosition();
    await store.append(s, [newEvent('A'), newEvent('B')], 'no_stream');
    const seen: RecordedEvent[] = [];
    let caughtUp = false;
    const sub = store.subscribe({
      after: start,
      onEvents: (events) => {
        seen.push(...events.filter((e) => e.streamId === s));
      },
      onCaughtUp: () => {
        caughtUp = true;
      },
    });
    await waitFor(() => seen.length === 2);
    await waitFor(() => caughtUp);
    await store.append(s, [newEvent('C')], 1n);
    await waitFor(() => seen.length === 3);
    await sub.close();
    t.same(seen.map((e) => e.type), ['A', 'B', 'C']);
    const resumed: RecordedEvent[] = [];
    const sub2 = store.subscribe({
      after: seen[0]!.position,
      onEvents: (events) => {
        resumed.push(...events.filter((e) => e.streamId === s));
      },
    });
    await waitFor(() => resumed.length === 2);
    await sub2.close();
    t.same(resumed.map((e) => e.type), ['B', 'C'], 'resumes after the checkpoint');
  });

  t.test('a type filter delivers only those types, in order, and the checkpoint still passes the others', async (t) => {
    // Types of our own: on a shared EventStoreDB other tests' events are in $all too.
    const A = uniq('A');
    const B = uniq('B');
    const X = uniq('X');
    const s = uniq('f');
    const start = await store.headPosition();
    // 1,100 events, more than a page either way: 550 wanted ones among 550 skipped ones, then 600 skipped ones.
    const mixed = Array.from({ length: 1_100 }, (_, i) => newEvent(i % 2 === 0 ? A : X, { i }));
    await store.append(s, mixed, 'no_stream');
    const r = await store.append(s, Array.from({ length: 600 }, () => newEvent(X)), 1_099n);
    const seen: RecordedEvent[] = [];
    let through = start;
    const throughs: bigint[] = [];
    const sub = store.subscribe({
      after: start,
      types: [A, B],
      onEvents: (events, upTo) => {
        t.ok(upTo >= (events[events.length - 1]?.position ?? 0n), 'a batch is delivered through its last event at least');
        t.ok(upTo > through || events.length === 0, 'through only grows');
        seen.push(...events);
        throughs.push(upTo);
        if (upTo > through) through = upTo;
      },
    });
    await waitFor(() => through >= r.position);
    t.same(seen.map((e) => e.type), Array.from({ length: 550 }, () => A), 'only the wanted type, every one of them');
    t.same(seen.map((e) => (e.data as { i: number }).i), Array.from({ length: 550 }, (_, i) => 2 * i), 'in order, none twice');
    t.ok(seen.every((e, i) => i === 0 || e.position > seen[i - 1]!.position), 'positions grow');
    t.ok(throughs.every((p, i) => i === 0 || p >= throughs[i - 1]!), 'the checkpoint never goes back');
    // Live: a wanted event after skipped ones arrives; the checkpoint passes skipped live events too.
    const live = await store.append(s, [newEvent(X), newEvent(B), newEvent(X)], r.nextExpectedRevision);
    await waitFor(() => through >= live.position);
    await sub.close();
    t.same(seen.slice(550).map((e) => e.type), [B], 'a live event of a wanted type');
    // Restart from the last checkpoint: nothing is delivered again.
    const again: RecordedEvent[] = [];
    let through2 = through;
    const sub2 = store.subscribe({
      after: through,
      types: [A, B, X],
      onEvents: (events, upTo) => {
        again.push(...events.filter((e) => e.streamId === s));
        if (upTo > through2) through2 = upTo;
      },
    });
    const last = await store.append(s, [newEvent(A)], live.nextExpectedRevision);
    await waitFor(() => through2 >= last.position);
    await sub2.close();
    t.same(again.map((e) => e.position), [last.position], 'a restart from the checkpoint sees only what came after it');
  });

  t.test('a failing subscriber stops and reports the error', async (t) => {
    await store.append(uniq('k'), [newEvent('A')], 'no_stream');
    let reported: unknown;
    const sub = store.subscribe({
      onEvents: () => {
        throw new Error('boom');
      },
      onError: (e) => {
        reported = e;
      },
    });
    await waitFor(() => reported !== undefined);
    await sub.close();
    t.match(reported, { message: 'boom' });
  });

  t.test('appending an empty list checks the expectation only', async (t) => {
    const s = uniq('l');
    await t.rejects(store.append(s, [], 'stream_exists'), RevisionConflictError);
    await store.append(s, [newEvent('A')], 'no_stream');
    const r = await store.append(s, [], 0n);
    t.equal(r.nextExpectedRevision, 0n);
    t.equal((await store.readStream(s)).length, 1);
  });

  t.test('health reports the adapter', async (t) => {
    const h = await store.health();
    t.equal(h.ok, true);
    t.equal(h.adapter, store.name);
  });
}

export async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
