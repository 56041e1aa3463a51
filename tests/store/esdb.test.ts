/**
 * The EventStoreDB adapter: the store contract and adapter-specific behaviour against a real server
 * (ESDB_CONNECTION_STRING or a testcontainers container; SKIPPED with the reason when neither exists), and
 * the parts that need no server (unreachable server at start, bounded retries, health, position mapping,
 * storage codec), which always run.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import t from 'tap';
import { chain, GENESIS_HASH, verifyStream } from '../../services/store/hashChain.js';
import { decode, encode, validateNewEvent } from '../../services/store/esdb/codec.js';
import { isTransient, OperationTimeoutError, redact } from '../../services/store/esdb/connection.js';
import { appendForeign } from '../../services/store/esdb/foreign.js';
import { createEsdbStore, openEsdbStore } from '../../services/store/esdb/index.js';
import { comparePositions, fromPortPosition, isSystemType, toPortPosition } from '../../services/store/esdb/positions.js';
import { ForeignEventError } from '../../services/store/esdb/read.js';
import { StoreUnavailableError, type EventStore, type RecordedEvent } from '../../services/store/port.js';
import { startEsdbServer } from '../support/esdbServer.js';
import { newEvent, storeContract, waitFor } from '../support/storeContract.js';

const server = await startEsdbServer();
const skip = typeof server === 'string' ? server : false;
if (typeof server === 'string') t.comment(`EventStoreDB tests skipped: ${server}`);

/** A port nobody listens on: connections are refused at once. */
async function unusedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A TCP listener that accepts and never says a word: the gRPC handshake never completes. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const s: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

async function elapsed<T>(p: Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const start = Date.now();
  const [result] = await Promise.allSettled([p]);
  return { ms: Date.now() - start, result: result! };
}

const fast = { retries: 2, baseDelayMs: 10, maxDelayMs: 20, attemptTimeoutMs: 1_000 };

