/**
 * Issue #9 item 1: a poison event stops nothing but itself. A figure the API accepted stopped the read side of
 * every compound (and a restart stayed degraded); now inputs are bounded, figures are exact at any size, and an
 * event a projection cannot apply stops that projection for its compound alone, on the record.
 */
import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from '../support/api.js';

const DAY = 86_400_000;

async function compoundWithOpenMotion(t: Test, api: TestApi, name: string) {
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = [1, 2, 3].map((i) => ({ unitId: `1-1-10${i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `${name}-p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const { motionId } = (await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: oc, body: { title: 't', description: '', matter: 'other_major', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 60 * DAY).toISOString() } })).json() as { motionId: string };
  await api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc });
  if (clock.now().getTime() < now + 20 * DAY) clock.set(new Date(now + 20 * DAY));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: oc })).statusCode, 201);
  return { compoundId, motionId, oc, owner: (i: number) => api.token(`${name}-p${i}`, `owner@${compoundId}`) };
}

t.test('an area of 999999999999.9999 m² is refused at the door (a unit has at most 1,000,000 m²)', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: 'x', address: 'y', jurisdiction: 'national' } })).json() as { compoundId: string };
  const res = await api.call('POST', `/v1/compounds/${compoundId}/units`, {
    token: admin,
    body: { units: [{ unitId: '1-1', building: '1', area: '999999999999.9999', areaSource: 'registry', owners: [{ personId: 'p1', name: 'a' }] }] },
  });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'invalid_units', details: { errors: [{ code: 'area_too_large' }] } });
  const max = await api.call('POST', `/v1/compounds/${compoundId}/units`, {
    token: admin,
    body: { units: [{ unitId: '1-1', building: '1', area: '1000000', areaSource: 'registry', owners: [{ personId: 'p1', name: 'a' }] }, { unitId: '1-2', building: '1', area: '1000000.0000', areaSource: 'registry', owners: [{ personId: 'p2', name: 'b' }] }] },
  });
  t.equal(max.statusCode, 201, '1,000,000 m² is the largest accepted');
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/electorate`, { token: admin })).json(), { totalArea: '2000000.00' });
});

t.test('a poison event in one compound: its views report the event; another compound keeps projecting, across a restart', async (t) => {
  const api = await startTestApi();
  const a = await compoundWithOpenMotion(t, api, 'A');
  const b = await compoundWithOpenMotion(t, api, 'B');
  t.equal((await api.call('POST', `/v1/motions/${a.motionId}/ballots`, { token: await a.owner(1), body: { unitId: '1-1-101', choice: 'for' } })).statusCode, 201);
  // An event no projection can apply, written straight to the log (what the API can no longer produce).
  const store = api.runtime.deps.store;
  const metadata = { commandId: 'poison', correlationId: 'poison', causationId: 'poison', actor: { personId: 'x', role: 'owner' }, recordedAt: new Date().toISOString() };
  const poisoned = await store.append(
    `ballot-${a.motionId}-poison`,
    [{ eventId: '01900000-0000-7000-8000-000000000001', type: 'BallotCast', schemaVersion: 1, data: { motionId: a.motionId, voterId: 'poison', receipt: 'f'.repeat(64), unitId: '1-1-102', unitIds: ['1-1-102'], area: '1e12', choice: 'for', channel: 'electronic', castBy: 'owner', byPersonId: 'x', castAt: metadata.recordedAt }, metadata }],
    'no_stream',
  );
  api.runtime.deps.commands.noteAppended(poisoned.position);
  const after = await api.call('POST', `/v1/motions/${b.motionId}/ballots`, { token: await b.owner(1), body: { unitId: '1-1-101', choice: 'against' } });
  t.equal(after.statusCode, 201);

  const check = async (api: TestApi) => {
    const bTally = await api.call('GET', `/v1/motions/${b.motionId}/tally`, { token: b.oc });
    t.equal(bTally.statusCode, 200, 'the other compound answers');
    t.match(bTally.json(), { against: { area: '100.00', headcount: 1 } });
    const aTally = await api.call('GET', `/v1/motions/${a.motionId}/tally`, { token: a.oc });
    t.equal(aTally.statusCode, 503);
    t.match(aTally.json(), { code: 'projection_failed', projection: 'assembly', position: poisoned.position.toString(), eventType: 'BallotCast' });
    t.notMatch(aTally.body, /\/tmp|\/work|cg-test|\.db/, 'no path in the answer');
    const health = await api.call('GET', '/health', { token: a.oc });
    t.equal(health.statusCode, 200, 'the service is up');
    t.match(health.json(), { status: 'degraded', failures: [{ projection: 'assembly', scope: a.compoundId, position: poisoned.position.toString(), eventType: 'BallotCast' }] });
    t.notMatch(health.body, /\/tmp|\/work|cg-test|\.db/, 'no path in /health');
    t.same((await api.call('GET', '/health')).json(), { status: 'degraded' }, 'without a token: the status only');
  };
  await check(api);
  await api.close(true);
  const again = await startTestApi({ dataDir: api.dataDir });
  t.teardown(() => again.close());
  await check(again);
  t.equal((await again.call('POST', `/v1/motions/${b.motionId}/ballots`, { token: await again.token('B-p2', `owner@${b.compoundId}`), body: { unitId: '1-1-102', choice: 'for' } })).statusCode, 201, 'after a restart the other compound still votes');
  t.match((await again.call('GET', `/v1/motions/${b.motionId}/tally`, { token: b.oc })).json(), { for: { area: '100.00', headcount: 1 } });
});
