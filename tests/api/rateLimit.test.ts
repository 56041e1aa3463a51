/**
 * Rate limits (#17 item 5, trust17): per token subject, else per IP; writes under a budget of their own; 429
 * rate_limited as problem+json with Retry-After; /health and /metrics never limited; the budget comes back
 * after the window. A 300 ms window keeps the test short.
 */
import t from 'tap';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

const WINDOW_MS = 300;
const env = { RATE_LIMIT_MAX: '3', RATE_LIMIT_WRITE_MAX: '2', RATE_LIMIT_WINDOW_MS: String(WINDOW_MS) };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

t.test('reads: a budget per caller, 429 problem+json with Retry-After, recovered after the window', async (t) => {
  const api = await startTestApi(t, { store: memoryStore(), env });
  const anonymous = [];
  for (let i = 0; i < 4; i++) anonymous.push(await api.call('GET', '/v1/keys'));
  t.same(anonymous.slice(0, 3).map((r) => r.statusCode), [200, 200, 200], 'three reads within the budget');
  const limited = anonymous[3]!;
  t.equal(limited.statusCode, 429);
  t.match(String(limited.headers['content-type']), /^application\/problem\+json/);
  t.match(limited.json(), { status: 429, code: 'rate_limited', limit: 3, windowMs: WINDOW_MS });
  t.ok(Number(limited.headers['retry-after']) >= 1, `Retry-After ${String(limited.headers['retry-after'])}`);
  t.equal(limited.headers['x-ratelimit-remaining'], '0');

  // Someone with a token is counted by who they are, not where from: the same IP, a fresh budget.
  const owner = await api.token('p-owner', 'owner@c1');
  t.equal((await api.call('GET', '/v1/keys', { token: owner })).statusCode, 200, 'a valid token has its own budget');
  // A forged token buys nothing: it is counted by IP, whose budget is spent.
  t.equal((await api.call('GET', '/v1/keys', { token: `${owner}x` })).statusCode, 429, 'a bad token is counted by IP');

  for (let i = 0; i < 10; i++) t.equal((await api.call('GET', '/health')).statusCode, 200, `/health is never limited (${i})`);
  for (let i = 0; i < 5; i++) t.equal((await api.call('GET', '/metrics')).statusCode, 401, `/metrics is never limited (${i})`);

  await sleep(WINDOW_MS + 50);
  t.equal((await api.call('GET', '/v1/keys')).statusCode, 200, 'after the window the budget is back');
});

t.test('writes: a stricter budget of their own; a limited write records nothing', async (t) => {
  const api = await startTestApi(t, { store: memoryStore(), env });
  const admin = await api.token('p-admin', 'admin');
  const body = (i: number) => ({ name: `小区${i}`, address: 'x', jurisdiction: 'beijing' });
  t.equal((await api.call('POST', '/v1/compounds', { token: admin, body: body(1) })).statusCode, 201);
  t.equal((await api.call('POST', '/v1/compounds', { token: admin, body: body(2) })).statusCode, 201);
  const before = await api.runtime.deps.store.headPosition();
  const third = await api.call('POST', '/v1/compounds', { token: admin, body: body(3) });
  t.equal(third.statusCode, 429);
  t.match(third.json(), { code: 'rate_limited', limit: 2, detail: /writes/ });
  t.equal(await api.runtime.deps.store.headPosition(), before, 'nothing recorded');
  t.equal((await api.call('GET', '/v1/keys', { token: admin })).statusCode, 200, 'reads have their own budget');

  await sleep(WINDOW_MS + 50);
  t.equal((await api.call('POST', '/v1/compounds', { token: admin, body: body(3) })).statusCode, 201, 'writes come back after the window');
});

t.test('off unless configured outside production; on by default in production', async (t) => {
  const api = await startTestApi(t, { store: memoryStore() });
  for (let i = 0; i < 20; i++) t.equal((await api.call('GET', '/v1/keys')).statusCode, 200);
  const { loadConfig } = await import('../../services/config.js');
  t.match(loadConfig({ DATA_DIR: api.dataDir, NODE_ENV: 'production' }), { rateLimitMax: 600, rateLimitWriteMax: 60, rateLimitWindowMs: 60_000 });
  t.match(loadConfig({ DATA_DIR: api.dataDir, NODE_ENV: 'production', RATE_LIMIT_MAX: '0' }), { rateLimitMax: 0 }, 'production may turn it off explicitly');
  t.throws(() => loadConfig({ DATA_DIR: api.dataDir, RATE_LIMIT_WINDOW_MS: '50' }), { message: /^RATE_LIMIT_WINDOW_MS must be a whole number from 100/ });
  t.throws(() => loadConfig({ DATA_DIR: api.dataDir, RATE_LIMIT_WRITE_MAX: '-1' }), { message: /^RATE_LIMIT_WRITE_MAX must be a whole number/ });
});

// polish (trust): TRUST_PROXY makes X-Forwarded-For's client address the one counted.
t.test('behind a proxy: with TRUST_PROXY two clients have separate budgets; without it they share the proxy\u2019s', async (t) => {
  const fromClient = (api: Awaited<ReturnType<typeof startTestApi>>, address: string) => api.call('GET', '/v1/keys', { headers: { 'x-forwarded-for': address } });
  for (const trust of ['true', '1', 'loopback', '127.0.0.1/8,10.0.0.0/8']) {
    const api = await startTestApi(t, { store: memoryStore(), env: { ...env, TRUST_PROXY: trust } });
    const a = [];
    for (let i = 0; i < 4; i++) a.push((await fromClient(api, '203.0.113.7')).statusCode);
    t.same(a, [200, 200, 200, 429], `TRUST_PROXY=${trust}: the first client spends its own budget`);
    t.equal((await fromClient(api, '198.51.100.9')).statusCode, 200, `TRUST_PROXY=${trust}: another client behind the same proxy has its own`);
    await api.close();
  }
  const off = await startTestApi(t, { store: memoryStore(), env });
  const shared = [];
  for (let i = 0; i < 3; i++) shared.push((await fromClient(off, '203.0.113.7')).statusCode);
  t.same(shared, [200, 200, 200]);
  t.equal((await fromClient(off, '198.51.100.9')).statusCode, 429, 'off (the default): every client behind the proxy shares its address and budget');
  const { loadConfig } = await import('../../services/config.js');
  t.match(loadConfig({ DATA_DIR: off.dataDir }), { trustProxy: false }, 'off by default');
  t.match(loadConfig({ DATA_DIR: off.dataDir, NODE_ENV: 'production' }), { trustProxy: false }, 'off by default in production too');
  t.match(loadConfig({ DATA_DIR: off.dataDir, TRUST_PROXY: '2' }), { trustProxy: 2 });
  t.same(loadConfig({ DATA_DIR: off.dataDir, TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy, ['10.0.0.0/8', '::1']);
  for (const bad of ['yes', '0', '10.0.0.0/33', '300.1.1.1', 'proxy.example.cn']) {
    t.throws(() => loadConfig({ DATA_DIR: off.dataDir, TRUST_PROXY: bad }), { message: /^TRUST_PROXY must be/ }, `TRUST_PROXY=${bad} is refused`);
  }
});
