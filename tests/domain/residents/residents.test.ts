/** Residents' meetings (居委会组织法 Arts. 9–10) and resident-representative meetings, given / when / then. */
import t from 'tap';
import { residentsDecider, type Household, type ResidentsContext, type ResidentsEvent } from '../../../domain/residents/index.js';
import { spec } from '../../support/deciderSpec.js';

const rc = { personId: 'p-rc', grants: ['rc_staff'] };
const residents = spec(residentsDecider, (): ResidentsContext => ({ now: new Date('2026-05-04T10:00:00+08:00'), newId: () => 'x', actor: { personId: 'p-rc', role: 'rc_staff' } }));
// 200 households in 10 residents' groups, 2 adults each (400 adults).
const households: Household[] = Array.from({ length: 200 }, (_, i) => ({ householdId: `h${i + 1}`, adults: 2, group: `g${(i % 10) + 1}` }));
const totals = { households: 200, adults: 400, groups: 10 };
const convened = (constituency: unknown): ResidentsEvent[] =>
  residents
    .given([])
    .when({ type: 'ConveneMeeting', data: { meetingId: 'm1', compoundId: 'c1', kind: 'residents_meeting', constituency: constituency as never, agenda: [{ itemId: 'i1', title: '修订居民公约' }], heldAt: '2026-05-20T19:00:00+08:00', roll: { totals, representatives: [] } }, by: rc })
    .events(t) as ResidentsEvent[];
const present = (n: number): ResidentsEvent => ({ type: 'AttendanceRecorded', data: { meetingId: 'm1', present: n, representatives: null, evidenceRef: '签到表' } });
const count = (inFavour: number, against = 0) => ({ type: 'RecordCount', data: { meetingId: 'm1', itemId: 'i1', inFavour, against, abstain: 0 }, by: rc }) as const;

t.test('Art. 9, household representatives of 200 households: 101 present and 51 in favour adopts', async (t) => {
  const given = convened({ kind: 'household_representatives' });
  t.match(given[0]!.data, { size: 200 });
  const decided = residents.given([...given, present(101)]).when(count(51, 50)).events(t);
  t.match(decided[0]!.data, { size: 200, present: 101, inFavour: 51, quorumMet: true, adopted: true });
});

t.test('Art. 9: 100 of 200 present is no quorum (过半数 is strictly more than half); 101 present and 50 in favour adopts nothing', async (t) => {
  const given = convened({ kind: 'household_representatives' });
  t.match(residents.given([...given, present(100)]).when(count(100)).events(t)[0]!.data, { quorumMet: false, adopted: false });
  t.match(residents.given([...given, present(101)]).when(count(50, 51)).events(t)[0]!.data, { quorumMet: true, adopted: false });
  residents.given([...given, present(101)]).when(count(60, 50)).then(t, 'invalid_count');
  residents.given(given).when(count(1)).then(t, 'attendance_not_recorded');
});

t.test('Art. 9 constituencies: all adults (400) or 2–3 representatives per group (20 or 30)', async (t) => {
  t.match(convened({ kind: 'all_adults' })[0]!.data, { size: 400 });
  t.match(convened({ kind: 'group_representatives', perGroup: 3 })[0]!.data, { size: 30 });
  residents.given([]).when({ type: 'ConveneMeeting', data: { meetingId: 'm1', compoundId: 'c1', kind: 'residents_meeting', constituency: { kind: 'group_representatives', perGroup: 4 } as never, agenda: [{ itemId: 'i1', title: 't' }], heldAt: '2026-05-20T19:00:00+08:00', roll: { totals, representatives: [] } }, by: rc }).then(t, 'invalid_meeting');
});

