/**
 * The committee's public views, rendered from its state: the notice board (members by role with their unit
 * numbers, term, filing, meetings and decisions) and each election (the preparatory body, candidates with
 * eligibility and vetting, the posting, the result). Candidate and member names are posted by law (京条例
 * Arts. 31, 40, 42); person ids never appear.
 */
import type { ActiveCommitteeState, ElectionState } from '../../domain/committee/index.js';

export const COMMITTEE_STATE = 'committee_state';
export const COMMITTEE_BOARDS = 'committee_boards';
export const COMMITTEE_ELECTIONS = 'committee_elections';

const groupView = (state: ActiveCommitteeState) => ({
  body: state.group.body,
  members: state.group.members.map((m) => ({ memberId: m.memberId, name: m.name, kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })),
  leaderMemberId: state.group.leaderMemberId,
  formedAt: state.group.formedAt,
  listPostingDueBy: state.group.listPostingDueBy,
  listPostedAt: state.group.listPostedAt,
  firstAssemblyDueBy: state.group.firstAssemblyDueBy,
});

const electionStatus = (e: ElectionState) => (e.decided ? 'decided' : e.posted ? 'posted' : 'nominating');

export function renderBoard(state: ActiveCommitteeState) {
  const term = state.term;
  const name = (id: string) => state.members.find((m) => m.memberId === id)?.name ?? id;
  return {
    compoundId: state.compoundId,
    jurisdiction: state.jurisdiction,
    preparatoryBody: groupView(state),
    committee: term
      ? {
          termId: term.termId,
          electedAt: term.electedAt,
          termEndsAt: term.termEndsAt,
          seats: term.seats,
          serving: state.members.filter((m) => m.status === 'active').length,
          members: state.members.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role, units: m.unitIds, status: m.status, ended: m.ended })),
          officers: term.officers,
          firstMeetingDueBy: term.firstMeetingDueBy,
          filing: term.filing ? { status: 'filed', ...term.filing, dueBy: term.filingDueBy } : { status: 'pending', dueBy: term.filingDueBy },
          byElectionSeats: term.byElectionSeats,
          earlyReelection: term.earlyReelection,
          reelectionReportDueBy: term.reelectionReportDueBy,
        }
      : null,
    meetings: state.meetings.map((m) => ({
      meetingId: m.meetingId,
      heldAt: m.heldAt,
      members: m.members.length,
      present: m.present.length,
      quorumMet: m.quorumMet,
      items: m.items.map((i) => ({ itemId: i.itemId, title: i.title, inFavour: i.inFavour.length, signedBy: i.inFavour.map(name), adopted: i.adopted })),
      publicationDueBy: m.publicationDueBy,
      published: m.published,
      decisions: m.published ? m.items.filter((i) => i.adopted).map((i) => ({ itemId: i.itemId, title: i.title })) : [],
    })),
    elections: state.electionOrder.map((id) => {
      const e = state.elections[id]!;
      return { electionId: id, kind: e.kind, seats: e.seats, status: electionStatus(e) };
    }),
  };
}

export function renderElection(state: ActiveCommitteeState, e: ElectionState, motionId: string | null) {
  const nameOf = (id: string) => e.candidates.find((c) => c.candidateId === id)?.name ?? id;
  return {
    electionId: e.electionId,
    compoundId: state.compoundId,
    kind: e.kind,
    seats: e.seats,
    termYears: e.termYears,
    openedAt: e.openedAt,
    status: electionStatus(e),
    preparatoryBody: groupView(state),
    candidates: e.candidates.map((c) => ({
      candidateId: c.candidateId,
      name: c.name,
      units: c.unitIds,
      route: c.route,
      nominatedAt: c.nominatedAt,
      eligible: c.eligible,
      checks: c.checks,
      vetting: c.vetting,
    })),
    posting: e.posted,
    motionId: e.decided?.motionId ?? motionId,
    result: e.decided ? { decisionId: e.decided.decisionId, elected: e.decided.elected.map((id) => ({ candidateId: id, name: nameOf(id) })), unfilledSeats: e.decided.unfilledSeats, decidedAt: e.decided.decidedAt } : null,
  };
}

export type CommitteeBoardDoc = ReturnType<typeof renderBoard>;
export type ElectionDoc = ReturnType<typeof renderElection>;
