/**
 * Every view made of a read model answers `503 projection_failed` once its projection stopped for the compound
 * (services/api/readModel.ts), never a partial state as if it were whole: the residents', the disputes' and
 * the property firm's views, as the assembly's and the joint meetings' already did; and a funds command, which
 * reads the owners' decisions from the assembly's read model. Another compound's views answer as before.
 * Poison events (what the API cannot produce) are written straight to the log.
 */
import t from 'tap';
import { startTestApi, type TestApi } from '../support/api.js';

async function compound(api: TestApi, name: string): Promise<string> {
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = [{ unitId: '1-1-101', building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `${name}-p1`, name: '业主' }] }];
  await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  return compoundId;
}

async function poison(api: TestApi, streamId: string, type: string, compoundId: string): Promise<bigint> {
  const metadata = { commandId: `poison-${type}`, correlationId: 'poison', causationId: 'poison', actor: { personId: 'x', role: 'admin' }, recordedAt: new Date().toISOString() };
  const eventId = `01900000-0000-7000-8000-${String(type.length).padStart(4, '0')}${type.slice(0, 8).padEnd(8, '0').replace(/[^0-9a-f]/g, '0')}`;
  const { position } = await api.runtime.deps.store.append(streamId, [{ eventId, type, schemaVersion: 1, data: { compoundId }, metadata }], 'no_stream');
  api.runtime.deps.commands.noteAppended(position);
  return position;
}

t.test("a view whose projection failed for the compound answers 503 projection_failed; another compound's does not", async (t) => {
  const api = await startTestApi(t);
  const sick = await compound(api, 'A');
  const well = await compound(api, 'B');
  await poison(api, `residents-poison-${sick}`, 'ResidentsMeetingConvened', sick);
  await poison(api, `dispute-poison-${sick}`, 'DisputeFiled', sick);
  await poison(api, `survey-poison-${sick}`, 'SurveyOpened', sick);
  await poison(api, `motion-poison-${sick}`, 'MotionProposed', sick);

  const views = [
    ['residents', (c: string) => `/v1/compounds/${c}/residents/meetings`],
    ['disputes', (c: string) => `/v1/compounds/${c}/disputes`],
    ['hiring', (c: string) => `/v1/compounds/${c}/property-firm`],
  ] as const;
  for (const [projection, url] of views) {
    const oc = await api.token('p-oc', `oc_member@${sick}`, `oc_member@${well}`);
    const res = await api.call('GET', url(sick), { token: oc });
    t.equal(res.statusCode, 503, `${projection}: 503`);
    t.match(res.json(), { code: 'projection_failed', projection }, projection);
    t.equal((await api.call('GET', url(well), { token: oc })).statusCode, 200, `${projection}: the other compound answers`);
  }

  const oc = await api.token('p-oc', `oc_member@${sick}`);
  const funds = await api.call('POST', `/v1/compounds/${sick}/funds`, { token: oc, body: { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' } });
  t.equal(funds.statusCode, 503, "a funds command, which reads the assembly's decisions, says the read model failed");
  t.match(funds.json(), { code: 'projection_failed', projection: 'assembly' });
  const wellOc = await api.token('p-oc2', `oc_member@${well}`);
  t.equal((await api.call('POST', `/v1/compounds/${well}/funds`, { token: wellOc, body: { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' } })).statusCode, 201);
});

t.test('a position beyond the log is refused at once on every gated view, not after a wait', async (t) => {
  const api = await startTestApi(t);
  const c = await compound(api, 'C');
  const oc = await api.token('p-oc', `oc_member@${c}`);
  for (const url of [`/v1/compounds/${c}/residents/meetings`, `/v1/compounds/${c}/disputes`, `/v1/compounds/${c}/property-firm`]) {
    const started = Date.now();
    const res = await api.call('GET', `${url}?after=999999999`, { token: oc });
    t.equal(res.statusCode, 400, url);
    t.match(res.json(), { code: 'position_beyond_log' });
    t.ok(Date.now() - started < 4_000, 'answered without waiting for the read model');
  }
});