t.test('without a server', async (t) => {
  t.test('unreachable server at start: clear StoreUnavailableError, quickly, no credentials', async (t) => {
    const port = await unusedPort();
    const { ms, result } = await elapsed(openEsdbStore(`esdb://admin:s3cret@127.0.0.1:${port}?tls=false`, { connectTimeoutMs: 1_500 }));
    t.equal(result.status, 'rejected');
    const error = (result as PromiseRejectedResult).reason;
    t.ok(error instanceof StoreUnavailableError, `StoreUnavailableError (got ${String(error)})`);
    t.match(error.message, `127.0.0.1:${port}`, 'names the server');
    t.notMatch(error.message, 's3cret', 'never shows the password');
    t.notMatch(error.message, 'admin', 'never shows the user');
    t.ok(ms < 4_000, `gave up within the timeout (${ms} ms)`);
  });

  t.test('a server that accepts but never answers: bounded by connectTimeoutMs, not a hang', async (t) => {
    const silent = await silentServer();
    t.teardown(() => silent.close());
    const { ms, result } = await elapsed(openEsdbStore(`esdb://127.0.0.1:${silent.port}?tls=false`, { connectTimeoutMs: 1_500 }));
    t.equal(result.status, 'rejected');
    t.ok((result as PromiseRejectedResult).reason instanceof StoreUnavailableError);
    t.match((result as PromiseRejectedResult).reason.message, 'gave up after 1500 ms');
    t.ok(ms >= 1_400 && ms < 5_000, `waited about the timeout (${ms} ms)`);
  });

  t.test('a cluster connection string with no node up: StoreUnavailableError within the timeout', async (t) => {
    const [a, b, c] = [await unusedPort(), await unusedPort(), await unusedPort()];
    const cs = `esdb://127.0.0.1:${a},127.0.0.1:${b},127.0.0.1:${c}?tls=false&nodePreference=leader&maxDiscoverAttempts=2`;
    const { ms, result } = await elapsed(openEsdbStore(cs, { connectTimeoutMs: 2_000 }));
    t.equal(result.status, 'rejected');
    t.ok((result as PromiseRejectedResult).reason instanceof StoreUnavailableError);
    t.ok(ms < 6_000, `${ms} ms`);
  });

  t.test('a malformed connection string fails at once', async (t) => {
    await t.rejects(openEsdbStore('esdb://', { connectTimeoutMs: 1_000 }), StoreUnavailableError);
    await t.rejects(openEsdbStore('postgres://localhost', { connectTimeoutMs: 1_000 }), StoreUnavailableError);
  });

  t.test('while running: transient failures retried with backoff, bounded, then StoreUnavailableError', async (t) => {
    const port = await unusedPort();
    const retries: string[] = [];
    const store = createEsdbStore(`esdb://127.0.0.1:${port}?tls=false`, {
      retry: fast,
      healthTimeoutMs: 1_000,
      onRetry: (operation, _error, attempt) => retries.push(`${operation}#${attempt}`),
    });
    t.teardown(() => store.close());

    const h = await store.health();
    t.equal(h.ok, false, 'health reports the outage');
    t.equal(h.adapter, 'esdb');
    t.match(h.detail, `127.0.0.1:${port}`);

    const calls: Array<[string, () => Promise<unknown>]> = [
      ['append', () => store.append(`s-${randomUUID()}`, [newEvent('A')], 'no_stream')],
      ['readStream', () => store.readStream(`s-${randomUUID()}`)],
      ['readAll', () => store.readAll()],
      ['headPosition', () => store.headPosition()],
    ];
    for (const [name, call] of calls) {
      retries.length = 0;
      const { ms, result } = await elapsed(call());
      t.equal(result.status, 'rejected', `${name} fails`);
      const error = (result as PromiseRejectedResult).reason;
      t.ok(error instanceof StoreUnavailableError, `${name}: StoreUnavailableError (${String(error)})`);
      t.match(error.message, 'after 3 attempts', `${name}: says how often it tried`);
      t.equal(retries.length, 2, `${name}: retried twice (${retries.join(', ')})`);
      t.ok(ms < 3_000, `${name}: bounded (${ms} ms)`);
    }

    t.same(await store.readStream('any', { maxCount: 0 }), [], 'maxCount 0 asks nothing of the server');
    t.same(await store.readAll({ maxCount: 0 }), [], 'likewise for readAll');
    await t.rejects(store.append('s', [{ ...newEvent('A'), eventId: 'nope' }], 'any'), TypeError, 'bad ids fail before any I/O');

    let reported: unknown;
    retries.length = 0;
    const sub = store.subscribe({ onEvents: () => undefined, onError: (e) => (reported = e) });
    await waitFor(() => reported !== undefined, 5_000);
    await sub.close();
    t.ok(reported instanceof StoreUnavailableError, 'subscription gives up with StoreUnavailableError');
    t.equal(retries.filter((r) => r.startsWith('subscribe')).length, 2, 'after resubscribing twice');

    await store.close();
    t.same(await store.health(), { ok: false, adapter: 'esdb', detail: 'store is closed' });
    await t.rejects(store.readAll(), StoreUnavailableError, 'closed store refuses calls');
  });

  t.test('transient vs permanent failures', async (t) => {
    const grpc = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => ({}) } });
    t.ok(isTransient(grpc(14, 'No connection established')), 'UNAVAILABLE');
    t.ok(isTransient(grpc(4, 'Deadline exceeded')), 'DEADLINE_EXCEEDED');
    t.ok(isTransient(grpc(1, 'Cancelled by server')), 'CANCELLED by the server');
    t.notOk(isTransient(grpc(1, 'Cancelled on client')), 'our own cancellation is not');
    const notLeader = Object.assign(new Error('not leader'), {
      code: 5,
      details: 'Leader info available',
      metadata: { getMap: () => ({ exception: 'not-leader', 'leader-endpoint-host': '10.0.0.2', 'leader-endpoint-port': '2113' }) },
    });
    t.ok(isTransient(notLeader), 'NotLeader (the client has switched to the leader)');
    t.ok(isTransient(new OperationTimeoutError('readAll', 10)), 'our attempt timeout');
    t.ok(isTransient(new Error('Failed to discover after 10 attempts.')), 'cluster discovery');
    const wev = Object.assign(new Error('wrong expected version'), {
      code: 9,
      details: 'x',
      metadata: { getMap: () => ({ exception: 'wrong-expected-version', 'stream-name': 's', 'expected-version': '1', 'actual-version': '2' }) },
    });
    t.notOk(isTransient(wev), 'WrongExpectedVersion is not transient');
    t.notOk(isTransient(grpc(7, 'Access denied')), 'PERMISSION_DENIED-like errors are not');
    t.notOk(isTransient(new TypeError('bug')), 'plain errors are not');
    t.notOk(isTransient('string'), 'non-errors are not');
  });

  t.test('credentials are removed from connection strings', async (t) => {
    t.equal(redact('esdb://admin:changeit@node1:2113,node2:2113?tls=true'), 'esdb://node1:2113,node2:2113?tls=true');
    t.equal(redact('esdb+discover://u:p@cluster.local:2113'), 'esdb+discover://cluster.local:2113');
    t.equal(redact('esdb://localhost:2113?tls=false'), 'esdb://localhost:2113?tls=false');
  });

  t.test('position mapping: prepare position, resumed as {commit: p, prepare: p}', async (t) => {
    t.equal(toPortPosition({ commit: 1234n, prepare: 1234n }), 1234n);
    t.throws(() => toPortPosition({ commit: 2000n, prepare: 1500n }), /explicit transaction/, 'refuses a legacy transaction record');
    t.throws(() => toPortPosition(undefined), /22\.6/, 'refuses a server that reports no positions');
    t.equal(fromPortPosition(undefined), 'start');
    t.equal(fromPortPosition(0n), 'start', '0n = before everything');
    t.same(fromPortPosition(987n), { commit: 987n, prepare: 987n });
    t.equal(comparePositions({ commit: 1n, prepare: 5n }, { commit: 2n, prepare: 0n }), -1, 'commit first');
    t.equal(comparePositions({ commit: 2n, prepare: 5n }, { commit: 2n, prepare: 3n }), 1, 'then prepare');
    t.equal(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 3n }), 0);
    t.ok(isSystemType('$statsCollected') && isSystemType('$>') && !isSystemType('BallotCast'));
  });

  t.test('storage codec: envelope round-trips exactly, foreign and system events are recognised', async (t) => {
    const e = newEvent('Typed', { area: '1350.7400', nested: { list: [1, 'x', null] }, zh: '业主大会' });
    const [c] = chain('s-1', -1n, GENESIS_HASH, [e]);
    const stored = encode(c!);
    t.equal(stored.id, e.eventId, 'ESDB event id = our event id');
    t.equal(stored.contentType, 'application/json');
    t.match(stored.metadata, { schemaVersion: 1, prevHash: GENESIS_HASH, hash: c!.hash, $correlationId: 'corr', $causationId: 'cause' });
    // What the client hands back after the server stored the JSON.
    const back = {
      streamId: 's-1',
      id: stored.id,
      revision: 0n,
      type: stored.type,
      data: JSON.parse(JSON.stringify(stored.data)),
      metadata: JSON.parse(JSON.stringify(stored.metadata)),
      isJson: true as const,
      created: new Date(),
      position: { commit: 77n, prepare: 77n },
    };
    const decoded = decode(back, () => 77n)!;
    t.same(decoded.metadata, e.metadata, 'metadata exactly as written');
    t.same(decoded.data, e.data);
    t.equal(decoded.position, 77n);
    t.equal(verifyStream([decoded]), null, 'hash verifies after the round trip');
    t.equal(decode({ ...back, type: '$metadata' }, () => 1n), null, 'system event');
    t.equal(decode({ ...back, metadata: { app: 'other' } }, () => 1n), null, 'JSON without our envelope');
    t.equal(decode({ ...back, isJson: false as unknown as true, data: new Uint8Array([1]) as never }, () => 1n), null, 'binary');
    t.throws(() => validateNewEvent('s', { ...e, eventId: 'not-a-uuid' }), /lowercase UUID/);
    t.throws(() => validateNewEvent('s', { ...e, eventId: e.eventId.toUpperCase() }), /lowercase UUID/);
    t.throws(() => validateNewEvent('s', { ...e, type: '$Sneaky' }), /reserved/);
    t.throws(() => validateNewEvent('s', { ...e, data: undefined }), /no data/);
  });
});

