import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { openReadView } from '../../services/projections/readStore.js';
import { startThreadedProjectionRunner } from '../../services/projections/threadedRunner.js';
import { openSqliteStore, type SqliteStore } from '../../services/store/sqlite/index.js';
import { COUNTS } from '../support/countingProjections.js';

const projections = { module: new URL('../support/countingProjections.ts', import.meta.url).href, exportName: 'countingProjections' };
const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { personId: 'p', role: 'admin' }, recordedAt: '2026-03-02T00:00:00.000Z' };
const event = (type = 'Counted') => ({ eventId: crypto.randomUUID(), type, schemaVersion: 1, data: {}, metadata });

function setup(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-projector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(join(dir, 'events.db'));
  t.teardown(() => store.close());
  const readFile = join(dir, 'read.db');
  const start = (s: SqliteStore = store) => startThreadedProjectionRunner({ eventsFile: s.file, readFile, commits: (l) => s.onCommitted(l), projections });
  return { dir, store, readFile, start };
}

t.test('the thread projects what the store commits; the main thread reads it on its own connection', async (t) => {
  const { store, readFile, start } = setup(t);
  await store.append('s-1', [event(), event()], 'no_stream');
  const runner = await start();
  const view = openReadView(readFile);
  t.ok(await runner.waitFor(2n, 5_000), 'catches up with history');
  t.same(view.get(COUNTS, 's-1'), { n: 2, position: '2' });
  // Woken by the store's commit, not by the catch-up poll (1 s): a wait of 300 ms is enough.
  const { position } = await store.append('s-1', [event()], 1n);
  t.ok(await runner.waitFor(position, 300), 'a new commit is projected at once');
  t.equal(runner.position(), position);
  t.same(view.get(COUNTS, 's-1'), { n: 3, position: String(position) });
  t.equal(view.checkpoint(), position, 'the checkpoint moved with the documents');
  await runner.close();
  await runner.close();
  t.pass('close twice');
  await view.close();
});

t.test('a restart resumes from the checkpoint, without applying anything twice', async (t) => {
  const { store, readFile, start } = setup(t);
  await store.append('s-1', [event()], 'no_stream');
  const first = await start();
  t.ok(await first.waitFor(1n));
  await first.close();
  const { position } = await store.append('s-1', [event(), event()], 0n);
  const second = await start();
  t.ok(await second.waitFor(position));
  const view = openReadView(readFile);
  t.same(view.get(COUNTS, 's-1'), { n: 3, position: String(position) });
  await second.close();
  await view.close();
});

t.test('a projection that breaks on an event stops for that scope alone, on the record; the runner goes on', async (t) => {
  const { store, readFile, start } = setup(t);
  const runner = await start();
  await store.append('s-1', [event()], 'no_stream');
  const { position } = await store.append('s-2', [event('Boom')], 'no_stream');
  t.ok(await runner.waitFor(position, 5_000), 'goes past the broken event');
  t.equal(runner.failure(), undefined, 'the runner did not stop');
  const after = await store.append('s-2', [event()], 0n);
  const other = await store.append('s-3', [event()], 'no_stream');
  t.ok(await runner.waitFor(other.position, 5_000));
  const view = openReadView(readFile);
  t.equal(view.get(COUNTS, 's-2'), undefined, 'the broken scope is skipped from the failure on');
  t.same(view.get(COUNTS, 's-3'), { n: 1, position: String(other.position) }, 'another scope goes on');
  t.match(view.failures(), [{ projection: 'test-counts', scope: 's-2', position: String(position), eventType: 'Boom', reason: `projection broke at ${position}` }]);
  t.ok(after.position > position);
  await runner.close();
  await view.close();
});

t.test('a read database that cannot be opened fails the start, not later', async (t) => {
  const { dir, store } = setup(t);
  const readFile = join(dir, 'a-directory');
  mkdirSync(readFile);
  await t.rejects(startThreadedProjectionRunner({ eventsFile: store.file, readFile, commits: (l) => store.onCommitted(l), projections }));
});

t.test('a catch-up far behind the log reports its progress (to the log, and runner.progress() that /health shows) until it reaches the head (#18)', async (t) => {
  const { store, readFile } = setup(t);
  for (let i = 0; i < 12; i++) await store.append(`s-${i}`, Array.from({ length: 1000 }, () => event()), 'no_stream');
  const reports: unknown[] = [];
  const runner = await startThreadedProjectionRunner({
    eventsFile: store.file,
    readFile,
    commits: (l) => store.onCommitted(l),
    projections,
    log: { error: () => {}, info: (obj) => reports.push((obj as { catchUp: unknown }).catchUp) },
  });
  t.ok(await runner.waitFor(12_000n, 20_000), 'caught up');
  await waitUntil(() => runner.progress?.()?.done === true);
  t.match(runner.progress?.(), { from: '0', position: '12000', target: '12000', etaSeconds: 0, done: true });
  t.ok((runner.progress?.()?.eventsPerSecond ?? 0) > 0, 'a rate');
  t.match(reports[0], { from: '0', position: '0', target: '12000', done: false }, 'reported at the start');
  t.match(reports.at(-1), { done: true }, 'and when done, in the log');
  await runner.close();
});

t.test('a start that is not far behind reports no catch-up', async (t) => {
  const { store, start } = setup(t);
  await store.append('s-1', [event()], 'no_stream');
  const runner = await start();
  t.ok(await runner.waitFor(1n, 5_000));
  t.equal(runner.progress?.(), null);
  await runner.close();
});

t.test('live commits gathered into one read while the log is busy (#18); a reader waiting is read for at once', async (t) => {
  const { store, readFile } = setup(t);
  // A window far longer than any wait below: only the hurry of a waiting reader can make the waits pass in time.
  const runner = await startThreadedProjectionRunner({ eventsFile: store.file, readFile, commits: (l) => store.onCommitted(l), projections, tuning: { coalesceMs: 4_000 } });
  const first = await store.append('s-1', [event()], 'no_stream');
  t.ok(await runner.waitFor(first.position, 1_000), 'after a quiet spell, read at once');
  // The log was read just now: these commits are held back for the window...
  const second = await store.append('s-1', [event()], 0n);
  const third = await store.append('s-1', [event()], 1n);
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(runner.position(), first.position, 'held back while nobody waits');
  // ...until a reader waits for them.
  // Well before the catch-up's safety poll (1 s after the last read) would read them anyway.
  t.ok(await runner.waitFor(third.position, 400), 'a waiting reader hurries the read');
  const view = openReadView(readFile);
  t.same(view.get(COUNTS, 's-1'), { n: 3, position: String(third.position) }, 'both commits in the read model');
  t.ok(second.position < third.position);
  await runner.close();
  await view.close();
});

async function waitUntil(check: () => boolean, ms = 5_000) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}
