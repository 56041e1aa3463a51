/**
 * The committee's page data: names only in the lists the law posts (members by post, the preparatory group,
 * candidates and those elected); a removal, a seal use, a demand, an absence give posts and counts, never a
 * name; the transition freeze when the board document carries one (沪规定 Art. 28). Pure.
 */
import t from 'tap';
import { committeePage } from '../../../projections/board/index.js';
import type { CommitteeBoardDoc } from '../../../projections/committee/index.js';

const group = { body: 'preparatory_group', members: [{ memberId: 'g1', name: '王居委', kind: 'residents_committee' }, { memberId: 'g2', name: '周代表', kind: 'owner_representative', unitId: '1-101' }], leaderMemberId: 'g1', formedAt: '2026-01-01T00:00:00.000Z', listPostingDueBy: null, listPostedAt: '2026-01-02T00:00:00.000Z', firstAssemblyDueBy: null };
const members = [
  { memberId: 'm1', name: '赵一', role: 'chair', units: ['1-101'], status: 'active', ended: null },
  { memberId: 'm2', name: '钱二', role: 'vice_chair', units: ['1-102'], status: 'active', ended: null },
  { memberId: 'm3', name: '孙三', role: 'member', units: ['1-103'], status: 'ended', ended: { at: '2026-06-01T00:00:00.000Z', reason: 'removed', removalId: 'r1' } },
];
const board = {
  compoundId: 'c',
  jurisdiction: 'shanghai',
  preparatoryBody: group,
  committee: {
    termId: 't1',
    electedAt: '2026-03-01T00:00:00.000Z',
    termEndsAt: '2031-03-01T00:00:00.000Z',
    seats: 3,
    serving: 2,
    members,
    officers: { chair: 'm1', viceChairs: ['m2'], heldAt: '2026-03-03T00:00:00.000Z', late: false },
    firstMeetingDueBy: null,
    filing: { status: 'filed', certificateRef: '沪备 1', authority: '某街道', filedAt: '2026-03-20T00:00:00.000Z', late: false, dueBy: '2026-03-31T00:00:00.000Z' },
    byElectionSeats: 1,
    earlyReelection: null,
    reelectionReportDueBy: '2030-10-01T00:00:00.000Z',
    reelection: { reported: null, group: null, runningSince: '2026-07-01T00:00:00.000Z', freeze: '沪规定 第二十八条第四款', handoverDueBy: null },
    handover: null,
    absences: [{ memberId: 'm2', name: '钱二', flaggedAt: '2026-05-01T00:00:00.000Z', meetings: 4, absences: 2 }],
    sealUses: [{ useId: 's1', purpose: '签订合同', documentRef: '合同 1', signedBy: ['赵一', '钱二'], usedAt: '2026-04-01T00:00:00.000Z' }],
  },
  removals: [{ removalId: 'r1', memberId: 'm3', name: '孙三', grounds: '连续缺席', proposer: { kind: 'members', members: ['赵一', '钱二'], of: 3 }, proposedAt: '2026-05-01T00:00:00.000Z', answerBy: '2026-05-08T00:00:00.000Z', answer: null, motionId: 'mo1', outcome: { removed: true, at: '2026-06-01T00:00:00.000Z', decisionId: 'd1' } }],
  convened: [],
  demands: [{ demandId: 'x1', members: ['赵一'], agenda: '讨论', demandedAt: '2026-04-01T00:00:00.000Z', holdBy: '2026-04-08T00:00:00.000Z', heldAt: null }],
  pastTerms: [],
  meetings: [{ meetingId: 'mt', heldAt: '2026-04-02T00:00:00.000Z', members: 3, present: 3, quorumMet: true, items: [{ itemId: 'a', title: '议题', inFavour: 2, signedBy: ['赵一', '钱二'], adopted: true }], publicationDueBy: '2026-04-05T00:00:00.000Z', published: { publishedAt: '2026-04-03T00:00:00.000Z', late: false }, decisions: [{ itemId: 'a', title: '议题' }] }],
  elections: [],
} as unknown as CommitteeBoardDoc;

t.test('names in the posted lists only; posts and counts elsewhere; the freeze', async (t) => {
  const p = committeePage({ board, elections: [] });
  t.same(p.committee!.members.map((m) => [m.post, m.name]), [['主任', '赵一'], ['副主任', '钱二']], 'those serving, by post (京条例 Art. 42)');
  t.same(p.committee!.ended, [{ post: '委员', at: '2026-06-01T00:00:00.000Z', reason: '经业主大会决定罢免' }], 'who left: the post, not the name');
  t.same(p.preparatory.members.map((m) => m.name), ['王居委', '周代表']);
  t.equal(p.committee!.freeze, '沪规定 第二十八条第四款');
  const elsewhere = JSON.stringify({ removals: p.removals, seal: p.committee!.sealUses, demands: p.demands, absences: p.committee!.absences, meetings: p.meetings });
  for (const name of ['赵一', '钱二', '孙三']) t.notOk(elsewhere.includes(name), `${name} appears in no removal, seal use, demand, absence or meeting`);
  t.match(p.removals[0], { post: '委员', proposer: '2 名委员提议（共 3 名）', outcome: '罢免', motionId: 'mo1' });
  t.match(p.committee!.sealUses[0], { signatures: 2 });
  t.match(p.committee!.absences[0], { post: '副主任', absences: 2, meetings: 4 });
  t.equal(p.decisionCount, 1);
});
