/**
 * A Beijing compound for the funds' and the committee's pages, seeded over HTTP on the manual clock: 12 units in
 * two buildings whose owners' person ids are phone- and ID-shaped (tests/support/boardSeed.ts), the fund opened
 * and every first deposit made, public income and a payment of it into the fund; the preparatory group posted,
 * an election of 3 among 3 candidates and a use_maintenance_fund decision for building 2 voted together, the
 * committee seated with its officers, a release on the decision through settlement and an emergency release
 * reviewed; an OC meeting with its decisions posted, a meeting notice, a seal use; the quarter's maintenance
 * statement posted and its public-income statement left overdue.
 */
import type { Test } from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { periodBounds, periodOf } from '../../domain/funds/index.js';
import { startTestApi, type TestApi } from './api.js';
import { seededOwnerName, seededPersonId } from './boardSeed.js';

const DAY = 24 * 3600 * 1000;

export interface FundsSeed {
  readonly api: TestApi;
  readonly clock: ManualClock;
  readonly compoundId: string;
  readonly oc: string;
  readonly owner: (i: number) => Promise<string>;
  readonly units: readonly { readonly unitId: string; readonly building: string; readonly area: string }[];
  readonly fundMotionId: string;
  readonly electionMotionId: string;
  readonly releaseId: string;
  readonly emergencyId: string;
  /** The log position just before the release's settlement. */
  readonly beforeSettlement: string;
  readonly period: string;
  readonly members: readonly string[];
  readonly groupNames: readonly string[];
}

