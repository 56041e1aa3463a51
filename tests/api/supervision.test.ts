/**
 * Supervision over HTTP, on a Shanghai compound: disclosures per period generated from the ledger (沪规定
 * Art. 66: public income quarterly, the fund half-yearly), an owner seeing only their own sub-account, and
 * the flags: public income not topped up (沪规定 Art. 51: more than half each quarter), a disclosure overdue
 * (also `overdue` in /deadlines), self-approval and a related-party contractor (declared relationships).
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

interface Flag {
  kind: string;
  rule: string;
  records: { type: string; id: string }[];
}

t.test('disclosures per period, public-income top-up, self-approval and related-party flags', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock; // 2026-03-02
  const admin = await api.token('p-admin', 'admin');
  const { compoundId: c } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '梧桐小区', address: '上海市徐汇区 1 号', jurisdiction: 'shanghai' } })).json() as { compoundId: string };
  const units = [
    { unitId: '1-1-101', building: '1', area: '90', areaSource: 'registry', owners: [{ personId: 'p-a', name: '甲' }] },
    { unitId: '1-1-102', building: '1', area: '110', areaSource: 'registry', owners: [{ personId: 'p-b', name: '乙' }] },
  ];
  t.equal((await api.call('POST', `/v1/compounds/${c}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${c}`);
  const oc2 = await api.token('p-oc2', `oc_member@${c}`);
  const supervisor = await api.token('p-sup', `supervisor@${c}`);
  const ownerA = await api.token('p-a', `owner@${c}`);
  const post = (url: string, token: string, body: unknown) => api.call('POST', `/v1/compounds/${c}${url}`, { token, body });
  t.equal((await post('/funds', oc, { ratePerSquareMetre: '100', evidenceRef: '沪房规〔2026〕1号' })).statusCode, 201);
  for (const u of units) t.equal((await post('/funds/deposits', oc, { unitId: u.unitId, basis: 'first_deposit', evidence: ['slip'] })).statusCode, 201);
  // Q1 2026: ¥1,000 public income, exactly half paid into the fund: not "more than half" (沪规定 Art. 51).
  t.equal((await post('/funds/income', oc, { contractId: 'parking-2026', amount: '1000.00', evidence: ['停车费收据'] })).statusCode, 201);
  t.equal((await post('/funds/income/to-fund', oc, { amount: '500.00', evidence: ['转账凭证'] })).statusCode, 201);

  // Disclosures: only ended periods, in the jurisdiction's cadence, once each.
  t.equal((await post('/funds/disclosures', oc, { ledger: 'public_income', period: '2026-Q1' })).json().code, 'period_not_ended');
  clock.set(new Date('2026-04-02T02:00:00Z'));
  t.equal((await post('/funds/disclosures', oc, { ledger: 'maintenance', period: '2026-Q1' })).json().code, 'invalid_period', 'the fund is disclosed half-yearly in Shanghai');
  t.equal((await post('/funds/disclosures', ownerA, { ledger: 'public_income', period: '2026-Q1' })).statusCode, 403);
  const posted = await post('/funds/disclosures', oc, { ledger: 'public_income', period: '2026-Q1' });
  t.equal(posted.statusCode, 201, posted.body);
  t.equal((await post('/funds/disclosures', oc, { ledger: 'public_income', period: '2026-Q1' })).json().code, 'disclosure_already_published');
  const list = (await api.call('GET', `/v1/compounds/${c}/funds/disclosures`, { token: ownerA })).json() as { disclosures: Record<string, unknown>[] };
  t.match(list.disclosures, [{ ledger: 'public_income', period: '2026-Q1', opening: '0.00', inflows: { income_contract: '1000.00' }, outflows: { income_to_fund: '500.00' }, closing: '500.00', transfers: 2, late: false }]);
  t.notMatch(JSON.stringify(list), /p-(a|b|oc)/, 'no person id in a posted statement');

  // Each owner sees their own sub-account, and only their own.
  t.equal((await api.call('GET', `/v1/compounds/${c}/funds/units/1-1-101`, { token: ownerA })).statusCode, 200);
  t.equal((await api.call('GET', `/v1/compounds/${c}/funds/units/1-1-102`, { token: ownerA })).json().code, 'not_entitled');

  // An emergency requested by one OC member and reviewed by the same; another OC member holds shares in the contractor.
  t.equal((await post('/relationships', oc2, { related: { kind: 'organisation', name: '丙电梯公司' }, relation: 'shareholding', note: '持股 5%' })).statusCode, 201);
  t.equal((await post('/relationships', ownerA, { related: { kind: 'organisation', name: 'x' }, relation: 'other' })).statusCode, 403);
  const e = await post('/releases/emergency', oc, { item: 'lift_failure', description: '电梯停运', evidence: [{ kind: 'inspection_notice', ref: '特检通知' }], estimate: '2000.00', contractor: { name: '丙电梯公司' }, chargeScope: { kind: 'buildings', buildings: ['1'] } });
  t.equal(e.statusCode, 201, e.body);
  const releaseId = (e.json() as { releaseId: string }).releaseId;
  t.equal((await post(`/releases/${releaseId}/review`, oc, { outcome: 'approved', reviewRef: '业委会审核' })).statusCode, 201);

  // Past 31 July: the fund's 2026-H1 statement and public income's 2026-Q2 one are overdue (30 days after the
  // period; no statute fixes the days).
  clock.set(new Date('2026-08-15T02:00:00Z'));
  const trace = (await api.call('GET', `/v1/compounds/${c}/supervision`, { token: supervisor })).json() as { flags: Flag[]; declarations: unknown[] };
  const kinds = trace.flags.map((f) => f.kind).sort();
  t.same(kinds, ['disclosure_overdue', 'disclosure_overdue', 'income_top_up_missed', 'related_party_contractor', 'self_approval'], JSON.stringify(trace.flags));
  const flag = (kind: string) => trace.flags.find((f) => f.kind === kind)!;
  t.match(flag('income_top_up_missed'), { rule: /沪规定 Art. 51/, records: [{ type: 'period', id: '2026-Q1' }] });
  t.same(trace.flags.filter((f) => f.kind === 'disclosure_overdue').map((f) => f.records[0]!.id), ['maintenance/2026-H1', 'public_income/2026-Q2']);
  t.match(flag('disclosure_overdue'), { rule: /沪规定 Art. 66/ });
  t.match(flag('self_approval'), { records: [{ type: 'release', id: releaseId }] });
  t.match(flag('related_party_contractor'), { records: [{ type: 'release', id: releaseId }, { type: 'declaration' }] });
  t.notMatch(JSON.stringify(trace), /p-oc2?"/, 'the trace shows roles, never person ids');
  const deadlines = (await api.call('GET', `/v1/compounds/${c}/deadlines`, { token: oc })).json() as { deadlines: { kind: string; status: string; record: { id: string } }[] };
  t.match(deadlines.deadlines.find((d) => d.kind === 'funds_disclosure' && d.record.id === 'maintenance/2026-H1'), { status: 'overdue' });
  t.match(deadlines.deadlines.find((d) => d.kind === 'funds_disclosure' && d.record.id === 'public_income/2026-Q1'), { status: 'met' });

  // Posting it late clears nothing: the flag now links the late statement.
  t.equal((await post('/funds/disclosures', oc, { ledger: 'maintenance', period: '2026-H1' })).statusCode, 201);
  const after = (await api.call('GET', `/v1/compounds/${c}/supervision`, { token: supervisor })).json() as { flags: Flag[] };
  t.match(after.flags.find((f) => f.kind === 'disclosure_overdue'), { records: [{ type: 'period', id: 'maintenance/2026-H1' }, { type: 'disclosure' }] });
});
