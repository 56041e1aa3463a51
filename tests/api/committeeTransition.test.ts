/**
 * The committee's later life over HTTP on the manual clock, in a Shanghai compound whose committee of 5 is
 * seated (set up through the service; the election itself is tested in committee.test.ts): the re-election
 * report and group, Shanghai's transition freeze (沪规定 Art. 28 para. 4) refusing a motion to dismiss the firm
 * and naming the article, the handover within 10 days of the group (沪规定 Art. 29), a removal proposed by a
 * third of the members, answered by the member and decided by the owners, which leaves fewer than half the
 * seats and calls the early re-election; meetings convened with the agenda ahead, demanded by a third.
 */
import type { Test } from 'tap';
import t from 'tap';
import type { CommitteeCommand } from '../../domain/committee/index.js';
import { isDomainError } from '../../domain/shared/errors.js';
import type { ManualClock } from '../../services/clock.js';
import { systemEnvelope } from '../../services/platform/reactor.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectCommitteeReadsWhole } from '../support/committeeReads.js';
import { eventually } from '../support/eventually.js';

const DAY = 24 * 3600 * 1000;
const ADMIN = { personId: 'p-admin', grants: ['admin'] };
const UNITS = 8;


/** A compound of `jurisdiction` with 8 units (p0..p7, 100 m² each) and a seated committee of 5 (c0..c4 = p0..p4). */
async function seated(t: Test, jurisdiction: 'shanghai' | 'beijing') {
  const api: TestApi = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '古北花园', address: '上海市长宁区 1 号', jurisdiction } })).json() as { compoundId: string };
  const units = Array.from({ length: UNITS }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const rt = api.runtime;
  let n = 0;
  const run = async (command: CommitteeCommand) => {
    const out = await rt.deps.committee.handle(compoundId, command, systemEnvelope(`setup-${n++}`, rt.deps.clock.now()));
    if (isDomainError(out)) throw new Error(`${out.code}: ${out.message}`);
  };
  const leader = jurisdiction === 'beijing' ? 'residents_committee' : 'street_office';
  await run({ type: 'FormPreparatoryGroup', data: { compoundId, jurisdiction, knownUnits: ['1-101', '1-102'], leaderMemberId: 'g1', members: [{ memberId: 'g1', name: '组长', kind: leader }, { memberId: 'g2', name: '甲', kind: 'owner_representative', unitId: '1-101' }, { memberId: 'g3', name: '乙', kind: 'owner_representative', unitId: '1-102' }] }, by: ADMIN });
  await run({ type: 'OpenElection', data: { electionId: 'e1', seats: 5, termYears: 5, size: { totalArea: '800', households: UNITS } }, by: ADMIN });
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true, pledgeRef: '承诺书' }, no_arrears: { declared: true, evidenceRef: '缴费证明' }, not_dishonest_debtor: { declared: true, evidenceRef: '信用中国' } };
  for (let i = 0; i < 5; i++) {
    await run({ type: 'NominateCandidate', data: { electionId: 'e1', candidateId: `c${i}`, name: `委员${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: [`1-${101 + i}`], declarations }, by: ADMIN });
    await run({ type: 'VetCandidate', data: { electionId: 'e1', candidateId: `c${i}`, outcome: 'approved', reason: '同意' }, by: { personId: 'p-street', grants: ['street_office', 'party_committee'].slice(jurisdiction === 'beijing' ? 1 : 0, jurisdiction === 'beijing' ? 2 : 1) } });
  }
  await run({ type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN });
  await run({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm0', decisionId: 'd0', elected: ['c0', 'c1', 'c2', 'c3', 'c4'], unfilledSeats: 0, decidedAt: clock.now().toISOString() }, by: { personId: 'system', grants: ['system'] } });
  const street = await api.token('p-street', `street_office@${compoundId}`);
  const oc = (i: number) => api.token(`p${i}`, `oc_member@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const base = `/v1/compounds/${compoundId}/committee`;
  const deadlines = async () => (await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: street })).json().deadlines as { kind: string; status: string; dueAt: string; late: boolean; source: { article: string } }[];
  const board = async () => (await api.call('GET', base, { token: await owner(7) })).json();
  return { api, clock, admin, compoundId, street, oc, owner, base, deadlines, board };
}

const group = [
  { memberId: 'h1', name: '街道代表', kind: 'street_office' },
  { memberId: 'h2', name: '居委代表', kind: 'residents_committee' },
  { memberId: 'h3', name: '业主代表甲', kind: 'owner_representative', unitId: '1-106' },
  { memberId: 'h4', name: '业主代表乙', kind: 'owner_representative', unitId: '1-107' },
  { memberId: 'h5', name: '业主代表丙', kind: 'owner_representative', unitId: '1-108' },
];

t.test('during a Shanghai re-election a motion to dismiss the firm is refused, naming 沪规定 Art. 28; the handover is due 10 days after the group', async (t) => {
  const c = await seated(t, 'shanghai');
  const { api, base } = c;
  const motion = async (matter: string, proposal: Record<string, unknown>) => {
    const now = c.clock.now().getTime();
    return api.call('POST', `/v1/compounds/${c.compoundId}/motions`, {
      token: await c.oc(0),
      body: { title: '议题', description: '', matter, proposal, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
    });
  };
  const dismiss = { action: 'dismiss', firm: { name: '某物业公司' } };
  const before = await motion('hire_or_dismiss_firm', dismiss);
  t.equal(before.statusCode, 201, `before the re-election the owners may decide on the firm: ${before.body}`);

  // The report (5 months before the term ends, 沪规定 Art. 28 para. 1) and the group within 60 days.
  const report = await api.call('POST', `${base}/reelection-report`, { token: await c.oc(0) });
  t.equal(report.statusCode, 201, report.body);
  t.equal((await api.call('POST', `${base}/reelection-report`, { token: await c.oc(0) })).json().code, 'reelection_already_reported');
  const groupDue = await eventually(async () => (await c.deadlines()).find((d) => d.kind === 'reelection_group'), 'the group deadline');
  t.match(groupDue, { status: 'open', source: { article: '沪规定 Art. 28 para. 1' } });
  t.match((await c.deadlines()).find((d) => d.kind === 'reelection_report'), { status: 'met' });
  t.equal((await api.call('POST', `${base}/reelection-group`, { token: await c.oc(0), body: { members: group, leaderMemberId: 'h1' } })).statusCode, 403, 'the street office forms the group');
  t.equal((await api.call('POST', `${base}/reelection-group`, { token: c.street, body: { members: group, leaderMemberId: 'h2' } })).json().code, 'invalid_group', 'Shanghai: the street-office representative leads (Art. 28 para. 3)');
  const formed = await api.call('POST', `${base}/reelection-group`, { token: c.street, body: { members: group, leaderMemberId: 'h1' } });
  t.equal(formed.statusCode, 201, formed.body);

  // The freeze: the firm, fees (other major matters) and major works are refused with the article.
  const frozen = await motion('hire_or_dismiss_firm', dismiss);
  t.equal(frozen.statusCode, 409);
  t.equal(frozen.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(frozen.json().code, 'transition_freeze');
  t.match(frozen.json().detail, /沪规定 Art\. 28/);
  t.match(frozen.json(), { details: { source: '沪规定 Art. 28 para. 4', item: '(一)' } });
  t.equal((await motion('use_maintenance_fund', { plan: '外墙维修', budget: '10000.00', chargeScope: { kind: 'compound' }, works: [{ item: '外墙' }] })).json().code, 'transition_freeze', 'major works (三)');
  t.equal((await motion('other_major', { text: '调整物业费标准' })).json().code, 'transition_freeze', 'fees come as other major matters (二)(四)');
  t.equal((await motion('management_rules', { text: '修改管理规约' })).statusCode, 201, 'the covenant is not frozen');
  // The motion proposed before the group cannot open while the freeze lasts.
  const { motionId } = before.json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: await c.oc(0) })).statusCode, 201);
  c.clock.set(new Date(c.clock.now().getTime() + 21 * DAY));
  const open = await api.call('POST', `/v1/motions/${motionId}/open`, { token: await c.oc(0) });
  t.equal(open.json().code, 'transition_freeze', 'opening a frozen matter is refused too');
  const b = await c.board();
  t.match(b.committee.reelection, { freeze: '沪规定 Art. 28 para. 4', group: { leaderMemberId: 'h1' } });

  // 沪规定 Art. 29: records and seals handed over within 10 days of the group; here late.
  const handover = (await c.deadlines()).find((d) => d.kind === 'committee_handover');
  t.match(handover, { status: 'overdue', source: { article: '沪规定 Art. 29 para. 1' } });
  const handed = await api.call('POST', `${base}/handover`, { token: await c.oc(0), body: { to: '长宁区房管所', items: ['业主清册', '会议纪要', '业主委员会印章'], evidenceRef: '移交清单-2026-01' } });
  t.equal(handed.statusCode, 201, handed.body);
  t.match((await c.deadlines()).find((d) => d.kind === 'committee_handover'), { status: 'met', late: true });
  t.equal((await api.call('POST', `${base}/handover`, { token: await c.oc(0), body: { to: 'x', items: ['y'], evidenceRef: 'z' } })).json().code, 'already_handed_over');

  // schemasA: every committee read answers its whole document through its response schema, live and as of a past point.
  await expectCommitteeReadsWhole(t, c.api, c.compoundId, await c.owner(7));
});