t.test('with a server', { skip }, async (t) => {
  if (typeof server === 'string') return;
  t.teardown(() => server.stop());
  t.comment(`EventStoreDB: ${server.kind} ${redact(server.connectionString)}`);
  const open = () => openEsdbStore(server.connectionString, { connectTimeoutMs: 30_000 });

  t.test('esdb adapter passes the store contract', async (t) => {
    storeContract(t, open);
  });

  t.test('adapter specifics', async (t) => {
    let store: EventStore;
    t.beforeEach(async () => {
      store = await open();
    });
    t.afterEach(() => store.close());

    t.test('events of one append each get their own position; after is exclusive inside an append', async (t) => {
      const s = `pos-${randomUUID()}`;
      const start = await store.headPosition();
      const r = await store.append(s, [newEvent('A'), newEvent('B'), newEvent('C')], 'no_stream');
      const events = await store.readStream(s);
      const positions = events.map((e) => e.position);
      t.equal(new Set(positions).size, 3, 'distinct');
      t.ok(positions[0]! < positions[1]! && positions[1]! < positions[2]!, 'increasing');
      t.equal(r.position, positions[2], 'append returns the last event position');
      const all = (await store.readAll({ after: start })).filter((e) => e.streamId === s);
      t.same(all.map((e) => e.position), positions, 'stream reads and $all agree on positions');
      const afterFirst = (await store.readAll({ after: positions[0]! })).filter((e) => e.streamId === s);
      t.same(afterFirst.map((e) => e.type), ['B', 'C'], 'readAll after the first event of an append');
      const seen: RecordedEvent[] = [];
      const sub = store.subscribe({ after: positions[0]!, onEvents: (b) => void seen.push(...b.filter((e) => e.streamId === s)) });
      await waitFor(() => seen.length === 2);
      await sub.close();
      t.same(seen.map((e) => e.type), ['B', 'C'], 'subscribe after the first event of an append');
      t.equal(await store.headPosition(), positions[2]);
    });

    t.test('system and foreign events are skipped; a stream with foreign events is refused', async (t) => {
      const raw = createEsdbStore(server.connectionString);
      t.teardown(() => raw.close());
      const ours = `ours-${randomUUID()}`;
      const theirs = `theirs-${randomUUID()}`;
      const r = await store.append(ours, [newEvent('A')], 'no_stream');
      await appendForeign(raw.client, theirs);
      t.equal(await store.headPosition(), r.position, 'head ignores foreign events after ours');
      const all = await store.readAll({ after: r.position - 1n });
      t.notOk(all.some((e) => e.streamId === theirs), 'readAll skips them');
      t.ok(all.every((e) => !e.type.startsWith('$')), 'no system events');
      await t.rejects(store.readStream(theirs), ForeignEventError);
      const seen: RecordedEvent[] = [];
      const sub = store.subscribe({ after: r.position - 1n, onEvents: (b) => void seen.push(...b) });
      await store.append(ours, [newEvent('B')], 0n);
      await waitFor(() => seen.some((e) => e.type === 'B'));
      await sub.close();
      t.notOk(seen.some((e) => e.streamId === theirs), 'subscribe skips them');
    });

    t.test('concurrent appends with any / stream_exists all land and keep the chain', async (t) => {
      const s = `race-${randomUUID()}`;
      await store.append(s, [newEvent('A')], 'no_stream');
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.append(s, [newEvent(`X${i}`)], i % 2 === 0 ? 'any' : 'stream_exists')),
      );
      t.same(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), []);
      const events = await store.readStream(s);
      t.equal(events.length, 9);
      t.equal(verifyStream(events), null, 'chain intact under concurrent writers');
    });

    t.test('re-appending the same events at the same expectation is a conflict, as in every adapter', async (t) => {
      const s = `idem-${randomUUID()}`;
      const e = newEvent('A');
      await store.append(s, [e], 'no_stream');
      await t.rejects(store.append(s, [e], 'no_stream'), { name: 'RevisionConflictError', actual: 0n });
    });
  });
});
