/**
 * snap16 (#16 item 3): time-travel snapshots outlive the process. A server restarted on the same data
 * directory answers a compound-wide `?asOf=` exactly as before the restart, and folds it from a snapshot the
 * first server left in the read database: it reads at most one cell of events from the log
 * (AS_OF_SNAPSHOT_EVERY=10 here), where a fold from the start reads every event up to the point. On the
 * SQLite store, and on EventStoreDB when one is available (the read database is SQLite either way).
 */
import { rmSync } from 'node:fs';
import t, { type Test } from 'tap';
import { asOfReads } from '../../services/api/asOf/compoundAsOf.js';
import type { EventStore } from '../../services/store/port.js';
import { startTestApi } from '../support/api.js';
import { startEsdbServer } from '../support/esdbServer.js';

const EVERY = 10;
const env = { AS_OF_SNAPSHOT_EVERY: String(EVERY) };

async function restarted(t: Test, open?: () => Promise<EventStore>): Promise<void> {
  const first = await startTestApi({ env, ...(open ? { store: await open() } : {}) });
  const dataDir = first.dataDir;
  t.teardown(() => first.close());
  const admin = await first.token('p-admin', 'admin');
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await p;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const register = (name: string) => ok(first.call('POST', '/v1/compounds', { token: admin, body: { name, address: '文三路 1 号', jurisdiction: 'hangzhou' } }));
  const { compoundId } = await register('翠湖花园');
  const { compoundId: other } = await register('另一小区');
  const unit = (id: string, n: number) => ({ unitId: id, building: String(1 + (n % 3)), area: `${80 + n}.5`, areaSource: 'registry', owners: [{ personId: `p-${id}`, name: `业主${n}` }] });
  let point = '';
  for (let n = 1; n <= 30; n++) {
    const r = await ok(first.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [unit(`1-1-${100 + n}`, n)] } }));
    await ok(first.call('POST', `/v1/compounds/${other}/units`, { token: admin, body: { units: [unit(`9-1-${100 + n}`, n)] } }));
    if (n === 27) point = String(r.position ?? '');
  }
  if (!point) point = String(await first.runtime.deps.store.headPosition());
  const oc = await first.token('p-oc', `oc_member@${compoundId}`);
  const urls = [`/v1/compounds/${compoundId}/units?asOf=${point}`, `/v1/compounds/${compoundId}/electorate?asOf=${point}`];
  t.ok(BigInt(point) > 4n * BigInt(EVERY), `the point ${point} lies several cells into the log`);

  asOfReads.events = 0;
  const before = await Promise.all(urls.map((u) => first.call('GET', u, { token: oc })));
  for (const r of before) t.equal(r.statusCode, 200, r.body.slice(0, 200));
  const upToPoint = (await first.runtime.deps.store.readAll({})).filter((e) => e.position <= BigInt(point)).length;
  t.ok(upToPoint > 4 * EVERY && asOfReads.events >= upToPoint, `the first server folds from the start: ${asOfReads.events} events read (${upToPoint} up to the point)`);
  await first.close(true); // waits for the snapshots' writes (onClose); keeps the data directory

  const second = await startTestApi({ env, dataDir, ...(open ? { store: await open() } : {}) });
  t.teardown(async () => {
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const head = await second.runtime.deps.store.headPosition();
  t.ok(await second.runtime.deps.runner.waitFor(head, 60_000), 'the read model caught up');
  t.ok(second.runtime.deps.asOfSnapshots!.positions(compoundId!).length > 0, 'snapshots of the compound are on disk after the restart');
  asOfReads.events = 0;
  const oc2 = await second.token('p-oc', `oc_member@${compoundId}`);
  const after = await Promise.all(urls.map((u) => second.call('GET', u, { token: oc2 })));
  for (const [i, r] of after.entries()) {
    t.equal(r.statusCode, 200);
    t.same(r.json(), before[i]!.json(), `${urls[i]} answers as before the restart`);
    t.equal(String(r.headers['x-as-of-position']), String(before[i]!.headers['x-as-of-position']), 'the same cut');
  }
  t.ok(asOfReads.events <= EVERY, `after the restart: ${asOfReads.events} events read (at most one cell of ${EVERY})`);
}

t.test('SQLite: a restarted server answers a past view as before, reading at most one cell of events', (t) => restarted(t));

const server = await startEsdbServer();
t.test('EventStoreDB: the same', { skip: typeof server === 'string' ? server : false }, async (t) => {
  if (typeof server === 'string') return;
  t.teardown(() => server.stop());
  const { openEsdbStore } = await import('../../services/store/esdb/index.js');
  await restarted(t, () => openEsdbStore(server.connectionString));
});
