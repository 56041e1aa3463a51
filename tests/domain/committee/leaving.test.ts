/**
 * A member or an alternate leaving on their own ground (京条例 Art. 46 para. 1 (二)(三)): a written resignation by
 * the member themself, or being unable to serve recorded by another member or the street office; membership ends
 * without a vote, the first alternate takes a member's seat (Art. 41 para. 3), the early re-election when fewer
 * than half the seats remain after the alternates (Art. 48). An alternate who sells their last unit leaves the
 * alternates' list. Where the pack sends the ground to the owners (沪规定 Art. 31 para. 2), the command is refused.
 */
import t from 'tap';
import { committeeDecider, committeeRules, servingMemberPersonIds, type CommitteeCommand, type CommitteeEvent } from '../../../domain/committee/index.js';
import { fold } from '../../../domain/shared/decider.js';
import { NOW, S, ADMIN, SYSTEM, STREET, then } from '../../support/committeeSpec.js';

const oc = (i: number) => ({ personId: `p${i}`, grants: ['oc_member'] });
const sold = (i: number): CommitteeCommand => ({ type: 'EndMembership', data: { personId: `p${i}`, unitId: `u${i}`, causeEventId: `ev${i}`, stillOwnsUnits: [] }, by: SYSTEM });
const resign = (memberId: string, by: { personId: string; grants: string[] }, letterRef = '辞职信 2026-03-01'): CommitteeCommand => ({ type: 'Resign', data: { memberId, letterRef }, by });
const incapacity = (memberId: string, by: { personId: string; grants: string[] }, occurredOn = '2026-02-20', evidenceRef = '医院诊断证明'): CommitteeCommand => ({ type: 'RecordIncapacity', data: { memberId, occurredOn, evidenceRef }, by });

