/**
 * The funds over HTTP, end to end: a fund decision for building 3 becomes final → a release request → a 30%
 * advance → acceptance → settlement audit → settlement; the shares over building 3's sub-accounts sum exactly
 * to the settled amount and building 1 is charged nothing. Requests without a decision, above the budget, for
 * another charge scope, for another contractor or on a revoked decision are refused with a code, the ledgers
 * unchanged. An emergency release whose post-hoc review is late is `overdue` in /deadlines and flagged in the
 * supervisory view.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { parseYuan } from '../../domain/shared/money.js';
import { startTestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const UNITS = [
  { unitId: '1-1-101', building: '1', area: '90' },
  { unitId: '1-1-102', building: '1', area: '110.5' },
  { unitId: '3-1-101', building: '3', area: '88.1234' },
  { unitId: '3-1-102', building: '3', area: '100' },
  { unitId: '3-1-201', building: '3', area: '75.5' },
  { unitId: '3-1-202', building: '3', area: '120.0325' },
];
const toFen = (yuan: string): bigint => parseYuan(yuan)!;

t.test('a release on a final decision for building 3, in two phases, charged to building 3 by area', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = UNITS.map((u, i) => ({ ...u, areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const supervisor = await api.token('p-sup', `supervisor@${compoundId}`);
  const street = await api.token('p-so', `street_office@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);

  // The ledgers, and every unit's first deposit = area × ¥120.50 (维修资金办法 Art. 7).
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/funds`, { token: oc, body: { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' } })).statusCode, 201);
  for (const u of UNITS) {
    const r = await api.call('POST', `/v1/compounds/${compoundId}/funds/deposits`, { token: oc, body: { unitId: u.unitId, basis: 'first_deposit', evidence: [`slip-${u.unitId}`] } });
    t.equal(r.statusCode, 201, r.body);
  }
  const wrongFirst = await api.call('POST', `/v1/compounds/${compoundId}/funds/deposits`, { token: oc, body: { unitId: '1-1-101', basis: 'first_deposit', evidence: ['x'] } });
  t.equal(wrongFirst.json().code, 'first_deposit_already_made');
  const sub = async (unitId: string) => (await api.call('GET', `/v1/compounds/${compoundId}/funds/units/${unitId}`, { token: oc })).json() as { balance: string; firstDeposit: string };
  // By hand: 88.1234 × 120.50 = 10618.8697 → 10618.87 (half up); 120.0325 × 120.50 = 14463.91625 → 14463.92.
  t.equal((await sub('3-1-101')).firstDeposit, '10618.87');
  t.equal((await sub('3-1-202')).firstDeposit, '14463.92');

  // A final use_maintenance_fund decision for building 3, voted by building 3.
  const proposal = { plan: '3号楼屋面防水', budget: '20000.00', chargeScope: { kind: 'buildings', buildings: ['3'] }, works: [{ item: '屋面防水层' }], contractor: { name: '甲建筑公司' } };
  const now = clock.now().getTime();
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: oc,
    body: { title: '3号楼屋面', description: '', matter: 'use_maintenance_fund', buildings: ['3'], proposal, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  t.equal(proposed.statusCode, 201, proposed.body);
  const { motionId } = proposed.json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc })).statusCode, 201);
  clock.set(new Date(now + 20 * DAY));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: oc })).statusCode, 201);
  for (const i of [2, 3, 4, 5]) {
    const owner = await api.token(`p${i}`, `owner@${compoundId}`);
    t.equal((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: owner, body: { unitId: UNITS[i]!.unitId, choice: 'for' } })).statusCode, 201);
  }
  clock.set(new Date(now + 27 * DAY + 1000));
  t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${motionId}/close`, { token: oc })).statusCode));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/result`, { token: oc })).statusCode, 201);
  const final = await api.call('POST', `/v1/motions/${motionId}/final`, { token: oc });
  t.equal(final.statusCode, 201, final.body);
  const { decisionId } = final.json() as { decisionId: string };

  const ledgers = async () => (await api.call('GET', `/v1/compounds/${compoundId}/funds`, { token: supervisor })).json() as { accounts: { account: string; balance: string; held: string }[]; ledgersBalance: Record<string, string> };
  const before = await ledgers();
  const request = (body: Record<string, unknown>) =>
    api.call('POST', `/v1/compounds/${compoundId}/releases`, { token: firm, body: { decisionId, contractPrice: '18000.00', contractor: { name: '甲建筑公司' }, chargeScope: { kind: 'buildings', buildings: ['3'] }, evidence: ['合同 2026-07'], ...body } });
  const refusals: [Record<string, unknown>, number, string][] = [
    [{ decisionId: 'no-such-decision' }, 404, 'no_decision'],
    [{ contractPrice: '20000.01' }, 409, 'amount_exceeds_budget'],
    [{ chargeScope: { kind: 'buildings', buildings: ['1'] } }, 409, 'charge_scope_differs'],
    [{ chargeScope: { kind: 'compound' } }, 409, 'charge_scope_differs'],
    [{ contractor: { name: '乙工程公司' } }, 409, 'contractor_differs'],
  ];
  for (const [body, status, code] of refusals) {
    const r = await request(body);
    t.equal(r.statusCode, status, `${code}: ${r.body}`);
    t.equal(r.json().code, code);
  }
  t.same(await ledgers(), before, 'the refusals moved nothing');

  const requested = await request({});
  t.equal(requested.statusCode, 201, requested.body);
  const { releaseId } = requested.json() as { releaseId: string };
  const step = (path: string, body: Record<string, unknown>) => api.call('POST', `/v1/compounds/${compoundId}/releases/${releaseId}/${path}`, { token: oc, body });
  // The advance: at most 30% of the contract price (¥5,400.00).
  t.equal((await step('advance', { amount: '5400.01', evidence: ['预付申请'] })).json().code, 'advance_exceeds_limit');
  t.equal((await step('settlement', { evidence: [] })).json().code, 'works_not_accepted');
  t.equal((await step('advance', { amount: '5400.00', evidence: ['预付申请'] })).statusCode, 201);
  const held = await ledgers();
  const heldTotal = held.accounts.filter((a) => a.account.startsWith('unit:3-')).reduce((s, a) => s + toFen(a.held), 0n);
  t.equal(heldTotal, 540000n, 'the advance is held on building 3, exactly');
  t.equal((await step('acceptance', { acceptanceRef: '验收记录 2026-08-01' })).statusCode, 201);
  t.equal((await step('settlement', { evidence: [] })).json().code, 'settlement_audit_required');
  t.equal((await step('audit', { auditedAmount: '19500.37', auditRef: '审价报告 2026-015' })).statusCode, 201);
  const settled = await step('settlement', { evidence: ['结算单'] });
  t.equal(settled.statusCode, 201, settled.body);

  const after = await ledgers();
  const fen = (l: typeof after, account: string) => toFen(l.accounts.find((a) => a.account === account)?.balance ?? '0.00');
  let charged = 0n;
  for (const u of UNITS) {
    const diff = fen(before, `unit:${u.unitId}`) - fen(after, `unit:${u.unitId}`);
    if (u.building === '1') t.equal(diff, 0n, `${u.unitId} (building 1) is charged nothing`);
    else charged += diff;
  }
  t.equal(charged, 1950037n, 'building 3\u2019s shares sum exactly to the settlement');
  t.equal(fen(after, 'disbursed'), 1950037n);
  t.same(after.ledgersBalance, { maintenance: '0.00' }, 'the ledger balances');
  t.ok(after.accounts.every((a) => a.held === '0.00'), 'no hold left');

  // The decision revoked: a new release on it is refused, the settled one flagged for the board.
  t.equal((await api.call('POST', `/v1/decisions/${decisionId}/revoke`, { token: street, body: { authority: 'street_office', documentRef: '街道〔2026〕9号', reason: '程序违法' } })).statusCode, 201);
  const revoked = await request({ contractPrice: '100.00' });
  t.equal(revoked.json().code, 'decision_revoked');
  const trace = (await api.call('GET', `/v1/compounds/${compoundId}/supervision`, { token: supervisor })).json() as { flags: { kind: string; records: { type: string; id: string }[] }[]; transfers: { items: { authority: { kind: string; decision?: { budget: string } } }[] } };
  t.match(trace.flags, [{ kind: 'relies_on_revoked_decision', records: [{ type: 'release', id: releaseId }, { type: 'decision', id: decisionId }] }]);
  t.ok(trace.transfers.items.some((x) => x.authority.kind === 'decision' && x.authority.decision?.budget === '20000.00'), 'each release transfer traced to its decision with its budget');

  // An owner sees their own sub-account only.
  const owner0 = await api.token('p0', `owner@${compoundId}`);
  t.equal((await api.call('GET', `/v1/compounds/${compoundId}/funds/units/1-1-101`, { token: owner0 })).statusCode, 200);
  t.equal((await api.call('GET', `/v1/compounds/${compoundId}/funds/units/3-1-101`, { token: owner0 })).statusCode, 403);
  t.equal((await api.call('GET', `/v1/compounds/${compoundId}/funds`, { token: owner0 })).statusCode, 403);

  // An emergency (lift, with the inspection body's notice): the OC reviews, no vote; the post-hoc review is missed.
  const emergency = await api.call('POST', `/v1/compounds/${compoundId}/releases/emergency`, {
    token: firm,
    body: { item: 'lift_failure', description: '3号楼电梯停运', evidence: [{ kind: 'inspection_notice', ref: '特检院整改通知 2026-88' }], estimate: '3000.00', contractor: { name: '丙电梯公司' }, chargeScope: { kind: 'buildings', buildings: ['3'] } },
  });
  t.equal(emergency.statusCode, 201, emergency.body);
  const eid = (emergency.json() as { releaseId: string }).releaseId;
  const estep = (path: string, body: Record<string, unknown>, token = oc) => api.call('POST', `/v1/compounds/${compoundId}/releases/${eid}/${path}`, { token, body });
  t.equal((await estep('acceptance', { acceptanceRef: 'x' })).json().code, 'release_not_authorised');
  t.equal((await estep('review', { outcome: 'approved', reviewRef: '业委会审核 2026-3' })).statusCode, 201);
  t.equal((await estep('acceptance', { acceptanceRef: '验收 2026-3' })).statusCode, 201);
  t.equal((await estep('audit', { auditedAmount: '2999.99', auditRef: '审价 2026-3' })).statusCode, 201);
  t.equal((await estep('settlement', { evidence: ['结算单'] })).statusCode, 201);
  clock.set(new Date(clock.now().getTime() + 45 * DAY));
  const deadlines = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: oc })).json() as { deadlines: { kind: string; status: string; record: { id: string } }[] };
  t.match(deadlines.deadlines.find((d) => d.kind === 'emergency_post_hoc_review'), { status: 'overdue', record: { id: eid } });
  const flags = ((await api.call('GET', `/v1/compounds/${compoundId}/supervision`, { token: supervisor })).json() as { flags: { kind: string; records: { id: string }[] }[] }).flags;
  t.match(flags.find((f) => f.kind === 'emergency_review_overdue'), { records: [{ id: eid }] });
});
