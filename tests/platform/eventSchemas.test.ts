/**
 * Event schema versions on a real SQLite log: a `MotionProposed` of version 1 (before its rules carried
 * `meeting`, `objectionWindowDays` and `seatRanking`) is read by the deciders, the projections (on their own
 * thread) and the views in the version-2 shape; new events are written at version 2; the stored bytes of the old
 * event stay as they were and every hash chain still verifies.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { assemblyUpcasters, motionStreamId, type MotionProposedData } from '../../domain/assembly/index.js';
import { eventSchemas as registryOf } from '../../domain/shared/eventSchemas.js';
import type { ManualClock } from '../../services/clock.js';
import { verifyLog } from '../../services/cli/verify.js';
import { eventSchemas } from '../../services/contexts.js';
import { withEventSchemas } from '../../services/store/eventSchemaStore.js';
import { memoryStore } from '../../services/store/memory.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { startTestApi } from '../support/api.js';

const DAY = 86_400_000;

t.test('the assembly declares MotionProposed at version 2', async (t) => {
  t.equal(eventSchemas.current('MotionProposed'), 2);
  t.equal(eventSchemas.current('BallotCast'), 1);
  const v1 = { motionId: 'm', rules: { rulePack: 'national', noticeDays: 15 } };
  t.same(registryOf(assemblyUpcasters).upcast({ type: 'MotionProposed', schemaVersion: 1, data: v1 }).data, {
    motionId: 'm',
    rules: { rulePack: 'national', noticeDays: 15, meeting: 'regular', objectionWindowDays: 0, seatRanking: 'headcount_then_area' },
  });
  const kept = { motionId: 'm', rules: { meeting: 'extraordinary', objectionWindowDays: 5, seatRanking: 'area_then_headcount' } };
  t.same(registryOf(assemblyUpcasters).upcast({ type: 'MotionProposed', schemaVersion: 1, data: kept }).data, kept, 'fields a version-1 event has are kept');
});

t.test('the store as the app sees it: reads upcast, appends stamped, the stored event untouched', async (t) => {
  const raw = memoryStore();
  const store = withEventSchemas(raw, eventSchemas);
  const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { personId: 'p', role: 'admin' }, recordedAt: '2026-03-02T02:00:00.000Z' };
  await raw.append('motion-old', [{ eventId: 'e1', type: 'MotionProposed', schemaVersion: 1, data: { motionId: 'old', rules: {} }, metadata }], 'no_stream');
  await store.append('motion-new', [{ eventId: 'e2', type: 'MotionProposed', schemaVersion: 1, data: { motionId: 'new', rules: { meeting: 'regular', objectionWindowDays: 0, seatRanking: 'headcount_then_area' } }, metadata }], 'no_stream');
  t.same(raw.events.map((e) => e.schemaVersion), [1, 2], 'stored: the old at 1, the new stamped 2');
  t.same(raw.events[0]!.data, { motionId: 'old', rules: {} }, 'the old event as stored');
  const [old] = await store.readStream('motion-old');
  t.match(old, { schemaVersion: 2, data: { rules: { meeting: 'regular', objectionWindowDays: 0 } }, hash: raw.events[0]!.hash });
  t.same((await store.readAll()).map((e) => e.schemaVersion), [2, 2]);
  const seen: number[] = [];
  const sub = store.subscribe({ onEvents: (events) => void seen.push(...events.map((e) => e.schemaVersion)) });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await sub.close();
  t.same(seen, [2, 2], 'a subscription delivers the current shape');
  t.equal(store.name, raw.name, 'the adapter shows through');
});

t.test('a version-1 MotionProposed in a SQLite log reads as version 2 everywhere; chains still verify', async (t) => {
  const api = await startTestApi();
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '旧小区', address: '路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = [1, 2, 3].map((i) => ({ unitId: `1-1-10${i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const body = { title: 't', description: '', matter: 'other_major', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 60 * DAY).toISOString() };
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: oc, body });
  t.equal(proposed.statusCode, 201);
  const { motionId } = proposed.json() as { motionId: string };
  await api.close(true);

  // A motion proposed before its rules carried the three fields: version 1, as an older server wrote it.
  const file = join(api.dataDir, 'events.db');
  const raw = openSqliteStore(file);
  const [current] = await raw.readStream(motionStreamId(motionId));
  t.equal(current!.schemaVersion, 2, 'the server writes MotionProposed at version 2');
  const { meeting, objectionWindowDays, seatRanking, ...oldRules } = (current!.data as MotionProposedData).rules;
  t.same([meeting, objectionWindowDays, seatRanking], ['regular', 0, 'headcount_then_area']);
  const oldId = 'm-old-v1';
  const oldData = { ...(current!.data as MotionProposedData), motionId: oldId, rules: oldRules };
  await raw.append(motionStreamId(oldId), [{ eventId: '01900000-0000-7000-8000-0000000000a1', type: 'MotionProposed', schemaVersion: 1, data: oldData, metadata: current!.metadata }], 'no_stream');
  await raw.close();

  const again = await startTestApi(t, { dataDir: api.dataDir });
  const view = await again.call('GET', `/v1/motions/${oldId}?after=0`, { token: oc });
  t.equal(view.statusCode, 200, view.body);
  t.match(view.json(), { motionId: oldId, meeting: 'regular', status: 'proposed' }, 'the projection (its own thread) saw version 2');
  const notice = await again.call('POST', `/v1/motions/${oldId}/notice`, { token: oc });
  t.equal(notice.statusCode, 201, `the decider folds it: ${notice.body}`);
  const state = await again.runtime.deps.assembly.motion(oldId);
  t.match(state, { status: 'noticed', rules: { meeting: 'regular', objectionWindowDays: 0, seatRanking: 'headcount_then_area' } });
  await again.close(true);

  const db = new Database(file, { readonly: true });
  t.teardown(() => db.close());
  const row = db.prepare('SELECT schema_version, data FROM events WHERE stream_id = ?').get(motionStreamId(oldId)) as { schema_version: number; data: string };
  t.equal(Number(row.schema_version), 1, 'the stored version is still 1');
  t.notMatch(row.data, /meeting|objectionWindowDays|seatRanking/, 'the stored data is as written');
  const verify = openSqliteStore(file);
  t.teardown(() => verify.close());
  const result = await verifyLog(verify);
  t.same(result.problems, [], 'every chain and the log tree verify');
  t.ok(result.events >= 5, `${result.events} events checked`);
});