/** Members k0..k4 (p0..p4); in Beijing alternates k6 then k5 (p6, p5). */
function seated(jurisdiction: 'beijing' | 'shanghai', alternates: number): CommitteeEvent[] {
  const leader = jurisdiction === 'beijing' ? 'residents_committee' : 'street_office';
  let events = then([], { type: 'FormPreparatoryGroup', data: { compoundId: 'c', jurisdiction, knownUnits: ['u1', 'u2'], leaderMemberId: 'g1', members: [{ memberId: 'g1', name: '组长', kind: leader }, { memberId: 'g2', name: '甲', kind: 'owner_representative', unitId: 'u1' }, { memberId: 'g3', name: '乙', kind: 'owner_representative', unitId: 'u2' }] }, by: STREET });
  events = then(events, { type: 'OpenElection', data: { electionId: 'e1', seats: 5, alternates, termYears: 5, size: { totalArea: '50000', households: 500 } }, by: STREET });
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true, pledgeRef: '承诺书' }, no_arrears: { declared: true, evidenceRef: '缴费证明' }, not_dishonest_debtor: { declared: true, evidenceRef: 'e' } };
  const count = 5 + alternates;
  for (let i = 0; i < count; i++) {
    events = then(events, { type: 'NominateCandidate', data: { electionId: 'e1', candidateId: `k${i}`, name: `委员${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: [`u${i}`], declarations }, by: ADMIN });
    events = then(events, { type: 'VetCandidate', data: { electionId: 'e1', candidateId: `k${i}`, outcome: 'approved', reason: '同意' }, by: { personId: 'q', grants: [jurisdiction === 'beijing' ? 'party_committee' : 'street_office'] } });
  }
  events = then(events, { type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN });
  const elected = alternates === 2 ? ['k0', 'k1', 'k2', 'k3', 'k4', 'k6', 'k5'] : ['k0', 'k1', 'k2', 'k3', 'k4'];
  return then(events, { type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm', decisionId: 'd', elected, unfilledSeats: 0, decidedAt: NOW.toISOString() }, by: SYSTEM });
}

t.test('an alternate who sells their last unit leaves the alternates\u2019 list, once; the next vacancy goes to the next alternate', async (t) => {
  let events = seated('beijing', 2);
  const left = S.given(events).when(sold(6)).events(t);
  t.match(left, [{ type: 'AlternateLeft', data: { memberId: 'k6', reason: 'no_longer_owner', causeEventId: 'ev6', unitId: 'u6', source: /京条例 Art\. 46/ } }]);
  t.equal(left.length, 1);
  events = [...events, ...(left as CommitteeEvent[])];
  S.given(events).when(sold(6)).then(t, [], 'gone already: nothing');
  S.given(seated('beijing', 2)).when({ type: 'EndMembership', data: { personId: 'p6', unitId: 'u6', causeEventId: 'ev6', stillOwnsUnits: ['u9'] }, by: SYSTEM }).then(t, [], 'still an owner: stays');
  t.match(S.given(events).when(sold(0)).events(t), [{ type: 'MembershipEnded', data: { memberId: 'k0' } }, { type: 'AlternateSeated', data: { memberId: 'k5', replaces: 'k0' } }], 'k5, not the departed k6');
  const state = fold(committeeDecider, events);
  t.same(state.status === 'active' ? state.term?.alternates.map((a) => a.memberId) : null, ['k5']);
});

t.test('a resignation (京条例 Art. 46 para. 1 (二)): by the member themself, in writing; the first alternate takes the seat', async (t) => {
  const events = seated('beijing', 2);
  const out = S.given(events).when(resign('k1', oc(1))).events(t);
  t.match(out, [
    { type: 'MembershipTerminated', data: { memberId: 'k1', reason: 'resigned', occurredOn: '2026-03-02', evidenceRef: '辞职信 2026-03-01', remaining: 4, seats: 5, source: /京条例 Art\. 46 para\. 1 \(二\)/ } },
    { type: 'AlternateSeated', data: { memberId: 'k6', replaces: 'k1', remaining: 5 } },
  ]);
  S.given(events).when(resign('k1', oc(2))).then(t, 'not_entitled', 'nobody resigns for another');
  S.given(events).when(resign('k1', oc(1), ' ')).then(t, 'invalid_leaving', 'the written resignation is named');
  S.given(events).when(resign('k9', oc(1))).then(t, 'member_not_found');
  const after = [...events, ...(out as CommitteeEvent[])];
  S.given(after).when(resign('k1', oc(1))).then(t, 'member_not_found', 'once: an ended member resigns no more');
  t.match(S.given(events).when(resign('k5', { personId: 'p5', grants: ['owner'] })).events(t), [{ type: 'AlternateLeft', data: { memberId: 'k5', reason: 'resigned', evidenceRef: '辞职信 2026-03-01' } }], 'an alternate resigns from the list');
  const state = fold(committeeDecider, after);
  t.match(state.status === 'active' && state.members.find((m) => m.memberId === 'k1'), { status: 'ended', ended: { reason: 'resigned', occurredOn: '2026-03-02' } });
});

t.test('unable to serve (京条例 Art. 46 para. 1 (三)): recorded by another member or the street office, from the day it occurred', async (t) => {
  const events = seated('beijing', 2);
  t.match(S.given(events).when(incapacity('k3', oc(2))).events(t), [
    { type: 'MembershipTerminated', data: { memberId: 'k3', reason: 'incapacity', occurredOn: '2026-02-20', evidenceRef: '医院诊断证明', source: /京条例 Art\. 46 para\. 1 \(三\)/ } },
    { type: 'AlternateSeated', data: { memberId: 'k6', replaces: 'k3' } },
  ]);
  t.match(S.given(events).when(incapacity('k3', STREET)).events(t), [{ type: 'MembershipTerminated' }, { type: 'AlternateSeated' }], 'the street office may record it');
  S.given(events).when(incapacity('k3', oc(3))).then(t, 'not_entitled', 'the member concerned resigns instead');
  S.given(events).when(incapacity('k3', { personId: 'p-someone', grants: ['oc_member'] })).then(t, 'not_entitled', 'a serving member records it');
  S.given(events).when(incapacity('k3', { personId: 'p9', grants: ['owner'] })).then(t, 'not_entitled');
  S.given(events).when(incapacity('k3', oc(2), '2026-03-03')).then(t, 'invalid_leaving', 'not a future day');
  S.given(events).when(incapacity('k3', oc(2), '2026-02-20', '')).then(t, 'invalid_leaving', 'the evidence is named');
});

t.test('fewer than half the seats after the alternates: the early re-election (京条例 Art. 48)', async (t) => {
  let events = seated('beijing', 2);
  for (const i of [0, 1, 2]) events = then(events, resign(`k${i}`, oc(i)));
  events = then(events, resign('k3', oc(3)));
  const short = S.given(events).when(incapacity('k4', STREET)).events(t);
  t.match(short, [{ type: 'MembershipTerminated', data: { remaining: 2 } }, { type: 'EarlyReelectionRequired', data: { remaining: 2, seats: 5 } }]);
});

t.test('where the pack sends the ground to the owners, nothing ends by itself', async (t) => {
  const sh = seated('shanghai', 0);
  t.match(S.given(sh).when(incapacity('k3', oc(2))).refusal(t, 'leaving_not_by_itself'), { details: { ground: 'incapacity', source: /沪规定 Art\. 31 para\. 2/ } }, 'Shanghai: incapacity goes to the owners (a removal on ground (三))');
  t.match(S.given(sh).when(resign('k1', oc(1))).events(t), [{ type: 'MembershipTerminated', data: { reason: 'resigned', source: /沪规定 Art\. 31/ } }], 'a resignation ends by itself in Shanghai');
  t.match(committeeRules('national').leaving.resigned, { elsewhere: /指导规则 Art\. 44/ }, 'nationally a resignation goes to the assembly');
  t.match(committeeRules('hangzhou').leaving, { resigned: { source: /杭条例 Art\. 32 \(四\)/ }, incapacity: { source: /杭条例 Art\. 32 \(二\)/ } });
});

t.test('the OC\u2019s serving members another context reads (the supervisory board, 广州办法 Art. 49): seated ones only', async (t) => {
  t.same(servingMemberPersonIds(fold(committeeDecider, [])), [], 'no committee: none');
  let events = seated('beijing', 2);
  t.same([...servingMemberPersonIds(fold(committeeDecider, events))].sort(), ['p0', 'p1', 'p2', 'p3', 'p4'], 'alternates are not members');
  events = then(events, resign('k1', oc(1)));
  t.same([...servingMemberPersonIds(fold(committeeDecider, events))].sort(), ['p0', 'p2', 'p3', 'p4', 'p6'], 'the resigned member out, the seated alternate in');
});
