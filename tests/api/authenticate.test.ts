/**
 * Bearer tokens over HTTP (issue #9 item 4): a token without `exp`, or living longer than 30 days, is
 * `401 invalid_token` with a detail saying why; an expired one `401 token_expired`.
 */
import { createHmac } from 'node:crypto';
import t from 'tap';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

t.test('tokens without exp or living too long are refused, saying why', async (t) => {
  const api = await startTestApi({ store: memoryStore() });
  t.teardown(() => api.close());
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const sign = (payload: Record<string, unknown>) => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: api.runtime.deps.signingKey.current().kid })}.${b64({ sub: 'p-admin', iss: 'compound-governance', aud: 'compound-governance-api', grants: ['admin'], ...payload })}`;
    return `${input}.${createHmac('sha256', api.runtime.deps.signingKey.current().secret).update(input).digest('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const body = { name: '甲', address: 'x', jurisdiction: 'beijing' };
  const post = (token: string) => api.call('POST', '/v1/compounds', { token, body });
  const before = (api.runtime.deps.store as unknown as { events: unknown[] }).events.length;

  t.equal((await post(sign({ iat: now, exp: now + 3600 }))).statusCode, 201, 'a good hand-signed token');
  const noExp = await post(sign({ iat: now }));
  t.equal(noExp.statusCode, 401);
  t.match(String(noExp.headers['content-type']), /^application\/problem\+json/);
  t.match(noExp.json(), { code: 'invalid_token', detail: /no expiry \(exp\)/ });
  const tooLong = await post(sign({ iat: now, exp: now + 365 * 24 * 3600 }));
  t.equal(tooLong.statusCode, 401);
  t.match(tooLong.json(), { code: 'invalid_token', detail: /longer than the 30 days/ });
  t.match((await post(sign({ iat: now - 7200, exp: now - 3600 }))).json(), { code: 'token_expired' });
  t.match((await post(`${sign({ iat: now, exp: now + 60 })}x`)).json(), { code: 'invalid_token', detail: 'The token is not valid' });
  t.equal((api.runtime.deps.store as unknown as { events: unknown[] }).events.length, before + 1, 'only the good token changed anything');
});
