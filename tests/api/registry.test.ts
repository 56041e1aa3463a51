import t from 'tap';
import type { Test } from 'tap';
import { scopedCommandId } from '../../services/commands/handler.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi, type TestApi } from '../support/api.js';

const owner = (personId: string, name = `Name ${personId}`) => ({ personId, name });
const unit = (unitId: string, area: string, owners: Array<{ personId: string; name: string }>, extra: Record<string, unknown> = {}) => ({
  unitId,
  building: unitId.split('-')[0],
  area,
  areaSource: 'registry',
  owners,
  ...extra,
});

async function setup(t: Test) {
  const store = memoryStore();
  const api = await startTestApi({ store });
  t.teardown(() => api.close());
  const admin = await api.token('p-admin', 'admin');
  const res = await api.call('POST', '/v1/compounds', {
    token: admin,
    body: { name: '翠湖花园', address: '杭州市西湖区文三路 1 号', jurisdiction: 'hangzhou' },
  });
  t.equal(res.statusCode, 201);
  const { compoundId } = res.json() as { compoundId: string };
  return { api, store, admin, compoundId };
}

type Setup = Awaited<ReturnType<typeof setup>>;
const problem = (t: Test, res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
  t.equal(res.statusCode, status, `status ${status}`);
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, 'problem+json');
  t.match(res.json(), { status, code }, `code ${code}`);
};

t.test('health and docs are served', async (t) => {
  const api: TestApi = await startTestApi({ store: memoryStore() });
  t.teardown(() => api.close());
  t.same((await api.call('GET', '/health')).json(), { status: 'ok' }, 'without a token: the status only');
  const health = await api.call('GET', '/health', { token: await api.token('p-ops', 'admin') });
  t.equal(health.statusCode, 200);
  t.match(health.json(), { status: 'ok', store: 'memory', projections: [{ name: 'assembly' }], failures: [] });
  const docs = await api.call('GET', '/docs/json');
  t.equal(docs.statusCode, 200);
  t.ok((docs.json() as { paths: Record<string, unknown> }).paths['/v1/compounds/{compoundId}/electorate'], 'electorate documented');
  t.equal((await api.call('GET', '/docs/')).statusCode, 200);
  problem(t, await api.call('GET', '/nope'), 404, 'route_not_found');
});

t.test('authentication and grants: 401 and 403 are distinct', async (t) => {
  const { api, compoundId }: Setup = await setup(t);
  problem(t, await api.call('POST', '/v1/compounds', { body: { name: 'x', address: 'y', jurisdiction: 'national' } }), 401, 'missing_token');
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}`, { token: 'not-a-jwt' }), 401, 'invalid_token');
  const forged = (await api.token('p1', 'admin')).slice(0, -3) + 'abc';
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}`, { token: forged }), 401, 'invalid_token');
  const ownerToken = await api.token('p1', `owner@${compoundId}`);
  problem(t, await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: ownerToken, body: { units: [unit('1-1-101', '80', [owner('p1')])] } }), 403, 'insufficient_grant');
  problem(t, await api.call('POST', '/v1/compounds', { token: ownerToken, body: { name: 'x', address: 'y', jurisdiction: 'national' } }), 403, 'insufficient_grant');
  const elsewhere = await api.token('p1', 'owner@another-compound');
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}`, { token: elsewhere }), 403, 'insufficient_grant');
  t.equal((await api.call('GET', `/v1/compounds/${compoundId}`, { token: ownerToken })).statusCode, 200, 'an owner reads');
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}/units?include=owners`, { token: ownerToken }), 403, 'insufficient_grant');
});

