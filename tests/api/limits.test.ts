/**
 * Issue #9 items 2, 3 and 7 over HTTP: limits on what reaches the log, problem+json for every error
 * (Fastify's own included), `?after=` beyond the head, instants within 2000–2100.
 */
import type { Test } from 'tap';
import t from 'tap';
import { connect } from 'node:net';
import type { ManualClock } from '../../services/clock.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi, type TestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json(): unknown };
const problem = (t: Test, res: Res, status: number, code: string, what = code) => {
  t.equal(res.statusCode, status, `${what}: status ${status}`);
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${what}: problem+json`);
  let body: unknown = null;
  try {
    body = res.json();
  } catch {
    body = res.body;
  }
  t.match(body, { status, code }, `${what}: code ${code}`);
};

async function world(t: Test) {
  const api: TestApi = await startTestApi({ store: memoryStore() });
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = [
    { unitId: '1-1-101', building: '1', area: '100', areaSource: 'registry', owners: [{ personId: 'p1', name: '张三' }] },
    { unitId: '2-1-101', building: '2', area: '90', areaSource: 'registry', owners: [{ personId: 'p2', name: '李四' }] },
  ];
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const staff = await api.token('p-rc', `rc_staff@${compoundId}`);
  const now = clock.now().getTime();
  const schedule = { opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() };
  const motion = { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', ...schedule };
  const propose = (over: Record<string, unknown> = {}) => api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: convenor, body: { ...motion, ...over } });
  return { api, clock, admin, compoundId, convenor, staff, schedule, propose };
}

t.test('strings are bounded and identifiers follow the pattern before anything is recorded', async (t) => {
  const w = await world(t);
  const { api, admin, compoundId, convenor, staff } = w;
  problem(t, await w.propose({ title: 'x'.repeat(201) }), 400, 'validation_failed', 'a 201-character title');
  problem(t, await w.propose({ title: '续聘\u0007物业' }), 400, 'validation_failed', 'a control character in a title');
  problem(t, await w.propose({ description: 'x'.repeat(10_001) }), 400, 'validation_failed', 'a 10,001-character description');
  problem(t, await w.propose({ buildings: Array.from({ length: 20_000 }, (_, i) => String(i)) }), 400, 'validation_failed', 'a 20,000-building scope');
  problem(t, await w.propose({ buildings: ['__proto__'] }), 400, 'validation_failed', 'a __proto__ building');
  const unknown = await w.propose({ buildings: ['1', '7'] });
  problem(t, unknown, 400, 'unknown_buildings', 'a building the compound does not have');
  t.match(unknown.json(), { details: { missing: ['7'] } });
  t.equal((await w.propose({ buildings: ['2'], description: '第一段\n第二段' })).statusCode, 201, 'an existing building; a multi-line description');

  const bad = ['__proto__', '../../etc/passwd', 'a\ud800'];
  for (const id of bad) {
    const u = { unitId: id, building: '3', area: '50', areaSource: 'registry', owners: [{ personId: 'p9', name: '王五' }] };
    problem(t, await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [u] } }), 400, 'invalid_units', `unit id ${JSON.stringify(id)}`);
    const o = { ...u, unitId: '3-1-101', owners: [{ personId: id, name: '王五' }] };
    problem(t, await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [o] } }), 400, 'invalid_units', `person id ${JSON.stringify(id)}`);
  }
  problem(t, await api.call('POST', `/v1/compounds/${compoundId}/units/1-1-101/transfer`, { token: admin, body: { owners: [{ personId: 'p5', name: '赵六' }], reference: 'x'.repeat(1000) } }), 400, 'validation_failed', 'a 1,000-character transfer reference');
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}/units?building=..%2F1`, { token: admin }), 400, 'validation_failed', 'a building filter that is no identifier');
  problem(t, await api.call('GET', `/v1/compounds/${compoundId}/electorate?buildings=1,__proto__`, { token: admin }), 400, 'buildings_invalid', 'an electorate scope that is no identifier');

  // A motion open for mandates and ballots.
  const { motionId } = (await w.propose()).json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor })).statusCode, 201);
  w.clock.set(new Date(w.schedule.opensAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor })).statusCode, 201);
  const mandate = (over: Record<string, unknown>) =>
    api.call('POST', `/v1/motions/${motionId}/mandates`, { token: staff, body: { unitId: '1-1-101', proxy: 'p-proxy', mandateRef: 'WT-1', principal: 'p1', evidenceRef: 'box-1', ...over } });
  problem(t, await mandate({ proxy: 'x'.repeat(1024 * 1024) }), 400, 'validation_failed', 'a 1 MB proxy id');
  problem(t, await mandate({ evidenceRef: 'x'.repeat(501) }), 400, 'validation_failed', 'a 501-character evidence reference');
  problem(t, await mandate({ principal: 'p\ud800' }), 400, 'validation_failed', 'a lone surrogate in a person id');
  const ballot = (body: Record<string, unknown>) => api.call('POST', `/v1/motions/${motionId}/ballots`, { token: staff, body: { unitId: '1-1-101', choice: 'for', channel: 'paper', onBehalfOf: 'p1', ...body } });
  problem(t, await ballot({ evidenceRef: 'x'.repeat(2 * 1024 * 1024) }), 400, 'validation_failed', 'a 2 MB evidence reference');
  t.equal((await ballot({ evidenceRef: '票箱/1' })).statusCode, 201);
});

