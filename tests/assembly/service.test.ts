import { randomUUID } from 'node:crypto';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import type { AssemblyService } from '../../services/assembly/service.js';
import { isDomainError } from '../../domain/shared/errors.js';
import { motionStreamId } from '../../domain/assembly/index.js';
import { startTestApi } from '../support/api.js';
import { newEvent } from '../support/storeContract.js';
import { openSqliteStore, type SqliteStore } from '../../services/store/sqlite/index.js';

const DAY = 86_400_000;
const owner = (personId: string) => ({ personId, name: `业主${personId}` });

/**
 * Close by log order on the embedded store: a ballot decided on the open motion whose append lands after the
 * close is refused (`ballot_after_close`), also now that castBallot skips its re-read of the motion when this
 * process's commit records show no close since (#18).
 */
t.test('castBallot: a ballot decided before the close that reaches the log after it is refused; one with no close since is not', async (t) => {
  const api = await startTestApi({});
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const assembly = (api.runtime.deps as unknown as { assembly: AssemblyService }).assembly;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = ['1-1-101', '1-1-102', '1-1-103'].map((unitId, i) => ({ unitId, building: '1', area: '100', areaSource: 'registry', owners: [owner(`p${i + 1}`)] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: convenor, body: { title: '续聘物业服务企业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt } });
  const { motionId } = proposed.json() as { motionId: string };
  await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor });
  clock.set(new Date(opensAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor })).statusCode, 201);

  const ballot = (unitId: string, personId: string) =>
    [
      { type: 'CastBallot' as const, data: { motionId, unitId, choice: 'for' as const, channel: 'electronic' as const }, by: { personId, grants: ['owner'] } },
      // Decided while voting was open (a day in), whenever it reaches the log.
      { commandId: randomUUID(), correlationId: 'c', causationId: 'c', actor: { personId, role: 'owner' }, now: new Date(Date.parse(opensAt) + DAY) },
    ] as const;

  // No close since the motion was read: the ballot stands, and the motion is not read again to know it.
  const store = api.runtime.deps.store;
  const readStream = store.readStream.bind(store);
  const motionReads: string[] = [];
  store.readStream = (streamId, options) => {
    if (streamId === motionStreamId(motionId)) motionReads.push(streamId);
    return readStream(streamId, options);
  };
  const fresh = await assembly.motionAt(motionId);
  const readsBefore = motionReads.length;
  const first = await assembly.castBallot(...ballot('1-1-101', 'p1'), fresh);
  t.notOk(isDomainError(first), 'the ballot with no close since is recorded');
  t.equal(motionReads.length, readsBefore, 'no re-read of the motion after the append');

  // Decided on the open motion, appended after the close.
  const stale = await assembly.motionAt(motionId);
  t.equal(stale.state.status, 'open');
  clock.set(new Date(closesAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/close`, { token: convenor })).statusCode, 201);
  const late = await assembly.castBallot(...ballot('1-1-102', 'p2'), stale);
  t.ok(isDomainError(late) && late.code === 'ballot_after_close', `refused as ballot_after_close (${isDomainError(late) ? late.code : 'recorded'})`);

  // Another process appends to the motion stream: its event is not in this process's commit records (and makes
  // no gap in them until this process commits again), so the motion is read every time, never taken on trust.
  const closed = await assembly.motionAt(motionId);
  t.equal(closed.state.status, 'closed');
  const other = openSqliteStore((store as unknown as SqliteStore).file);
  await other.append(motionStreamId(motionId), [newEvent('MotionCancelled', { motionId, cancelledAt: clock.now().toISOString(), reason: 'another process' })], closed.revision);
  await other.close();
  const reads = motionReads.length;
  t.equal((await assembly.motionAt(motionId)).state.status, 'cancelled', "another process's event is seen");
  t.equal(motionReads.length, reads + 1);
});
