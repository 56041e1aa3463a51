/**
 * The committee's page on the notice board (业主委员会), as data, from the committee's read model
 * (projections/committee: the board document and the elections): the committee in office with its term,
 * filing, re-election and handover, the preparatory body, the elections with their candidates and results
 * (linked to their motions), removals, meeting notices and demands, meetings and their decisions, seal uses,
 * and the transition freeze when one is in force. Pure.
 *
 * Names: only where the law has them posted. The committee's chair, vice-chairs and members (京条例 Art. 42:
 * the list posted within 3 days of choosing the officers); the preparatory group's members (京条例 Art. 31
 * para. 5; 指导规则 Arts. 10–12: the list published); the candidates and those elected (京条例 Art. 40; 杭条例
 * Art. 26: the candidate list posted). Elsewhere (who signed a seal use or a decision, who demanded a meeting,
 * whose removal is proposed, who is often absent) the page gives counts and posts, never a name; and never a
 * person id, a phone or an ID number (the group list's contact details, 京条例 Art. 31, are not kept here).
 */
import type { CommitteeBoardDoc, ElectionDoc } from '../committee/index.js';

const ROLE: Readonly<Record<string, string>> = { chair: '主任', vice_chair: '副主任', member: '委员' };
const GROUP_KIND: Readonly<Record<string, string>> = {
  owner_representative: '业主代表',
  developer: '建设单位代表',
  street_office: '街道办事处代表',
  residents_committee: '居民委员会代表',
  party_organisation: '社区党组织代表',
};
const BODY: Readonly<Record<string, string>> = { preparatory_group: '业主大会筹备组', property_management_committee: '物业管理委员会' };
const ELECTION_KIND: Readonly<Record<string, string>> = { first: '首次选举', by_election: '补选', re_election: '换届选举' };
const ELECTION_STATUS: Readonly<Record<string, string>> = { nominating: '候选人推荐中', posted: '候选人名单已公示', decided: '已产生结果' };
const ROUTE: Readonly<Record<string, string>> = { party_organisation: '社区党组织推荐', residents_committee: '居民委员会推荐', self: '业主自荐', owners_jointly: '业主联名推荐' };
const ENDED: Readonly<Record<string, string>> = { no_longer_owner: '不再是业主，职务自动终止', removed: '经业主大会决定罢免', resigned: '书面辞职，委员资格自然终止', incapacity: '无法履行职责，委员资格自然终止' }; // polish: Art. 46 para. 1 labels

const roleLabel = (role: string): string => ROLE[role] ?? role;
const kindLabel = (kind: string): string => GROUP_KIND[kind] ?? kind;

export interface CommitteePageInputs {
  readonly board: CommitteeBoardDoc;
  readonly elections: readonly ElectionDoc[];
}