t.test('Art. 10: a request of 40 of 200 households (1/5 以上) obliges the RC to convene; 39 does not', async (t) => {
  const opened = residents.given([]).when({ type: 'OpenConveneRequest', data: { requestId: 'r1', compoundId: 'c1', purpose: '讨论电动车充电棚', households }, by: rc }).events(t);
  let log: ResidentsEvent[] = [...opened];
  for (let i = 1; i <= 39; i++) log = [...log, ...residents.given(log).when({ type: 'SignConveneRequest', data: { requestId: 'r1', householdId: `h${i}`, evidenceRef: '联名书' }, by: rc }).events(t)];
  t.notOk(log.some((e) => e.type === 'ConveneRequestReached'), '39 households: 78 of 400 adults, 39 of 200 households: below 1/5');
  const fortieth = residents.given(log).when({ type: 'SignConveneRequest', data: { requestId: 'r1', householdId: 'h40', evidenceRef: '联名书' }, by: rc }).events(t);
  t.same(fortieth.map((e) => e.type), ['ConveneRequestSigned', 'ConveneRequestReached']);
  t.match(fortieth[1]!.data, { by: ['adults', 'households'] });
  residents.given([...log, ...fortieth]).when({ type: 'SignConveneRequest', data: { requestId: 'r1', householdId: 'h40', evidenceRef: 'x' }, by: rc }).then(t, 'already_requested');
  // Four of ten residents' groups (1/3 以上) are enough on their own.
  let groups: ResidentsEvent[] = [...opened];
  for (const g of ['g1', 'g2', 'g3']) groups = [...groups, ...residents.given(groups).when({ type: 'SignConveneRequest', data: { requestId: 'r1', group: g, evidenceRef: '小组提议' }, by: rc }).events(t)];
  t.notOk(groups.some((e) => e.type === 'ConveneRequestReached'), '3 of 10 groups is below 1/3');
  const fourth = residents.given(groups).when({ type: 'SignConveneRequest', data: { requestId: 'r1', group: 'g4', evidenceRef: '小组提议' }, by: rc }).events(t);
  t.match(fourth[1]!.data, { by: ['groups'] });
});

t.test('resident-representative meetings: open votes per representative; 2/3 present and more than half of them in favour by default', async (t) => {
  const reps = Array.from({ length: 9 }, (_, i) => `rep${i + 1}`);
  const convene = residents.given([]).when({ type: 'ConveneMeeting', data: { meetingId: 'm1', compoundId: 'c1', kind: 'representatives_meeting', agenda: [{ itemId: 'i1', title: '增设快递柜' }], heldAt: '2026-05-20T19:00:00+08:00', roll: { totals, representatives: reps } }, by: rc }).events(t);
  const attend = (ids: string[]): ResidentsEvent => ({ type: 'AttendanceRecorded', data: { meetingId: 'm1', present: ids.length, representatives: ids, evidenceRef: '签到表' } });
  const vote = (representativeId: string, choice: 'for' | 'against') => ({ type: 'RepresentativeVoted', data: { meetingId: 'm1', itemId: 'i1', representativeId, choice } }) as ResidentsEvent;
  // 6 of 9 present (2/3 以上: quorum met); 3 for, 3 against: not more than half.
  const six = [...convene, attend(reps.slice(0, 6)), ...reps.slice(0, 3).map((r) => vote(r, 'for')), ...reps.slice(3, 6).map((r) => vote(r, 'against'))];
  t.match(residents.given(six).when({ type: 'CloseItem', data: { meetingId: 'm1', itemId: 'i1' }, by: rc }).events(t)[0]!.data, { size: 9, present: 6, inFavour: 3, quorumMet: true, adopted: false });
  residents.given(six).when({ type: 'RecordRepresentativeVote', data: { meetingId: 'm1', itemId: 'i1', representativeId: 'rep1', choice: 'for' }, by: rc }).then(t, 'already_voted');
  residents.given(six).when({ type: 'RecordRepresentativeVote', data: { meetingId: 'm1', itemId: 'i1', representativeId: 'rep9', choice: 'for' }, by: rc }).then(t, 'representative_not_found');
  // 5 of 9 present is below 2/3: nothing adopted whatever the votes.
  const five = [...convene, attend(reps.slice(0, 5)), ...reps.slice(0, 5).map((r) => vote(r, 'for'))];
  t.match(residents.given(five).when({ type: 'CloseItem', data: { meetingId: 'm1', itemId: 'i1' }, by: rc }).events(t)[0]!.data, { quorumMet: false, adopted: false });
  residents.given([]).when({ type: 'RecordRoll', data: { compoundId: 'c1', households }, by: { personId: 'p1', grants: ['owner'] } }).then(t, 'not_entitled');
});
