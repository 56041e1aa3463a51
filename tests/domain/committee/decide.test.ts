/**
 * The committee decider per jurisdiction: who leads the preparatory body, seats (odd, the small-compound size),
 * eligibility with Shanghai's pledge and evidence, the officers' and meetings' majorities against ALL members
 * at their boundaries, seating exactly once, a by-election into the running term.
 */
import t from 'tap';
import { moreThanHalf, type CommitteeCommand, type CommitteeEvent } from '../../../domain/committee/index.js';
import type { Jurisdiction } from '../../../domain/registry/index.js';
import { NOW, S, ADMIN, SYSTEM, STREET } from '../../support/committeeSpec.js';

const members = (leaderKind: string) => [
  { memberId: 'g1', name: '组长', kind: leaderKind as never },
  { memberId: 'g2', name: '甲', kind: 'owner_representative' as const, unitId: 'u1' },
  { memberId: 'g3', name: '乙', kind: 'owner_representative' as const, unitId: 'u2' },
];
const form = (jurisdiction: Jurisdiction, leaderKind: string, extra: ReturnType<typeof members> = []): CommitteeCommand => ({
  type: 'FormPreparatoryGroup',
  data: { compoundId: 'c', jurisdiction, members: [...members(leaderKind), ...extra], leaderMemberId: 'g1', knownUnits: ['u1', 'u2'] },
  by: STREET,
});
const formed = (jurisdiction: Jurisdiction, leaderKind: string) => S.given([]).when(form(jurisdiction, leaderKind)).events(t) as CommitteeEvent[];

t.test('the leader per jurisdiction and the body', async (t) => {
  S.given([]).when(form('shanghai', 'residents_committee')).then(t, 'invalid_group', 'Shanghai: the street office leads (沪规定 Art. 15)');
  t.match(formed('shanghai', 'street_office')[0]!.data, { body: 'preparatory_group', firstAssemblyDueBy: '2026-06-01T16:00:00.000Z' });
  S.given([]).when(form('beijing', 'street_office')).then(t, 'invalid_group', 'Beijing: an RC staffer leads (京条例 Art. 31)');
  t.match(formed('hangzhou', 'street_office')[0]!.data, { body: 'property_management_committee', firstAssemblyDueBy: null });
  const lopsided = form('national', 'street_office', [{ memberId: 'g4', name: '开发', kind: 'developer' as never }, { memberId: 'g5', name: '居委', kind: 'residents_committee' as never }] as never);
  S.given([]).when(lopsided).then(t, 'invalid_group', '2 owners of 5 is less than half');
  S.given([]).when({ ...form('national', 'street_office'), by: { personId: 'r', grants: ['rc_staff'] } }).then(t, 'not_entitled');
});

const open = (seats: number, households = 200, termYears = 5, totalArea = '50000'): CommitteeCommand => ({ type: 'OpenElection', data: { electionId: 'e1', seats, termYears, size: { totalArea, households } }, by: STREET });

t.test('seats: odd, within the pack, 3 only in a small compound', async (t) => {
  const bj = formed('beijing', 'residents_committee');
  S.given(bj).when(open(6)).then(t, 'invalid_seats');
  S.given(bj).when(open(3)).then(t, 'invalid_seats', '3 needs ≤ 100 households in Beijing');
  t.match(S.given(bj).when(open(3, 100)).events(t)[0]!.data, { seats: 3, kind: 'first' });
  const hz = formed('hangzhou', 'street_office');
  S.given(hz).when(open(13)).then(t, 'invalid_seats', 'Hangzhou: at most 11 (杭条例 Art. 27)');
  S.given(hz).when(open(5, 200, 2)).then(t, 'invalid_term', 'Hangzhou: 3–5 years (杭条例 Art. 33)');
  const sh = formed('shanghai', 'street_office');
  t.match(S.given(sh).when(open(3, 500, 5, '10000.0000')).events(t)[0]!.data, { seats: 3 }, '10,000 m² is small (沪规定 Art. 20)');
  S.given(sh).when(open(3, 500, 5, '10000.0001')).then(t, 'invalid_seats', 'over 10,000 m² is not small (沪规定 Art. 20)');
});

t.test('Shanghai eligibility: a written pledge and evidence of no arrears, each failure with its source', async (t) => {
  const given = [...formed('shanghai', 'street_office'), ...(S.given(formed('shanghai', 'street_office')).when(open(5)).events(t) as CommitteeEvent[])];
  const nominate = (declarations: object, ownedUnits = ['u1']): CommitteeCommand => ({
    type: 'NominateCandidate',
    data: { electionId: 'e1', candidateId: 'k1', name: '张三', personId: 'p1', route: 'residents_committee', ownedUnits, declarations: declarations as never },
    by: { personId: 'r', grants: ['rc_staff'] },
  });
  const bad = S.given(given).when(nominate({ full_capacity: { declared: true }, no_firm_interest: { declared: true }, no_arrears: { declared: true } }, [])).events(t)[0]!.data as unknown as { eligible: boolean; checks: { condition: string; met: boolean; source: string }[] };
  t.equal(bad.eligible, false);
  t.same(bad.checks.filter((c) => !c.met).map((c) => c.condition), ['owner_in_compound', 'no_firm_interest', 'no_arrears']);
  t.match(bad.checks.find((c) => c.condition === 'no_firm_interest'), { source: /沪规定 Art. 20/, reason: /pledge/ });
  const good = S.given(given).when(nominate({ full_capacity: { declared: true }, no_firm_interest: { declared: true, pledgeRef: '承诺书-1' }, no_arrears: { declared: true, evidenceRef: '缴费证明-1' } })).events(t)[0]!.data as unknown as { eligible: boolean };
  t.equal(good.eligible, true);
  S.given(given).when({ ...nominate({}), data: { ...(nominate({}).data as object), route: 'party_organisation' } as never, by: { personId: 'q', grants: ['party_committee'] } }).events(t);
  const hz = [...formed('hangzhou', 'street_office'), ...(S.given(formed('hangzhou', 'street_office')).when(open(5)).events(t) as CommitteeEvent[])];
  S.given(hz).when({ ...nominate({}), data: { ...(nominate({}).data as object), route: 'party_organisation' } as never, by: { personId: 'q', grants: ['party_committee'] } }).then(t, 'invalid_nomination', 'Hangzhou names no Party route (杭条例 Art. 26)');
});