export function committeePage({ board, elections }: CommitteePageInputs) {
  const c = board.committee;
  const group = board.preparatoryBody;
  const postOf = (memberId: string) => {
    const m = c?.members.find((x) => x.memberId === memberId);
    return m ? roleLabel(m.role) : '委员';
  };
  const leader = group.members.find((m) => m.memberId === group.leaderMemberId);
  const order = { chair: 0, vice_chair: 1, member: 2 } as Record<string, number>;
  return {
    preparatory: {
      body: BODY[group.body] ?? group.body,
      formedAt: group.formedAt,
      leader: leader ? kindLabel(leader.kind) : null,
      // 京条例 Art. 31 para. 5: the group's list is posted: names and posts (the contact details are not kept).
      members: group.members.map((m) => ({ name: m.name, kind: kindLabel(m.kind), unitId: m.unitId ?? null, leader: m.memberId === group.leaderMemberId })),
      listPostedAt: group.listPostedAt,
      listPostingDueBy: group.listPostingDueBy,
      firstAssemblyDueBy: group.firstAssemblyDueBy,
    },
    committee: c
      ? {
          electedAt: c.electedAt,
          termEndsAt: c.termEndsAt,
          seats: c.seats,
          serving: c.serving,
          // 京条例 Art. 42: chair, vice-chairs and members posted by name, with their units.
          members: c.members
            .filter((m) => m.status === 'active')
            .sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3))
            .map((m) => ({ post: roleLabel(m.role), name: m.name, units: m.units })),
          // Those who left: the post and why, not who.
          ended: c.members.filter((m) => m.status === 'ended' && m.ended).map((m) => ({ post: roleLabel(m.role), at: m.ended!.at, reason: ENDED[m.ended!.reason] ?? m.ended!.reason })),
          officers: c.officers ? { chosenAt: c.officers.heldAt, late: c.officers.late } : null,
          firstMeetingDueBy: c.firstMeetingDueBy,
          filing: c.filing.status === 'filed' ? { filed: true as const, authority: (c.filing as { authority: string }).authority, filedAt: (c.filing as { filedAt: string }).filedAt, certificateRef: (c.filing as { certificateRef: string }).certificateRef, late: (c.filing as { late: boolean }).late, dueBy: c.filing.dueBy } : { filed: false as const, dueBy: c.filing.dueBy },
          byElectionSeats: c.byElectionSeats,
          earlyReelection: c.earlyReelection,
          reelectionReportDueBy: c.reelectionReportDueBy,
          reelection: {
            reported: c.reelection.reported,
            group: c.reelection.group ? { formedAt: c.reelection.group.formedAt, size: c.reelection.group.members.length, kinds: countKinds(c.reelection.group.members.map((m) => m.kind)) } : null,
            runningSince: c.reelection.runningSince,
            handoverDueBy: c.reelection.handoverDueBy,
          },
          // 沪规定 Art. 28 para. 4: while the re-election runs, no hiring or dismissal of the firm, no fee change, no major works.
          freeze: c.reelection.freeze,
          handover: c.handover,
          absences: c.absences.map((a) => ({ post: postOf(a.memberId), meetings: a.meetings, absences: a.absences, flaggedAt: a.flaggedAt })),
          sealUses: c.sealUses.map((u) => ({ purpose: u.purpose, documentRef: u.documentRef, usedAt: u.usedAt, signatures: u.signedBy.length })),
        }
      : null,
    pastTerms: board.pastTerms.map((p) => ({ termEndsAt: p.termEndsAt, handoverDueBy: p.handoverDueBy, handover: p.handover })),
    elections: [...elections]
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
      .map((e) => ({
        electionId: e.electionId,
        kind: ELECTION_KIND[e.kind] ?? e.kind,
        status: ELECTION_STATUS[e.status] ?? e.status,
        seats: e.seats,
        termYears: e.termYears,
        openedAt: e.openedAt,
        // 京条例 Art. 40; 杭条例 Art. 26: the candidates are posted by name.
        candidates: e.candidates.map((x) => ({
          name: x.name,
          units: x.units,
          route: ROUTE[x.route] ?? x.route,
          eligible: x.eligible,
          unmet: x.checks.filter((k) => !k.met).length,
          vetting: Object.entries(x.vetting).map(([by, v]) => `${by === 'party_organisation' ? '社区党组织' : '街道办事处'}${v!.outcome === 'approved' ? '同意' : '不同意'}`),
        })),
        posting: e.posting ? { postedAt: e.posting.postedAt, votingMayOpenAt: e.posting.votingMayOpenAt } : null,
        motionId: e.motionId,
        result: e.result ? { elected: e.result.elected.map((x) => x.name), unfilledSeats: e.result.unfilledSeats, decidedAt: e.result.decidedAt } : null,
      })),
    removals: board.removals.map((r) => ({
      post: postOf(r.memberId),
      grounds: r.grounds,
      proposer: r.proposer.kind === 'members' ? `${r.proposer.members?.length ?? 0} 名委员提议（共 ${r.proposer.of} 名）` : '业主联名提议',
      proposedAt: r.proposedAt,
      answerBy: r.answerBy,
      answered: r.answer ? r.answer.at : null,
      motionId: r.motionId,
      outcome: r.outcome ? (r.outcome.removed ? '罢免' : '未罢免') : null,
      outcomeAt: r.outcome?.at ?? null,
    })),
    notices: board.convened.map((n) => ({ heldAt: n.heldAt, convenedAt: n.convenedAt, agenda: n.agenda, demanded: n.demandId !== undefined })),
    demands: board.demands.map((d) => ({ members: d.members.length, agenda: d.agenda, demandedAt: d.demandedAt, holdBy: d.holdBy, heldAt: d.heldAt })),
    meetings: board.meetings.map((m) => ({
      heldAt: m.heldAt,
      members: m.members,
      present: m.present,
      quorumMet: m.quorumMet,
      items: m.items.map((i) => ({ title: i.title, inFavour: i.inFavour, adopted: i.adopted })),
      publicationDueBy: m.publicationDueBy,
      published: m.published,
    })),
    decisionCount: board.meetings.filter((m) => m.published).reduce((s, m) => s + m.decisions.length, 0),
  };
}

const countKinds = (kinds: readonly string[]): string =>
  [...kinds.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${kindLabel(k)} ${n} 人`).join('、');