async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function seedFunds(t: Test): Promise<FundsSeed> {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '望京花园', address: '北京市朝阳区望京街 1 号', jurisdiction: 'beijing' } })).json() as { compoundId: string };
  const areas = ['88.5', '120.25', '95', '143.1234', '60', '77.77', '101', '99.9999', '130', '88', '66.6', '150'];
  const units = areas.map((area, i) => ({ unitId: `${i < 6 ? 1 : 2}-1-${101 + i}`, building: i < 6 ? '1' : '2', area }));
  const imported = await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: units.map((u, i) => ({ ...u, areaSource: 'registry', owners: [{ personId: seededPersonId(i), name: seededOwnerName(i) }] })) } });
  if (imported.statusCode !== 201) throw new Error(imported.body);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const street = await api.token('p-street', `street_office@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const party = await api.token('p-party', `party_committee@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);
  const owner = (i: number) => api.token(seededPersonId(i), `owner@${compoundId}`);
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string) => {
    const r = await p;
    if (r.statusCode !== 201) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const post = (path: string, token: string, body: Record<string, unknown> = {}) => api.call('POST', path, { token, body });
  const v1 = `/v1/compounds/${compoundId}`;

  // The funds: opened, every first deposit, public income and a part of it paid into the fund.
  await ok(post(`${v1}/funds`, oc, { ratePerSquareMetre: '150.00', evidenceRef: '京建发〔2026〕1号' }), 'open fund');
  for (const u of units) await ok(post(`${v1}/funds/deposits`, oc, { unitId: u.unitId, basis: 'first_deposit', evidence: [`slip-${u.unitId}`] }), 'deposit');
  await ok(post(`${v1}/funds/income`, oc, { contractId: 'ad-2026', amount: '6000.00', evidence: ['广告合同'] }), 'income');
  await ok(post(`${v1}/funds/income/to-fund`, oc, { amount: '3500.00', evidence: ['转账凭证'] }), 'income to fund');

  // The preparatory group (京条例 Art. 31), posted; an election of 3 with three candidates vetted and posted.
  const base = `${v1}/committee`;
  const groupNames = ['王居委', '李街道', '周代表', '吴代表', '郑代表'];
  const group = groupNames.map((name, i) => ({ memberId: `g${i + 1}`, name, kind: i === 0 ? 'residents_committee' : i === 1 ? 'street_office' : 'owner_representative', ...(i >= 2 ? { unitId: units[i - 2]!.unitId } : {}) }));
  await ok(post(`${base}/group`, street, { members: group, leaderMemberId: 'g1' }), 'group');
  await ok(post(`${base}/group/posting`, rc), 'group posting');
  const { electionId } = await ok(post(`${base}/elections`, street, { seats: 3, termYears: 5 }), 'election');
  const clean = { full_capacity: { declared: true }, no_firm_interest: { declared: true }, not_dishonest_debtor: { declared: true, evidenceRef: '信用中国查询-2026-03' } };
  const members = ['赵一', '钱二', '孙三'];
  const candidates: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await ok(post(`${base}/elections/${electionId}/nominations`, party, { name: members[i], personId: seededPersonId(3 + i), route: 'party_organisation', declarations: clean }), 'nomination');
    candidates.push(r.candidateId!);
    await ok(post(`${base}/elections/${electionId}/candidates/${r.candidateId}/vetting`, party, { outcome: 'approved', reason: '经社区党委研究同意' }), 'vetting');
  }
  await ok(post(`${base}/elections/${electionId}/posting`, street), 'posting');

  // Two motions voted together: the election, and a use of the fund for building 2.
  const now = clock.now().getTime();
  const window = { opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() };
  const electionMotionId = (await ok(post(`${base}/elections/${electionId}/motion`, street, window), 'election motion')).motionId!;
  const proposal = { plan: '2号楼屋面防水', budget: '20000.00', chargeScope: { kind: 'buildings', buildings: ['2'] }, works: [{ item: '屋面防水层' }], contractor: { name: '甲建筑公司' } };
  const fundMotionId = (await ok(post(`${v1}/motions`, oc, { title: '2号楼屋面防水', description: '', matter: 'use_maintenance_fund', buildings: ['2'], proposal, ...window }), 'fund motion')).motionId!;
  for (const m of [electionMotionId, fundMotionId]) await ok(post(`/v1/motions/${m}/notice`, street), 'notice');
  clock.set(new Date(now + 20 * DAY));
  for (const m of [electionMotionId, fundMotionId]) await ok(post(`/v1/motions/${m}/open`, street), 'open');
  const marks = Object.fromEntries(candidates.map((id) => [id, 'for']));
  for (let i = 0; i < 12; i++) {
    await ok(post(`/v1/motions/${electionMotionId}/ballots`, await owner(i), { unitId: units[i]!.unitId, candidates: marks }), 'election ballot');
    if (i >= 6) await ok(post(`/v1/motions/${fundMotionId}/ballots`, await owner(i), { unitId: units[i]!.unitId, choice: 'for' }), 'fund ballot');
  }
  clock.set(new Date(now + 27 * DAY + 1000));
  let decisionId = '';
  for (const m of [electionMotionId, fundMotionId]) {
    const closed = await post(`/v1/motions/${m}/close`, street);
    if (![201, 409].includes(closed.statusCode)) throw new Error(closed.body);
    await ok(post(`/v1/motions/${m}/result`, street), 'result');
    const final = await ok(post(`/v1/motions/${m}/final`, street), 'final');
    if (m === fundMotionId) decisionId = final.decisionId!;
  }
  await until(async () => (await api.call('GET', base, { token: oc })).json().committee, 'the committee seated');
  const member = await api.token(seededPersonId(3), `oc_member@${compoundId}`);
  await ok(post(`${base}/officers`, member, { chair: candidates[0], viceChairs: [candidates[1]], present: candidates, votes: { [candidates[0]!]: 3, [candidates[1]!]: 3 } }), 'officers');

  // A release on the decision through settlement; an emergency reviewed.
  const releaseId = (await ok(post(`${v1}/releases`, firm, { decisionId, contractPrice: '18000.00', contractor: { name: '甲建筑公司' }, chargeScope: { kind: 'buildings', buildings: ['2'] }, evidence: ['合同 2026-07'] }), 'release')).releaseId!;
  const step = (path: string, body: Record<string, unknown>) => ok(post(`${v1}/releases/${releaseId}/${path}`, oc, body), path);
  await step('advance', { amount: '5400.00', evidence: ['预付申请'] });
  await step('acceptance', { acceptanceRef: '验收记录 2026-04' });
  await step('audit', { auditedAmount: '17500.37', auditRef: '审价报告 2026-015' });
  const beforeSettlement = ((await api.runtime.deps.store.headPosition())).toString();
  await step('settlement', { evidence: ['结算单'] });
  const emergency = await ok(post(`${v1}/releases/emergency`, firm, { item: 'lift_failure', description: '1号楼电梯停运', evidence: [{ kind: 'inspection_notice', ref: '特检院整改通知 2026-88' }], estimate: '3000.00', contractor: { name: '丙电梯公司' }, chargeScope: { kind: 'buildings', buildings: ['1'] } }), 'emergency');
  await ok(post(`${v1}/releases/${emergency.releaseId}/review`, oc, { outcome: 'approved', reviewRef: '业委会审核 2026-3' }), 'review');

  // The committee meets (3 of 3), posts its decisions; a meeting convened; a seal use signed by two.
  await ok(post(`${base}/meetings`, member, { meetingId: 'm1', present: candidates, items: [{ itemId: 'a', title: '公示维修资金使用情况', inFavour: candidates.slice(0, 2) }] }), 'meeting');
  await ok(post(`${base}/meetings/m1/publication`, member), 'publication');
  await ok(post(`${base}/meetings/m2/notice`, member, { agenda: ['讨论电梯更新'], heldAt: new Date(clock.now().getTime() + 10 * DAY).toISOString() }), 'meeting notice');
  await ok(post(`${base}/seal-uses`, member, { useId: 's1', purpose: '与甲建筑公司签订维修合同', documentRef: '合同 2026-07', signedBy: candidates.slice(0, 2) }), 'seal use');

  // The quarter ends: its maintenance statement posted on time; public income's left to go overdue (京条例 Art. 85).
  const period = periodOf(clock.now(), 'quarter');
  const { to } = periodBounds(period)!;
  clock.set(new Date(to.getTime() + DAY));
  await ok(post(`${v1}/funds/disclosures`, oc, { ledger: 'maintenance', period }), 'disclosure');
  clock.set(new Date(to.getTime() + 40 * DAY));

  return { api, clock, compoundId, oc, owner, units, fundMotionId, electionMotionId, releaseId, emergencyId: emergency.releaseId!, beforeSettlement, period, members, groupNames };
}
