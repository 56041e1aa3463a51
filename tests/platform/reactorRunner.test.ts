/**
 * The reactor runner on the memory and the SQLite store: each triggering event's command runs exactly once,
 * also when the checkpoint is lost and everything is read again; a failing reactor shows where it stopped
 * and why (no paths), retries with backoff, and does not hold up another reactor.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { manualClock } from '../../services/clock.js';
import { openPlatformDb } from '../../services/platform/platformDb.js';
import { reactorCommandId } from '../../services/platform/reactor.js';
import { publicReason, startReactors, type ReactorRunner } from '../../services/platform/reactorRunner.js';
import { memoryStore } from '../../services/store/memory.js';
import type { EventStore } from '../../services/store/port.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { effectReactor, effectStream, ping } from '../support/effectReactor.js';

const stores: Array<[string, (dir: string) => EventStore]> = [
  ['memory', () => memoryStore()],
  ['sqlite', (dir) => openSqliteStore(join(dir, 'events.db'))],
];

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const statusOf = (runner: ReactorRunner, name: string) => runner.status().find((s) => s.name === name)!;

for (const [adapter, open] of stores) {
  t.test(`${adapter} store`, async (t: Test) => {
    const dir = mkdtempSync(join(tmpdir(), 'reactors-'));
    const store = open(dir);
    const db = openPlatformDb(join(dir, 'platform.db'));
    t.teardown(async () => {
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const clock = manualClock(new Date('2026-03-02T02:00:00Z'));

    t.test('each triggering event acts exactly once, also when everything is read again', async (t) => {
      const pings = ['a', 'b', 'c'];
      const positions = [];
      for (const p of pings) positions.push(await ping(store, p));
      const head = await store.headPosition();

      let runner = startReactors([effectReactor(store)], { store, checkpoints: db, clock });
      t.ok(await runner.waitFor('effects', head, 5_000), 'the reactor reached the head');
      await runner.close();
      for (const [i, p] of pings.entries()) {
        const effects = await store.readStream(effectStream(p));
        t.equal(effects.length, 1, `one effect for ping ${p}`);
        t.equal(effects[0]!.metadata.commandId, reactorCommandId('effects', (await store.readStream(`ping-${p}`))[0]!.eventId, 0), 'its command id comes from the ping');
        t.equal(effects[0]!.metadata.actor.role, 'system', 'issued by the system actor');
        t.equal(effects[0]!.metadata.causationId, (await store.readStream(`ping-${p}`))[0]!.eventId, 'caused by the ping');
        t.ok(positions[i]! < effects[0]!.position);
      }
      t.ok(db.checkpoint('effects') >= head, 'the checkpoint is stored');

      // The checkpoint is lost (a fresh platform database, a renamed table): every ping is read again.
      db.saveCheckpoint('effects', 0n);
      runner = startReactors([effectReactor(store)], { store, checkpoints: db, clock });
      t.ok(await runner.waitFor('effects', await store.headPosition(), 5_000));
      const s = statusOf(runner, 'effects');
      await runner.close();
      t.equal(s.replayed, 3, 'all three commands were found in the log');
      t.equal(s.issued, 0, 'and none ran again');
      for (const p of pings) t.equal((await store.readStream(effectStream(p))).length, 1, `still one effect for ping ${p}`);
    });

    t.test('a failing reactor shows where it stopped, retries with backoff and holds up nobody', async (t) => {
      const failures = 3;
      let thrown = 0;
      const flaky = effectReactor(store, 'flaky', {
        fail: (event) => ((event.data as { pingId: string }).pingId === 'f2' && thrown++ < failures ? new Error(`cannot open /srv/secret/data/x.db (attempt ${thrown})`) : null),
      });
      const steady = effectReactor(store, 'steady');
      await ping(store, 'f1');
      const stuck = await ping(store, 'f2');
      await ping(store, 'f3');
      const head = await store.headPosition();
      const runner = startReactors([flaky, steady], { store, checkpoints: db, clock, backoff: { initialMs: 100, maxMs: 400 } });
      t.teardown(() => runner.close());

      t.ok(await runner.waitFor('steady', head, 5_000), 'the other reactor goes on to the head');
      await until('the flaky reactor reports its failure', () => statusOf(runner, 'flaky').state === 'failing');
      const failing = statusOf(runner, 'flaky');
      t.equal(failing.failure!.at, stuck.toString(), 'it names the event it stopped at');
      t.ok(BigInt(failing.position) < stuck, 'its checkpoint stands before that event');
      t.notMatch(failing.failure!.reason, /srv|secret/, 'the reason names no path');
      t.match(failing.failure!.reason, /cannot open <path>/);
      t.equal((await store.readStream(effectStream('f3'))).length, 1, 'the steady reactor acted on the event after it');

      const started = Date.now();
      t.ok(await runner.waitFor('flaky', head, 5_000), 'it recovers by itself');
      t.ok(Date.now() - started >= 100, 'after backing off');
      t.equal(thrown, failures + 1, `it tried ${failures + 1} times`);
      t.equal(statusOf(runner, 'flaky').state, 'running');
      t.equal(statusOf(runner, 'flaky').failure, null);
      for (const p of ['f1', 'f2', 'f3']) t.equal((await store.readStream(effectStream(p))).length, 2, `ping ${p}: one effect per reactor`);
    });

    t.test('a reactor is handed only the types it handles; its checkpoint still reaches the head past the others', async (t) => {
      const delivered: string[] = [];
      const asked: Array<readonly string[] | undefined> = [];
      // The store as the runner sees it: records what it asks for and what it is handed.
      const watched: EventStore = Object.create(store) as EventStore;
      watched.subscribe = (options) => {
        asked.push(options.types);
        return store.subscribe({ ...options, onEvents: (events, through) => (delivered.push(...events.map((e) => e.type)), options.onEvents(events, through)) });
      };
      const from = await store.headPosition();
      db.saveCheckpoint('filtered', from);
      await ping(store, 'g1');
      await ping(store, 'g2');
      // Noise after the last ping: only the store's `through` can move the checkpoint past it.
      const { type, schemaVersion, data, metadata } = (await store.readStream('noise-g1'))[0]!;
      await store.append('noise-tail', [{ eventId: randomUUID(), type, schemaVersion, data, metadata }], 'any');
      const head = await store.headPosition();
      const runner = startReactors([effectReactor(store, 'filtered')], { store: watched, checkpoints: db, clock });
      t.ok(await runner.waitFor('filtered', head, 5_000), 'the reactor reached the head');
      const s = statusOf(runner, 'filtered');
      await runner.close();
      t.same(asked, [['Ping']], 'the runner asks the store for the types the reactor handles');
      t.same([...new Set(delivered)], ['Ping'], 'and is handed nothing else');
      t.equal(s.position, head.toString(), 'its checkpoint is at the head, past the trailing noise');
      t.equal(db.checkpoint('filtered'), head, 'and is stored there');
      for (const p of ['g1', 'g2']) t.equal((await store.readStream(effectStream(p))).length, 1, `one effect for ping ${p}`);
    });
  });
}

t.test('publicReason keeps codes and drops paths', async (t) => {
  const e = Object.assign(new Error('SQLITE_CANTOPEN: unable to open /var/lib/app/events.db'), { code: 'SQLITE_CANTOPEN' });
  t.equal(publicReason(e), 'SQLITE_CANTOPEN: unable to open <path>');
  t.equal(publicReason(new Error('store closed')), 'store closed');
  t.equal(publicReason(new Error('at C:\\data\\x.db and "/tmp/y"')), 'at <path> and "<path>"');
});