t.test('electorate rules (区分所有权解释 Art. 8–9) over HTTP', async (t) => {
  const { api, admin, compoundId }: Setup = await setup(t);
  const units = [
    // one person with three units: one head, areas summed
    unit('1-1-101', '88.5', [owner('p1')]),
    unit('1-1-102', '90.25', [owner('p1')]),
    unit('2-1-101', '100.0001', [owner('p1')]),
    // co-owners listed in either order: one head
    unit('1-1-201', '75', [owner('p2'), owner('p3')]),
    unit('2-1-201', '75', [owner('p3'), owner('p2')]),
    // ten developer-held units: one head
    ...Array.from({ length: 10 }, (_, i) => unit(`3-1-${301 + i}`, '92.1', [], { developerHeld: true })),
    unit('3-1-501', '0.0001', [owner('p4')]),
  ];
  const res = await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  t.equal(res.statusCode, 201);
  t.match(res.json(), { imported: 16 });
  const all = (await api.call('GET', `/v1/compounds/${compoundId}/electorate`, { token: admin })).json();
  // 88.5 + 90.25 + 100.0001 + 75 + 75 + 921 + 0.0001 = 1349.7502
  t.same(all, { units: 16, totalArea: '1349.7502', headcount: 4, buildings: null });
  const b1 = (await api.call('GET', `/v1/compounds/${compoundId}/electorate?buildings=1`, { token: admin })).json();
  t.same(b1, { units: 3, totalArea: '253.75', headcount: 2, buildings: ['1'] });
  const b12 = (await api.call('GET', `/v1/compounds/${compoundId}/electorate?buildings=1,2`, { token: admin })).json();
  t.same(b12, { units: 5, totalArea: '428.7501', headcount: 2, buildings: ['1', '2'] });
  const transfer = await api.call('POST', `/v1/compounds/${compoundId}/units/1-1-102/transfer`, { token: admin, body: { owners: [owner('p9')] } });
  t.equal(transfer.statusCode, 201);
  const after = (await api.call('GET', `/v1/compounds/${compoundId}/electorate?buildings=1`, { token: admin })).json();
  t.same(after, { units: 3, totalArea: '253.75', headcount: 3, buildings: ['1'] }, 'a sold unit makes a new head');
  const deliver = await api.call('POST', `/v1/compounds/${compoundId}/units/3-1-301/transfer`, { token: admin, body: { owners: [owner('p10')] } });
  t.equal(deliver.statusCode, 201);
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/electorate`, { token: admin })).json(), { headcount: 6 });
  const listed = (await api.call('GET', `/v1/compounds/${compoundId}/units?building=1`, { token: admin })).json() as { units: Array<Record<string, unknown>> };
  t.same(listed.units.map((u) => u.unitId), ['1-1-101', '1-1-102', '1-1-201']);
  t.notOk('owners' in listed.units[0]!, 'no owners without asking');
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}/units?building=1&include=owners`, { token: admin }), 403, 'insufficient_grant');
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const withOwners = (await api.call('GET', `/v1/compounds/${compoundId}/units?building=1&include=owners`, { token: rc })).json() as { units: Array<{ owners: unknown[] }> };
  t.same(withOwners.units[1]!.owners, [owner('p9')], 'the residents\u2019 committee reads owners\u2019 names; a platform admin does not (PIPL: minimum necessary)');
  const page = (await api.call('GET', `/v1/compounds/${compoundId}/units?limit=2`, { token: admin })).json() as { units: Array<{ unitId: string }>; next: string };
  const second = (await api.call('GET', `/v1/compounds/${compoundId}/units?limit=2&cursor=${page.next}`, { token: admin })).json() as { units: Array<{ unitId: string }> };
  t.same([...page.units, ...second.units].map((u) => u.unitId), ['1-1-101', '1-1-102', '1-1-201', '2-1-101'], 'the page cursor is `cursor` (`after` is a log position)');
  const compound = (await api.call('GET', `/v1/compounds/${compoundId}`, { token: admin })).json();
  t.match(compound, { compoundId, name: '翠湖花园', jurisdiction: 'hangzhou', units: 16, buildings: ['1', '2', '3'] });
});

