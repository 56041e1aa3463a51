/**
 * Beijing's alternates (候补委员): elected in the same ballot after the members, at most as many (京条例 Art. 39
 * para. 1); a vacancy is filled by the first alternate for the rest of the term (Art. 41 para. 3); only once
 * they are used up does fewer than half the seats call the early re-election (Art. 48). No alternates elsewhere.
 */
import t from 'tap';
import { committeeDecider, type CommitteeCommand, type CommitteeEvent } from '../../../domain/committee/index.js';
import { fold } from '../../../domain/shared/decider.js';
import { NOW, S, ADMIN, SYSTEM, STREET, then } from '../../support/committeeSpec.js';

const ended = (i: number): CommitteeCommand => ({ type: 'EndMembership', data: { personId: `p${i}`, unitId: `u${i}`, causeEventId: `ev${i}`, stillOwnsUnits: [] }, by: SYSTEM });

function opened(jurisdiction: 'beijing' | 'national', seats: number, alternates: number) {
  let events: CommitteeEvent[] = [];
  const leader = jurisdiction === 'beijing' ? 'residents_committee' : 'street_office';
  events = then(events, { type: 'FormPreparatoryGroup', data: { compoundId: 'c', jurisdiction, knownUnits: ['u1', 'u2'], leaderMemberId: 'g1', members: [{ memberId: 'g1', name: '组长', kind: leader }, { memberId: 'g2', name: '甲', kind: 'owner_representative', unitId: 'u1' }, { memberId: 'g3', name: '乙', kind: 'owner_representative', unitId: 'u2' }] }, by: STREET });
  const open: CommitteeCommand = { type: 'OpenElection', data: { electionId: 'e1', seats, alternates, termYears: 5, size: { totalArea: '50000', households: 500 } }, by: STREET };
  return { events, open };
}

t.test('alternates: at most as many as the members, Beijing only', async (t) => {
  const bj = opened('beijing', 5, 6);
  t.match(S.given(bj.events).when(bj.open).refusal(t, 'invalid_seats'), { details: { source: /京条例 Art\. 41 para\. 3/ } }, '6 alternates for 5 seats');
  const ok = opened('beijing', 5, 5);
  t.match(S.given(ok.events).when(ok.open).events(t)[0], { type: 'ElectionOpened', data: { seats: 5, alternates: 5 } });
  const nat = opened('national', 5, 1);
  S.given(nat.events).when(nat.open).then(t, 'invalid_seats', 'no alternates in the national pack');
});

t.test('a vacancy is filled by the first alternate, in order; the early re-election only when they are used up', async (t) => {
  const { events: start, open } = opened('beijing', 5, 2);
  let events = then(start, open);
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true }, not_dishonest_debtor: { declared: true, evidenceRef: 'e' } };
  for (let i = 0; i < 7; i++) {
    events = then(events, { type: 'NominateCandidate', data: { electionId: 'e1', candidateId: `k${i}`, name: `委员${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: [`u${i}`], declarations }, by: ADMIN });
    events = then(events, { type: 'VetCandidate', data: { electionId: 'e1', candidateId: `k${i}`, outcome: 'approved', reason: '同意' }, by: { personId: 'q', grants: ['party_committee'] } });
  }
  events = then(events, { type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN });
  // The ballot's elected in rank order: k6, k5 rank last, so they are the alternates, k6 first.
  const seated = S.given(events).when({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm', decisionId: 'd', elected: ['k0', 'k1', 'k2', 'k3', 'k4', 'k6', 'k5'], unfilledSeats: 0, decidedAt: NOW.toISOString() }, by: SYSTEM }).events(t);
  t.match(seated[0], { type: 'CommitteeSeated', data: { seats: 5, unfilledSeats: 0, members: [{ memberId: 'k0' }, { memberId: 'k1' }, { memberId: 'k2' }, { memberId: 'k3' }, { memberId: 'k4' }], alternates: [{ memberId: 'k6' }, { memberId: 'k5' }] } });
  t.equal(seated.length, 1, 'no by-election: all member seats filled');
  events = [...events, ...(seated as CommitteeEvent[])];

  const first = S.given(events).when(ended(0)).events(t);
  t.match(first, [
    { type: 'MembershipEnded', data: { memberId: 'k0', remaining: 4 } },
    { type: 'AlternateSeated', data: { memberId: 'k6', replaces: 'k0', remaining: 5, source: /京条例 Art\. 41 para\. 3/ } },
  ]);
  events = [...events, ...(first as CommitteeEvent[])];
  events = then(events, ended(1));
  t.match(events.at(-1), { type: 'AlternateSeated', data: { memberId: 'k5', replaces: 'k1' } }, 'then the second');
  events = then(events, ended(2));
  t.match(events.at(-1), { type: 'MembershipEnded', data: { memberId: 'k2', remaining: 4 } }, 'none left: the seat stays empty');
  events = then(events, ended(3));
  const short = S.given(events).when(ended(4)).events(t);
  t.match(short, [{ type: 'MembershipEnded', data: { remaining: 2 } }, { type: 'EarlyReelectionRequired', data: { remaining: 2, seats: 5 } }], 'fewer than half after the alternates (Art. 48)');
  const state = fold(committeeDecider, events);
  t.ok(state.status === 'active' && state.members.filter((m) => m.status === 'active').map((m) => m.memberId).sort().join() === 'k4,k5,k6', 'the alternates serve as members');
});
