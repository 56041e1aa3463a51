/**
 * Token revocation as an event (#17 item 5, trust17): an admin revokes one token by jti, or a person's tokens
 * issued before an instant; each is an event on the hash-chained log; the revoked tokens get 401 token_revoked
 * at once (cached ones too), others keep working; after a restart the revocations are read back from the log.
 */
import { rmSync } from 'node:fs';
import t from 'tap';
import { REVOCATIONS_STREAM } from '../../services/auth/revocations.js';
import { startTestApi } from '../support/api.js';

const jtiOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }).jti;

t.test('revoke by jti and by subject; recorded in the log; survives a restart', async (t) => {
  const api = await startTestApi();
  const admin = await api.token('p-admin', 'admin');
  const created = await api.call('POST', '/v1/compounds', { token: admin, body: { name: '甲', address: 'x', jurisdiction: 'beijing' } });
  t.equal(created.statusCode, 201);
  const compoundId = (created.json() as { compoundId: string }).compoundId;
  const read = (token: string) => api.call('GET', `/v1/compounds/${compoundId}`, { token });

  const lost = await api.token('p-a', `owner@${compoundId}`);
  const kept = await api.token('p-a', `owner@${compoundId}`);
  const b1 = await api.token('p-b', `oc_member@${compoundId}`);
  const b2 = await api.token('p-b', `owner@${compoundId}`);
  for (const token of [lost, kept, b1, b2]) t.equal((await read(token)).statusCode, 200, 'valid before (and now cached)');

  // Only an admin may revoke.
  const body = { jti: jtiOf(lost), reason: 'phone lost' };
  t.equal((await api.call('POST', '/v1/admin/token-revocations', { body })).statusCode, 401);
  t.match((await api.call('POST', '/v1/admin/token-revocations', { token: kept, body })).json(), { status: 403, code: 'insufficient_grant' });
  t.equal((await api.call('POST', '/v1/admin/token-revocations', { token: admin, body: { jti: 'x' } })).statusCode, 400, 'a reason is required');

  const one = await api.call('POST', '/v1/admin/token-revocations', { token: admin, body });
  t.equal(one.statusCode, 201);
  t.match(one.json(), { revoked: `token ${jtiOf(lost)}`, position: /^\d+$/ });
  const refused = await read(lost);
  t.equal(refused.statusCode, 401);
  t.match(String(refused.headers['content-type']), /^application\/problem\+json/);
  t.match(refused.json(), { code: 'token_revoked' });
  t.equal((await read(kept)).statusCode, 200, 'the person\u2019s other token still works');

  const all = await api.call('POST', '/v1/admin/token-revocations', { token: admin, body: { subject: 'p-b', issuedBefore: new Date(Date.now() + 1000).toISOString(), reason: 'left the committee' } });
  t.equal(all.statusCode, 201);
  for (const token of [b1, b2]) t.match((await read(token)).json(), { code: 'token_revoked' }, 'every token of p-b issued before the instant');
  const revocations = api.runtime.deps.tokenRevocations;
  t.notOk(revocations.isRevoked({ jti: 'new', sub: 'p-b', iatSeconds: Math.floor(Date.now() / 1000) + 5 }), 'a token issued after the instant is not');
  t.ok(revocations.isRevoked({ jti: undefined, sub: 'p-b', iatSeconds: undefined }), 'one without iat is');

  const events = await api.runtime.deps.store.readStream(REVOCATIONS_STREAM);
  t.same(events.map((e) => e.type), ['TokenRevoked', 'SubjectTokensRevoked'], 'recorded as events');
  t.equal(events[1]!.prevHash, events[0]!.hash, 'hash-chained');
  t.match(events[0]!.metadata.actor, { personId: 'p-admin', role: 'admin' });

  // Restart on the same data: the revocations are read back from the log.
  await api.close(true);
  const again = await startTestApi({ dataDir: api.dataDir });
  t.teardown(async () => {
    await again.close();
    rmSync(api.dataDir, { recursive: true, force: true });
  });
  const readAgain = (token: string) => again.call('GET', `/v1/compounds/${compoundId}`, { token });
  t.match((await readAgain(lost)).json(), { code: 'token_revoked' }, 'still revoked after a restart');
  t.match((await readAgain(b2)).json(), { code: 'token_revoked' });
  t.equal((await readAgain(kept)).statusCode, 200);
});