t.test('a Beijing member removed by the owners after answering; fewer than half the seats left calls the early re-election', async (t) => {
  const c = await seated(t, 'beijing');
  const { api, base } = c;
  // One member is not a third of 5; two are (三分之一以上 includes the number only at 5/3 → 2).
  const one = await api.call('POST', `${base}/removals`, { token: await c.oc(0), body: { memberId: 'c4', grounds: '拒不召集会议', evidenceRef: '提议书-1', proposedBy: 'members', members: ['c0'] } });
  t.equal(one.statusCode, 400);
  t.equal(one.json().code, 'removal_not_supported');
  t.equal((await api.call('POST', `${base}/removals`, { token: await c.oc(0), body: { memberId: 'c4', grounds: 'x', evidenceRef: 'y', proposedBy: 'members', members: ['c1', 'c2'] } })).json().code, 'not_entitled', 'the caller is one of the proposers');
  // Owners: 1 of 8 units is 12.5% < 20%; 2 of 8 is 25%.
  t.equal((await api.call('POST', `${base}/removals`, { token: await c.owner(6), body: { memberId: 'c4', grounds: 'x', evidenceRef: 'y', proposedBy: 'owners', units: ['1-107'] } })).json().code, 'removal_not_supported');
  const proposed = await api.call('POST', `${base}/removals`, { token: await c.owner(6), body: { memberId: 'c4', grounds: '与物业服务企业存在利益往来', groundCodes: ['firm_dealings'], evidenceRef: '业主联名提议书', proposedBy: 'owners', units: ['1-107', '1-108'] } });
  t.equal(proposed.statusCode, 201, proposed.body);
  const { removalId } = proposed.json() as { removalId: string };
  const window = () => {
    const now = c.clock.now().getTime();
    return { opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() };
  };
  t.equal((await api.call('POST', `${base}/removals/${removalId}/motion`, { token: await c.oc(0), body: window() })).json().code, 'answer_period_running', 'the member may answer first (杭条例 Art. 31)');
  t.equal((await api.call('POST', `${base}/removals/${removalId}/answer`, { token: await c.oc(0), body: { answer: '代为申辩' } })).statusCode, 403, 'only the member answers');
  t.equal((await api.call('POST', `${base}/removals/${removalId}/answer`, { token: await c.oc(4), body: { answer: '本人与物业公司无任何经济往来' } })).statusCode, 201);
  const put = await api.call('POST', `${base}/removals/${removalId}/motion`, { token: await c.oc(0), body: window() });
  t.equal(put.statusCode, 201, put.body);
  const { motionId } = put.json() as { motionId: string };
  const motion = (await api.call('GET', `/v1/motions/${motionId}`, { token: c.street })).json();
  t.match(motion, { matter: 'elect_committee', form: { form: 'yes_no' } });
  t.match(motion.description, /本人与物业公司无任何经济往来/, 'the answer is put to the owners');

  // The owners vote: 6 of 8 for, 2 against.
  const start = c.clock.now().getTime();
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: await c.oc(0) })).statusCode, 201);
  c.clock.set(new Date(start + 20 * DAY));
  t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${motionId}/open`, { token: await c.oc(0) })).statusCode));
  for (let i = 0; i < UNITS; i++) {
    const r = await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: `1-${101 + i}`, choice: i < 6 ? 'for' : 'against' } });
    t.equal(r.statusCode, 201, r.body);
  }
  c.clock.set(new Date(start + 27 * DAY));
  t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${motionId}/close`, { token: await c.oc(0) })).statusCode));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/result`, { token: await c.oc(0) })).statusCode, 201);
  const final = await api.call('POST', `/v1/motions/${motionId}/final`, { token: await c.oc(0) });
  t.equal(final.statusCode, 201, final.body);
  const removed = await eventually(async () => {
    const b = await c.board();
    return b.committee.members.find((m: { memberId: string; status: string }) => m.memberId === 'c4' && m.status === 'ended') && b;
  }, 'the member removed');
  t.equal(removed.committee.serving, 4);
  t.match(removed.removals[0], { removalId, name: '委员4', proposer: { kind: 'owners', support: { area: '200.00', headcount: 2 } }, answer: { text: '本人与物业公司无任何经济往来' }, outcome: { removed: true } });
  t.notOk(JSON.stringify(removed.removals).includes('1-107'), 'which owners proposed it is not shown');
  t.notOk((await c.deadlines()).some((d) => d.kind === 'early_reelection'), '4 of 5 serve');

  // Two more members sell their only unit: 2 of 5 serve → early re-election (京条例 Arts. 48–49).
  for (const i of [2, 3]) t.equal((await api.call('POST', `/v1/compounds/${c.compoundId}/units/1-${101 + i}/transfer`, { token: c.admin, body: { owners: [{ personId: `q${i}`, name: '新业主' }] } })).statusCode, 201);
  const early = await eventually(async () => (await c.deadlines()).find((d) => d.kind === 'early_reelection'), 'early re-election');
  t.match(early, { status: 'open', source: { article: '京条例 Arts. 48–49' } });

  // schemasA: every committee read answers its whole document through its response schema, live and as of a past point.
  await expectCommitteeReadsWhole(t, c.api, c.compoundId, await c.owner(7));
});

t.test('Beijing meetings: the agenda 5 days ahead, a meeting demanded by a third held within 7 days, the seal with more than half signing', async (t) => {
  const c = await seated(t, 'beijing');
  const { api, base } = c;
  const now = () => c.clock.now().getTime();
  const soon = await api.call('POST', `${base}/meetings/m1/notice`, { token: await c.oc(0), body: { agenda: ['门禁改造'], heldAt: new Date(now() + 4 * DAY).toISOString() } });
  t.equal(soon.statusCode, 400);
  t.equal(soon.json().code, 'agenda_notice_too_short');
  t.match(soon.json().detail, /京条例 Art\. 45 para\. 3/);
  t.equal((await api.call('POST', `${base}/meeting-demands`, { token: await c.oc(1), body: { members: ['c1'], agenda: '讨论停车' } })).json().code, 'demand_not_supported', '1 of 5 is less than a third');
  const demanded = await api.call('POST', `${base}/meeting-demands`, { token: await c.oc(1), body: { members: ['c1', 'c2'], agenda: '讨论停车' } });
  t.equal(demanded.statusCode, 201, demanded.body);
  const { demandId } = demanded.json() as { demandId: string };
  const due = await eventually(async () => (await c.deadlines()).find((d) => d.kind === 'committee_demanded_meeting'), 'the demanded meeting');
  t.match(due, { status: 'open' });
  const convened = await api.call('POST', `${base}/meetings/m1/notice`, { token: await c.oc(0), body: { agenda: ['讨论停车'], heldAt: new Date(now() + 5 * DAY).toISOString(), demandId } });
  t.equal(convened.statusCode, 201, convened.body);
  c.clock.set(new Date(now() + 5 * DAY));
  const held = await api.call('POST', `${base}/meetings`, { token: await c.oc(0), body: { meetingId: 'm1', present: ['c0', 'c1', 'c2'], items: [{ itemId: 'a', title: '停车方案', inFavour: ['c0', 'c1', 'c2'] }] } });
  t.equal(held.statusCode, 201, held.body);
  const after = await eventually(async () => {
    const list = await c.deadlines();
    return list.find((d) => d.kind === 'committee_demanded_meeting')?.status === 'met' && list;
  }, 'demand met');
  t.ok(after.some((d) => d.kind === 'committee_regular_meeting' && d.status === 'open'), 'the next regular meeting within two months (京条例 Art. 45)');
  const b = await c.board();
  t.same(b.committee.absences.map((a: { memberId: string }) => a.memberId), ['c3', 'c4'], 'absent from half or more of the year’s meetings (京条例 Art. 46)');

  const seal = async (signedBy: string[], useId: string) => api.call('POST', `${base}/seal-uses`, { token: await c.oc(0), body: { useId, purpose: '与物业签订补充协议', documentRef: '补充协议-1', signedBy } });
  const two = await seal(['c0', 'c1'], 's1');
  t.equal(two.json().code, 'seal_use_not_authorised', '2 of 5 is not more than half (京条例 Art. 43)');
  t.equal((await seal(['c0', 'c1', 'c2'], 's1')).statusCode, 201);
  t.match((await c.board()).committee.sealUses, [{ useId: 's1', signedBy: ['委员0', '委员1', '委员2'] }]);

  // schemasA: every committee read answers its whole document through its response schema, live and as of a past point.
  await expectCommitteeReadsWhole(t, c.api, c.compoundId, await c.owner(7));
});
