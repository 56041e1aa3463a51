/**
 * The supervisory board's setup (广州办法 Arts. 49–50): at least 3, odd, a term of at most 5 years, no OC
 * member and no declared relative of one; members record its meetings.
 */
import t from 'tap';
import { supervisionDecider, type SupervisionCommand, type SupervisionEvent, type SupervisionState } from '../../../domain/supervision/index.js';

const ctx = { now: new Date('2026-03-02T02:00:00Z'), newId: () => 'id', actor: { personId: 'x', role: 'oc_member' } };
function run(commands: SupervisionCommand[]): { state: SupervisionState; refused: string | null } {
  let state = supervisionDecider.initialState();
  let refused: string | null = null;
  for (const c of commands) {
    const out = supervisionDecider.decide(c, state, ctx);
    if ('code' in out) {
      refused = out.code;
      continue;
    }
    refused = null;
    for (const e of out as readonly SupervisionEvent[]) state = supervisionDecider.evolve(state, e);
  }
  return { state, refused };
}

const decision = { decisionId: 'd1', compoundId: 'c1', revoked: false };
const establish = (members: string[], termYears = 3, ocMembers = ['p-oc']): SupervisionCommand => ({
  type: 'EstablishBoard',
  data: { compoundId: 'c1', decision, decisionId: 'd1', members: members.map((personId) => ({ personId, name: personId })), termYears, ocMembers },
  by: { personId: 'p-rc', grants: ['rc_staff'] },
});
const declare = (personId: string, grants: string[], relatedTo: string): SupervisionCommand => ({ type: 'DeclareRelationship', data: { declarationId: `dec-${personId}`, related: { kind: 'person', personId: relatedTo }, relation: 'relative', note: '' }, by: { personId, grants } });

t.test('the board: ≥ 3, odd, term ≤ 5 years, no OC member, no declared relative of one', async (t) => {
  t.equal(run([establish(['a', 'b'])]).refused, 'invalid_board', 'two');
  t.equal(run([establish(['a', 'b', 'c', 'd'])]).refused, 'invalid_board', 'four: even');
  t.equal(run([establish(['a', 'b', 'c'], 6)]).refused, 'invalid_board', 'six years');
  t.equal(run([establish(['a', 'b', 'p-oc'])]).refused, 'oc_member_on_board');
  t.equal(run([declare('p-oc', ['oc_member'], 'c'), establish(['a', 'b', 'c'])]).refused, 'oc_relative_on_board', 'the OC member declared c a relative');
  t.equal(run([declare('c', ['supervisor'], 'p-oc'), establish(['a', 'b', 'c'])]).refused, 'oc_relative_on_board', 'c declared the OC member a relative');
  t.equal(run([declare('p-oc', ['oc_member'], 'z'), establish(['a', 'b', 'c'], 5)]).refused, null, 'a relative off the board; five years');
  t.equal(run([declare('p-owner', ['owner'], 'z')]).refused, 'not_entitled', 'owners do not declare here');
});

t.test('meetings: members only, a past date', async (t) => {
  const meet = (personId: string, heldOn: string): SupervisionCommand => ({ type: 'RecordBoardMeeting', data: { meetingId: 'm', heldOn, minutesRef: '纪要' }, by: { personId, grants: ['supervisor'] } });
  t.equal(run([meet('a', '2026-03-01')]).refused, 'board_not_found');
  t.equal(run([establish(['a', 'b', 'c']), meet('x', '2026-03-01')]).refused, 'not_entitled');
  t.equal(run([establish(['a', 'b', 'c']), meet('a', '2026-04-01')]).refused, 'invalid_meeting', 'a date in the future');
  const { state, refused } = run([establish(['a', 'b', 'c']), meet('a', '2026-03-01')]);
  t.equal(refused, null);
  t.match(state, { status: 'established', meetings: 1 });
});
