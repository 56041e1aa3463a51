/**
 * The security headers are @fastify/helmet's, computed once at start (cpu18, #18: the plugin rebuilt helmet's
 * middleware on every request): every response carries exactly the headers the plugin sets with the same
 * options, a success, a problem and a body that fails validation alike.
 */
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import t from 'tap';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

t.test("every response carries the plugin's headers", async (t) => {
  const reference = Fastify();
  await reference.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  reference.get('/', async () => ({}));
  const expected = (await reference.inject({ method: 'GET', url: '/' })).headers;
  await reference.close();
  const own = new Set(['content-type', 'content-length', 'date', 'connection']);
  const helmetNames = Object.keys(expected).filter((name) => !own.has(name));
  t.ok(helmetNames.length >= 10, `the plugin sets ${helmetNames.length} headers`);

  const api = await startTestApi(t, { store: memoryStore() });
  for (const [method, url] of [['GET', '/v1/keys'], ['GET', '/v1/no-such-thing'], ['POST', '/v1/compounds']] as const) {
    const res = await api.call(method, url, method === 'POST' ? { body: { nonsense: true } } : undefined);
    for (const name of helmetNames) t.equal(res.headers[name], expected[name], `${method} ${url} (${res.statusCode}): ${name}`);
  }
});
