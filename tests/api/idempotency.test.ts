/**
 * Idempotency keys are scoped to the principal (issue #9 item 4): the same key from another principal is
 * another command and learns nothing about the first.
 */
import t from 'tap';
import { scopedCommandId } from '../../services/commands/handler.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

const owner = (personId: string) => ({ personId, name: `业主${personId}` });
const unit = (unitId: string) => ({ unitId, building: '1', area: '88.5', areaSource: 'registry', owners: [owner(`o-${unitId}`)] });

t.test('a key used by one compound\'s staff is not an oracle for another compound\'s staff', async (t) => {
  const store = memoryStore();
  const api = await startTestApi({ store });
  t.teardown(() => api.close());
  const admin = await api.token('p-admin', 'admin');
  const register = async (name: string) =>
    ((await api.call('POST', '/v1/compounds', { token: admin, body: { name, address: 'x 1 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string }).compoundId;
  const c1 = await register('甲小区');
  const c2 = await register('乙小区');
  const staff1 = await api.token('p-rc1', `rc_staff@${c1}`);
  const staff2 = await api.token('p-rc2', `rc_staff@${c2}`);
  const headers = { 'idempotency-key': 'import-2026-03' };

  const first = await api.call('POST', `/v1/compounds/${c1}/units`, { token: staff1, body: { units: [unit('1-1-101')] }, headers });
  t.equal(first.statusCode, 201);
  const before = store.events.length;
  const other = await api.call('POST', `/v1/compounds/${c2}/units`, { token: staff2, body: { units: [unit('9-9-909')] }, headers });
  t.equal(other.statusCode, 201, 'the same key from another principal is another command');
  t.equal(other.headers['idempotent-replayed'], undefined, 'not a replay');
  t.equal(store.events.length, before + 1, 'it appended its own event');
  t.match((await api.call('GET', `/v1/compounds/${c2}/electorate`, { token: staff2 })).json(), { units: 1 });

  // The same principal: the same request replays, another request is 409.
  const again = await api.call('POST', `/v1/compounds/${c1}/units`, { token: staff1, body: { units: [unit('1-1-101')] }, headers });
  t.equal(again.statusCode, 201);
  t.equal(again.headers['idempotent-replayed'], 'true');
  t.same(again.json(), first.json());
  const reused = await api.call('POST', `/v1/compounds/${c1}/units`, { token: staff1, body: { units: [unit('1-1-102')] }, headers });
  t.equal(reused.statusCode, 409);
  t.match(reused.json(), { code: 'idempotency_key_reused' });
  // The same person under another token (new grants, same subject) is the same principal.
  const staff1b = await api.token('p-rc1', `rc_staff@${c1}`, `oc_member@${c1}`);
  const replayedB = await api.call('POST', `/v1/compounds/${c1}/units`, { token: staff1b, body: { units: [unit('1-1-101')] }, headers });
  t.equal(replayedB.headers['idempotent-replayed'], 'true', 'same subject, same key, same request: replayed');
  t.equal(store.events.length, before + 1, 'nothing more appended');
});

t.test('two admins using the same key register two compounds', async (t) => {
  const store = memoryStore();
  const api = await startTestApi({ store });
  t.teardown(() => api.close());
  const a = await api.token('p-admin-a', 'admin');
  const b = await api.token('p-admin-b', 'admin');
  const headers = { 'idempotency-key': 'register-1' };
  const ra = await api.call('POST', '/v1/compounds', { token: a, body: { name: '甲', address: 'x', jurisdiction: 'beijing' }, headers });
  const rb = await api.call('POST', '/v1/compounds', { token: b, body: { name: '乙', address: 'y', jurisdiction: 'beijing' }, headers });
  t.equal(ra.statusCode, 201);
  t.equal(rb.statusCode, 201);
  t.not((ra.json() as { compoundId: string }).compoundId, (rb.json() as { compoundId: string }).compoundId);
  // Even the very same body from another principal is its own command.
  const rb2 = await api.call('POST', '/v1/compounds', { token: b, body: { name: '甲', address: 'x', jurisdiction: 'beijing' }, headers: { 'idempotency-key': 'register-2' } });
  const ra2 = await api.call('POST', '/v1/compounds', { token: a, body: { name: '甲', address: 'x', jurisdiction: 'beijing' }, headers: { 'idempotency-key': 'register-2' } });
  t.equal(rb2.statusCode, 201);
  t.equal(ra2.statusCode, 201);
  t.equal(ra2.headers['idempotent-replayed'], undefined);
  const e = store.events.at(-1)!;
  t.equal(e.metadata.commandId, scopedCommandId('p-admin-a', 'register-2'), 'the command id is derived from (subject, key)');
  t.not(e.metadata.commandId, 'register-2', 'the raw key is not the command id');
});

t.test('scopedCommandId: a UUID, stable, distinct per subject and per key, no separator ambiguity', async (t) => {
  const id = scopedCommandId('p1', 'k');
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.equal(scopedCommandId('p1', 'k'), id);
  t.not(scopedCommandId('p2', 'k'), id);
  t.not(scopedCommandId('p1', 'k2'), id);
  t.not(scopedCommandId('p1/a', 'b'), scopedCommandId('p1', 'a/b'));
  t.not(scopedCommandId('p1:a', 'b'), scopedCommandId('p1', 'a:b'));
});
