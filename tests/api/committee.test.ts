/**
 * The owners' committee end to end over HTTP on the manual clock, in a Beijing compound: the preparatory group
 * formed and posted, nominations (one ineligible, with its reasons), the Party organisation's consent, the
 * candidates posted, an election of 7 seats among 9 candidates through the assembly, the elected seated by the
 * reactor, officers within 7 days, the filing overdue after its 30 days and met when filed, OC meetings against
 * ALL members, and a member who sells their only unit leaving exactly once.
 */
import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectCommitteeReadsWhole } from '../support/committeeReads.js';
import { eventually } from '../support/eventually.js';

const DAY = 24 * 3600 * 1000;
const UNITS = 12;


async function beijing(t: Test) {
  const api: TestApi = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '望京花园', address: '北京市朝阳区望京街 1 号', jurisdiction: 'beijing' } })).json() as { compoundId: string };
  const units = Array.from({ length: UNITS }, (_, i) => ({ unitId: `1-1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const street = await api.token('p-street', `street_office@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const party = await api.token('p-party', `party_committee@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const base = `/v1/compounds/${compoundId}/committee`;
  const deadlines = async () => (await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: rc })).json().deadlines as { kind: string; status: string; dueAt: string; late: boolean; source: { article: string } }[];
  const board = async () => (await api.call('GET', base, { token: await owner(11) })).json();
  return { api, clock, admin, compoundId, street, rc, party, owner, base, deadlines, board, unitOf: (i: number) => units[i]!.unitId };
}

t.test('a Beijing compound elects its committee over HTTP, seats it, files it, and the committee meets and loses a member', async (t) => {
  const c = await beijing(t);
  const { api, base } = c;

  // 1. The preparatory group: odd, owners ≥ 1/2, led by an RC staffer the street office appoints (京条例 Art. 31).
  const members = [
    { memberId: 'g1', name: '王居委', kind: 'residents_committee' },
    { memberId: 'g2', name: '李街道', kind: 'street_office' },
    { memberId: 'g3', name: '业主甲', kind: 'owner_representative', unitId: c.unitOf(0) },
    { memberId: 'g4', name: '业主乙', kind: 'owner_representative', unitId: c.unitOf(1) },
    { memberId: 'g5', name: '业主丙', kind: 'owner_representative', unitId: c.unitOf(2) },
  ];
  const wrongLeader = await api.call('POST', `${base}/group`, { token: c.street, body: { members, leaderMemberId: 'g2' } });
  t.equal(wrongLeader.statusCode, 400);
  t.equal(wrongLeader.json().code, 'invalid_group');
  t.match(wrongLeader.json().detail, /京条例 Art. 31/);
  t.equal((await api.call('POST', `${base}/group`, { token: c.rc, body: { members, leaderMemberId: 'g1' } })).statusCode, 403, 'the street office forms the group');
  const even = await api.call('POST', `${base}/group`, { token: c.street, body: { members: members.slice(0, 4), leaderMemberId: 'g1' } });
  t.equal(even.json().code, 'invalid_group', 'an even number is refused');
  t.equal((await api.call('POST', `${base}/group`, { token: c.street, body: { members, leaderMemberId: 'g1' } })).statusCode, 201);
  let ds = await eventually(async () => {
    const list = await c.deadlines();
    return list.some((d) => d.kind === 'first_assembly') && list;
  }, 'group deadlines');
  t.match(ds.find((d) => d.kind === 'first_assembly'), { status: 'open', source: { article: '京条例 Art. 32 para. 3' } });
  t.equal((await api.call('POST', `${base}/group/posting`, { token: c.rc })).statusCode, 201);
  ds = await eventually(async () => {
    const list = await c.deadlines();
    return list.find((d) => d.kind === 'group_list_posting')?.status === 'met' && list;
  }, 'list posted');
  t.pass('the list posting deadline is met');

  // 2. The election and its nominations.
  const opened = await api.call('POST', `${base}/elections`, { token: c.street, body: { seats: 7, termYears: 5 } });
  t.equal(opened.statusCode, 201, opened.body);
  const { electionId } = opened.json() as { electionId: string };
  t.equal((await api.call('POST', `${base}/elections`, { token: c.street, body: { seats: 6, termYears: 5 } })).json().code, 'election_already_open');
  const clean = { full_capacity: { declared: true }, no_firm_interest: { declared: true }, not_dishonest_debtor: { declared: true, evidenceRef: '信用中国查询-2026-03' } };
  const nominate = async (token: string, body: Record<string, unknown>) => api.call('POST', `${base}/elections/${electionId}/nominations`, { token, body: { declarations: clean, ...body } });
  const candidates: string[] = [];
  for (let i = 0; i < 9; i++) {
    const route = i < 3 ? 'party_organisation' : i < 6 ? 'residents_committee' : i < 8 ? 'self' : 'owners_jointly';
    const token = route === 'party_organisation' ? c.party : route === 'residents_committee' ? c.rc : await c.owner(route === 'self' ? i : 10);
    const r = await nominate(token, { name: `候选人${i}`, personId: `p${i}`, route, ...(route === 'owners_jointly' ? { supporters: [c.unitOf(10), c.unitOf(11)] } : {}) });
    t.equal(r.statusCode, 201, r.body);
    t.equal(r.json().eligible, true);
    candidates.push(r.json().candidateId);
  }
  const selfForOther = await nominate(await c.owner(9), { name: '冒名', personId: 'p10', route: 'self' });
  t.equal(selfForOther.statusCode, 403, 'a self-nomination is the candidate’s own');
  const ineligible = await nominate(c.rc, {
    name: '外来人',
    personId: 'p-outsider',
    route: 'residents_committee',
    declarations: { full_capacity: { declared: true }, no_firm_interest: { declared: true }, not_dishonest_debtor: { declared: true } },
  });
  t.equal(ineligible.statusCode, 201, 'an ineligible nomination is recorded');
  t.equal(ineligible.json().eligible, false);
  t.match(ineligible.json().failed, [
    { condition: 'owner_in_compound', met: false, source: /京条例 Art. 39/ },
    { condition: 'not_dishonest_debtor', met: false, source: /京条例 Art. 39 para. 3 \(五\)/, reason: /evidence/ },
  ]);
  t.equal(ineligible.json().failed.length, 2, 'every failed condition, and only those');

  // 3. Vetting: the Party organisation's consent (京条例 Art. 40) before the posting.
  const vet = (candidateId: string, token: string, outcome = 'approved') =>
    api.call('POST', `${base}/elections/${electionId}/candidates/${candidateId}/vetting`, { token, body: { outcome, reason: '经社区党委研究同意' } });
  t.equal((await vet(ineligible.json().candidateId, c.party)).json().code, 'candidate_ineligible');
  t.equal((await vet(candidates[0]!, c.rc)).statusCode, 403, 'the RC does not consent');
  for (const id of candidates.slice(0, 8)) t.equal((await vet(id, c.party)).statusCode, 201);
  const early = await api.call('POST', `${base}/elections/${electionId}/posting`, { token: c.street });
  t.equal(early.json().code, 'vetting_pending', 'the ninth has no consent yet');
  t.equal((await vet(candidates[8]!, c.party)).statusCode, 201);
  t.equal((await vet(candidates[8]!, c.party)).json().code, 'already_vetted');
  const posted = await api.call('POST', `${base}/elections/${electionId}/posting`, { token: c.street });
  t.equal(posted.statusCode, 201, posted.body);
  const votingMayOpenAt = Date.parse(posted.json().votingMayOpenAt);
  t.ok(votingMayOpenAt >= c.clock.now().getTime() + 15 * DAY, 'posted at least 15 days before the vote (京条例 Art. 32)');

  const election = (await api.call('GET', `${base}/elections/${electionId}`, { token: await c.owner(11) })).json();
  t.equal(election.candidates.length, 10);
  t.equal(election.posting.candidates.length, 9, 'the ineligible nomination is not posted');
  t.match(election.candidates[0], { name: '候选人0', units: [c.unitOf(0)], eligible: true, vetting: { party_organisation: { outcome: 'approved' } } });
  t.notOk(JSON.stringify(election).includes('"p0"') || JSON.stringify(election).includes('p-outsider'), 'no person id in the election view');

  // 4. The vote: an assembly motion proposed for the election, then run on /v1/motions.
  const now = c.clock.now().getTime();
  const tooSoon = await api.call('POST', `${base}/elections/${electionId}/motion`, { token: c.street, body: { opensAt: new Date(now + 10 * DAY).toISOString(), closesAt: new Date(now + 17 * DAY).toISOString() } });
  t.equal(tooSoon.json().code, 'posting_period_not_run');
  const proposed = await api.call('POST', `${base}/elections/${electionId}/motion`, { token: c.street, body: { opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() } });
  t.equal(proposed.statusCode, 201, proposed.body);
  const { motionId } = proposed.json() as { motionId: string };
  const motion = (await api.call('GET', `/v1/motions/${motionId}`, { token: c.street })).json();
  t.match(motion, { matter: 'elect_committee', proposal: { kind: 'elect_committee', seats: 7, electionId } });
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: c.street })).statusCode, 201);
  c.clock.set(new Date(now + 20 * DAY));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: c.street })).statusCode, 201);
  const marks = Object.fromEntries(candidates.map((id, i) => [id, i < 7 ? 'for' : 'against']));
  for (let i = 0; i < UNITS; i++) {
    const r = await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: c.unitOf(i), candidates: marks } });
    t.equal(r.statusCode, 201, r.body);
  }
  c.clock.set(new Date(now + 27 * DAY));
  const closed = await api.call('POST', `/v1/motions/${motionId}/close`, { token: c.street });
  t.ok([201, 409].includes(closed.statusCode));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/result`, { token: c.street })).statusCode, 201);
  const final = await api.call('POST', `/v1/motions/${motionId}/final`, { token: c.street });
  t.equal(final.statusCode, 201, final.body);
  const electedAt = c.clock.now().getTime();

  // The reactor seats the seven.
  const seated = await eventually(async () => {
    const b = await c.board();
    return b.committee && b;
  }, 'the committee seated');
  t.equal(seated.committee.members.length, 7);
  t.same(seated.committee.members.map((m: { memberId: string }) => m.memberId), candidates.slice(0, 7));
  t.match(seated.committee.members[0], { name: '候选人0', role: 'member', units: [c.unitOf(0)], status: 'active' });
  t.match(seated.committee.filing, { status: 'pending' });
  t.notOk(/"p\d+"/.test(JSON.stringify(seated)), 'no person id on the board');
  t.match((await api.call('GET', `${base}/elections/${electionId}`, { token: c.rc })).json(), { status: 'decided', motionId, result: { unfilledSeats: 0 } });
  const kinds = (seated.deadlines as { kind: string }[]).map((d) => d.kind).sort();
  t.same(kinds, ['committee_filing', 'committee_first_meeting', 'committee_handover', 'committee_regular_meeting', 'committee_term_end', 'reelection_report']);

  // 5. The first meeting within 7 days: chair and vice-chair by > 1/2 of ALL members (京条例 Art. 42).
  const oc = await api.token('p0', `oc_member@${c.compoundId}`);
  const present4 = candidates.slice(0, 4);
  const short = await api.call('POST', `${base}/officers`, { token: oc, body: { chair: candidates[0], viceChairs: [candidates[1]], present: present4, votes: { [candidates[0]!]: 3, [candidates[1]!]: 4 } } });
  t.equal(short.statusCode, 400);
  t.equal(short.json().code, 'officers_not_elected', '3 of 7 is not more than half of all members');
  c.clock.set(new Date(electedAt + 3 * DAY));
  const officers = await api.call('POST', `${base}/officers`, { token: oc, body: { chair: candidates[0], viceChairs: [candidates[1]], present: present4, votes: { [candidates[0]!]: 4, [candidates[1]!]: 4 } } });
  t.equal(officers.statusCode, 201, officers.body);

  // The filing: overdue once its 30 days have run, met when filed (物业管理条例 Art. 16; 京条例 Art. 43).
  const filing = await eventually(async () => (await c.deadlines()).find((d) => d.kind === 'committee_filing'), 'the filing deadline');
  t.equal(filing.source.article, '京条例 Art. 43');
  t.ok(Date.parse(filing.dueAt) >= electedAt + 30 * DAY, 'thirty days, the election day not counted');
  t.equal((await c.deadlines()).find((d) => d.kind === 'committee_first_meeting')?.status, 'met');
  c.clock.set(new Date(Date.parse(filing.dueAt) - 1000));
  t.equal((await c.deadlines()).find((d) => d.kind === 'committee_filing')?.status, 'open');
  c.clock.set(new Date(Date.parse(filing.dueAt) + 1000));
  t.equal((await c.deadlines()).find((d) => d.kind === 'committee_filing')?.status, 'overdue', 'overdue on day 31 unfiled');
  t.equal((await api.call('POST', `${base}/filing`, { token: oc, body: { certificateRef: '朝备〔2026〕12号', authority: '望京街道办事处' } })).statusCode, 403, 'the street office records the filing');
  t.equal((await api.call('POST', `${base}/filing`, { token: c.street, body: { certificateRef: '朝备〔2026〕12号', authority: '望京街道办事处' } })).statusCode, 201);
  const filed = (await c.deadlines()).find((d) => d.kind === 'committee_filing');
  t.match(filed, { status: 'met', late: true });
  t.match((await c.board()).committee.filing, { status: 'filed', certificateRef: '朝备〔2026〕12号' });

  // 6. OC meetings: 7 members, 4 present; 3 in favour adopts nothing, 4 adopts (> 1/2 of ALL members).
  const meeting = await api.call('POST', `${base}/meetings`, {
    token: oc,
    body: {
      meetingId: 'm1',
      present: present4,
      items: [
        { itemId: 'a', title: '更换门禁系统', inFavour: candidates.slice(0, 3) },
        { itemId: 'b', title: '公示维修资金使用情况', inFavour: candidates.slice(0, 4) },
      ],
    },
  });
  t.equal(meeting.statusCode, 201, meeting.body);
  t.match(meeting.json(), { quorumMet: true, items: [{ itemId: 'a', adopted: false }, { itemId: 'b', adopted: true }] });
  const proxy = await api.call('POST', `${base}/meetings`, { token: oc, body: { meetingId: 'm2', present: present4, items: [{ itemId: 'a', title: 'x', inFavour: [candidates[5]] }] } });
  t.equal(proxy.json().code, 'proxy_not_allowed', 'an absent member does not sign');
  const thin = await api.call('POST', `${base}/meetings`, { token: oc, body: { meetingId: 'm3', present: candidates.slice(0, 3), items: [{ itemId: 'a', title: 'x', inFavour: candidates.slice(0, 3) }] } });
  t.match(thin.json(), { quorumMet: false, items: [{ adopted: false }] }, '3 of 7 present is no quorum');
  const pub = await eventually(async () => (await c.deadlines()).find((d) => d.kind === 'committee_decision_publication' && d.status === 'open'), 'publication deadline');
  t.equal(pub.source.article, '京条例 Art. 45 para. 4');
  t.equal((await api.call('POST', `${base}/meetings/m1/publication`, { token: oc })).statusCode, 201);
  const afterMeeting = await c.board();
  t.match(afterMeeting.meetings[0], { meetingId: 'm1', members: 7, present: 4, published: { late: false }, decisions: [{ itemId: 'b' }] });

  // 7. A member sells their only unit: membership ends by itself, once (京条例 Art. 46 (一)).
  const seller = 3;
  t.equal((await api.call('POST', `/v1/compounds/${c.compoundId}/units/${c.unitOf(seller)}/transfer`, { token: c.admin, body: { owners: [{ personId: 'p-buyer', name: '买受人' }] } })).statusCode, 201);
  const left = await eventually(async () => {
    const b = await c.board();
    return b.committee.members.find((m: { memberId: string; status: string }) => m.memberId === candidates[seller] && m.status === 'ended') && b;
  }, 'the member left');
  t.equal(left.committee.serving, 6);
  // Another transfer of the same unit changes nothing for the committee.
  t.equal((await api.call('POST', `/v1/compounds/${c.compoundId}/units/${c.unitOf(seller)}/transfer`, { token: c.admin, body: { owners: [{ personId: 'p-buyer2', name: '再买受人' }] } })).statusCode, 201);
  await new Promise((r) => setTimeout(r, 300));
  const events = await api.runtime.deps.store.readStream(`committee-${c.compoundId}`);
  t.equal(events.filter((e) => e.type === 'MembershipEnded').length, 1, 'exactly one MembershipEnded');
  t.notOk((await c.deadlines()).some((d) => d.kind === 'early_reelection'), '6 of 7 serve: no early re-election');

  // Fewer than half the seats filled: three more sell; 3 of 7 → early re-election is due.
  for (const i of [4, 5, 6]) {
    t.equal((await api.call('POST', `/v1/compounds/${c.compoundId}/units/${c.unitOf(i)}/transfer`, { token: c.admin, body: { owners: [{ personId: `p-new${i}`, name: '新业主' }] } })).statusCode, 201);
  }
  const early2 = await eventually(async () => (await c.deadlines()).find((d) => d.kind === 'early_reelection'), 'early re-election');
  t.match(early2, { status: 'open', source: { article: '京条例 Arts. 48–49' } });
  t.match((await c.board()).committee, { serving: 3, earlyReelection: { dueBy: early2.dueAt } });

  // schemasA: every committee read answers its whole document through its response schema, live and as of a past point.
  await expectCommitteeReadsWhole(t, api, c.compoundId, await c.owner(11));
});