t.test('cancel reasons are bounded', async (t) => {
  const w = await world(t);
  const { motionId } = (await w.propose()).json() as { motionId: string };
  problem(t, await w.api.call('POST', `/v1/motions/${motionId}/cancel`, { token: w.convenor, body: { reason: 'x'.repeat(1024 * 1024) } }), 400, 'validation_failed', 'a 1 MB reason');
  t.equal((await w.api.call('POST', `/v1/motions/${motionId}/cancel`, { token: w.convenor, body: { reason: '换届\n另议' } })).statusCode, 201);
});

t.test('bodies: application/json in UTF-8, bounded nesting', async (t) => {
  const w = await world(t);
  const { api, convenor } = w;
  const { motionId } = (await w.propose()).json() as { motionId: string };
  const deep = '['.repeat(3000) + ']'.repeat(3000);
  problem(t, await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor, body: `{"a":${deep}}`, headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-1' } }), 400, 'json_too_deep', 'a 3,000-deep body with an Idempotency-Key');
  problem(t, await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor, body: `{"a":${'['.repeat(40)}${']'.repeat(40)}}`, headers: { 'content-type': 'application/json' } }), 400, 'json_too_deep', 'a 41-deep body');
  t.equal((await api.call('POST', `/v1/motions/${motionId}/cancel`, { token: convenor, body: JSON.stringify({ reason: '"[[[[{{{{' + '['.repeat(100) }), headers: { 'content-type': 'application/json', 'idempotency-key': 'brackets-in-a-string' } })).statusCode, 201, 'brackets inside a string are no nesting');
  problem(t, await api.call('POST', '/v1/compounds', { token: w.admin, body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type', 'a form body');
  problem(t, await api.call('POST', '/v1/compounds', { token: w.admin, body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type', 'text/plain');
  problem(t, await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor, headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type', 'a bodyless lifecycle POST with another content type');
  problem(t, await api.call('POST', '/v1/compounds', { token: w.admin, body: '{"name":"x"}', headers: { 'content-type': 'application/json; charset=latin1' } }), 415, 'unsupported_media_type', 'a charset other than UTF-8');
  const invalidUtf8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","address":"x","jurisdiction":"national"}')]);
  problem(t, await api.call('POST', '/v1/compounds', { token: w.admin, body: invalidUtf8, headers: { 'content-type': 'application/json' } }), 400, 'invalid_utf8', 'invalid UTF-8');
  const ok = await api.call('POST', '/v1/compounds', { token: w.admin, body: Buffer.from(JSON.stringify({ name: '绿城', address: '文一路', jurisdiction: 'national' })), headers: { 'content-type': 'application/json; charset=UTF-8' } });
  t.equal(ok.statusCode, 201, 'charset=UTF-8 is fine');
  problem(t, await api.call('POST', '/v1/compounds', { token: w.admin, body: '{"name":', headers: { 'content-type': 'application/json' } }), 400, 'malformed_request', 'broken JSON');
});

t.test('Fastify\u2019s own errors are problem+json with stable codes', async (t) => {
  const w = await world(t);
  const { api, admin } = w;
  problem(t, await api.call('GET', '/v1/motions/%E0%A4%A', { token: admin }), 400, 'invalid_url', 'a bad URL encoding');
  problem(t, await api.call('GET', `/v1/motions/${'m'.repeat(600)}`, { token: admin }), 414, 'uri_too_long', 'an over-long parameter');
  problem(t, await api.call('GET', `/v1/compounds/${w.compoundId}/units?building=${'b'.repeat(9000)}`, { token: admin }), 414, 'uri_too_long', 'an over-long URL');
  problem(t, await api.call('GET', `/nowhere/${'n'.repeat(9000)}`), 414, 'uri_too_long', 'an over-long URL to no route');
  const huge = JSON.stringify({ units: [{ unitId: 'x', building: '1', area: '1', areaSource: 'registry', owners: [{ personId: 'p', name: 'x'.repeat(17 * 1024 * 1024) }] }] });
  problem(t, await api.call('POST', `/v1/compounds/${w.compoundId}/units`, { token: admin, body: huge, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large', 'a body over the limit');
  problem(t, await api.call('GET', '/nope'), 404, 'route_not_found', 'no route');
  const del = await api.call('DELETE', `/v1/compounds/${w.compoundId}`, { token: admin });
  problem(t, del, 405, 'method_not_allowed', 'a known path with another method');
  t.match(String(del.headers.allow), /GET/, 'Allow names the methods');
  problem(t, await api.call('PUT', '/v1/compounds', { token: admin, body: {} }), 405, 'method_not_allowed', 'PUT on the compounds collection');
});

t.test('a socket-level client error is answered with problem+json too', async (t) => {
  const w = await world(t);
  const address = await w.api.runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(address);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    let data = '';
    socket.on('data', (c) => (data += c.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  t.match(raw, /^HTTP\/1\.1 431 /, 'headers too large: 431');
  t.match(raw, /content-type: application\/problem\+json/i);
  t.match(raw, /"code":"headers_too_large"/);
});

t.test('?after= beyond the log\u2019s head answers at once', async (t) => {
  const w = await world(t);
  const { motionId } = (await w.propose()).json() as { motionId: string };
  const started = Date.now();
  const res = await w.api.call('GET', `/v1/motions/${motionId}?after=999999999`, { token: w.admin });
  problem(t, res, 400, 'position_beyond_log', 'a position no command returned');
  t.ok(Date.now() - started < 2_000, 'without waiting for the 5 s timeout');
  t.equal((await w.api.call('GET', `/v1/motions/${motionId}?after=1`, { token: w.admin })).statusCode, 200, 'a position in the log');
});

t.test('instants outside 2000–2100 are refused everywhere, and cannot lock the manual clock', async (t) => {
  const w = await world(t);
  const { api, admin } = w;
  problem(t, await w.propose({ opensAt: '9999-03-20T09:00:00+08:00', closesAt: '9999-03-30T18:00:00+08:00' }), 400, 'instant_out_of_range', 'a window in 9999');
  problem(t, await w.propose({ opensAt: '1999-03-20T09:00:00+08:00' }), 400, 'instant_out_of_range', 'an opening in 1999');
  problem(t, await api.call('POST', '/v1/admin/clock', { token: admin, body: { now: '9999-01-01T00:00:00Z' } }), 400, 'instant_out_of_range', 'the clock set to 9999');
  const later = new Date(w.clock.now().getTime() + DAY).toISOString();
  const moved = await api.call('POST', '/v1/admin/clock', { token: admin, body: { now: later } });
  t.equal(moved.statusCode, 200, 'the clock still moves');
  t.equal((moved.json() as { now: string }).now, later);
});

t.test('the body limit is sized from the unit cap', async (t) => {
  const { MAX_BODY_BYTES, TYPICAL_UNIT_JSON_BYTES } = await import('../../services/api/limits.js');
  const { MAX_UNITS_PER_COMMAND } = await import('../../domain/shared/limits.js');
  const unit = { unitId: '12-3-2801', building: '12', area: '120.0325', areaSource: 'registry', owners: [{ personId: 'p-000123456', name: '欧阳小明' }, { personId: 'p-000123457', name: '司马小红' }] };
  t.ok(Buffer.byteLength(JSON.stringify(unit)) + 1 <= TYPICAL_UNIT_JSON_BYTES, 'a unit with two owners fits the size the limit assumes');
  t.ok(MAX_UNITS_PER_COMMAND * TYPICAL_UNIT_JSON_BYTES <= MAX_BODY_BYTES, 'a full import of such units fits the body limit');
});
