/**
 * Authentication once per request (issue #10 item 7): an `onRequest` hook verifies the bearer token and puts the
 * principal on the request; requirePrincipal / requireRole read it, so a request is verified once however many
 * times its route and hooks ask. A bad token is refused only where a token is needed.
 */
import type { FastifyRequest } from 'fastify';
import t from 'tap';
import { principalOf, requirePrincipal, requireRole } from '../../services/api/authenticate.js';
import { singleKeyRing } from '../../services/auth/keys.js';
import { issueToken } from '../../services/auth/tokens.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

t.test('the hook verifies the token once; the route reads what it found', async (t) => {
  const api = await startTestApi(t, { store: memoryStore() });
  // A key the token was not signed with: a helper that verified again would refuse the token.
  const wrongKey = singleKeyRing(new Uint8Array(32).fill(7));
  api.runtime.app.get('/probe', async (request: FastifyRequest) => {
    const seen = request.principal?.personId ?? null;
    const first = await principalOf(request, wrongKey);
    if (!first) return { seen, first: null };
    const again = await requirePrincipal(request, wrongKey);
    return { seen, first: first.personId, again: again.personId, role: requireRole(again, null, []) };
  });
  const call = (token?: string) => api.call('GET', '/probe', token ? { token } : {});

  const good = await issueToken(api.runtime.deps.signingKey, 'p-admin', [{ kind: 'admin' }]);
  const res = await call(good);
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json(), { seen: 'p-admin', first: 'p-admin', again: 'p-admin', role: 'admin' }, 'on the request before the route asks, and not verified again');

  t.same((await call()).json(), { seen: null, first: null }, 'no token: no principal');
  const bad = await call(`${good}x`);
  t.equal(bad.statusCode, 401, 'a bad token is refused where the route asks for the principal');
  t.match(bad.json(), { code: 'invalid_token', detail: 'The token is not valid' });

  const health = await api.call('GET', '/health', { token: `${good}x` });
  t.equal(health.statusCode, 200, 'a route needing no token still answers a request with a bad one');
  t.same(health.json(), { status: 'ok' }, 'and shows what an anonymous caller sees');
  t.equal((await api.call('GET', '/health', { token: good })).json().store !== undefined, true, 'a good token sees the details');
});