t.test('bad input is a 400 problem that changes nothing', async (t) => {
  const { api, admin, store, compoundId }: Setup = await setup(t);
  const ok = unit('1-1-101', '88.5', [owner('p1')]);
  const cases: Array<[string, unknown, string]> = [
    ['area zero', { units: [ok, unit('1-1-102', '0', [owner('p2')])] }, 'invalid_units'],
    ['negative area', { units: [unit('1-1-102', '-5', [owner('p2')])] }, 'invalid_units'],
    ['non-numeric area', { units: [unit('1-1-102', 'abc', [owner('p2')])] }, 'invalid_units'],
    ['five decimals', { units: [unit('1-1-102', '88.12345', [owner('p2')])] }, 'invalid_units'],
    ['duplicate unit id', { units: [ok, ok] }, 'invalid_units'],
    ['no owner, not developer-held', { units: [unit('1-1-102', '80', [])] }, 'invalid_units'],
    ['area as a number', { units: [{ ...ok, area: 88.5 }] }, 'validation_failed'],
    ['no units', { units: [] }, 'validation_failed'],
  ];
  for (const [name, body, code] of cases) {
    const before = store.events.length;
    const res = await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body });
    problem(t, res, 400, code);
    t.equal(store.events.length, before, `${name}: nothing appended`);
  }
  const detail = (await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [ok, unit('1-1-102', '0', [owner('p2')])] } })).json() as { details: { errors: Array<{ index: number; code: string }> } };
  t.match(detail.details.errors, [{ index: 1, code: 'area_not_positive' }]);
  problem(t, await api.call('POST', '/v1/compounds', { token: admin, body: { name: 'x', address: 'y', jurisdiction: 'guangzhou' } }), 400, 'unknown_jurisdiction');
  problem(t, await api.call('POST', '/v1/compounds', { token: admin, body: '{"name":', headers: { 'content-type': 'application/json' } }), 400, 'malformed_request');
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [ok] } })).statusCode, 201);
  problem(t, await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [ok] } }), 400, 'invalid_units');
  problem(t, await api.call('POST', `/v1/compounds/${compoundId}/units/9-9-999/transfer`, { token: admin, body: { owners: [owner('p2')] } }), 404, 'unit_not_found');
  problem(t, await api.call('GET', '/v1/compounds/missing/electorate', { token: admin }), 404, 'compound_not_found');
  problem(t, await api.call('POST', '/v1/compounds/missing/units', { token: admin, body: { units: [ok] } }), 404, 'compound_not_found');
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/electorate`, { token: admin })).json(), { units: 1, totalArea: '88.50' });
});

t.test('Idempotency-Key: a retry appends once and answers the same; another body is 409', async (t) => {
  const { api, admin, store }: Setup = await setup(t);
  const body = { name: '金色家园', address: '北京市朝阳区 2 号', jurisdiction: 'beijing' };
  const headers = { 'idempotency-key': 'register-jinse-1' };
  const before = store.events.length;
  const first = await api.call('POST', '/v1/compounds', { token: admin, body, headers });
  const second = await api.call('POST', '/v1/compounds', { token: admin, body, headers });
  t.equal(first.statusCode, 201);
  t.equal(second.statusCode, 201);
  t.same(second.json(), first.json(), 'same response');
  t.equal(second.headers['idempotent-replayed'], 'true');
  t.equal(store.events.length, before + 1, 'appended once');
  const concurrent = await Promise.all(Array.from({ length: 5 }, () => api.call('POST', '/v1/compounds', { token: admin, body, headers: { 'idempotency-key': 'register-jinse-2' } })));
  t.equal(new Set(concurrent.map((r) => r.body)).size, 1, 'concurrent retries agree');
  t.equal(store.events.length, before + 2);
  problem(t, await api.call('POST', '/v1/compounds', { token: admin, body: { ...body, name: 'other' }, headers }), 409, 'idempotency_key_reused');
  problem(t, await api.call('POST', '/v1/compounds', { token: admin, body, headers: { 'idempotency-key': 'bad key with spaces' } }), 400, 'invalid_idempotency_key');
  t.equal(store.events.length, before + 2);
});

t.test('events carry the envelope: actor, command id, request id', async (t) => {
  const { api, admin, store }: Setup = await setup(t);
  await api.call('POST', '/v1/compounds', { token: admin, body: { name: 'a', address: 'b', jurisdiction: 'shanghai' }, headers: { 'idempotency-key': 'cmd-42', 'x-correlation-id': 'flow-7' } });
  const e = store.events.at(-1)!;
  t.match(e.metadata, { commandId: scopedCommandId('p-admin', 'cmd-42'), correlationId: 'flow-7', causationId: scopedCommandId('p-admin', 'cmd-42'), actor: { personId: 'p-admin', role: 'admin' } });
  t.equal(e.metadata.recordedAt, '2026-03-02T02:00:00.000Z', 'the injected clock');
  t.equal(e.type, 'CompoundRegistered');
});
