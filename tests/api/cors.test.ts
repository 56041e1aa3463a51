/**
 * CORS (#17 item 5, trust17): off by default; CORS_ORIGINS allows exactly those origins, reads and writes with
 * Authorization; a preflight from another origin is refused (403 cors_origin_refused), and its requests carry
 * no Access-Control-Allow-Origin.
 */
import t from 'tap';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

const APP = 'https://app.example.cn';
const preflight = (origin: string, method = 'POST') => ({
  origin,
  'access-control-request-method': method,
  'access-control-request-headers': 'authorization,content-type,idempotency-key',
});

t.test('off by default: no CORS header, a preflight is not answered as allowed', async (t) => {
  const api = await startTestApi(t, { store: memoryStore() });
  const pre = await api.call('OPTIONS', '/v1/compounds', { headers: preflight(APP) });
  t.ok(pre.statusCode >= 400, `preflight refused (${pre.statusCode})`);
  t.equal(pre.headers['access-control-allow-origin'], undefined);
  t.equal((await api.call('GET', '/v1/keys', { headers: { origin: APP } })).headers['access-control-allow-origin'], undefined);
});

t.test('CORS_ORIGINS: listed origins may read and write with Authorization; others are refused', async (t) => {
  const api = await startTestApi(t, { store: memoryStore(), env: { CORS_ORIGINS: `${APP}, http://localhost:5173` } });
  const pre = await api.call('OPTIONS', '/v1/compounds', { headers: preflight(APP) });
  t.equal(pre.statusCode, 204, 'the preflight of a listed origin is allowed');
  t.equal(pre.headers['access-control-allow-origin'], APP);
  t.match(String(pre.headers['access-control-allow-methods']), /POST/);
  t.match(String(pre.headers['access-control-allow-headers']), /authorization/);
  t.equal(pre.headers['access-control-allow-credentials'], undefined, 'no cookies');

  const admin = await api.token('p-admin', 'admin');
  const write = await api.call('POST', '/v1/compounds', { token: admin, body: { name: '甲', address: 'x', jurisdiction: 'beijing' }, headers: { origin: 'http://localhost:5173' } });
  t.equal(write.statusCode, 201);
  t.equal(write.headers['access-control-allow-origin'], 'http://localhost:5173');
  t.match(String(write.headers['access-control-expose-headers']), /x-request-id/);

  const other = await api.call('OPTIONS', '/v1/compounds', { headers: preflight('https://evil.example') });
  t.equal(other.statusCode, 403);
  t.match(String(other.headers['content-type']), /^application\/problem\+json/);
  t.match(other.json(), { code: 'cors_origin_refused' });
  t.equal(other.headers['access-control-allow-origin'], undefined);
  const simple = await api.call('GET', '/v1/keys', { headers: { origin: 'https://evil.example' } });
  t.equal(simple.statusCode, 200, 'a simple request is served (a browser keeps it from the page)');
  t.equal(simple.headers['access-control-allow-origin'], undefined, 'without Access-Control-Allow-Origin');
});

t.test('CORS_ORIGINS is validated', async (t) => {
  const { loadConfig } = await import('../../services/config.js');
  const dir = t.testdir();
  for (const bad of ['*', 'app.example.cn', 'https://app.example.cn/', 'https://app.example.cn/path', 'ftp://x.cn']) {
    t.throws(() => loadConfig({ DATA_DIR: dir, CORS_ORIGINS: bad }), { message: /^CORS_ORIGINS must be/ }, `refused: ${bad}`);
  }
  t.same(loadConfig({ DATA_DIR: dir, CORS_ORIGINS: 'https://a.cn,http://localhost:8080' }).corsOrigins, ['https://a.cn', 'http://localhost:8080']);
  t.same(loadConfig({ DATA_DIR: dir }).corsOrigins, []);
});
