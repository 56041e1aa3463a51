/**
 * GET /metrics: Prometheus text with requests by route pattern and status, latency, the store's batches and
 * commit time, each projection's and reactor's lag, overdue deadlines; readable with METRICS_TOKEN or an
 * admin token only.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

const METRICS_TOKEN = 'scrape-secret-0123456789abcdef-0123456789';
const DAY = 24 * 3600 * 1000;

const sample = (text: string, name: string, labels = ''): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

t.test('metrics: requests by route pattern and status, store batches, lags, overdue deadlines', async (t) => {
  const api = await startTestApi({ env: { METRICS_TOKEN } });
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const scrape = async () => {
    const res = await api.call('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    t.equal(res.statusCode, 200);
    return res;
  };

  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = [{ unitId: '1-101', building: '1', area: '90', areaSource: 'registry', owners: [{ personId: 'p1', name: '业主' }] }];
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  for (let i = 0; i < 3; i++) t.equal((await api.call('GET', `/v1/compounds/${compoundId}`, { token: admin })).statusCode, 200);
  t.equal((await api.call('GET', '/v1/nowhere/at-all')).statusCode, 404);
  // A motion proposed without notice cannot open: past its opening (and grace) the obligation is overdue.
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: convenor,
    body: { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  t.equal(proposed.statusCode, 201);
  const before = await scrape();
  t.equal(sample(before.body, 'deadlines_overdue'), 0, 'nothing overdue yet');
  t.equal((await api.call('POST', '/v1/admin/clock', { token: admin, body: { now: new Date(now + 30 * DAY).toISOString() } })).statusCode, 200);
  const overdue = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines?status=overdue`, { token: admin })).json() as { deadlines: unknown[] };
  t.ok(overdue.deadlines.length > 0);

  const head = await api.runtime.deps.store.headPosition();
  t.ok(await api.runtime.deps.runner.waitFor(head, 10_000));
  t.ok(await api.runtime.deps.platform.deadlinesAt(head, 10_000));
  const res = await scrape();
  t.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  const text = res.body;
  t.equal(sample(text, 'http_requests_total', '{method="POST",route="/v1/compounds",status="201"}'), 1);
  t.equal(sample(text, 'http_requests_total', '{method="GET",route="/v1/compounds/:compoundId",status="200"}'), 3, 'the route pattern, not the URL');
  t.equal(sample(text, 'http_requests_total', '{method="GET",route="unmatched",status="404"}'), 1);
  t.notOk(text.includes(compoundId), 'no id in any label');
  t.equal(sample(text, 'http_request_duration_seconds_count', '{method="GET",route="/v1/compounds/:compoundId",status="200"}'), 3);
  t.ok(sample(text, 'http_request_duration_seconds_bucket', '{le="+Inf",method="GET",route="/v1/compounds/:compoundId",status="200"}') === 3);
  t.ok(sample(text, 'store_append_batch_events_count')! >= 3, 'one observation per committed transaction');
  t.ok(sample(text, 'store_append_batch_events_sum')! >= 3);
  t.ok(sample(text, 'store_commit_seconds_count')! >= 3);
  t.ok(sample(text, 'store_commit_seconds_sum')! > 0, 'the commit time, fsync included');
  t.equal(sample(text, 'log_head_position'), Number(head));
  t.equal(sample(text, 'projection_lag_events', '{projection="assembly"}'), 0, 'each projection caught up');
  t.match(text, /^reactor_lag_events\{reactor="[^"]+"\} \d+$/m);
  t.equal(sample(text, 'deadlines_overdue'), overdue.deadlines.length, 'the overdue obligations');
  t.match(text, /^process_resident_memory_bytes \d+/m, "Node's process metrics");

  // Who may read it.
  t.equal((await api.call('GET', '/metrics')).statusCode, 401);
  t.equal((await api.call('GET', '/metrics', { headers: { authorization: 'Bearer not-the-metrics-token' } })).statusCode, 401);
  t.equal((await api.call('GET', '/metrics', { token: convenor })).statusCode, 403);
  const byAdmin = await api.call('GET', '/metrics', { token: admin });
  t.equal(byAdmin.statusCode, 200, 'an admin token reads it too');
});

t.test('without METRICS_TOKEN only an admin token reads /metrics', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  t.equal((await api.call('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode, 401);
  t.equal((await api.call('GET', '/metrics', { token: await api.token('p-admin', 'admin') })).statusCode, 200);
});