/** A national committee of `seats` seated from `seats` candidates. */
function committee(seats: number): CommitteeEvent[] {
  const events: CommitteeEvent[] = [...formed('national', 'street_office')];
  const add = (cmd: CommitteeCommand) => events.push(...(S.given(events).when(cmd).events(t) as CommitteeEvent[]));
  add(open(seats));
  for (let i = 0; i < seats; i++) add({ type: 'NominateCandidate', data: { electionId: 'e1', candidateId: `k${i}`, name: `委员${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: [`u${i}`], declarations: { full_capacity: { declared: true }, no_firm_interest: { declared: true } } }, by: ADMIN });
  add({ type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN });
  add({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm', decisionId: 'd', elected: Array.from({ length: seats }, (_, i) => `k${i}`), unfilledSeats: 0, decidedAt: NOW.toISOString() }, by: SYSTEM });
  return events;
}
const ids = (k: number) => Array.from({ length: k }, (_, i) => `k${i}`);
const OC = { personId: 'p0', grants: ['oc_member'] };

t.test('officers and meetings: more than half of ALL members, in integers', async (t) => {
  t.equal(moreThanHalf(3, 7), false);
  t.equal(moreThanHalf(4, 7), true);
  t.equal(moreThanHalf(3, 6), false, 'exactly half is not more than half');
  const seven = committee(7);
  const officers = (votes: number, present = 7): CommitteeCommand => ({ type: 'ElectOfficers', data: { chair: 'k0', viceChairs: ['k1'], present: ids(present), votes: { k0: votes, k1: 5 } }, by: OC });
  S.given(seven).when(officers(3)).then(t, 'officers_not_elected');
  S.given(seven).when(officers(5, 4)).then(t, 'invalid_officers', 'more votes than members present');
  S.given(seven).when(officers(3, 3)).then(t, 'officers_not_elected', '3 present is no quorum');
  t.match(S.given(seven).when(officers(4)).events(t)[0]!.data, { chair: 'k0', viceChairs: ['k1'], members: 7 });
  const meeting = (present: number, inFavour: number): CommitteeCommand => ({ type: 'RecordMeeting', data: { meetingId: `m${present}${inFavour}`, present: ids(present), items: [{ itemId: 'i', title: '议题', inFavour: ids(inFavour) }] }, by: OC });
  t.match(S.given(seven).when(meeting(4, 3)).events(t)[0]!.data, { quorumMet: true, items: [{ adopted: false }] });
  t.match(S.given(seven).when(meeting(4, 4)).events(t)[0]!.data, { quorumMet: true, items: [{ adopted: true }] });
  t.match(S.given(seven).when(meeting(3, 3)).events(t)[0]!.data, { quorumMet: false, items: [{ adopted: false }] });
  const six = committee(5);
  t.match(S.given(six).when(meeting(3, 3)).events(t)[0]!.data, { quorumMet: true, items: [{ adopted: true }] }, '3 of 5');
});

t.test('seating is once per decision; membership ends once; fewer than half calls for early re-election', async (t) => {
  const five = committee(5);
  S.given(five).when({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm', decisionId: 'd', elected: ids(5), unfilledSeats: 0, decidedAt: NOW.toISOString() }, by: SYSTEM }).then(t, [], 'the same decision again: nothing');
  S.given(five).when({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm2', decisionId: 'd2', elected: ids(5), unfilledSeats: 0, decidedAt: NOW.toISOString() }, by: SYSTEM }).then(t, 'election_already_decided');
  const leave = (p: string, still: string[] = []): CommitteeCommand => ({ type: 'EndMembership', data: { personId: p, unitId: 'u', causeEventId: 'ev', stillOwnsUnits: still }, by: SYSTEM });
  S.given(five).when(leave('p1', ['u9'])).then(t, [], 'still owns another unit');
  S.given(five).when(leave('p1', []), {}).events(t);
  S.given(five).when({ ...leave('p1'), by: OC }).then(t, 'not_entitled', 'only the server ends a membership');
  const after1 = [...five, ...(S.given(five).when(leave('p1')).events(t) as CommitteeEvent[])];
  S.given(after1).when(leave('p1')).then(t, [], 'already ended: nothing');
  const after2 = [...after1, ...(S.given(after1).when(leave('p2')).events(t) as CommitteeEvent[])];
  t.same(S.given(after2).when(leave('p3')).events(t).map((e) => e.type), ['MembershipEnded', 'EarlyReelectionRequired'], '2 of 5 left: fewer than half');
  // Two vacancies while 3 of 5 serve: the next election is a by-election of at most 2 seats into the term.
  const byElection = (seats: number): CommitteeCommand => ({ type: 'OpenElection', data: { electionId: 'e2', seats, termYears: 5, size: { totalArea: '50000', households: 200 } }, by: STREET });
  S.given(after2).when(byElection(3)).then(t, 'invalid_seats');
  const by = S.given(after2).when(byElection(2)).events(t)[0]!;
  t.match(by.data, { kind: 'by_election', seats: 2 });
});
